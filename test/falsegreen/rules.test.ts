/**
 * False greens: each rule of DESIGN.md ("Governance", last paragraph) on a small workbook judged
 * as of Thursday 2026-11-26 (2026-W48). INI-1 (Team A) runs 2026-09-01 to 2027-03-31, so 41% of
 * its time is gone; DEP-1 goes from INI-1 to INI-2 (Team B).
 */
import { describe, expect, it } from "vitest";
import { SHEET, evaluate, validateGrids } from "@baton/core";
import {
  checkin,
  handoff,
  initiative,
  objective,
  workbookGrids,
  type RowSpec,
  type WorkbookSpec,
} from "../support/grids.ts";

const TODAY = "2026-11-26";

function spec(o: { ini1?: RowSpec; dep1?: RowSpec; checkins: RowSpec[] }): WorkbookSpec {
  return {
    objectives: [objective("OBJ-1")],
    initiatives: [
      initiative("INI-1", "OBJ-1", o.ini1),
      initiative("INI-2", "OBJ-1", { Team: "Team B" }),
    ],
    handoffs: [handoff("DEP-1", "INI-1", "INI-2", { "Needed By": "2027-01-15", ...o.dep1 })],
    checkins: o.checkins,
    settings: { "Current Period": "2026-W48" },
  };
}

const warnings = (s: WorkbookSpec, today: string = TODAY) =>
  validateGrids(workbookGrids(s), [], { today }).issues.filter((i) => i.code === "false-green");
const evidenceOf = (s: WorkbookSpec) =>
  evaluate(validateGrids(workbookGrids(s)).workbook, { asOf: TODAY }).falseGreens.map((f) => ({
    id: f.id,
    evidence: f.evidence.map((e) => `${e.code} ${e.refs.join(" ")}`),
  }));

describe("a Green check-in is a false green", () => {
  it("when a hand-off it provides is Red: named with the team it is owed to and the days late", () => {
    const s = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W48", "INI-1")],
    });
    const [w, ...rest] = warnings(s);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({
      severity: "warning",
      sheet: SHEET.checkins,
      cell: "C2",
      column: "RAG",
    });
    expect(w!.message).toBe(
      "Check-ins!C2: You report Green, but DEP-1, which you owe Team B, is 10 days late.",
    );
    expect(w!.fix).toContain("DEP-1");
    expect(evidenceOf(s)).toEqual([{ id: "INI-1", evidence: ["owes-red-handoff DEP-1"] }]);
  });
  it("when a hand-off it waits on is Red, declined or committed late", () => {
    const late = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W48", "INI-2")],
    });
    expect(warnings(late).map((w) => w.message)).toEqual([
      "Check-ins!C2: You report Green, but DEP-1, which you wait on from Team A, is 10 days late.",
    ]);
    const declined = spec({
      dep1: { State: "Declined" },
      checkins: [checkin("2026-W48", "INI-2")],
    });
    expect(warnings(declined)[0]!.message).toContain(
      "DEP-1, which you wait on from Team A, was declined",
    );
    const committed = spec({
      dep1: { "Committed Date": "2027-02-01" },
      checkins: [checkin("2026-W48", "INI-2")],
    });
    expect(warnings(committed)[0]!.message).toContain(
      "is committed for 2027-02-01, after it is needed on 2027-01-15",
    );
  });
  it("when its initiative is past Due and not done", () => {
    const s = spec({
      ini1: { Start: "2026-06-01", Due: "2026-11-20" },
      checkins: [checkin("2026-W48", "INI-1", { "Progress %": 0.99 })],
    });
    expect(evidenceOf(s)).toEqual([{ id: "INI-1", evidence: ["overdue 2026-11-20"] }]);
    expect(warnings(s)[0]!.message).toContain("INI-1 was due on 2026-11-20 and is not done");
  });
  it("when Progress % trails the share of time gone by more than 25 points", () => {
    // 86 of 211 days gone: 40.8%.
    const at = (p: number) =>
      spec({ checkins: [checkin("2026-W48", "INI-1", { "Progress %": p })] });
    expect(evidenceOf(at(0.15))).toEqual([
      { id: "INI-1", evidence: ["behind-pace 2026-09-01 2027-03-31"] },
    ]);
    expect(warnings(at(0.15))[0]!.message).toContain(
      "progress is 15% with 41% of the time from Start 2026-09-01 to Due 2027-03-31 gone",
    );
    expect(evidenceOf(at(0.16))).toEqual([]);
    expect(evidenceOf(at(0.5))).toEqual([]);
  });
  it("when Progress % has not moved for three periods of Green", () => {
    const run = (w46: RowSpec, w47: RowSpec) =>
      spec({
        checkins: [
          checkin("2026-W46", "INI-1", w46),
          checkin("2026-W47", "INI-1", w47),
          checkin("2026-W48", "INI-1"),
        ],
      });
    expect(evidenceOf(run({}, {}))).toEqual([
      { id: "INI-1", evidence: ["progress-stalled 2026-W46 2026-W47 2026-W48"] },
    ]);
    expect(warnings(run({}, {})).map((w) => w.cell)).toEqual(["C4"]);
    expect(warnings(run({}, {}))[0]!.message).toContain(
      "progress has stayed at 50% for 3 periods (2026-W46 to 2026-W48)",
    );
    expect(evidenceOf(run({ "Progress %": 0.45 }, {}))).toEqual([]);
    expect(evidenceOf(run({}, { RAG: "Amber", "Path to Green": "Hire" }))).toEqual([]);
    // A missing period breaks the run.
    const gap = spec({
      checkins: [
        checkin("2026-W45", "INI-1"),
        checkin("2026-W47", "INI-1"),
        checkin("2026-W48", "INI-1"),
      ],
    });
    expect(evidenceOf(gap)).toEqual([]);
  });
  it("with every piece of evidence at once, each said once", () => {
    const s = spec({
      ini1: { Start: "2026-06-01", Due: "2026-11-20" },
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W48", "INI-1", { "Progress %": 0.3 })],
    });
    expect(evidenceOf(s)[0]!.evidence).toEqual([
      "overdue 2026-11-20",
      "owes-red-handoff DEP-1",
      "behind-pace 2026-06-01 2026-11-20",
    ]);
    expect(warnings(s)[0]!.message).toBe(
      "Check-ins!C2: You report Green, but INI-1 was due on 2026-11-20 and is not done; DEP-1, which you owe Team B, is 10 days late; and progress is 30% with 100% of the time from Start 2026-06-01 to Due 2026-11-20 gone.",
    );
  });
});

