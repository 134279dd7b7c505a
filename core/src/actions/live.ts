/**
 * Live validation of check-ins as they are typed: after an edit, the host hands over the
 * edited rows and gets back their issues, so it can mark the cells. The context (who exists,
 * which check-ins are already there) is built once per workbook read and reused across edits.
 * Given the clock, a Green row that is its initiative's latest check-in is also judged against
 * the data (a false green), as of today.
 */
import type { CellValue, Grid } from "../cells/values.ts";
import { readCheckinRow, locate, type Workbook } from "../workbook/read.ts";
import { checkinIndex, checkinRowRules, type CheckinIndex } from "../validate/rules.ts";
import type { ValidationIssue } from "../issues/issues.ts";
import { daysFromIso } from "../cells/dates.ts";
import {
  falseGreenContext,
  isLatest,
  judgeCheckins,
  latestIndex,
  type FalseGreenContext,
  type LatestIndex,
} from "../engine/false-greens.ts";
import { falseGreenIssue, isOpen } from "../validate/false-green.ts";
import { todayOf, type Clock } from "../validate/validate.ts";

export interface LiveContext {
  readonly workbook: Workbook;
  readonly index: CheckinIndex;
  /** Today as a day number, when the host gave the clock; false greens need it. */
  readonly today: number | undefined;
  readonly falseGreens: FalseGreenContext;
  /** Where each initiative's latest check-ins are: only a row at least as late is judged. */
  readonly latest: LatestIndex;
}

/**
 * Builds the context once from a workbook read with `readWorkbook` or `validateGrids`. With
 * the clock (the moment of the edit), Green rows are judged for false greens too.
 */
export function liveContext(workbook: Workbook, clock: Clock = {}): LiveContext {
  const iso = todayOf(workbook, clock);
  const today = iso === undefined ? undefined : daysFromIso(iso);
  const falseGreens = falseGreenContext(workbook);
  return {
    workbook,
    index: checkinIndex(workbook),
    today,
    falseGreens,
    latest: today === undefined ? new Map() : latestIndex(falseGreens, today),
  };
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
  if (
    record?.rag === "Green" &&
    context.today !== undefined &&
    isOpen(record, index.closed) &&
    isLatest(context.latest, record, context.today)
  )
    for (const fg of judgeCheckins(context.falseGreens, [record], context.today)) {
      const issue = falseGreenIssue(workbook, fg);
      if (issue) issues.push(issue);
    }
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
