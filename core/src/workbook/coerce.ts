/**
 * Reading one template cell into its typed value.
 *
 * A coercer never throws: it returns the value, or the issue details that say why the cell
 * cannot be read. Hosts hand dates as serial numbers (Office.js, the file host) or as
 * JavaScript Dates (Apps Script); both are understood, and instants are placed in the
 * workbook's time zone.
 */
import { describeValue, isErrorValue, isBlank, type CellValue } from "../cells/values.ts";
import {
  isDateSerial,
  isoFromInstant,
  isoFromSerial,
  localDateTimeFromInstant,
  localDateTimeFromSerial,
  daysFromIso,
  type IsoDate,
} from "../cells/dates.ts";
import { hasPrefix, qualifiedRef } from "../template/ids.ts";
import { parsePeriod, formatPeriod, periodOf, type Cadence } from "../template/periods.ts";
import type { CellKind } from "../template/sheets.ts";
import type { IssueDetails } from "../issues/issues.ts";

export type Coerced =
  | { readonly ok: true; readonly value: string | number | null }
  | { readonly ok: false; readonly details: CoerceFailure };

/** The issues a single cell can raise on its own, as the one issue table describes them. */
export type CoerceFailure = IssueDetails<
  | "cell-error"
  | "invalid-id"
  | "invalid-reference"
  | "invalid-date"
  | "invalid-number"
  | "invalid-percent"
  | "invalid-enum"
  | "invalid-period"
>;

export interface CoerceContext {
  readonly zone: string;
  readonly cadence: Cadence;
  /**
   * Each period text met so far and how it reads (null: not a period), when reading many rows:
   * a sheet holds a few dozen periods over many rows, and its rows then share one string each.
   */
  readonly periods?: Map<string, string | null>;
}

/** A period typed as text, in its one spelling (2026-W48, 2026-11), or null when it is none. */
function periodText(value: string, ctx: CoerceContext): string | null {
  const seen = ctx.periods?.get(value);
  if (seen !== undefined) return seen;
  const p = parsePeriod(value);
  const text = p ? formatPeriod(p) : null;
  ctx.periods?.set(value, text);
  return text;
}

const BLANK: Coerced = { ok: true, value: null };
const ok = (value: string | number | null): Coerced => ({ ok: true, value });
const fail = (details: CoerceFailure): Coerced => ({ ok: false, details });

const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** Text as typed: numbers and booleans become their text, dates their ISO form. */
export function cellText(value: CellValue, zone: string): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoFromInstant(value, zone) ?? null;
  return null;
}

/** Spreadsheets hold dates from 1900-01-01 to 9999-12-31; anything outside is not a date here either. */
const inSpreadsheetRange = (iso: string | undefined): iso is IsoDate =>
  iso !== undefined &&
  /^\d{4}-\d{2}-\d{2}$/.test(iso) &&
  iso >= "1900-01-01" &&
  iso <= "9999-12-31";

/** A date cell to an ISO date: serials, Dates and ISO text (a time of day is dropped). */
export function coerceDate(value: CellValue, zone: string): IsoDate | undefined {
  if (typeof value === "number") return isDateSerial(value) ? isoFromSerial(value) : undefined;
  if (value instanceof Date) {
    const iso = isoFromInstant(value, zone);
    return inSpreadsheetRange(iso) ? iso : undefined;
  }
  if (typeof value === "string") {
    const m = ISO_DATE_PREFIX.exec(value.trim());
    if (m && daysFromIso(m[1]!) !== undefined && inSpreadsheetRange(m[1])) return m[1];
  }
  return undefined;
}

function coerceDateTime(value: CellValue, zone: string): string | undefined {
  if (typeof value === "number")
    return isDateSerial(value) ? localDateTimeFromSerial(value) : undefined;
  if (value instanceof Date) {
    const local = localDateTimeFromInstant(value, zone);
    return local && inSpreadsheetRange(local.slice(0, 10)) ? local : undefined;
  }
  if (typeof value === "string") {
    const m = ISO_DATE_PREFIX.exec(value.trim());
    if (!m || daysFromIso(m[1]!) === undefined || !inSpreadsheetRange(m[1])) return undefined;
    const [h, mi, s] = [m[2] ?? "00", m[3] ?? "00", m[4] ?? "00"];
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
    return `${m[1]}T${h}:${mi}:${s}`;
  }
  return undefined;
}

