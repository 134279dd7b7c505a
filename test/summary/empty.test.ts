/** An empty workbook gives a summary that says there is nothing to report, in every form. */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  summarize,
  summaryHtml,
  summaryMarkdown,
  summaryPlan,
  validateGrids,
  type Grids,
} from "@baton/core";
import { workbookGrids } from "../support/grids.ts";
import { AS_OF } from "./support.ts";

const zero = { Red: 0, Amber: 0, Green: 0, Done: 0, Paused: 0 };

function emptySummary(grids: Grids) {
  return summarize(validateGrids(grids).workbook, { asOf: AS_OF });
}

describe("a workbook with nothing in it", () => {
  for (const [what, grids] of [
    ["the template with headers only", workbookGrids({})],
    ["a workbook without a single template sheet", {}],
  ] as const) {
    it(`is summarised, not refused: ${what}`, () => {
      const s = emptySummary(grids);
      expect(s.empty).toBe(true);
      expect(s.headline).toEqual({
        objectives: { now: zero, before: zero },
        kpis: { now: zero, before: zero },
        initiatives: { now: zero, before: zero },
        handoffs: { now: zero, before: zero },
      });
      for (const list of [s.changes, s.decisions, s.objectives, s.kpis, s.handoffs, s.stale])
        expect(list).toEqual([]);
    });
  }

  it("says there is nothing to report in Markdown and HTML, with no empty sections", () => {
    const s = emptySummary(workbookGrids({}));
    const md = summaryMarkdown(s);
    expect(md).toContain("Nothing to report");
    expect(md).not.toContain("## ");
    const html = summaryHtml(s);
    expect(html).toContain("Nothing to report");
    expect(html).not.toContain("<h2>");
    expect(html).not.toContain("<svg");
  });

  it("writes a summary sheet with the title and that one line", async () => {
    const s = emptySummary(workbookGrids({}));
    const host = new MemoryHost(workbookGrids({}));
    await host.apply(summaryPlan(s, await host.sheetNames()));
    const grid = host.grid("Board Summary 2026-W48");
    expect(grid.map((r) => r[0])).toEqual([
      "Board summary 2026-W48",
      expect.stringContaining(AS_OF),
      null,
      expect.stringContaining("Nothing to report"),
    ]);
  });

  it("is not empty with a single objective", () => {
    expect(
      emptySummary(workbookGrids({ objectives: [{ ID: "OBJ-1", Objective: "x", Owner: "y" }] }))
        .empty,
    ).toBe(false);
  });
});
