/** The computed columns written back: found by header, added when missing, coloured, stale rows cleared, few large writes. */
import { describe, expect, it } from "vitest";
import {
  COLUMNS,
  MemoryHost,
  SHEET,
  STATUS_FILL,
  GATE_FILL,
  evaluate,
  statusPlan,
  validateGrids,
  type CellValue,
  type Grids,
  type WriteOp,
} from "@baton/core";
import { checkin, handoff, workbookGrids } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, ini, plus, world } from "./world.ts";

const spec = () =>
  world({
    initiatives: [ini("INI-1"), ini("INI-2"), ini("INI-3", { Stage: "Done" })],
    handoffs: [
      handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, -2) }),
      handoff("DEP-2", "INI-2", "INI-3", { State: "Delivered" }),
    ],
    checkins: [checkin(THIS_WEEK, "INI-1", { RAG: "Amber", "Path to Green": "A plan" })],
  });

async function run(grids: Grids) {
  const host = new MemoryHost(grids);
  const read = await host.readSheets(Object.values(SHEET));
  const { workbook } = validateGrids(read);
  const ev = evaluate(workbook, { asOf: AS_OF });
  const plan = statusPlan(workbook, ev);
  await host.apply(plan);
  return { host, plan, ev };
}

/** A sheet's column by header, as a list of values from row 2. */
function column(host: MemoryHost, sheet: string, header: string): CellValue[] {
  const grid = host.grid(sheet);
  const c = grid[0]!.indexOf(header);
  expect(c).toBeGreaterThanOrEqual(0);
  return grid.slice(1).map((r) => r[c] ?? null);
}

describe("the computed columns are filled where their headers are", () => {
  it("writes Status, Root Cause and Last Check-in of initiatives, and Status, Days Late and Blocks of hand-offs", async () => {
    const { host, ev } = await run(workbookGrids(spec()));
    expect(column(host, "Initiatives", "Status")).toEqual(ev.initiatives.map((i) => i.status));
    // INI-1 reports Amber (its own root cause); INI-2 waits on DEP-1, two days late.
    expect(column(host, "Initiatives", "Root Cause")).toEqual(["INI-1", "DEP-1", null]);
    expect(column(host, "Initiatives", "Last Check-in")).toEqual([THIS_WEEK, null, null]);
    expect(column(host, "Hand-offs", "Status")).toEqual(["Red", "Done"]);
    expect(column(host, "Hand-offs", "Days Late")).toEqual([2, null]);
    expect(column(host, "Hand-offs", "Blocks")).toEqual([1, 0]);
    expect(column(host, "Objectives", "Status")).toEqual(["Red"]);
    expect(column(host, "Objectives", "Reasons")).toEqual(["Initiative INI-2 Red"]);
  });
  it("finds the columns in any order", async () => {
    const grids = workbookGrids(spec());
    grids["Initiatives"] = grids["Initiatives"]!.map((r) => [...r].reverse());
    const { host } = await run(grids);
    expect(column(host, "Initiatives", "Status")).toEqual(["Amber", "Red", "Done"]);
    expect(column(host, "Initiatives", "Initiative")).toEqual([
      "Initiative INI-1",
      "Initiative INI-2",
      "Initiative INI-3",
    ]);
  });
  it("adds a computed column the sheet lacks after the last header", async () => {
    const grids = workbookGrids(spec());
    const at = grids["Initiatives"]![0]!.indexOf("Root Cause");
    grids["Initiatives"] = grids["Initiatives"]!.map((r) => r.filter((_, i) => i !== at));
    const width = grids["Initiatives"]![0]!.length;
    const { host } = await run(grids);
    expect(host.grid("Initiatives")[0]![width]).toBe("Root Cause");
    expect(column(host, "Initiatives", "Root Cause")).toEqual(["INI-1", "DEP-1", null]);
  });
});

describe("Status cells are coloured", () => {
  it("with the status fill and font colour", async () => {
    const { host } = await run(workbookGrids(spec()));
    const status = host.grid("Initiatives")[0]!.indexOf("Status") + 1;
    expect(host.formatAt("Initiatives", 2, status)).toMatchObject(STATUS_FILL.Amber);
    expect(host.formatAt("Initiatives", 3, status)).toMatchObject(STATUS_FILL.Red);
    expect(host.formatAt("Initiatives", 4, status)).toMatchObject(STATUS_FILL.Done);
  });
});

describe("a run of adjacent computed columns is one write", () => {
  it("writes each sheet's computed block once, and colours runs of equal status at once", async () => {
    const { plan } = await run(workbookGrids(spec()));
    const ops = (sheet: string, kind: WriteOp["op"]) =>
      plan.ops.filter((o) => o.op === kind && "sheet" in o && o.sheet === sheet);
    for (const sheet of ["Objectives", "Initiatives", "Hand-offs"])
      expect(ops(sheet, "values")).toHaveLength(1);
    expect(ops("KPIs", "values")).toEqual([]); // no KPI rows, nothing to write
    // Hand-offs: Red, Done: two runs of one row; the same status on adjacent rows is one run.
    expect(ops("Hand-offs", "format")).toHaveLength(2);
    const same = await run(
      workbookGrids(world({ initiatives: [ini("INI-1"), ini("INI-2"), ini("INI-3")] })),
    );
    const columnOf = (key: string) => COLUMNS.initiatives.findIndex((c) => c.key === key) + 1;
    // Status and Gate are coloured a run at a time: three Green rows, three rows at gate 1.
    expect(same.plan.ops.filter((o) => o.op === "format" && o.sheet === "Initiatives")).toEqual([
      {
        op: "format",
        sheet: "Initiatives",
        range: { row: 2, column: columnOf("status"), rows: 3, columns: 1 },
        format: STATUS_FILL.Green,
      },
      {
        op: "format",
        sheet: "Initiatives",
        range: { row: 2, column: columnOf("gate"), rows: 3, columns: 1 },
        format: GATE_FILL[1],
      },
    ]);
  });
});

describe("rows that no longer hold a record are cleared", () => {
  it("drops the values and colour a row had before its inputs were cleared", async () => {
    const first = await run(workbookGrids(spec()));
    const host = first.host;
    const initiatives = host.grid("Initiatives");
    const status = initiatives[0]!.indexOf("Status") + 1;
    // The user blanks INI-3's input cells (row 4); its old Done status is left behind.
    for (let c = 1; c < status; c++) host.edit("Initiatives", 4, c, null);
    expect(host.grid("Initiatives")[3]![status - 1]).toBe("Done");
    const read = await host.readSheets(Object.values(SHEET));
    const { workbook } = validateGrids(read);
    await host.apply(statusPlan(workbook, evaluate(workbook, { asOf: AS_OF })));
    expect(host.grid("Initiatives").length).toBe(3);
    expect(host.formatAt("Initiatives", 4, status)).toBeUndefined();
  });
});
