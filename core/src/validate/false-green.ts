/**
 * The false-green warning: each initiative's latest check-in, when it is in an open period (not
 * sealed, not in a closed period), says Green and its initiative's data says otherwise, gets a
 * `false-green` warning on its RAG cell, with the evidence (engine/false-greens.ts). It needs today: without a clock, validation
 * cannot say what is late, and says nothing.
 */
import { daysFromIso, type IsoDate } from "../cells/dates.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import {
  falseGreenContext,
  judgeCheckins,
  latestCheckins,
  type FalseGreen,
  type FalseGreenContext,
} from "../engine/false-greens.ts";
import type { Checkin } from "../template/sheets.ts";
import { comparePeriods, parsePeriod, type Period } from "../template/periods.ts";
import { locate, type Workbook } from "../workbook/read.ts";
import { closedThrough } from "./rules.ts";

/** True for a check-in that can still be corrected: not sealed, not in a closed period. */
export function isOpen(ci: Checkin, closed: Period | undefined): boolean {
  if (ci.seal) return false;
  if (!closed) return true;
  const p = parsePeriod(ci.period);
  return !p || p.kind !== closed.kind || comparePeriods(p, closed) > 0;
}

/** The warning for one false green, on its check-in's RAG cell. */
export function falseGreenIssue(workbook: Workbook, fg: FalseGreen): ValidationIssue | null {
  const layout = workbook.layout.checkins;
  if (!layout) return null;
  return makeIssue(locate("checkins", layout, fg.row, "rag"), {
    code: "false-green",
    id: fg.id,
    period: fg.period,
    evidence: fg.evidence,
  });
}

/** Pushes a warning for every false green among the open latest check-ins, judged as of `today`. */
export function falseGreenIssues(
  workbook: Workbook,
  today: IsoDate | undefined,
  push: (issue: ValidationIssue) => void,
  given?: FalseGreenContext,
): void {
  const day = today === undefined ? undefined : daysFromIso(today);
  if (day === undefined) return;
  // Built only now: without today there is nothing to judge, and nothing to build it for.
  const context = given ?? falseGreenContext(workbook);
  const closed = closedThrough(workbook);
  const open = latestCheckins(context, day).filter(
    (ci) => ci.rag === "Green" && isOpen(ci, closed),
  );
  for (const fg of judgeCheckins(context, open, day)) {
    const issue = falseGreenIssue(workbook, fg);
    if (issue) push(issue);
  }
}
