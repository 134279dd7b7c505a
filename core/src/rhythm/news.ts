/**
 * What counts as news about a row's status: one model for the notifications, the Excel pane's
 * "Since you last looked" and the board summary's "what changed". Each compares the evaluation
 * now with marks: short texts recording a row's status at an earlier moment. The notifications
 * keep the marks of what they told (`told.ts`); the summary takes `snapshotOf` the workbook as
 * judged on the last day of the previous period. The same rows, the same marks, the same rule.
 *
 * A mark is the status's letter (R, A, D, P; Green is no mark), X for a declined hand-off, and
 * an L after it for a hand-off past its Needed By: `RL`, `XL`. A hand-off the sheet says was
 * delivered after the marked day is marked by what it was before, which the engine cannot say
 * (it reads a delivery as it stands): no mark, so its delivery is news once its day has come.
 */
import { daysFromIso, type IsoDate } from "../cells/dates.ts";
import type { Evaluation, HandoffEvaluation } from "../engine/evaluate.ts";
import type { Reason, Status } from "../engine/reasons.ts";
import type { Handoff } from "../template/sheets.ts";
import type { Workbook } from "../workbook/read.ts";
import type { Told } from "./told.ts";

export type News =
  "declined" | "newly-red" | "became-late" | "newly-amber" | "recovered" | "delivered";

const LETTER: Partial<Record<Status, string>> = { Red: "R", Amber: "A", Done: "D", Paused: "P" };
const FROM_LETTER: Readonly<Record<string, Status>> = {
  R: "Red",
  X: "Red",
  A: "Amber",
  D: "Done",
  P: "Paused",
};

export const statusOfMark = (mark: string | undefined): Status =>
  (mark && FROM_LETTER[mark.charAt(0)]) || "Green";
const declinedMark = (mark: string | undefined) => mark?.charAt(0) === "X";
const lateMark = (mark: string | undefined) => mark?.charAt(1) === "L";

const has = (reasons: readonly Reason[], code: Reason["code"]) =>
  reasons.some((r) => r.code === code);
const atRisk = (s: Status) => s === "Red" || s === "Amber";

/** Delivered by the sheet, and on or before `asOf` (a later date is not a delivery yet). */
function deliveredBy(h: Handoff, e: HandoffEvaluation, asOf: IsoDate): boolean {
  if (e.status !== "Done") return false;
  const on = h.deliveredOn === null ? undefined : daysFromIso(h.deliveredOn);
  return on === undefined || on <= daysFromIso(asOf)!;
}

/** A status's mark: an objective's, KPI's or initiative's. */
export const statusMark = (status: Status): string | undefined => LETTER[status];

/** A hand-off's mark as of `asOf`. */
export function handoffMark(h: Handoff, e: HandoffEvaluation, asOf: IsoDate): string | undefined {
  if (e.status === "Done") return deliveredBy(h, e, asOf) ? "D" : undefined;
  const letter = has(e.reasons, "handoff-declined") ? "X" : LETTER[e.status];
  if (!letter) return undefined;
  return has(e.reasons, "handoff-late") ? letter + "L" : letter;
}

/**
 * The change of status that is news, or null. Red easing to Amber is neither news of trouble
 * nor a recovery.
 */
export function statusNews(was: string | undefined, now: Status): News | null {
  const then = statusOfMark(was);
  if (now === "Red" && then !== "Red") return "newly-red";
  if (now === "Amber" && !atRisk(then)) return "newly-amber";
  if (atRisk(then) && (now === "Green" || now === "Done")) return "recovered";
  return null;
}

/**
 * A hand-off's news, the most telling first: declined; delivered (not on the first look, when
 * a delivery is history rather than news); past Needed By; then its change of status.
 */
export function handoffNews(
  was: string | undefined,
  h: Handoff,
  e: HandoffEvaluation,
  asOf: IsoDate,
  first: boolean,
): News | null {
  if (has(e.reasons, "handoff-declined") && e.status === "Red" && !declinedMark(was))
    return "declined";
  if (e.status === "Done") {
    if (!deliveredBy(h, e, asOf) || was === "D") return null;
    return first ? null : "delivered";
  }
  if (has(e.reasons, "handoff-late") && !lateMark(was)) return "became-late";
  return statusNews(was, e.status);
}

export const OBJECTIVE_MARK = "objective:";
export const KPI_MARK = "kpi:";

/**
 * Every row's mark as of the evaluation's day, under the keys the notifications use (a
 * hand-off's or initiative's ID; objectives and KPIs, which nobody is told of, prefixed). The
 * first row of an ID stands for it, as in the notifications.
 */
export function snapshotOf(wb: Workbook, evaluation: Evaluation): Told {
  const marks: Record<string, string> = {};
  const seen = new Set<string>();
  const put = (key: string, mark: string | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    if (mark !== undefined) marks[key] = mark;
  };
  const asOf = evaluation.asOf;
  evaluation.objectives.forEach((e) => put(OBJECTIVE_MARK + e.id, statusMark(e.status)));
  evaluation.kpis.forEach((e) => put(KPI_MARK + e.id, statusMark(e.status)));
  evaluation.initiatives.forEach((e) => put(e.id, statusMark(e.status)));
  evaluation.handoffs.forEach((e, i) => put(e.id, handoffMark(wb.handoffs[i]!, e, asOf)));
  return { at: asOf, marks };
}
