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

export interface Validation {
  readonly workbook: Workbook;
  readonly issues: ValidationIssue[];
}

/** Extra rules a module adds; each pushes issues. */
export type ExtraRule = (workbook: Workbook, push: (issue: ValidationIssue) => void) => void;

/** A rule that reads the grids as well as the records (the ledger's, over the Seal column). */
export type GridRule = (grids: Grids, workbook: Workbook, push: (issue: ValidationIssue) => void) => void;

/** Reads and validates a workbook with the rules given. Never throws on any cell value. */
export function validateWith(grids: Grids, gridRules: readonly GridRule[], extraRules: readonly ExtraRule[] = []): Validation {
  const { workbook, issues } = readWorkbook(grids);
  const push = (i: ValidationIssue) => issues.push(i);
  runCrossRowRules(workbook, push);
  for (const rule of gridRules) rule(grids, workbook, push);
  for (const rule of extraRules) rule(workbook, push);
  const order = Object.values(SHEET).map((name) => workbook.layout[keyOf(name)]?.name ?? name);
  return { workbook, issues: sortIssues(issues, order) };
}

function keyOf(name: string) {
  return (Object.keys(SHEET) as (keyof typeof SHEET)[]).find((k) => SHEET[k] === name)!;
}
