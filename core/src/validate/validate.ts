/**
 * Validation of a whole workbook: reading (types, enumerations, required fields), the
 * cross-row rules and the ledger's seals, as one list of issues in reading order.
 */
import type { Grids } from "../cells/values.ts";
import { readWorkbook, type Workbook } from "../workbook/read.ts";
import { runCrossRowRules } from "./rules.ts";
import { sortIssues, type ValidationIssue } from "./issues.ts";
import { SHEET } from "../template/sheets.ts";
import { ledgerIssues } from "../ledger/rule.ts";
import { laggingCurrentPeriod } from "../ledger/lagging.ts";
import { todayIn, type IsoDate } from "../cells/dates.ts";
import type { LedgerWalk } from "../ledger/verify.ts";

export interface Validation {
  readonly workbook: Workbook;
  readonly issues: ValidationIssue[];
}

/** Extra rules a module adds; each pushes issues. */
export type ExtraRule = (workbook: Workbook, push: (issue: ValidationIssue) => void) => void;

export interface ValidateOptions {
  /**
   * The seal anchor from the document's hidden storage (null when it has none). Without it the
   * seal chain is checked alone: an edit is found, a rewritten chain or cut-off end is not.
   */
  readonly anchor?: string | null;
  /**
   * Today in the workbook's time zone (YYYY-MM-DD), or the instant to tell it from. With it, a
   * check-in after Current Period in a period that has begun reads as a lagging Current Period
   * (one warning on Settings) rather than a typo on its row. Without it, Current Period alone
   * says what is in the future.
   */
  readonly today?: IsoDate;
  readonly now?: Date;
}

/** Reads and validates a workbook. Never throws on any cell value. */
export function validateGrids(grids: Grids, extraRules: readonly ExtraRule[] = [], options: ValidateOptions = {}): Validation {
  const { workbook, issues } = validateWithLedger(grids, extraRules, options);
  return { workbook, issues };
}

/** `validateGrids`, with the seal chain it walked, so that closing a period walks it once. */
export function validateWithLedger(grids: Grids, extraRules: readonly ExtraRule[], options: ValidateOptions): Validation & { readonly ledger: LedgerWalk } {
  const { workbook, issues } = readWorkbook(grids);
  const push = (i: ValidationIssue) => issues.push(i);
  const today = todayOf(workbook, options);
  runCrossRowRules(workbook, push, today);
  laggingCurrentPeriod(grids, workbook, today, push);
  const ledger = ledgerIssues(grids, workbook, options.anchor, push);
  for (const rule of extraRules) rule(workbook, push);
  const order = Object.values(SHEET).map((name) => workbook.layout[keyOf(name)]?.name ?? name);
  return { workbook, issues: sortIssues(issues, order), ledger };
}

/** Today in the workbook's zone, from the options; undefined when the caller gave no clock. */
export function todayOf(workbook: Workbook, options: { readonly today?: IsoDate; readonly now?: Date }): IsoDate | undefined {
  if (options.today !== undefined) return options.today;
  return options.now ? todayIn(workbook.settings.timeZone, options.now) : undefined;
}

function keyOf(name: string) {
  return (Object.keys(SHEET) as (keyof typeof SHEET)[]).find((k) => SHEET[k] === name)!;
}
