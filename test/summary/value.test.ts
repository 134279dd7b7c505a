/**
 * The value section and gate funnel: planned, confirmed and at risk per unit over the workbook
 * and per objective, initiatives and planned value at each gate; never a sum across units;
 * absent on a version 1 workbook; text from cells inert in the sheet and escaped in HTML.
 */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  VALUE_LIMITS,
  SHEET,
  demoContent,
  summarize,
  summaryHtml,
  summaryMarkdown,
  summaryPlan,
  templatePlan,
  validateGrids,
  type BoardSummary,
  type Grid,
} from "@baton/core";
import { objective, version1Grids, workbookGrids, type RowSpec } from "../support/grids.ts";
import { AS_OF, XSS, crowded, ini, plus, summarized, world } from "./support.ts";

const decision = (id: string, gate: number, by: string, role: string, o: RowSpec = {}) => ({
  Date: plus(AS_OF, -30 + gate),
  ID: id,
  Gate: gate,
  Decision: "Approved",
  "Decided By": by,
  Role: role,
  Evidence: `Evidence for gate ${gate}`,
  ...o,
});

const governed = (units: { eur?: string; hours?: string; name?: string } = {}) => ({
  objectives: [objective("OBJ-1", { Objective: units.name ?? "Cut cost" }), objective("OBJ-2")],
  initiatives: [
    ini("INI-1", {
      Start: "2026-09-01",
      Stage: "Done",
      Sponsor: "Sam",
      Controller: "Cora",
      "Planned Value": 100000,
      "Value Unit": units.eur ?? "EUR",
    }),
    // Past Due and not done: Red, so its planned value is at risk.
    ini("INI-2", {
      Start: "2026-09-01",
      Due: plus(AS_OF, -1),
      "Planned Value": 50000,
      "Value Unit": units.eur ?? "EUR",
    }),
    ini("INI-3", { "Planned Value": 300, "Value Unit": units.hours ?? "hours" }),
    // The same unit typed differently counts as EUR.
    ini("INI-4", { "Objective ID": "OBJ-2", "Planned Value": 20000, "Value Unit": " eur" }),
    // Cancelled: left out of every figure, the funnel included.
    ini("INI-5", {
      "Objective ID": "OBJ-2",
      Stage: "Cancelled",
      "Planned Value": 999999,
      "Value Unit": "EUR",
    }),
    ini("INI-6", { "Objective ID": "OBJ-2" }),
  ],
  gateDecisions: [
    decision("INI-1", 2, "Ines", "Owner"),
    decision("INI-1", 3, "Sam", "Sponsor"),
    decision("INI-1", 4, "Ines", "Owner"),
    decision("INI-1", 5, "Cora", "Controller", { "Confirmed Value": 80000 }),
  ],
});

const SHEET_NAME = "Board Summary 2026-W48";

async function sheet(summary: BoardSummary) {
  const host = new MemoryHost(workbookGrids(world(governed())));
  await host.apply(summaryPlan(summary, await host.sheetNames()));
  return { host, grid: host.grid(SHEET_NAME) };
}

const rowOf = (grid: Grid, first: string, after = 0) =>
  grid.findIndex((r, i) => i >= after && r[0] === first) + 1;

describe("the value model", () => {
  const { summary } = summarized(governed());
  const v = summary.value!;

  it("sums planned, confirmed and at risk per unit over the workbook, Cancelled left out", () => {
    expect(v.total).toEqual([
      { unit: "EUR", planned: 170000, confirmed: 80000, atRisk: 50000 },
      { unit: "hours", planned: 300, confirmed: 0, atRisk: 0 },
    ]);
  });

  it("sums per objective, one entry per unit", () => {
    expect(v.objectives).toEqual([
      {
        id: "OBJ-1",
        name: "Cut cost",
        byUnit: [
          { unit: "EUR", planned: 150000, confirmed: 80000, atRisk: 50000 },
          { unit: "hours", planned: 300, confirmed: 0, atRisk: 0 },
        ],
      },
      {
        id: "OBJ-2",
        name: "Objective OBJ-2",
        byUnit: [{ unit: "eur", planned: 20000, confirmed: 0, atRisk: 0 }],
      },
    ]);
  });

  it("counts initiatives and their planned value at each gate, each unit apart", () => {
    expect(v.funnel).toEqual([
      {
        gate: 1,
        name: "Identified",
        initiatives: 4,
        planned: [
          { unit: "EUR", planned: 70000 },
          { unit: "hours", planned: 300 },
        ],
      },
      { gate: 2, name: "Evaluated", initiatives: 0, planned: [] },
      { gate: 3, name: "Approved", initiatives: 0, planned: [] },
      { gate: 4, name: "Implemented", initiatives: 0, planned: [] },
      { gate: 5, name: "Realised", initiatives: 1, planned: [{ unit: "EUR", planned: 100000 }] },
    ]);
  });
});

describe("two units are never summed together", () => {
  const { summary } = summarized(governed());
  const all = [170000 + 300, 150000 + 300, 70000 + 300].map(String);

  it("in the sheet, the Markdown and the HTML", async () => {
    const { grid } = await sheet(summary);
    const cells = grid.flat();
    for (const n of all) expect(cells).not.toContain(Number(n));
    const funnel = rowOf(grid, "Gate funnel");
    expect(grid[funnel]!.slice(0, 5)).toEqual([
      "Gate",
      "Name",
      "Initiatives",
      "Planned EUR",
      "Planned hours",
    ]);
    expect(grid[funnel + 1]!.slice(0, 5)).toEqual([1, "Identified", 4, 70000, 300]);
    const text = summaryMarkdown(summary) + summaryHtml(summary);
    for (const n of all) expect(text).not.toContain(Number(n).toLocaleString("en-US"));
    expect(summaryMarkdown(summary)).toContain("| 1 Identified | 4 | 70,000 EUR; 300 hours |");
  });
});

