/**
 * The canonical content of a check-in row: what a seal covers.
 *
 * The same row must give the same bytes whichever host read it, so the few ways hosts differ
 * are folded into one form, and nothing else is touched:
 * - a date-time is `YYYY-MM-DDTHH:mm:ss` (wall clock in the ledger's time zone), whether the
 *   host handed a JavaScript Date (Apps Script), a serial number (Excel, the file host) or, in a
 *   date-time column, ISO text (a CSV export);
 * - a number is its shortest form at Excel's 15 significant digits, and text that is exactly
 *   that form (a CSV cell "0.35") is the same number; in a percent column (Progress %), text
 *   as a spreadsheet exports a percentage ("6%", "12.5%") is the fraction it shows (0.06);
 * - everything else is the text as typed: no trimming, no case folding, so changing "Green" to
 *   "green" or adding a space is an edit.
 *
 * A row is the template's check-in columns except Seal, in template order, found by header, so
 * moving a column is not an edit. A team's own extra columns are not sealed.
 *
 * The content is a JSON array with one entry per column: null for a blank cell, else a tag
 * (`t:` date-time, `n:` number, `s:` text) and the value. JSON gives one unambiguous spelling
 * that any language can reproduce to check a seal offline.
 */
import type { CellValue } from "../cells/values.ts";
import { isDateSerial, localDateTimeFromInstant, localDateTimeFromSerial } from "../cells/dates.ts";
import { coerceCell } from "../workbook/coerce.ts";
import { CHECKIN_COLUMNS, type CellKind } from "../template/sheets.ts";

/** The sealed columns, in template order: every check-in column but Seal. */
export const SEALED_COLUMNS = CHECKIN_COLUMNS.filter((c) => c.key !== "seal");

/** A number in one form: 15 significant digits (what Excel keeps), shortest spelling, no -0. */
export function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  // An integer of at most 15 digits is already its own shortest 15-digit form.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?$/;
const PERCENT_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?%$/;

/** A digit or a minus sign first: the only strings NUMBER_TEXT can match (checked before the regex, for speed). */
function startsLikeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45;
}

/** A cell's entry in two parts, its tag (`t:`, `n:`, `s:`) and its text, so each can be written where it goes. */
export interface CanonicalEntry {
  tag: string;
  text: string;
}

/** One cell's canonical entry; null for a blank cell. */
export function canonicalCell(given: CellValue, kind: CellKind, zone: string): string | null {
  const e: CanonicalEntry = { tag: "", text: "" };
  return canonicalEntry(given, kind, zone, e) ? e.tag + e.text : null;
}

/** One cell's canonical entry, put into `out`; false for a blank cell (`out` then unchanged). */
export function canonicalEntry(
  given: CellValue,
  kind: CellKind,
  zone: string,
  out: CanonicalEntry,
): boolean {
  if (given === null || given === undefined || given === "") return false;
  if (given instanceof Date)
    return put(out, "t:", localDateTimeFromInstant(given, zone) ?? "invalid");
  // Number text (a CSV cell) is the number it spells, only when spelled the one way a number is.
  let value: CellValue =
    typeof given === "string" &&
    startsLikeNumber(given) &&
    NUMBER_TEXT.test(given) &&
    canonicalNumber(Number(given)) === given
      ? Number(given)
      : given;
  // A spreadsheet exports a percent cell as it shows it: "6%" is the 0.06 that was sealed.
  if (kind.type === "percent" && typeof value === "string" && PERCENT_TEXT.test(value))
    value = Number(canonicalNumber(Number(value.slice(0, -1)) / 100));
  const dateLike = kind.type === "datetime" || kind.type === "date" || kind.type === "period";
  if (typeof value === "number") {
    // A period typed into Excel can become a date (2026-11 → 1 Nov 2026): a serial there is a date.
    if (dateLike && isDateSerial(value)) return put(out, "t:", localDateTimeFromSerial(value));
    return put(out, "n:", canonicalNumber(value));
  }
  if (typeof value === "boolean") return put(out, "s:", value ? "TRUE" : "FALSE");
  if (kind.type === "datetime" || kind.type === "date") {
    const read = coerceCell(value, { type: "datetime" }, { zone, cadence: "Weekly" });
    if (read.ok && typeof read.value === "string") return put(out, "t:", read.value);
  }
  return put(out, "s:", value);
}

function put(out: CanonicalEntry, tag: string, text: string): true {
  out.tag = tag;
  out.text = text;
  return true;
}

/**
 * The canonical content of one row of the Check-ins grid. `columns` maps a column key to its
 * 1-based column number (the sheet's layout); a sealed column the sheet lacks reads as blank.
 */
export function canonicalRow(
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): string {
  const entries = SEALED_COLUMNS.map((c) => {
    const at = columns[c.key];
    return at === undefined ? null : canonicalCell(cells[at - 1], c.kind, zone);
  });
  return JSON.stringify(entries);
}
