/**
 * The summary in Markdown, read back through a CommonMark renderer (markdown-it, raw HTML
 * allowed): the sections in order, the decisions, the tables with the model's values, and
 * text from cells shown as characters.
 */
import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { summaryMarkdown, type BoardSummary } from "@baton/core";
import { checkin, handoff, kpi, objective } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, THIS_WEEK, XSS, crowded, ini, plus, summarized } from "./support.ts";

const markdown = new MarkdownIt({ html: true });

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, "")
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!,
    )
    .trim();

/** The rendered page split at its second-level headings. */
function sections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = html.split(/<h2>(.*?)<\/h2>/);
  out.set("", parts[0]!);
  for (let i = 1; i < parts.length; i += 2) out.set(decode(parts[i]!), parts[i + 1]!);
  return out;
}

/** Body rows of the first table in a chunk, as cell texts. */
function rows(chunk: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(chunk)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1]!)),
  );
}

const spec = {
  objectives: [objective("OBJ-1", { Objective: XSS, Owner: "*Ana*" })],
  kpis: [
    kpi("KPI-1", "OBJ-1", {
      KPI: "Resolution | time",
      Unit: "hours",
      Direction: "Decrease",
      Baseline: 40,
      Target: 20,
    }),
  ],
  initiatives: [
    ini("INI-1", { Team: "Dev | Ops", Owner: "Jonas" }),
    ini("INI-2", { Team: "IT Support", Owner: "Sam", Initiative: "[link](http://example.com)" }),
    ini("INI-3", { Team: "Infra", Start: "2026-09-01" }),
  ],
  handoffs: [
    handoff("DEP-1", "INI-1", "INI-2", {
      Deliverable: XSS,
      "Needed By": plus(AS_OF, -3),
      Owner: "=1+1",
    }),
    handoff("DEP-2", "INI-1", "INI-2", {
      State: "Requested",
      "Needed By": plus(AS_OF, 1),
      Owner: "Jonas",
    }),
  ],
  checkins: [
    checkin(LAST_WEEK, "INI-1", { RAG: "Green" }),
    checkin(THIS_WEEK, "INI-1", { RAG: "Green" }),
    checkin(LAST_WEEK, "KPI-1", { Actual: 39 }),
    checkin(THIS_WEEK, "KPI-1", { Actual: 38 }),
  ],
};

function rendered(summary: BoardSummary) {
  const html = markdown.render(summaryMarkdown(summary));
  return { html, parts: sections(html) };
}

describe("the Markdown summary", () => {
  const { summary } = summarized(spec);
  const { html, parts } = rendered(summary);

  it("has the title, the as-of day and the comparison day, and the sections in reading order", () => {
    expect(decode(/<h1>(.*?)<\/h1>/.exec(html)![1]!)).toBe("Board summary 2026-W48");
    expect(decode(parts.get("")!)).toContain(`As of ${AS_OF}`);
    expect(decode(parts.get("")!)).toContain("2026-11-22, the last day of 2026-W47");
    expect([...parts.keys()].slice(1)).toEqual([
      "Headline",
      "Decisions needed",
      "What changed since 2026-W47",
      "Objectives",
      "KPIs against target",
      "Red and amber hand-offs",
      "Stale initiatives",
      "Reported green, evidence says otherwise",
      "Value: planned, confirmed, at risk",
      "Gate funnel",
    ]);
  });

  it("counts by status in the headline table", () => {
    const t = rows(parts.get("Headline")!);
    const initiatives = t.find((r) => r[0] === "Initiatives")!;
    const c = summary.headline.initiatives.now;
    expect(initiatives.slice(2)).toEqual(
      [c.Red, c.Amber, c.Green, c.Done, c.Paused, 3].map(String),
    );
  });

  it("numbers each decision: the hand-off, who owes it to whom, how late, and what to decide", () => {
    const items = [...parts.get("Decisions needed")!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
      decode(m[1]!),
    );
    expect(items).toHaveLength(summary.decisions.length);
    expect(items[0]).toContain("DEP-1");
    expect(items[0]).toContain("=1+1 (Dev | Ops) owes IT Support");
    expect(items[0]).toContain(XSS);
    expect(items[0]).toContain("3 days late");
    expect(items[0]).toMatch(/Decide: a committed delivery date/);
  });

  it("lists each red and amber hand-off with status, teams, owner, days late, blocks and root cause", () => {
    expect(rows(parts.get("Red and amber hand-offs")!)).toEqual(
      summary.handoffs.map((h) => [
        `${h.id} ${h.deliverable}`,
        h.status,
        h.provider!.team,
        h.waiting!.team,
        h.owner,
        String(h.daysLate),
        String(h.blocks),
        h.rootCauses.map((c) => `${c.id} ${c.name} (${c.team})`).join("; "),
        expect.any(String),
      ]),
    );
  });

  it("shows KPIs against target with progress as a percentage", () => {
    const [row] = rows(parts.get("KPIs against target")!);
    // (38 − 40) / (20 − 40) = 10%.
    expect(row!.slice(0, 5)).toEqual([
      "KPI-1 Resolution | time (hours)",
      "OBJ-1",
      "40",
      "38",
      "20",
    ]);
    expect(row![7]).toBe("10%");
  });

  it("lists stale initiatives", () => {
    expect(rows(parts.get("Stale initiatives")!).map((r) => r[0])).toEqual(
      summary.stale.map((s) => `${s.id} ${s.name}`),
    );
    expect(summary.stale.map((s) => s.id)).toContain("INI-3");
  });

  it("makes no element, link or image of text from cells", () => {
    expect(html).not.toMatch(/<img|<a /);
    // The one emphasis is the subtitle's own; "*Ana*" stays as typed.
    expect(html.match(/<em>/g)).toHaveLength(1);
    expect(decode(parts.get("Objectives")!)).toContain(XSS);
    expect(decode(parts.get("Objectives")!)).toContain("*Ana*");
    expect(decode(html)).toContain("[link](http://example.com)");
  });

  it("says so when a list is empty", () => {
    expect(decode(parts.get("What changed since 2026-W47")!)).toMatch(
      /No status changed since 2026-W47|Newly/,
    );
    const { summary: calm } = summarized({ initiatives: [ini("INI-1")] });
    const p = rendered(calm).parts;
    expect(decode(p.get("Decisions needed")!)).toBe(
      "No hand-off is Red: nothing waits on a decision.",
    );
    expect(decode(p.get("Red and amber hand-offs")!)).toBe("No hand-off is Red or Amber.");
  });

  it("says how many more entries a capped list left out", () => {
    const { summary: big } = summarized(crowded());
    const p = rendered(big).parts;
    expect(rows(p.get("Red and amber hand-offs")!)).toHaveLength(big.handoffs.length);
    expect(decode(p.get("Red and amber hand-offs")!)).toContain(`and ${big.omitted.handoffs} more`);
  });
});