describe("the sheet, Markdown and HTML show the same figures", () => {
  const { summary } = summarized(governed());

  it("writes the totals and each objective's line per unit", async () => {
    const { grid } = await sheet(summary);
    const band = rowOf(grid, "Value: planned, confirmed, at risk");
    expect(band).toBeGreaterThan(0);
    expect(grid.slice(band + 1, band + 5).map((r) => r.slice(0, 6))).toEqual([
      ["All", "Whole workbook", "EUR", 170000, 80000, 50000],
      ["All", "Whole workbook", "hours", 300, 0, 0],
      ["OBJ-1", "Cut cost", "EUR", 150000, 80000, 50000],
      ["OBJ-1", "Cut cost", "hours", 300, 0, 0],
    ]);
    const md = summaryMarkdown(summary);
    expect(md).toContain("| OBJ-1 Cut cost | EUR | 150,000 | 80,000 | 50,000 |");
    expect(md).toContain("| 5 Realised | 1 | 100,000 EUR |");
    const html = summaryHtml(summary);
    expect(html).toContain('aria-label="Initiatives and planned value at each gate"');
    expect(html).toContain("1 initiative \u00B7 100,000 EUR");
    expect(html).toContain("4 initiatives \u00B7 70,000 EUR; 300 hours");
  });
});

describe("a version 1 workbook", () => {
  it("has no value section at all, in the model or any rendering", async () => {
    const { workbook } = validateGrids(
      version1Grids(
        world({
          initiatives: [ini("INI-1", { Start: "2026-09-01" })],
          objectives: [objective("OBJ-1")],
        }),
      ),
    );
    const summary = summarize(workbook, { asOf: AS_OF });
    expect(summary.empty).toBe(false);
    expect(summary.value).toBeNull();
    const host = new MemoryHost();
    await host.apply(summaryPlan(summary, []));
    const cells = host.grid(SHEET_NAME).flat();
    for (const text of [cells.join("\n"), summaryMarkdown(summary), summaryHtml(summary)]) {
      expect(text).not.toContain("Value: planned");
      expect(text).not.toContain("Gate funnel");
    }
  });
});

describe("text from cells", () => {
  const { summary } = summarized(governed({ eur: "=1+1", hours: XSS, name: "@SUM(A1)" }));

  it("stays text in the sheet: units and objective names are never formulas", async () => {
    const { host, grid } = await sheet(summary);
    const cells = grid.flat();
    expect(cells).toContain(XSS);
    for (const t of ["=1+1", "@SUM(A1)"]) {
      expect(cells).toContain(t);
      expect(host.literalText).toContain(t);
    }
  });

  it("is escaped in the HTML, in the tables and the funnel chart", () => {
    const html = summaryHtml(summary);
    expect(html).not.toContain(XSS);
    // Not even cut short, as the funnel's labels are.
    expect(html).not.toMatch(/<img/);
    const escaped = "&lt;img src=x onerror=alert(1)&gt;";
    const funnel =
      /<svg [^>]*aria-label="Initiatives and planned value at each gate".*?<\/svg>/s.exec(html)![0];
    expect(funnel).toContain(escaped);
    expect(html.split(escaped).length - 1).toBeGreaterThan(2);
  });
});

describe("the demo", () => {
  it("shows its gate-5 initiative's confirmed value", async () => {
    const today = "2026-11-26";
    const host = new MemoryHost();
    await host.apply(templatePlan(demoContent({ today, timeZone: "Europe/Berlin" })));
    const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
    const summary = summarize(workbook, { asOf: today });
    const v = summary.value!;
    const realised = v.funnel.find((g) => g.gate === 5)!;
    expect(realised.initiatives).toBe(1);
    expect(realised.planned).toEqual([{ unit: "EUR", planned: 180000 }]);
    expect(v.total).toHaveLength(1);
    expect(v.total[0]!.confirmed).toBe(165000);
    expect(summaryMarkdown(summary)).toMatch(/\| EUR \| [\d,]+ \| 165,000 \|/);
    expect(summaryHtml(summary)).toContain("165,000");
  });
});

describe("a large plan", () => {
  it("keeps the first units and objective lines and counts what it leaves out", () => {
    const v = summarized(crowded()).summary.value!;
    expect(v.total.map((u) => u.unit)).toEqual(
      Array.from({ length: VALUE_LIMITS.units }, (_, i) => `U${i}`),
    );
    expect(v.omitted.units).toBe(1);
    const lines = v.objectives.reduce((n, o) => n + o.byUnit.length, 0);
    expect(lines).toBe(VALUE_LIMITS.objectives);
    // 61 objectives, one unit each; those in the unit left out have no line.
    expect(v.omitted.objectives).toBe(61 - 8 - VALUE_LIMITS.objectives);
    // The funnel's columns are the units kept, and nothing of the one left out is counted.
    expect(v.funnel[0]!.planned.map((u) => u.unit)).toEqual(v.total.map((u) => u.unit));
  });
});
