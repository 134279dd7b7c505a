/**
 * The summary as one self-contained HTML page: nothing loaded or run, charts drawn inline,
 * a print layout, and every piece of text from cells escaped, in the page and in its SVG.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { STATUS_FILL, summaryHtml } from "@baton/core";
import { checkin, handoff, kpi, objective, type WorkbookSpec } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, THIS_WEEK, XSS, ini, plus, summarized } from "./support.ts";

const ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";

/** A workbook whose every piece of free text is `text`. */
function everywhere(text: string): WorkbookSpec {
  return {
    objectives: [
      objective("OBJ-1", { Objective: text, Owner: text }),
      objective("OBJ-2", { Objective: text, Owner: text }),
    ],
    kpis: [
      kpi("KPI-1", "OBJ-1", { KPI: text, Unit: text, Owner: text }),
      kpi("KPI-2", "OBJ-2", { KPI: text, Unit: text }),
    ],
    initiatives: [
      ini("INI-1", {
        Initiative: text,
        Team: text,
        Owner: text,
        "Planned Value": 1000,
        "Value Unit": text,
      }),
      ini("INI-2", { Initiative: text, Team: text, Owner: text }),
      ini("INI-3", {
        "Objective ID": "OBJ-2",
        Initiative: text,
        Team: text,
        Owner: text,
        Start: "2026-09-01",
      }),
      ini("INI-4", {
        "Objective ID": "OBJ-2",
        Stage: "Done",
        Initiative: text,
        Team: text,
        Owner: text,
      }),
    ],
    handoffs: [
      handoff("DEP-1", "INI-1", "INI-2", {
        Deliverable: text,
        Owner: text,
        "Needed By": plus(AS_OF, -4),
      }),
      handoff("DEP-2", "INI-3", "INI-2", { Deliverable: text, Owner: text, State: "Declined" }),
      handoff("DEP-3", "INI-1", "INI-3", {
        Deliverable: text,
        Owner: text,
        State: "Delivered",
        "Delivered On": plus(AS_OF, -1),
      }),
    ],
    checkins: [
      checkin(LAST_WEEK, "INI-1", { RAG: "Green", Comment: text }),
      checkin(THIS_WEEK, "INI-1", { RAG: "Amber", "Path to Green": text }),
      checkin(LAST_WEEK, "KPI-1", { Actual: 10 }),
      checkin(THIS_WEEK, "KPI-1", { Actual: 14 }),
    ],
  };
}

const page = (spec: WorkbookSpec) => {
  const { summary } = summarized(spec);
  return { summary, html: summaryHtml(summary) };
};

describe("a self-contained page", () => {
  const { html } = page(everywhere("Plain text"));

  it("is one HTML document with inline CSS and inline SVG", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html.match(/<svg /g)!.length).toBe(1 + 2 + 1);
  });

  it("loads and runs nothing: no script, no link, no source, no URL of any kind", () => {
    expect(html).not.toMatch(
      /<script|<link|<iframe|<object|<embed|<img|\bsrc=|\bhref=|url\(|@import|https?:|\bon[a-z]+=/i,
    );
  });

  it("carries a Content-Security-Policy that allows only inline styles", () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
  });

  it("prints on A4 with its colours", () => {
    expect(html).toMatch(/@media print\{\s*@page\{size:A4/);
    expect(html).toContain("print-color-adjust:exact");
    expect(html).toMatch(/break-inside:avoid/);
  });
});

