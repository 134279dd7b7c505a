/**
 * A Current Period that lags the check-ins: a team that never closed keeps Current Period at its
 * first week while it records twenty more. Each of those check-ins is in a period that has begun
 * by the calendar, so none is a typo: the one thing to fix is the Settings cell, and it is
 * reported there once, with how many check-ins are ahead of it. (A check-in for a period that
 * has not begun is still reported on its own row by the check-in rules.)
 */
import type { Grids } from "../cells/values.ts";
import { a1 } from "../cells/a1.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { lagsBehind, periodsOf } from "./rules.ts";
import type { Workbook } from "../workbook/read.ts";
import { SHEET } from "../template/sheets.ts";
import { settingKeyOf } from "../template/settings.ts";
import { comparePeriods, formatPeriod, periodReader, type Period } from "../template/periods.ts";
import type { IsoDate } from "../cells/dates.ts";

/** Pushes the one lagging-Current-Period warning, when there is one. `today` is in the workbook's zone. */
export function laggingCurrentPeriod(
  grids: Grids,
  workbook: Workbook,
  today: IsoDate | undefined,
  push: (i: ValidationIssue) => void,
): void {
  if (!today || !workbook.settings.currentPeriod) return;
  // Only the two periods are needed here, not the index of every check-in.
  const index = periodsOf(workbook, today);
  if (!index.current || !index.thisPeriod) return;
  const period = periodReader();
  let count = 0;
  let latest: Period | undefined;
  const checkins = workbook.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const ci = checkins[at]!;
    if (ci.seal) continue;
    const p = period(ci.period);
    if (!p || !lagsBehind(index, p)) continue;
    count++;
    if (!latest || comparePeriods(p, latest) > 0) latest = p;
  }
  if (!latest) return;
  const layout = workbook.layout.settings;
  const sheet = layout?.name ?? SHEET.settings;
  const keyCol = layout?.columns.key ?? 1;
  const valueCol = layout?.columns.value ?? 2;
  const grid = grids[sheet] ?? [];
  const at = grid.findIndex(
    (cells, i) =>
      i > 0 &&
      typeof cells?.[keyCol - 1] === "string" &&
      settingKeyOf(cells[keyCol - 1] as string) === "currentPeriod",
  );
  const row = at < 0 ? 1 : at + 1;
  push(
    makeIssue(
      { sheet, row, column: "Value", cell: a1(row, valueCol) },
      {
        code: "current-period-lags",
        current: formatPeriod(index.current),
        latest: formatPeriod(latest),
        count,
        thisPeriod: formatPeriod(index.thisPeriod),
      },
    ),
  );
}
