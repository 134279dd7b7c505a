/**
 * Custom functions in cells: =BATON_STATUS(id) and =BATON_ROOT_CAUSE(id) answer what the core
 * computes, for one ID or a range, reading the spreadsheet once and writing nothing.
 */
import { describe, expect, it } from "vitest";
import { SHEET } from "@baton/core";
import { loadProject } from "./support/bundle.ts";
import { DEMO_NOW, demoEvaluation, demoProject } from "./support/demo.ts";

describe("BATON_STATUS gives the status the core computes", () => {
  it("for every objective, KPI, initiative and hand-off", async () => {
    const ev = await demoEvaluation();
    const p = demoProject();
    for (const e of [...ev.objectives, ...ev.kpis, ...ev.initiatives, ...ev.handoffs])
      expect(p.customFunction("BATON_STATUS", e.id), e.id).toBe(e.status);
  });

  it("over a range of IDs in one read, blanks blank and unknown IDs named", async () => {
    const ev = await demoEvaluation();
    const p = demoProject();
    const ids = ev.initiatives.map((e) => [e.id]);
    const reads = p.book.callsOf("Range.getValues");
    const out = p.customFunction("BATON_STATUS", [...ids, [""], ["INI-99"]]) as string[][];
    expect(out).toEqual([...ev.initiatives.map((e) => [e.status]), [""], ["Unknown ID"]]);
    // One read per template sheet, Gate Decisions included.
    expect(p.book.callsOf("Range.getValues") - reads).toBe(Object.keys(SHEET).length);
  });

  it("reads an ID as typed, whatever its case and spacing", async () => {
    const ev = await demoEvaluation();
    const p = demoProject();
    const first = ev.initiatives[0]!;
    expect(p.customFunction("BATON_STATUS", `  ${first.id.toLowerCase()} `)).toBe(first.status);
  });
});

describe("BATON_ROOT_CAUSE names where the trouble starts", () => {
  it("gives the root causes of red and amber initiatives and hand-offs, and blank for the rest", async () => {
    const ev = await demoEvaluation();
    const p = demoProject();
    const troubled = ev.initiatives.filter((e) => e.rootCauses.length);
    expect(troubled.length).toBeGreaterThan(0);
    for (const e of [...ev.initiatives, ...ev.handoffs])
      expect(p.customFunction("BATON_ROOT_CAUSE", e.id), e.id).toBe(e.rootCauses.join(", "));
    for (const e of ev.kpis) expect(p.customFunction("BATON_ROOT_CAUSE", e.id)).toBe("");
  });
});

describe("a cell that cannot be answered says why", () => {
  it("names an unknown ID", () => {
    const p = demoProject();
    expect(() => p.customFunction("BATON_STATUS", "INI-99")).toThrow(
      "No objective, KPI, initiative or hand-off has the ID INI-99.",
    );
  });

  it("asks for the template when the spreadsheet lacks it", () => {
    const p = loadProject({ Sheet1: [["a"]] }, { now: DEMO_NOW });
    expect(() => p.customFunction("BATON_STATUS", "INI-1")).toThrow(
      /does not have the Baton template yet/,
    );
  });
});
