/**
 * The summary sheet: `Board Summary <period>` added after the others, earlier periods kept, the
 * same period replaced; the sections with their values, status colours and date formats; text
 * from cells written as text; and a known size.
 */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  STATUS_FILL,
  SUMMARY_MAX_ROWS,
  SUMMARY_WIDTH,
  serialFromIso,
  summaryPlan,
  type BoardSummary,
  type CellValue,
  type Grid,
  type WriteOp,
} from "@baton/core";
import { handoff, kpi, objective, workbookGrids } from "../support/grids.ts";
import { AS_OF, crowded, ini, plus, summarized, world } from "./support.ts";

const SHEET = "Board Summary 2026-W48";

const spec = {
  objectives: [objective("OBJ-1", { Objective: "@cmd", Owner: "Ana" })],
  kpis: [kpi("KPI-1", "OBJ-1", { "Target Date": "2027-06-30" })],
  initiatives: [
    ini("INI-1", { Team: "-2" }),
    ini("INI-2", { Team: "IT Support" }),
    ini("INI-3", { Team: "Infra" }),
  ],
  handoffs: [
    handoff("DEP-1", "INI-1", "INI-2", {
      Deliverable: "=1+1",
      Owner: "+SUM(A1)",
      "Needed By": plus(AS_OF, -3),
    }),
    handoff("DEP-2", "INI-1", "INI-3", { "Needed By": plus(AS_OF, -1) }),
    handoff("DEP-3", "INI-3", "INI-2", { State: "Requested", "Needed By": plus(AS_OF, 1) }),
  ],
};

async function written(summary: BoardSummary, host = new MemoryHost(workbookGrids(world(spec)))) {
  await host.apply(summaryPlan(summary, await host.sheetNames()));
  return host;
}

const rowOf = (grid: Grid, first: CellValue, after = 0) =>
  grid.findIndex((r, i) => i >= after && r[0] === first) + 1;

describe("the sheet of the period", () => {
  it("is added after the others; the template and earlier periods' summaries are left as they are", async () => {
    const grids = {
      ...workbookGrids(world(spec)),
      "Board Summary 2026-W47": [["Last week's summary"]],
    };
    const host = new MemoryHost(grids);
    const before = await host.readSheets(Object.keys(grids));
    await written(summarized(spec).summary, host);
    expect(await host.sheetNames()).toEqual([...Object.keys(grids), SHEET]);
    expect(await host.readSheets(Object.keys(grids))).toEqual(before);
    expect(host.grid(SHEET)[0]![0]).toBe("Board summary 2026-W48");
  });

  it("is replaced, not duplicated, by a second summary in the same period, however much the first one held", async () => {
    const host = new MemoryHost(workbookGrids(world(spec)));
    await written(summarized(crowded()).summary, host);
    const bigRows = host.grid(SHEET).length;
    const small = summarized(spec).summary;
    await written(small, host);
    const fresh = await written(small);
    expect(host.grid(SHEET)).toEqual(fresh.grid(SHEET));
    expect(host.grid(SHEET).length).toBeLessThan(bigRows);
    expect((await host.sheetNames()).filter((n) => n.startsWith("Board Summary"))).toEqual([SHEET]);
    // Formats of the first summary's rows below the second one's are gone too.
    expect(host.formatAt(SHEET, bigRows, 1)).toBeUndefined();
  });

  it("is found whatever the case of its name, as spreadsheets treat sheet names", async () => {
    const host = new MemoryHost({
      ...workbookGrids(world(spec)),
      "board summary 2026-w48": [["old"]],
    });
    await written(summarized(spec).summary, host);
    expect((await host.sheetNames()).filter((n) => /summary/i.test(n))).toEqual([
      "board summary 2026-w48",
    ]);
    expect(host.grid("board summary 2026-w48")[0]![0]).toBe("Board summary 2026-W48");
  });
});

