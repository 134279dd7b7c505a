/**
 * "Set up the template in this workbook": adds the template sheets a workbook lacks, and
 * never touches a sheet that is already there (a team's data is never overwritten).
 */
import { findSheet } from "../workbook/read.ts";
import { templatePlan } from "../template/write.ts";
import { SHEET } from "../template/sheets.ts";
import type { WriteOp, WritePlan } from "../ports/plan.ts";

/** Template sheets missing from a workbook with these sheet names. */
export function missingTemplateSheets(sheetNames: readonly string[]): string[] {
  const present = Object.fromEntries(sheetNames.map((n) => [n, [] as never[]]));
  return Object.values(SHEET).filter((s) => !findSheet(present, s));
}

/** The plan that adds the missing template sheets, with headers, formats and drop-downs. */
export function setUpTemplatePlan(sheetNames: readonly string[], timeZone: string): WritePlan {
  const missing = new Set(missingTemplateSheets(sheetNames));
  const all = templatePlan({ settings: { timeZone } }).ops;
  const ops: WriteOp[] = all.filter((op) => op.op !== "setAnchor" && missing.has(op.sheet));
  return { ops };
}