/** A number cell: numbers, and text such as "1,234.5" or "12%". */
export function coerceNumber(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let t = value.trim();
  let scale = 1;
  if (t.endsWith("%")) {
    t = t.slice(0, -1).trim();
    scale = 0.01;
  }
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/,/g, "")) * scale;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A percentage as a fraction from 0 to 1. A cell formatted as a percentage holds the fraction
 * (0.4 shows as 40%); typed whole numbers above 1 and up to 100 are read as percent points,
 * since nobody means 4,000% progress.
 */
export function coercePercent(value: CellValue): number | undefined {
  const isPercentText = typeof value === "string" && value.trim().endsWith("%");
  const n = coerceNumber(value);
  if (n === undefined) return undefined;
  const fraction = !isPercentText && n > 1 ? n / 100 : n;
  return fraction >= 0 && fraction <= 1 ? fraction : undefined;
}

function matchEnum(text: string, values: readonly string[]): string | undefined {
  // Most cells hold a value exactly as listed; only the others are compared ignoring case.
  for (const v of values) if (v === text) return v;
  const t = text.trim().toLowerCase();
  for (const v of values) if (v.toLowerCase() === t) return v;
  return undefined;
}

/** Why a cell cannot be read: what `coerceValue` returns instead of a value. */
export class Unreadable {
  constructor(readonly details: CoerceFailure) {}
}

/** Reads one cell of a column of the given kind. */
export function coerceCell(value: CellValue, kind: CellKind, ctx: CoerceContext): Coerced {
  const v = coerceValue(value, kind, ctx);
  return v instanceof Unreadable ? fail(v.details) : v === null ? BLANK : ok(v);
}

/**
 * `coerceCell` without a result object per cell, for reading many rows: the value, or why
 * it cannot be read.
 */
export function coerceValue(
  value: CellValue,
  kind: CellKind,
  ctx: CoerceContext,
): string | number | null | Unreadable {
  if (isBlank(value)) return null;
  if (isErrorValue(value))
    return new Unreadable({ code: "cell-error", value: String(value).toUpperCase() });
  switch (kind.type) {
    case "text":
    case "computed":
      return cellText(value, ctx.zone);
    case "id": {
      const t = typeof value === "string" ? value.trim() : "";
      return hasPrefix(t, kind.prefix)
        ? t
        : new Unreadable({ code: "invalid-id", value: describeValue(value), prefix: kind.prefix });
    }
    case "ref": {
      const t = typeof value === "string" ? value.trim() : "";
      for (const p of kind.prefixes) if (hasPrefix(t, p)) return t;
      if (kind.qualified) {
        const q = qualifiedRef(t);
        if (q && kind.prefixes.some((p) => hasPrefix(q.id, p))) return `${q.workbook}:${q.id}`;
      }
      const expected = kind.prefixes.map((p) => `an ${p}-<number> ID`).join(" or ");
      return new Unreadable({
        code: "invalid-reference",
        value: describeValue(value),
        expected: kind.qualified
          ? `${expected}, or another workbook's as workbook:${kind.prefixes[0]}-<number>`
          : expected,
      });
    }
    case "date": {
      const d = coerceDate(value, ctx.zone);
      return d || new Unreadable({ code: "invalid-date", value: describeValue(value) });
    }
    case "datetime": {
      const d = coerceDateTime(value, ctx.zone);
      return d || new Unreadable({ code: "invalid-date", value: describeValue(value) });
    }
    case "number": {
      const n = coerceNumber(value);
      return n ?? new Unreadable({ code: "invalid-number", value: describeValue(value) });
    }
    case "percent": {
      const n = coercePercent(value);
      return n ?? new Unreadable({ code: "invalid-percent", value: describeValue(value) });
    }
    case "enum": {
      const v = typeof value === "string" ? matchEnum(value, kind.values) : undefined;
      return (
        v ||
        new Unreadable({ code: "invalid-enum", value: describeValue(value), allowed: kind.values })
      );
    }
    case "period": {
      if (typeof value === "string") {
        const text = periodText(value, ctx);
        return text ?? new Unreadable({ code: "invalid-period", value: describeValue(value) });
      }
      // Excel turns a typed "2026-11" into the date 1 Nov 2026: read the first of a month as that month.
      const d = coerceDate(value, ctx.zone);
      if (d && ctx.cadence === "Monthly" && d.endsWith("-01"))
        return formatPeriod(periodOf(d, "Monthly"));
      return new Unreadable({ code: "invalid-period", value: describeValue(value) });
    }
  }
}
