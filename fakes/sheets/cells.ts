/**
 * What a Google Sheets cell holds, and how Sheets reads text written into it.
 *
 * Sheets keeps a number (dates are numbers with a date format), a string, a boolean, or a
 * formula with its result. Text written with `setValues` or typed by a user is parsed as if
 * typed: "=1+1" becomes a formula, "42" a number, "2026-11-26" and "2026-11" dates, "50%" a
 * percentage, "TRUE" a boolean, unless the cell's number format is plain text ("@") or the text
 * starts with an apostrophe. The fake evaluates arithmetic formulas; any other formula reads as
 * `#NAME?`, which is never the text that was written.
 */
import { DateTime } from "luxon";

export type Stored = string | number | boolean | null;

export interface CellFormat {
  numberFormat?: string;
  background?: string | null;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  wrap?: boolean;
}

export interface Cell {
  value: Stored;
  formula?: string;
  format: CellFormat;
  note?: string;
  validation?: unknown;
}

const MS_PER_DAY = 86400000;
const SERIAL_UNIX_EPOCH = 25569;

/** A number format that shows a date or a time. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "@") return false;
  const unquoted = format.replace(/"[^"]*"/g, "");
  return /[dy]/i.test(unquoted) || /h+:m/i.test(unquoted);
}

/** Serial of a Date, reading its wall clock in `zone` (as Sheets stores a Date written to it). */
export function serialOf(date: Date, zone: string): number {
  const dt = DateTime.fromMillis(date.getTime(), { zone });
  const wall = Date.UTC(
    dt.year,
    dt.month - 1,
    dt.day,
    dt.hour,
    dt.minute,
    dt.second,
    dt.millisecond,
  );
  return wall / MS_PER_DAY + SERIAL_UNIX_EPOCH;
}

/** The instant at which the wall clock of `zone` shows the serial (what getValues returns). */
export function instantOf(serial: number, zone: string): number {
  const wall = new Date(Math.round((serial - SERIAL_UNIX_EPOCH) * MS_PER_DAY));
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      millisecond: wall.getUTCMilliseconds(),
    },
    { zone },
  ).toMillis();
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;

function serialOfCivil(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, m - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY + SERIAL_UNIX_EPOCH;
}

export interface Entered {
  value: Stored;
  formula?: string;
  /** The number format Sheets gives the cell when the entry implies one and the cell has none. */
  impliedFormat?: string;
}

/** How Sheets stores text entered into a cell whose number format is `format`. */
export function enterText(text: string, format: string | undefined): Entered {
  if (text === "") return { value: null };
  if (format === "@") return { value: text };
  if (text[0] === "'") return { value: text.slice(1) };
  if (text[0] === "=") return { value: evaluate(text.slice(1)), formula: text };
  const t = text.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  if (t[0] === "+" || t[0] === "-") return { value: evaluate(t), formula: "=" + t };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, impliedFormat: "0%" };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  let m = ISO_DATE.exec(t);
  if (m) {
    const s = serialOfCivil(Number(m[1]), Number(m[2]), Number(m[3]));
    if (s !== undefined) return { value: s, impliedFormat: "yyyy-mm-dd" };
  }
  m = ISO_DATE_TIME.exec(t);
  if (m) {
    const s = serialOfCivil(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
    );
    if (s !== undefined) return { value: s, impliedFormat: "yyyy-mm-dd hh:mm:ss" };
  }
  m = YEAR_MONTH.exec(t);
  if (m) {
    const s = serialOfCivil(Number(m[1]), Number(m[2]), 1);
    if (s !== undefined) return { value: s, impliedFormat: "yyyy-mm-dd" };
  }
  return { value: text };
}

/** Arithmetic formulas (numbers, + - * /, parentheses); anything else is `#NAME?`. */
export function evaluate(expression: string): Stored {
  let i = 0;
  const src = expression.replace(/\s+/g, "");
  const peek = () => src[i];
  const fail = () => {
    throw new SyntaxError("not arithmetic");
  };
  const primary = (): number => {
    const c = peek();
    if (c === "+" || c === "-") {
      i++;
      const v = primary();
      return c === "-" ? -v : v;
    }
    if (c === "(") {
      i++;
      const v = sum();
      if (peek() !== ")") fail();
      i++;
      return v;
    }
    const m = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(src.slice(i));
    if (!m) fail();
    i += m![0].length;
    return Number(m![0]);
  };
  const product = (): number => {
    let v = primary();
    while (peek() === "*" || peek() === "/") {
      const op = src[i++];
      const r = primary();
      v = op === "*" ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === "+" || peek() === "-") {
      const op = src[i++];
      const r = product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  try {
    const v = sum();
    if (i !== src.length) fail();
    return Number.isFinite(v) ? v : "#DIV/0!";
  } catch {
    return "#NAME?";
  }
}

/** Text a user sees in the cell. */
export function displayOf(cell: Cell | undefined, zone: string): string {
  if (!cell || cell.value === null) return "";
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = cell.format.numberFormat;
  if (isDateFormat(f)) {
    const dt = DateTime.fromMillis(instantOf(v, zone), { zone });
    return /h+:m/i.test(f!) ? dt.toFormat("yyyy-MM-dd HH:mm") : dt.toFormat("yyyy-MM-dd");
  }
  if (f && f.endsWith("%")) return `${Math.round(v * 100)}%`;
  return String(v);
}
