/**
 * Reporting periods: ISO weeks (`2026-W48`) for a weekly cadence, months (`2026-11`) for a
 * monthly one. Periods of one kind sort as strings; helpers here give their first and last
 * days, the period a date falls in, and the next and previous periods.
 */
import {
  daysFromCivil,
  daysFromIso,
  daysInMonth,
  isoFromDays,
  isoWeekday,
  civilFromDays,
  type IsoDate,
} from "../cells/dates.ts";

export type Cadence = "Weekly" | "Monthly";

export type Period =
  | { readonly kind: "week"; readonly year: number; readonly week: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number };

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** ISO weeks in an ISO week-year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(daysFromCivil(year, 1, 1));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Parses `2026-W48` or `2026-11`; undefined for anything else (including week 54 or month 13). */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim().toUpperCase();
  let m = WEEK.exec(t);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return undefined;
    return { kind: "week", year, week };
  }
  m = MONTH.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { kind: "month", year, month };
  }
  return undefined;
}

/** `parsePeriod`, remembering each text's answer (in a map its caller keeps). */
export function periodReader(): (text: string) => Period | undefined {
  const seen = new Map<string, Period | undefined>();
  return (text) => {
    let p = seen.get(text);
    if (p === undefined && !seen.has(text)) seen.set(text, (p = parsePeriod(text)));
    return p;
  };
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

export function formatPeriod(p: Period): string {
  return p.kind === "week" ? `${p.year}-W${pad2(p.week)}` : `${p.year}-${pad2(p.month)}`;
}

/** Day number of the Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** First day of the period, as a day number. */
export function periodStartDays(p: Period): number {
  return p.kind === "week"
    ? isoWeekOneMonday(p.year) + (p.week - 1) * 7
    : daysFromCivil(p.year, p.month, 1);
}

/** Last day of the period, as a day number. */
export function periodEndDays(p: Period): number {
  return p.kind === "week"
    ? periodStartDays(p) + 6
    : daysFromCivil(p.year, p.month, daysInMonth(p.year, p.month));
}

export const periodStart = (p: Period): IsoDate => isoFromDays(periodStartDays(p));
export const periodEnd = (p: Period): IsoDate => isoFromDays(periodEndDays(p));

/** The period of the cadence that contains the day. */
export function periodOfDays(days: number, cadence: Cadence): Period {
  const { year, month } = civilFromDays(days);
  if (cadence === "Monthly") return { kind: "month", year, month };
  // The ISO week-year is the year of the week's Thursday.
  const thursday = days - (isoWeekday(days) - 1) + 3;
  const wy = civilFromDays(thursday).year;
  const week = Math.floor((thursday - isoWeekOneMonday(wy)) / 7) + 1;
  return { kind: "week", year: wy, week };
}

export function periodOf(date: IsoDate, cadence: Cadence): Period {
  const days = daysFromIso(date);
  if (days === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return periodOfDays(days, cadence);
}

export function nextPeriod(p: Period): Period {
  if (p.kind === "month")
    return p.month === 12
      ? { kind: "month", year: p.year + 1, month: 1 }
      : { ...p, month: p.month + 1 };
  return periodOfDays(periodStartDays(p) + 7, "Weekly");
}

export function previousPeriod(p: Period): Period {
  if (p.kind === "month")
    return p.month === 1
      ? { kind: "month", year: p.year - 1, month: 12 }
      : { ...p, month: p.month - 1 };
  return periodOfDays(periodStartDays(p) - 7, "Weekly");
}

/** Negative when a starts before b, zero when they start the same day. */
export function comparePeriods(a: Period, b: Period): number {
  return periodStartDays(a) - periodStartDays(b);
}

/** Whole periods from a to b (b − a) for periods of one kind; 0 when equal. */
export function periodsBetween(a: Period, b: Period): number {
  if (a.kind !== b.kind) throw new TypeError("periods of different kinds");
  if (a.kind === "month" && b.kind === "month") return (b.year - a.year) * 12 + (b.month - a.month);
  return Math.round((periodStartDays(b) - periodStartDays(a)) / 7);
}

export function cadenceOf(p: Period): Cadence {
  return p.kind === "week" ? "Weekly" : "Monthly";
}
