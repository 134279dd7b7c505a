/**
 * The board summary's "Reported green, evidence says otherwise": in the model, the sheet, the
 * Markdown and the HTML, with text from cells kept as text.
 */
import { describe, expect, it } from "vitest";
import { MemoryHost, summaryHtml, summaryMarkdown, summaryPlan } from "@baton/core";
import { checkin, handoff, workbookGrids } from "../support/grids.ts";
import { AS_OF, XSS, ini, plus, summarized, world } from "../summary/support.ts";

const spec = {
  initiatives: [
    ini("INI-1", { Team: "Development", Initiative: "Routing API" }),
    ini("INI-2", { Team: "=HYPERLINK(1)" }),
    ini("INI-3", { Team: XSS }),
    ini("INI-4", { Team: "Quiet" }),
  ],
  handoffs: [
    handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, -10) }),
    handoff("DEP-2", "INI-3", "INI-1", { State: "Declined" }),
  ],
  checkins: [
    checkin("2026-W48", "INI-1"),
    checkin("2026-W48", "INI-2"),
    checkin("2026-W48", "INI-4"),
  ],
};
const SECTION = "Reported green, evidence says otherwise";

describe("the board summary's false greens", () => {
  it("lists each initiative reporting Green against the evidence, most contradicted first", () => {
    const { summary } = summarized(spec);
    expect(
      summary.falseGreens.map((f) => [f.id, f.team, f.period, f.evidence.map((e) => e.text)]),
    ).toEqual([
      [
        "INI-1",
        "Development",
        "2026-W48",
        [
          "DEP-1, which you owe =HYPERLINK(1), is 10 days late",
          `DEP-2, which you wait on from ${XSS}, was declined`,
        ],
      ],
      [
        "INI-2",
        "=HYPERLINK(1)",
        "2026-W48",
        ["DEP-1, which you wait on from Development, is 10 days late"],
      ],
    ]);
    expect(summary.omitted.falseGreens).toBe(0);
  });

  it("writes its own section to the sheet, with cell text as text", async () => {
    const { summary } = summarized(spec);
    const host = new MemoryHost(workbookGrids(world(spec)));
    await host.apply(summaryPlan(summary, await host.sheetNames()));
    const grid = host.grid("Board Summary 2026-W48");
    const band = grid.findIndex((r) => r[0] === SECTION);
    expect(band).toBeGreaterThan(0);
    const rows = grid.slice(band + 2, band + 4);
    expect(rows.map((r) => [r[0], r[2], r[4], r[5], r[9]])).toEqual([
      ["INI-1", "Development", "2026-W48", "Red", "DEP-1, DEP-2"],
      ["INI-2", "=HYPERLINK(1)", "2026-W48", "Red", "DEP-1"],
    ]);
    expect(rows[0]![10]).toBe(
      `DEP-1, which you owe =HYPERLINK(1), is 10 days late; DEP-2, which you wait on from ${XSS}, was declined`,
    );
    expect(host.literalText).toContain("=HYPERLINK(1)");
  });

  it("says so when there is none", () => {
    const { summary } = summarized({
      initiatives: [ini("INI-1")],
      checkins: [checkin("2026-W48", "INI-1")],
    });
    expect(summary.falseGreens).toEqual([]);
    expect(summaryMarkdown(summary)).toContain(
      `## ${SECTION}\n\nNo Green check-in is contradicted by the workbook's own data.`,
    );
  });

  it("renders to Markdown and HTML with the evidence escaped", () => {
    const { summary } = summarized(spec);
    const md = summaryMarkdown(summary);
    expect(md).toContain(`## ${SECTION}`);
    expect(md).toMatch(/\| INI-1 Routing API \| Development \|.*DEP-1, which you owe/);
    expect(md).not.toContain(XSS);
    const html = summaryHtml(summary);
    expect(html).toContain(SECTION);
    expect(html).toContain(
      "DEP-2, which you wait on from &lt;img src=x onerror=alert(1)&gt;, was declined",
    );
    expect(html).not.toContain(XSS);
  });
});
