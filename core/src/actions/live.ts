/**
 * Live validation of check-ins as they are typed: after an edit, the host hands over the
 * edited rows and gets back their issues, so it can mark the cells. The context (who exists,
 * which check-ins are already there) is built once per workbook read and reused across edits.
 */
import type { CellValue, Grid } from "../cells/values.ts";
import { readCheckinRow, locate, type Workbook } from "../workbook/read.ts";
import { checkinIndex, checkinRowRules, type CheckinIndex } from "../validate/rules.ts";
import type { ValidationIssue } from "../issues/issues.ts";

export interface LiveContext {
  readonly workbook: Workbook;
  readonly index: CheckinIndex;
}

/** Builds the context once from a workbook read with `readWorkbook` or `validateGrids`. */
export function liveContext(workbook: Workbook): LiveContext {
  return { workbook, index: checkinIndex(workbook) };
}

/**
 * Issues of one Check-ins row as it is now (`cells` is the row's values, `sheetRow` 1-based).
 * A blank row has none.
 */
export function checkinRowIssues(
  context: LiveContext,
  cells: readonly CellValue[],
  sheetRow: number,
): ValidationIssue[] {
  const { workbook, index } = context;
  const layout = workbook.layout.checkins;
  if (!layout) return [];
  const { record, issues } = readCheckinRow(workbook, cells, sheetRow);
  if (record)
    checkinRowRules(
      index,
      record,
      (key) => locate("checkins", layout, sheetRow, key),
      (i) => issues.push(i),
    );
  return issues;
}

/** Issues of the given rows of the Check-ins grid (rows are 1-based sheet rows). */
export function checkinEditIssues(
  context: LiveContext,
  checkins: Grid,
  rows: readonly number[],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const row of rows) {
    if (row < 2) continue;
    out.push(...checkinRowIssues(context, checkins[row - 1] ?? [], row));
  }
  return out;
}
