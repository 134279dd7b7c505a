/**
 * Stage gates: each rule of DESIGN.md "Governance" as an issue at its cell, decisions that
 * break a rule not counting, and the Gate as the highest level reached in order.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluate, judgeGates, deciderOf, validateGrids, type CellValue } from "@baton/core";
import { initiative, smallWorkbook, workbookGrids, type RowSpec } from "../support/grids.ts";

const TODAY = "2026-11-26";

/** INI-1 is owned by Ines, sponsored by Sam, controlled by Cora. */
const governed = (decisions: RowSpec[], extra: RowSpec = {}) =>
  workbookGrids({
    ...smallWorkbook(),
    initiatives: [
      initiative("INI-1", "OBJ-1", {
        Sponsor: "Sam",
        Controller: "Cora",
        "Planned Value": 120000,
        "Value Unit": "EUR",
        ...extra,
      }),
      initiative("INI-2", "OBJ-1", { Team: "Team B" }),
    ],
    gateDecisions: decisions,
  });

const decision = (date: string, gate: CellValue, role: string, by: string, o: RowSpec = {}) => ({
  Date: date,
  ID: "INI-1",
  Gate: gate,
  Decision: "Approved",
  "Decided By": by,
  Role: role,
  Evidence: `Minutes ${date}`,
  ...o,
});

/** The path to gate 5, each step by its rightful decider. */
const fullPath = [
  decision("2026-09-01", 2, "Owner", "Ines"),
  decision("2026-09-15", 3, "Sponsor", "Sam"),
  decision("2026-10-20", 4, "Owner", "Ines"),
  decision("2026-11-20", 5, "Controller", "Cora", { "Confirmed Value": 98000 }),
];

