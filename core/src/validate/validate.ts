/**
 * Validation of a whole workbook: reading (types, enumerations, required fields), the
 * cross-row rules, and the rules other modules plug in (the ledger's seals), as one list of
 * issues in reading order.
 */
import type { Grids } from "../cells/values.ts";
import { readWorkbook, type Workbook } from "../workbook/read.ts";
import { runCrossRowRules } from "./rules.ts";
import { sortIssues, type ValidationIssue } from "../issues/issues.ts";
import { SHEET } from "../template/sheets.ts";
import { laggingCurrentPeriod } from "./lagging.ts";
import { falseGreenIssues } from "./false-green.ts";
import { outdatedTemplate } from "./outdated.ts";
import { gateIssues } from "../governance/gates.ts";
import { unitIssues } from "../governance/value.ts";
import { todayIn, type IsoDate } from "../cells/dates.ts";

export interface Validation {
  readonly workbook: Workbook;
  readonly issues: ValidationIssue[];
}

/** Extra rules a module adds; each pushes issues. */
export type ExtraRule = (workbook: Workbook, push: (issue: ValidationIssue) => void) => void;

/** A rule that reads the grids as well as the records (the ledger's, over the Seal column). */
export type GridRule = (
  grids: Grids,
  workbook: Workbook,
  push: (issue: ValidationIssue) => void,
) => void;

/** The clock validation judges "has begun" by: today in the workbook's zone, or the instant to tell it from. */
export interface Clock {
  /**
   * Today in the workbook's time zone (YYYY-MM-DD), or the instant to tell it from. With it, a
   * check-in after Current Period in a period that has begun reads as a lagging Current Period
   * (one warning on Settings) rather than a typo on its row. Without it, Current Period alone
   * says what is in the future.
   */
  readonly today?: IsoDate;
  readonly now?: Date;
}

/** Reads and validates a workbook with the rules given. Never throws on any cell value. */
export function validateWith(
  grids: Grids,
  gridRules: readonly GridRule[],
  extraRules: readonly ExtraRule[] = [],
  clock: Clock = {},
): Validation {
  const { workbook, issues } = readWorkbook(grids);
  const push = (i: ValidationIssue) => issues.push(i);
  const today = todayOf(workbook, clock);
  runCrossRowRules(workbook, push, today);
  laggingCurrentPeriod(grids, workbook, today, push);
  falseGreenIssues(workbook, today, push);
  outdatedTemplate(grids, workbook, push);
  for (const issue of gateIssues(workbook, today)) push(issue);
  for (const issue of unitIssues(workbook)) push(issue);
  for (const rule of gridRules) rule(grids, workbook, push);
  for (const rule of extraRules) rule(workbook, push);
  const order = Object.values(SHEET).map((name) => workbook.layout[keyOf(name)]?.name ?? name);
  return { workbook, issues: sortIssues(issues, order) };
}

/** Today in the workbook's zone, from the options; undefined when the caller gave no clock. */
export function todayOf(workbook: Workbook, clock: Clock): IsoDate | undefined {
  if (clock.today !== undefined) return clock.today;
  return clock.now ? todayIn(workbook.settings.timeZone, clock.now) : undefined;
}

function keyOf(name: string) {
  return (Object.keys(SHEET) as (keyof typeof SHEET)[]).find((k) => SHEET[k] === name)!;
}
