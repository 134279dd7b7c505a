/**
 * Reading dates as trackers hold them: ISO text, day/month/year in either order, German
 * day.month.year, month names in four languages, weekdays, times of day, spreadsheet serials
 * and date cells. A value that can be read two ways keeps both readings, so the caller can
 * decide by the rest of the sheet and report what it decided.
 */
import {
  daysFromCivil,
  daysInMonth,
  isDateSerial,
  isoFromDays,
  isoFromInstant,
  isoFromSerial,
  isoWeekday,
  type IsoDate,
} from "../cells/dates.ts";
import type { CellValue } from "../cells/values.ts";
import { LANGUAGES, MONTHS, WEEKDAYS } from "./vocabulary.ts";
import { fold } from "./words.ts";

export type DateOrder = "dmy" | "mdy";

/** A date read from one cell: fixed, or two readings for the sheet to choose between. */
export type DateReading =
  /** `proves`: a numeric date that only one order can read (25/12/2026 proves day first). */
  | { readonly fixed: IsoDate; readonly proves?: DateOrder }
  | { readonly dmy: IsoDate; readonly mdy: IsoDate };

const MONTH_BY_NAME = new Map<string, number>();
for (const lang of LANGUAGES)
  MONTHS[lang].forEach((names, i) =>
    names.forEach((n) => MONTH_BY_NAME.has(fold(n)) || MONTH_BY_NAME.set(fold(n), i + 1)),
  );
const WEEKDAY_BY_NAME = new Map<string, number[]>();
for (const lang of LANGUAGES)
  WEEKDAYS[lang].forEach((names, i) =>
    names.forEach((n) => {
      const k = fold(n);
      const days = WEEKDAY_BY_NAME.get(k) ?? [];
      if (!days.includes(i + 1)) days.push(i + 1);
      WEEKDAY_BY_NAME.set(k, days);
    }),
  );

function civil(year: number, month: number, day: number): IsoDate | undefined {
  if (
    !Number.isInteger(year) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return undefined;
  if (year < 1900 || year > 9999) return undefined;
  return isoFromDays(daysFromCivil(year, month, day));
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const TIME =
  /(?:[ ,T]+|\s+um\s+|\s+a\s+las\s+|\s+a\s+)(\d{1,2})[:h.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?\s*$/i;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** Strips a leading or trailing weekday ("Thu", "Donnerstag,"): returns the rest and the weekdays it may name. */
function stripWeekday(text: string): { rest: string; weekdays?: number[] } {
  const m = /^([A-Za-zÀ-ÿ]+)\.?,?\s+(.*)$/.exec(text);
  if (m) {
    const days = WEEKDAY_BY_NAME.get(fold(m[1]!));
    if (days && !MONTH_BY_NAME.has(fold(m[1]!))) return { rest: m[2]!, weekdays: days };
  }
  const t = /^(.*?),?\s+\(?([A-Za-zÀ-ÿ]+)\.?\)?$/.exec(text);
  if (t) {
    const days = WEEKDAY_BY_NAME.get(fold(t[2]!));
    if (days && !MONTH_BY_NAME.has(fold(t[2]!))) return { rest: t[1]!, weekdays: days };
  }
  return { rest: text };
}

function withMonthName(text: string): IsoDate | undefined {
  const words = text
    .replace(/(\d)(st|nd|rd|th)\b/gi, "$1")
    .replace(/\b(de|del|of|le)\b/gi, " ")
    .split(/[\s,./-]+/)
    .filter(Boolean);
  if (words.length !== 3) return undefined;
  const month = words.findIndex((w) => MONTH_BY_NAME.has(fold(w)));
  if (month < 0) return undefined;
  const m = MONTH_BY_NAME.get(fold(words[month]!))!;
  const nums = words.filter((_, i) => i !== month);
  if (!nums.every((n) => /^\d{1,4}$/.test(n))) return undefined;
  const [a, b] = nums as [string, string];
  // "26 Nov 2026" / "Nov 26, 2026": the four-digit (or last) part is the year.
  if (month === 2) return undefined;
  if (a.length === 4) return civil(Number(a), m, Number(b));
  return civil(fullYear(b), m, Number(a));
}

/** The readings of one text, or undefined when it is not a date. */
export function readDateText(raw: string): DateReading | undefined {
  let text = raw.trim().replace(/\s+/g, " ");
  if (!text || text.length > 60) return undefined;
  const { rest, weekdays } = stripWeekday(text);
  text = rest;
  const time = TIME.exec(text);
  if (time && time.index > 0) text = text.slice(0, time.index).trim();
  let reading: DateReading | undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const d = civil(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    reading = d ? { fixed: d } : undefined;
  } else {
    const num = NUMERIC.exec(text);
    if (num) {
      const [a, sep, b, y] = [Number(num[1]), num[2]!, Number(num[3]), fullYear(num[4]!)];
      const dmy = civil(y, b, a);
      const mdy = sep === "." ? undefined : civil(y, a, b);
      if (dmy && mdy && dmy !== mdy) reading = { dmy, mdy };
      else if (dmy && mdy) reading = { fixed: dmy };
      else if (dmy) reading = sep === "." ? { fixed: dmy } : { fixed: dmy, proves: "dmy" };
      else if (mdy) reading = { fixed: mdy, proves: "mdy" };
    } else {
      const named = withMonthName(text);
      if (named) reading = { fixed: named };
    }
  }
  if (!reading || !weekdays) return reading;
  // A weekday settles day/month order when it agrees with one reading only.
  const fits = (d: IsoDate) =>
    weekdays.includes(
      isoWeekday(
        daysFromCivil(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))),
      ),
    );
  if ("fixed" in reading) return reading;
  const dmyFits = fits(reading.dmy);
  const mdyFits = fits(reading.mdy);
  if (dmyFits !== mdyFits) return { fixed: dmyFits ? reading.dmy : reading.mdy };
  return reading;
}

/** The readings of a cell: date cells and serials are fixed; text is read as above. */
export function readDateCell(value: CellValue, zone: string): DateReading | undefined {
  if (value instanceof Date) {
    const d = isoFromInstant(value, zone);
    return d ? { fixed: d } : undefined;
  }
  if (typeof value === "number")
    return isDateSerial(value) && value >= 2 ? { fixed: isoFromSerial(value) } : undefined;
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  if (SERIAL_TEXT.test(t)) {
    const n = Number(t);
    return n >= 20000 && n < 80000 ? { fixed: isoFromSerial(n) } : undefined;
  }
  return readDateText(t);
}

/** The date of a reading in the order the sheet decided. */
export function dateIn(reading: DateReading, order: DateOrder): IsoDate {
  return "fixed" in reading ? reading.fixed : reading[order];
}
