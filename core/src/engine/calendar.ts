/**
 * The calendar an evaluation runs on: the as-of day, business days, and reporting periods, all
 * as integer day numbers so the rules never build a DateTime per row.
 *
 * The as-of date is a calendar day in the workbook's time zone; turning "now" into that day is
 * the caller's business (`todayIn(settings.timeZone, new Date())`), so the core never reads
 * the clock and an evaluation is reproducible.
 *
 * Business days are Monday to Friday minus the Settings' Holidays (a holiday on a weekend
 * changes nothing).
 *
 * Periods that have "closed" for staleness are the periods of the workbook's cadence that
 * ended before the as-of day. Sealing is not consulted: the ledger may seal the current week
 * on its Friday, and counting that week as passed would make every initiative stale before
 * anyone could report on the next one; a period that ends has always passed, sealed or not.
 */
import { civilFromDays, daysFromIso, isoWeekday, type IsoDate } from "../cells/dates.ts";
import type { Cadence } from "../template/periods.ts";

export interface Calendar {
  /** The as-of day. */
  readonly today: number;
  readonly cadence: Cadence;
  isBusinessDay(day: number): boolean;
  /** The day that is `n` business days after `day` (n ≥ 0; with 0, `day` itself). */
  addBusinessDays(day: number, n: number): number;
  /** Business days in (from, to]: after `from`, up to and including `to`; 0 when to ≤ from. */
  businessDaysBetween(from: number, to: number): number;
}

/** A calendar for the as-of date with the workbook's holidays and cadence. */
export function calendarOf(
  asOf: IsoDate,
  holidays: readonly IsoDate[],
  cadence: Cadence,
): Calendar {
  const today = daysFromIso(asOf);
  if (today === undefined)
    throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD), got ${String(asOf)}`);
  // Weekday holidays only, sorted, so counting them in a range is two binary searches.
  const off = [
    ...new Set(
      holidays.map(daysFromIso).filter((d): d is number => d !== undefined && isoWeekday(d) <= 5),
    ),
  ].sort((a, b) => a - b);
  const offSet = new Set(off);
  const isBusinessDay = (day: number) => isoWeekday(day) <= 5 && !offSet.has(day);
  return {
    today,
    cadence,
    isBusinessDay,
    addBusinessDays(day, n) {
      if (!(n >= 0) || !Number.isInteger(n))
        throw new RangeError(`business days must be a whole number ≥ 0, got ${n}`);
      let d = day;
      for (let left = n; left > 0;) if (isBusinessDay(++d)) left--;
      return d;
    },
    businessDaysBetween(from, to) {
      if (to <= from) return 0;
      return weekdaysBetween(from, to) - (upperBound(off, to) - upperBound(off, from));
    },
  };
}

/** Monday-to-Friday days in (from, to]. */
function weekdaysBetween(from: number, to: number): number {
  // Weekdays in (−∞, d] relative to a fixed Monday, counted per whole week plus the rest.
  const upTo = (d: number) => {
    const sinceMonday = d + 3; // day −3 (1969-12-29) was a Monday
    const weeks = Math.floor(sinceMonday / 7);
    return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
  };
  return upTo(to) - upTo(from);
}

/** Index of the first element greater than `x` in a sorted array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A running number for the period of the cadence containing `day`: consecutive periods get
 * consecutive numbers, so "periods between" is a subtraction.
 */
export function periodIndex(day: number, cadence: Cadence): number {
  if (cadence === "Weekly") return Math.floor((day + 3) / 7);
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

/**
 * Periods of the cadence after the one containing `day` that ended before the as-of day: with
 * `day` in the period last reported on, the reporting periods that passed without a report.
 */
export function closedPeriodsAfter(cal: Calendar, day: number): number {
  return Math.max(0, periodIndex(cal.today, cal.cadence) - periodIndex(day, cal.cadence) - 1);
}