describe("a Green check-in is not a false green", () => {
  it("when it says Amber or Red, or its initiative is Done, On hold or Cancelled", () => {
    const late = { "Needed By": "2026-11-16" };
    const amber = checkin("2026-W48", "INI-1", { RAG: "Amber", "Path to Green": "Escalate" });
    expect(warnings(spec({ dep1: late, checkins: [amber] }))).toEqual([]);
    for (const Stage of ["Done", "On hold", "Cancelled"])
      expect(
        warnings(spec({ ini1: { Stage }, dep1: late, checkins: [checkin("2026-W48", "INI-1")] })),
      ).toEqual([]);
  });
  it("when the evidence arrived after its period ended (judged as of its period's last day)", () => {
    // DEP-1 was needed on Monday of W47: the W46 Green was true when given, the W47 one was not.
    const s = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [
        checkin("2026-W46", "INI-1"),
        checkin("2026-W47", "INI-1", { "Progress %": 0.55 }),
      ],
    });
    const w = warnings(s);
    expect(w.map((i) => i.cell)).toEqual(["C3"]);
    expect(w[0]!.message).toContain("is 6 days late");
    const onlyW46 = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W46", "INI-1")],
    });
    expect(warnings(onlyW46)).toEqual([]);
    expect(evidenceOf(onlyW46)).toEqual([]);
  });
  it("when a later check-in of its initiative stands (only the latest claim is judged)", () => {
    const s = spec({
      dep1: { "Needed By": "2026-11-16", State: "Declined" },
      checkins: [
        checkin("2026-W47", "INI-1"),
        checkin("2026-W48", "INI-1", { RAG: "Red", "Path to Green": "Find another provider" }),
      ],
    });
    expect(warnings(s)).toEqual([]);
  });
  it("in a closed period, or without a clock to judge by", () => {
    const s = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W47", "INI-1", { Seal: "sealed" })],
    });
    expect(warnings(s)).toEqual([]);
    const open = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W48", "INI-1")],
    });
    expect(
      validateGrids(workbookGrids(open)).issues.filter((i) => i.code === "false-green"),
    ).toEqual([]);
  });
});

describe("the initiative's falseGreen reason", () => {
  it("refers to the evidence and leaves the status as the rules give it", () => {
    const s = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [checkin("2026-W48", "INI-1")],
    });
    const ev = evaluate(validateGrids(workbookGrids(s)).workbook, { asOf: TODAY });
    const ini1 = ev.initiatives.find((i) => i.id === "INI-1")!;
    expect(ini1.status).toBe("Green");
    expect(ini1.reasons).toEqual([{ code: "falseGreen", refs: ["DEP-1"] }]);
    expect(ev.falseGreens).toEqual([
      {
        id: "INI-1",
        period: "2026-W48",
        row: 2,
        evidence: [
          {
            code: "owes-red-handoff",
            refs: ["DEP-1"],
            text: "DEP-1, which you owe Team B, is 10 days late",
          },
        ],
      },
    ]);
    // Judged on the latest check-in only: an older Green under a newer Amber is not flagged.
    const later = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [
        checkin("2026-W48", "INI-1"),
        checkin("2026-W47", "INI-1", { RAG: "Amber", "Path to Green": "x" }),
      ],
    });
    expect(
      evaluate(validateGrids(workbookGrids(later)).workbook, { asOf: TODAY }).falseGreens,
    ).toHaveLength(1);
    const amberNow = spec({
      dep1: { "Needed By": "2026-11-16" },
      checkins: [
        checkin("2026-W47", "INI-1"),
        checkin("2026-W48", "INI-1", { RAG: "Amber", "Path to Green": "x" }),
      ],
    });
    expect(
      evaluate(validateGrids(workbookGrids(amberNow)).workbook, { asOf: TODAY }).falseGreens,
    ).toEqual([]);
  });
});
