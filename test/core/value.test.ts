/**
 * Value per initiative and per objective: planned, confirmed at gate 5, at risk when Red; sums
 * only within one unit; Gate and Confirmed Value written with the other computed columns.
 */
import { describe, expect, it } from "vitest";
import {
  GATE_FILL,
  MemoryHost,
  SHEET,
  evaluate,
  statusPlan,
  validateGrids,
  type WriteOp,
} from "@baton/core";
import {
  checkin,
  initiative,
  objective,
  smallWorkbook,
  version1Grids,
  workbookGrids,
  type RowSpec,
} from "../support/grids.ts";

const TODAY = "2026-11-26";
const gate5 = (id: string, value: number): RowSpec[] =>
  [
    ["2026-09-01", 2, "Owner", "Ines"],
    ["2026-09-02", 3, "Sponsor", "Sam"],
    ["2026-09-03", 4, "Owner", "Ines"],
    ["2026-09-04", 5, "Controller", "Cora"],
  ].map(([date, gate, role, by]) => ({
    Date: date,
    ID: id,
    Gate: gate,
    Decision: "Approved",
    "Decided By": by,
    Role: role,
    Evidence: "Minutes",
    ...(gate === 5 ? { "Confirmed Value": value } : {}),
  }));

const valued = (o: RowSpec) => ({ Sponsor: "Sam", Controller: "Cora", ...o });

function grids(unit2 = "EUR") {
  return workbookGrids({
    ...smallWorkbook(),
    objectives: [objective("OBJ-1"), objective("OBJ-2")],
    initiatives: [
      initiative("INI-1", "OBJ-1", valued({ "Planned Value": 100, "Value Unit": "EUR" })),
      initiative("INI-2", "OBJ-1", valued({ "Planned Value": 40, "Value Unit": unit2 })),
      initiative(
        "INI-3",
        "OBJ-1",
        valued({ "Planned Value": 7, "Value Unit": "EUR", Stage: "Cancelled" }),
      ),
      initiative("INI-4", "OBJ-2"),
    ],
    checkins: [
      checkin("2026-W47", "INI-2", { RAG: "Red", "Path to Green": "Escalated" }),
      checkin("2026-W47", "INI-1"),
    ],
    gateDecisions: gate5("INI-1", 90),
  });
}

function judged(g: ReturnType<typeof grids>) {
  const v = validateGrids(g, [], { today: TODAY });
  return { ...v, ev: evaluate(v.workbook, { asOf: TODAY }) };
}

describe("value", () => {
  it("per initiative: planned, confirmed at gate 5, unit; per objective: the sums and the planned value of Red ones", () => {
    const { ev, issues } = judged(grids());
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(ev.initiatives.map((i) => [i.id, i.gate, i.value])).toEqual([
      ["INI-1", 5, { planned: 100, confirmed: 90, unit: "EUR" }],
      ["INI-2", 1, { planned: 40, confirmed: null, unit: "EUR" }],
      ["INI-3", 1, { planned: 7, confirmed: null, unit: "EUR" }],
      ["INI-4", 1, { planned: null, confirmed: null, unit: null }],
    ]);
    expect(ev.initiatives[1]!.status).toBe("Red");
    expect(ev.objectives.map((o) => [o.id, o.value])).toEqual([
      ["OBJ-1", { planned: 140, confirmed: 90, atRisk: 40, unit: "EUR" }],
      ["OBJ-2", null],
    ]);
  });

  it("is never summed across units: the objective's value per unit, and one warning at the Value Unit cell", () => {
    const { ev, issues } = judged(grids("hours"));
    const obj = ev.objectives[0]!;
    expect(obj.value).toBeNull();
    expect(obj.valueByUnit).toEqual([
      { planned: 100, confirmed: 90, atRisk: 0, unit: "EUR" },
      { planned: 40, confirmed: 0, atRisk: 40, unit: "hours" },
    ]);
    const units = issues.filter((i) => i.code === "value-units-differ");
    expect(units.map((i) => `${i.sheet}!${i.cell} ${i.severity}`)).toEqual([
      `${SHEET.initiatives}!L3 warning`,
    ]);
    expect(units[0]!.message).toMatch(/EUR, hours/);
  });

  it("counts units alike whatever their case and spacing", () => {
    expect(judged(grids(" eur ")).ev.objectives[0]!.value).toMatchObject({ planned: 140 });
  });

  it("is written into Gate and Confirmed Value with the other computed columns", async () => {
    const g = grids();
    const host = new MemoryHost(g);
    const { workbook, ev } = judged(g);
    await host.apply(statusPlan(workbook, ev));
    const sheet = host.grid(SHEET.initiatives);
    const col = (h: string) => sheet[0]!.indexOf(h);
    expect(sheet.slice(1, 3).map((r) => [r[0], r[col("Gate")], r[col("Confirmed Value")]])).toEqual(
      [
        ["INI-1", 5, 90],
        ["INI-2", 1, null],
      ],
    );
  });

  it("colours the Gate column by level, one format per run of rows at the same gate", async () => {
    const g = grids();
    const host = new MemoryHost(g);
    const { workbook, ev } = judged(g);
    const plan = statusPlan(workbook, ev);
    await host.apply(plan);
    const gate = host.grid(SHEET.initiatives)[0]!.indexOf("Gate") + 1;
    // INI-1 is at gate 5; INI-2 to INI-4 are at gate 1, one run of three rows.
    expect(host.formatAt(SHEET.initiatives, 2, gate)).toMatchObject(GATE_FILL[5]!);
    for (const row of [3, 4, 5])
      expect(host.formatAt(SHEET.initiatives, row, gate)).toMatchObject(GATE_FILL[1]!);
    const gateFormats = plan.ops.filter(
      (o): o is Extract<WriteOp, { op: "format" }> =>
        o.op === "format" && o.sheet === SHEET.initiatives && o.range.column === gate,
    );
    expect(gateFormats.map((o) => [o.range.row, o.range.rows, o.format])).toEqual([
      [2, 1, GATE_FILL[5]],
      [3, 3, GATE_FILL[1]],
    ]);
    // Five levels, five colours, each readable (its font differs from its fill).
    const fills = [1, 2, 3, 4, 5].map((n) => GATE_FILL[n]!);
    expect(new Set(fills.map((f) => f.fill)).size).toBe(5);
    for (const f of fills) expect(f.fontColor).not.toBe(f.fill);
  });

  it("leaves a version 1 workbook's columns as they are (upgrading adds Gate and Confirmed Value)", async () => {
    const g = version1Grids(smallWorkbook());
    const host = new MemoryHost(g);
    const { workbook, ev } = judged(g);
    const plan = statusPlan(workbook, ev);
    await host.apply(plan);
    expect(host.grid(SHEET.initiatives)[0]).not.toContain("Gate");
    // Nor any Gate colour: only Status is coloured.
    const status = host.grid(SHEET.initiatives)[0]!.indexOf("Status") + 1;
    expect(
      plan.ops.filter(
        (o) => o.op === "format" && o.sheet === SHEET.initiatives && o.range.column !== status,
      ),
    ).toEqual([]);
  });
});
