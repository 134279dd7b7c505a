/**
 * Stage gates (DESIGN.md "Governance"): an initiative's Gate is the highest level reached by
 * Approved decisions taken in order, date order then row order. Gates: 1 Identified,
 * 2 Evaluated, 3 Approved, 4 Implemented, 5 Realised; every initiative starts at 1.
 *
 * Who decides: the Owner moves to 2 and 4 (and records 1), the Sponsor to 3, the Controller
 * to 5, with the Confirmed Value. A decision that breaks a rule is an issue at its cell and
 * does not count: an unknown ID, a gate outside 1 to 5, a date after today, the wrong role,
 * the initiative's own Owner signing where the Sponsor or Controller must (names compared
 * ignoring case and spacing, whatever Role says), an approval that skips a gate, no Evidence,
 * gate 5 without a numeric Confirmed Value. Rejected and Returned decisions never move the
 * Gate (they are the record of a gate not passed). Repeating the current gate's approval is
 * allowed; at gate 5 the latest such approval's Confirmed Value stands (a controller's
 * correction).
 */
import type { IsoDate } from "../cells/dates.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { locate, wasUnreadable, type Workbook } from "../workbook/read.ts";
import { SHEET, type GateDecision, type Initiative, type Role } from "../template/sheets.ts";
import { personKey } from "../rhythm/people.ts";

export const FIRST_GATE = 1;
export const LAST_GATE = 5;

/** The role that decides a move to each gate. */
export function deciderOf(gate: number): Role {
  return gate === 3 ? "Sponsor" : gate === 5 ? "Controller" : "Owner";
}

/** Names as people type them: compared as People matches them (`personKey`). */
export const sameName = (a: string, b: string): boolean => personKey(a) === personKey(b);

export interface GateStanding {
  /** 1 to 5. */
  readonly gate: number;
  /** The Confirmed Value of the approval that reached gate 5 (the latest one there); else null. */
  readonly confirmedValue: number | null;
}

export interface Gates {
  /** By initiative ID; an initiative without a counting decision stands at gate 1. */
  readonly of: (id: string) => GateStanding;
  /** The decisions that count, in the order taken. */
  readonly counted: readonly GateDecision[];
  /** Every rule broken, at its cell (empty when no issues were asked for). */
  readonly issues: readonly ValidationIssue[];
}

const START: GateStanding = { gate: FIRST_GATE, confirmedValue: null };

/** Decisions in the order taken: by date, then by row. Undated ones cannot be ordered and are left out. */
export function inOrder(decisions: readonly GateDecision[]): GateDecision[] {
  return decisions
    .filter((d) => d.date !== null)
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.row - b.row));
}

/**
 * Judges every decision as of `today` (decisions dated later do not count yet). With `report`,
 * a decision dated after today is an issue too (most often a typo); without it, as when
 * judging statuses as of a past day, it simply does not count yet.
 */
export function judgeGates(wb: Workbook, today: IsoDate | undefined, report = false): Gates {
  const issues: ValidationIssue[] = [];
  const layout = wb.layout.gateDecisions;
  const push = (d: GateDecision, key: string, details: Parameters<typeof makeIssue>[1]) => {
    if (report && layout)
      issues.push(makeIssue(locate("gateDecisions", layout, d.row, key), details));
  };
  const initiatives = new Map<string, Initiative>();
  for (const i of wb.initiatives) if (!initiatives.has(i.id)) initiatives.set(i.id, i);
  const standing = new Map<string, GateStanding>();
  const counted: GateDecision[] = [];

  for (const d of inOrder(wb.gateDecisions)) {
    const id = d.id as string;
    const ini = initiatives.get(id);
    let ok = true;
    const fail = (key: string, details: Parameters<typeof makeIssue>[1]) => {
      ok = false;
      push(d, key, details);
    };
    if (!ini) fail("id", { code: "unknown-reference", id, target: SHEET.initiatives });
    if (today !== undefined && d.date! > today)
      fail("date", { code: "gate-future-date", date: d.date!, today });
    const gate = d.gate;
    const inRange =
      gate !== null && Number.isInteger(gate) && gate >= FIRST_GATE && gate <= LAST_GATE;
    if (gate !== null && !inRange) fail("gate", { code: "gate-out-of-range", value: gate });
    if (gate === null || !d.decision) ok = false; // reported by reading: required
    if (!d.evidence || !d.evidence.trim()) fail("evidence", { code: "gate-no-evidence" });
    if (inRange && ini) {
      const must = deciderOf(gate);
      if (d.role !== null && d.role !== must)
        fail("role", { code: "gate-wrong-role", gate, role: d.role, expected: must });
      if (d.role === null) ok = false; // reported by reading: required
      if (must !== "Owner" && d.decidedBy && sameName(d.decidedBy, ini.owner ?? ""))
        fail("decidedBy", { code: "gate-owner-decides", gate, owner: ini.owner!, expected: must });
    }
    const reached = standing.get(id) ?? START;
    if (inRange && ini && d.decision === "Approved") {
      if (gate > reached.gate + 1)
        fail("gate", { code: "gate-out-of-order", gate, reached: reached.gate });
      if (gate === LAST_GATE && d.confirmedValue === null && !wasUnreadable(d, "confirmedValue"))
        fail("confirmedValue", { code: "gate-no-confirmed-value" });
      if (gate === LAST_GATE && d.confirmedValue === null) ok = false;
      // An approval of a gate already passed changes nothing; one of the current gate stands again.
      if (ok && gate >= reached.gate) {
        standing.set(id, {
          gate,
          confirmedValue: gate === LAST_GATE ? d.confirmedValue : null,
        });
        counted.push(d);
      }
    }
  }
  return { of: (id) => standing.get(id) ?? START, counted, issues };
}

/**
 * A Stage of Done without gate 5 is flagged on the Stage cell: closed without the controller's
 * confirmation, its value counts as unconfirmed. Only in a workbook that keeps gate decisions:
 * a version 1 workbook is told to upgrade instead, not flagged row by row.
 */
export function doneWithoutConfirmation(wb: Workbook, gates: Gates): ValidationIssue[] {
  const layout = wb.layout.initiatives;
  if (!layout || !wb.layout.gateDecisions) return [];
  return wb.initiatives
    .filter((i) => i.stage === "Done" && gates.of(i.id).gate < LAST_GATE)
    .map((i) =>
      makeIssue(locate("initiatives", layout, i.row, "stage"), {
        code: "done-without-confirmation",
        id: i.id,
        gate: gates.of(i.id).gate,
      }),
    );
}

/** The gate rules as validation runs them. */
export function gateIssues(wb: Workbook, today: IsoDate | undefined): ValidationIssue[] {
  const gates = judgeGates(wb, today, true);
  return [...gates.issues, ...doneWithoutConfirmation(wb, gates)];
}