describe("text from cells is escaped everywhere, the SVG included", () => {
  const { html } = page(everywhere(XSS));

  it("shows the XSS probe as characters and never as markup", () => {
    expect(html).not.toContain("<img");
    const svg = html.slice(html.indexOf("<svg"), html.lastIndexOf("</svg>"));
    expect(svg).toContain(ESCAPED);
    expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(10);
  });

  it("changes no tag and no attribute of the page, whatever the text", () => {
    const tags = (h: string) => h.match(/<[^>]*>/g);
    const plain = tags(page(everywhere("x")).html);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom(..."<>&\"'=/ `"),
            fc.string({ maxLength: 1, unit: "binary" }),
          ),
          maxLength: 30,
        }),
        (s) => {
          // A letter first, so the cell is never blank (a blank cell is no text at all).
          expect(tags(page(everywhere("a" + s)).html)).toEqual(plain);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the charts", () => {
  const { summary, html } = page({
    objectives: [objective("OBJ-1"), objective("OBJ-2")],
    kpis: [
      kpi("KPI-1", "OBJ-1", { Baseline: 0, Target: 100, "Target Date": "2027-06-30" }),
      kpi("KPI-2", "OBJ-2"),
    ],
    initiatives: [
      ini("INI-1", { Due: plus(AS_OF, -1) }),
      ini("INI-2", { Due: plus(AS_OF, -1) }),
      ini("INI-3"),
      ini("INI-4", { "Objective ID": "OBJ-2" }),
    ],
    checkins: [
      checkin("2026-W46", "KPI-1", { Actual: 5 }),
      checkin(LAST_WEEK, "KPI-1", { Actual: 10 }),
      checkin(THIS_WEEK, "KPI-1", { Actual: 14 }),
    ],
  });

  it("draws each objective's initiatives as a bar, one segment per status, as long as its count", () => {
    // OBJ-1 has 2 Red and 1 Green, OBJ-2 1 Green: the longest bar holds 3.
    const segment = (objective: string, n: number, status: string) => {
      const m = new RegExp(
        `<title>${objective}: ${n} ${status}</title><rect [^>]*width="([\\d.]+)"[^>]*fill="${STATUS_FILL[status as "Red"].fill}"`,
      ).exec(html);
      expect(m, `${objective} ${status}`).not.toBeNull();
      return Number(m![1]);
    };
    const unit = segment("OBJ-2", 1, "Green");
    expect(segment("OBJ-1", 2, "Red")).toBeCloseTo(2 * unit, 0);
    expect(segment("OBJ-1", 1, "Green")).toBeCloseTo(unit, 0);
    expect(3 * unit).toBeCloseTo(560, 0);
    expect(html).not.toMatch(/<title>OBJ-\d: 0 /);
  });

  it("draws a KPI's Actuals as a line, its Target dashed and its forecast at Target Date as a ring", () => {
    const k = summary.kpis.find((x) => x.id === "KPI-1")!;
    const svg = html.slice(
      html.indexOf("Trend of KPI-1"),
      html.indexOf("</svg>", html.indexOf("Trend of KPI-1")),
    );
    const points = /<polyline points="([^"]*)"/.exec(svg)![1]!.split(" ");
    expect(points).toHaveLength(k.trend.length);
    expect(k.trend).toHaveLength(3);
    expect(svg).toContain('class="target"');
    expect(svg).toContain(`Target ${k.target}`);
    // KPI-1's data is whole numbers: its forecast (151.095…) is shown as one.
    expect(k.forecast).not.toBe(151);
    expect(svg).toContain(`<title>Forecast 151 at 2027-06-30</title>`);
    // Time runs left to right.
    const xs = points.map((p) => Number(p.split(",")[0]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("says when a KPI has no Actuals to draw", () => {
    const svg = html.slice(html.indexOf("Trend of KPI-2"));
    expect(svg.slice(0, svg.indexOf("</svg>"))).toContain("No Actuals yet");
  });
});

describe("the page's content", () => {
  const { summary, html } = page(everywhere("Plain text"));

  it("lists each decision with its ask", () => {
    const items = html.match(/<ol class="decisions">([\s\S]*?)<\/ol>/)![1]!.match(/<li>/g)!;
    expect(items).toHaveLength(summary.decisions.length);
    expect(summary.decisions.map((d) => d.handoffId)).toEqual(["DEP-1", "DEP-2"]);
    expect(html).toContain("4 days late");
    expect(html).toContain("declined");
  });

  it("colours every status by the shared status fills", () => {
    for (const s of ["Red", "Amber", "Green", "Done", "Paused"] as const)
      expect(html).toContain(
        `.s-${s.toLowerCase()}{background:${STATUS_FILL[s].fill};color:${STATUS_FILL[s].fontColor}}`,
      );
    expect(html).toContain(`<span class="pill s-red">Red</span>`);
  });
});
