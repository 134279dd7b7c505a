/**
 * KPI trends for the summary's charts: one Actual per period, oldest first.
 *
 * The same check-ins the engine forecasts from, read the same way: a check-in names its KPI by
 * ID and the first row with that ID receives it; periods that start after the as-of day are
 * left out; of two Actuals for one period (a validation error) the row further down, entered
 * last, is the one shown. Only the latest `TREND_POINTS` periods are kept: a year of weeks.
 */
import { daysFromIso, isoFromDays, type IsoDate } from "../cells/dates.ts";
import { parsePeriod, periodEndDays, periodStartDays } from "../template/periods.ts";
import type { Workbook } from "../workbook/read.ts";

export const TREND_POINTS = 52;

export interface TrendPoint {
  readonly period: string;
  /** Last day of the period: where the Actual sits on a time axis. */
  readonly end: IsoDate;
  readonly actual: number;
}

/** Trends by KPI record index (empty for later rows repeating an ID). */
export function kpiTrends(wb: Workbook, asOf: IsoDate): (readonly TrendPoint[])[] {
  const today = daysFromIso(asOf)!;
  const index = new Map<string, number>();
  wb.kpis.forEach((k, i) => {
    if (!index.has(k.id)) index.set(k.id, i);
  });
  const byKpi: Map<number, { end: number; period: string; actual: number }>[] = wb.kpis.map(
    () => new Map(),
  );
  const checkins = wb.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const c = checkins[at]!;
    const k = index.get(c.id);
    if (k === undefined || c.actual === null || !Number.isFinite(c.actual)) continue;
    const p = parsePeriod(c.period);
    if (!p || periodStartDays(p) > today) continue;
    const end = periodEndDays(p);
    // Rows come in sheet order, so a later row for the same period replaces an earlier one.
    byKpi[k]!.set(end, { end, period: c.period, actual: c.actual });
  }
  return byKpi.map((points) =>
    [...points.values()]
      .sort((a, b) => a.end - b.end)
      .slice(-TREND_POINTS)
      .map((p) => ({ period: p.period, end: isoFromDays(p.end), actual: p.actual })),
  );
}