describe("the sections and their values", () => {
  const { summary } = summarized(spec);

  it("runs title, headline, decisions, changes, objectives, KPIs, hand-offs, stale initiatives, top to bottom", async () => {
    const grid = (await written(summary)).grid(SHEET);
    const bands = [
      "Headline",
      "Decisions needed",
      "What changed since 2026-W47",
      "Objectives, with their initiatives by status",
      "KPIs against target",
      "Red and amber hand-offs",
      "Stale initiatives",
      "Reported green, evidence says otherwise",
      "Value: planned, confirmed, at risk",
      "Gate funnel",
    ];
    const rows = bands.map((b) => rowOf(grid, b));
    expect(rows.every((r) => r > 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it("counts by status in the headline", async () => {
    const grid = (await written(summary)).grid(SHEET);
    const c = summary.headline.handoffs.now;
    expect(grid[rowOf(grid, "Hand-offs") - 1]!.slice(2, 8)).toEqual([
      c.Red,
      c.Amber,
      c.Green,
      c.Done,
      c.Paused,
      3,
    ]);
  });

  it("writes each red and amber hand-off with its teams, owner, days late and root cause, its status coloured", async () => {
    const host = await written(summary);
    const grid = host.grid(SHEET);
    const section = rowOf(grid, "Red and amber hand-offs");
    for (const h of summary.handoffs) {
      const r = rowOf(grid, h.id, section);
      expect(grid[r - 1]!.slice(0, 8)).toEqual([
        h.id,
        h.deliverable,
        h.status,
        h.provider!.team,
        h.waiting!.team,
        h.owner,
        h.daysLate,
        h.blocks,
      ]);
      expect(grid[r - 1]![9]).toBe(h.rootCauses.map((c) => c.id).join(", "));
      expect(host.formatAt(SHEET, r, 3)).toEqual(STATUS_FILL[h.status]);
    }
  });

  it("writes dates as serial numbers with a date format", async () => {
    const host = await written(summary);
    const grid = host.grid(SHEET);
    const r = rowOf(grid, "KPI-1", rowOf(grid, "KPIs against target"));
    expect(grid[r - 1]![6]).toBe(serialFromIso("2027-06-30"));
    expect(host.formatAt(SHEET, r, 7)).toEqual({ numberFormat: "yyyy-mm-dd" });
  });
});

describe("text from cells is written as text", () => {
  it("keeps values starting with = + - @ as the strings they are; the host writes them so no spreadsheet evaluates them", async () => {
    const host = await written(summarized(spec).summary);
    const cells = host.grid(SHEET).flat();
    for (const v of ["=1+1", "+SUM(A1)", "-2", "@cmd"]) {
      expect(cells).toContain(v);
      expect(host.literalText).toContain(v);
    }
  });
});

describe("the sheet's size", () => {
  it(`never runs past ${SUMMARY_MAX_ROWS} rows and ${SUMMARY_WIDTH} columns, the area a replacement clears, even with every list full`, () => {
    const { summary } = summarized(crowded());
    const plan = summaryPlan(summary, [SHEET]);
    const values = plan.ops.filter(
      (o): o is Extract<WriteOp, { op: "values" }> => o.op === "values",
    );
    expect(values).toHaveLength(1);
    expect(values[0]!.values.length).toBeLessThanOrEqual(SUMMARY_MAX_ROWS);
    expect(values[0]!.values.length).toBeGreaterThan(SUMMARY_MAX_ROWS - 10);
    for (const row of values[0]!.values) expect(row).toHaveLength(SUMMARY_WIDTH);
    for (const op of plan.ops)
      if (op.op === "format" || op.op === "clear") {
        expect(op.range.row + op.range.rows - 1).toBeLessThanOrEqual(SUMMARY_MAX_ROWS);
        expect(op.range.column + op.range.columns - 1).toBeLessThanOrEqual(SUMMARY_WIDTH);
      }
    expect(plan.ops[1]).toEqual({
      op: "clear",
      sheet: SHEET,
      range: { row: 1, column: 1, rows: SUMMARY_MAX_ROWS, columns: SUMMARY_WIDTH },
    });
  });

  it("colours runs of equal statuses with one format each, so a host makes few calls", () => {
    const { summary } = summarized(crowded());
    const plan = summaryPlan(summary, []);
    const fills = plan.ops.filter(
      (o) => o.op === "format" && o.range.column === 3 && o.format.fill === STATUS_FILL.Red.fill,
    );
    // Column 3 holds the headline's Red column (its header and the Red counts below it) and the
    // hand-offs' statuses, all Red here: one run each.
    expect(fills).toHaveLength(2);
  });
});