function check(grids: ReturnType<typeof governed>) {
  const v = validateGrids(grids, [], { today: TODAY });
  const gates = judgeGates(v.workbook, TODAY);
  return {
    issues: v.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`),
    all: v.issues,
    gate: gates.of("INI-1").gate,
    confirmed: gates.of("INI-1").confirmedValue,
  };
}

describe("gate decisions", () => {
  it("reach gate 5 with the controller's confirmed value when every rule is kept", () => {
    expect(check(governed(fullPath))).toMatchObject({ issues: [], gate: 5, confirmed: 98000 });
  });

  it("take decisions in date order, then row order, whatever the rows' order", () => {
    expect(check(governed([...fullPath].reverse()))).toMatchObject({ issues: [], gate: 5 });
  });

  it("flag an unknown ID, a gate out of range and a future date at their cells, and do not count them", () => {
    const r = check(
      governed([
        decision("2026-09-01", 2, "Owner", "Ines", { ID: "INI-9" }),
        decision("2026-09-02", 7, "Owner", "Ines"),
        decision("2026-12-01", 2, "Owner", "Ines"),
      ]),
    );
    expect(r.issues).toEqual([
      "unknown-reference Gate Decisions!B2",
      "gate-out-of-range Gate Decisions!C3",
      "gate-future-date Gate Decisions!A4",
    ]);
    expect(r.gate).toBe(1);
  });

  it("flag a decision by the wrong role, and one the Owner signs for the Sponsor", () => {
    const r = check(
      governed([
        decision("2026-09-01", 2, "Sponsor", "Sam"),
        decision("2026-09-02", 2, "Owner", "Ines"),
        decision("2026-09-03", 3, "Sponsor", "  ines "),
      ]),
    );
    expect(r.issues).toEqual([
      "gate-wrong-role Gate Decisions!F2",
      "gate-owner-decides Gate Decisions!E4",
    ]);
    expect(r.all[1]!.message).toMatch(/Ines owns this initiative and cannot sign gate 3/);
    expect(r.gate).toBe(2);
  });

  it("flag an approval that skips a gate, one without Evidence, and gate 5 without a Confirmed Value", () => {
    const r = check(
      governed([
        decision("2026-09-01", 3, "Sponsor", "Sam"),
        decision("2026-09-02", 2, "Owner", "Ines", { Evidence: null }),
        decision("2026-09-03", 2, "Owner", "Ines"),
        decision("2026-09-04", 3, "Sponsor", "Sam"),
        decision("2026-09-05", 4, "Owner", "Ines"),
        decision("2026-09-06", 5, "Controller", "Cora"),
        decision("2026-09-07", 5, "Controller", "Cora", { "Confirmed Value": "about 90k" }),
      ]),
    );
    expect(r.issues).toEqual([
      "gate-out-of-order Gate Decisions!C2",
      "gate-no-evidence Gate Decisions!G3",
      "gate-no-confirmed-value Gate Decisions!H7",
      "invalid-number Gate Decisions!H8",
    ]);
    expect(r).toMatchObject({ gate: 4, confirmed: null });
  });

  it("do not move the Gate on Rejected or Returned decisions", () => {
    const r = check(
      governed([
        decision("2026-09-01", 2, "Owner", "Ines"),
        decision("2026-09-02", 3, "Sponsor", "Sam", { Decision: "Rejected" }),
        decision("2026-09-03", 3, "Sponsor", "Sam", { Decision: "Returned" }),
      ]),
    );
    expect(r).toMatchObject({ issues: [], gate: 2 });
  });

  it("warn on the Stage cell of an initiative Done without gate 5", () => {
    const r = check(governed(fullPath.slice(0, 3), { Stage: "Done" }));
    expect(r.issues).toEqual(["done-without-confirmation Initiatives!H2"]);
    expect(r.all[0]!.severity).toBe("warning");
    expect(check(governed(fullPath, { Stage: "Done" })).issues).toEqual([]);
  });

  it("judge statuses as of a past day without the decisions taken after it", () => {
    const v = validateGrids(governed(fullPath), [], { today: TODAY });
    expect(evaluate(v.workbook, { asOf: "2026-10-01" }).initiatives[0]!.gate).toBe(3);
    expect(evaluate(v.workbook, { asOf: TODAY }).initiatives[0]!.gate).toBe(5);
  });
});

describe("the Gate, for any decisions", () => {
  const arbitrary = fc.array(
    fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      gate: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(2.5)),
      decision: fc.constantFrom("Approved", "Rejected", "Returned"),
      role: fc.constantFrom("Owner", "Sponsor", "Controller"),
      rightful: fc.boolean(),
      by: fc.constantFrom("Ines", "Sam", "Cora", "INES"),
      evidence: fc.boolean(),
      value: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    }),
    { maxLength: 12 },
  );

  it("never exceeds the highest approval taken in order, and only climbs one gate at a time", () => {
    fc.assert(
      fc.property(arbitrary, (ds) => {
        const rows = ds.map((d) =>
          decision(
            `2026-10-${String(d.day).padStart(2, "0")}`,
            d.gate,
            d.rightful && Number.isInteger(d.gate) ? deciderOf(d.gate) : d.role,
            d.by,
            {
              Decision: d.decision,
              Evidence: d.evidence ? "Minutes" : null,
              "Confirmed Value": d.value,
            },
          ),
        );
        const wb = validateGrids(governed(rows), [], { today: TODAY }).workbook;
        const gates = judgeGates(wb, TODAY);
        const gate = gates.of("INI-1").gate;
        // The highest gate among approvals, in order: an upper bound however the rules judge.
        const approved = ds.filter((d) => d.decision === "Approved").map((d) => d.gate);
        expect(gate).toBeGreaterThanOrEqual(1);
        expect(gate).toBeLessThanOrEqual(Math.max(1, ...approved.filter((g) => g <= 5)));
        // Counted decisions climb one gate at a time, in date order.
        let at = 1;
        for (const d of gates.counted) {
          expect(d.gate).toBeLessThanOrEqual(at + 1);
          expect(d.decision).toBe("Approved");
          at = Math.max(at, d.gate!);
        }
        expect(at).toBe(gate);
      }),
      { numRuns: 300 },
    );
  });
});
