/**
 * Calendar dates and spreadsheet serials.
 *
 * A date in a tracker ("Needed By", "Due") is a calendar day, not an instant, so the core keeps
 * it as an ISO date string (`2026-11-26`) and does day arithmetic on integer day numbers. That
 * keeps a 250k-row workbook cheap to read and makes every host agree to the byte. luxon is used
 * where a time zone matters: turning an instant (a JavaScript Date from Apps Script, "now")
 * into the workbook's calendar day, and validating IANA zone names.
 *
 * Serials count days from 1899-12-30 in both Excel (1900 system) and Sheets. Excel's phantom
 * 1900-02-29 (serial 60) makes serials below 61 one day off in Excel; no tracker holds dates
 * from January 1900, so serials are read with the one epoch and that quirk is ignored.
 */
import { DateTime, IANAZone } from "luxon";

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A wall-clock date and time in the workbook's zone, `YYYY-MM-DDTHH:mm:ss`. */
export type IsoLocalDateTime = string;

/** Days from 1970-01-01 to the civil date (proleptic Gregorian). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days from 1970-01-01). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));
const pad4 = (n: number) => (n >= 0 && n < 10000 ? String(n).padStart(4, "0") : String(n));

/**
 * Each day's ISO text, made once and shared: a tracker's dates fall on a few thousand days,
 * read on every row, and one string per day is less for the young-generation collector to
 * copy than one per cell. Bounded, so a sheet of random dates cannot grow it without end.
 */
const isoOfDay = new Map<number, IsoDate>();
const ISO_OF_DAY_LIMIT = 1 << 16;

/** Day number (from 1970-01-01) to ISO date. */
export function isoFromDays(days: number): IsoDate {
  let iso = isoOfDay.get(days);
  if (iso === undefined) {
    const { year, month, day } = civilFromDays(days);
    iso = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
    if (isoOfDay.size < ISO_OF_DAY_LIMIT) isoOfDay.set(days, iso);
  }
  return iso;
}

/** The number the `count` ASCII digits at `at` spell, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * ISO date to day number, or undefined when the text is not a real ISO date (`YYYY-MM-DD`,
 * ASCII digits). Read by character codes: it runs for every date of every row judged, and a
 * regular expression's match array per call is garbage the collector pays for.
 */
export function daysFromIso(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return daysFromCivil(year, month, day);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of the serial epoch 1899-12-30. */
const SERIAL_EPOCH_DAYS = daysFromCivil(1899, 12, 30);

/** Serials Baton accepts as dates: 1900-01-01 to 9999-12-31, as Excel does. */
export const MIN_DATE_SERIAL = 1;
export const MAX_DATE_SERIAL = 2958465;

export function isDateSerial(n: number): boolean {
  return Number.isFinite(n) && n >= MIN_DATE_SERIAL && n < MAX_DATE_SERIAL + 1;
}

/** A spreadsheet serial (whole days; any time of day is dropped) to an ISO date. */
export function isoFromSerial(serial: number): IsoDate {
  if (!isDateSerial(serial)) throw new RangeError(`not a date serial: ${serial}`);
  return isoFromDays(SERIAL_EPOCH_DAYS + Math.floor(serial));
}

/** ISO date to a spreadsheet serial. */
export function serialFromIso(iso: IsoDate): number {
  const days = daysFromIso(iso);
  if (days === undefined) throw new RangeError(`not an ISO date: ${iso}`);
  return days - SERIAL_EPOCH_DAYS;
}

/**
 * The wall-clock moment a serial names, rounded to the second, as whole seconds from the day
 * `daysFromCivil` counts from: a time of day that rounds up to midnight is the next day's.
 * One number, so the hot path of sealing makes no object per cell.
 */
export function wallSecondsOfSerial(serial: number): number {
  const whole = Math.floor(serial);
  return (SERIAL_EPOCH_DAYS + whole) * 86400 + Math.round((serial - whole) * 86400);
}

/** A serial with a time of day to a wall-clock ISO date-time (to the second). */
export function localDateTimeFromSerial(serial: number): IsoLocalDateTime {
  if (!isDateSerial(serial)) throw new RangeError(`not a date serial: ${serial}`);
  const wall = wallSecondsOfSerial(serial);
  const days = Math.floor(wall / 86400);
  const seconds = wall - days * 86400;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const date = isoFromDays(days);
  // Past 9999-12-31 (a last second rounding up to midnight) the year has five digits.
  if (date.length !== 10) return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  // One flat string from its character codes: a template literal of seven parts makes a tree
  // of cons strings, several times the memory, which every young-generation collection copies
  // until something flattens it. A check-in sheet has one of these per row.
  const c = (i: number) => date.charCodeAt(i);
  // prettier-ignore
  return String.fromCharCode(
    c(0), c(1), c(2), c(3), 45, c(5), c(6), 45, c(8), c(9), 84,
    tens(h), ones(h), 58, tens(m), ones(m), 58, tens(s), ones(s),
  );
}

/** The character codes of a number's two digits, 0 to 99. */
const tens = (n: number) => 48 + Math.floor(n / 10);
const ones = (n: number) => 48 + (n % 10);

/** Wall-clock ISO date-time to a serial with a fraction for the time of day. */
export function serialFromLocalDateTime(text: IsoLocalDateTime): number {
  const [date, time = "00:00:00"] = text.split("T");
  const [h = 0, m = 0, s = 0] = time.split(":").map(Number);
  return serialFromIso(date ?? "") + (h * 3600 + m * 60 + s) / 86400;
}

/** Zones already asked about: luxon builds an Intl formatter to answer, a millisecond each time. */
const zoneValidity = new Map<string, boolean>();

/** True for a valid IANA time zone name such as `Europe/Berlin`. */
export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // A bound, so that a stream of odd names cannot grow it without end.
    if (zoneValidity.size < 256) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** An instant (a JavaScript Date) as a calendar date in `zone`. */
export function isoFromInstant(instant: Date, zone: string): IsoDate | undefined {
  const t = instant.getTime();
  if (Number.isNaN(t)) return undefined;
  const dt = DateTime.fromMillis(t, { zone });
  return dt.isValid ? (dt.toISODate() ?? undefined) : undefined;
}

/** An instant as wall-clock date-time in `zone`. */
export function localDateTimeFromInstant(
  instant: Date,
  zone: string,
): IsoLocalDateTime | undefined {
  const t = instant.getTime();
  if (Number.isNaN(t)) return undefined;
  const dt = DateTime.fromMillis(t, { zone });
  return dt.isValid ? dt.toFormat("yyyy-MM-dd'T'HH:mm:ss") : undefined;
}

/** Today's calendar date in `zone` at the instant `now`. */
export function todayIn(zone: string, now: Date): IsoDate {
  const iso = isoFromInstant(now, zone);
  if (!iso) throw new RangeError(`cannot tell today's date in zone ${zone}`);
  return iso;
}

/** Day of the week, 1 = Monday … 7 = Sunday, of a day number. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}
