/**
 * Reading one field of one row: text, dates in the sheet's order, numbers, fractions, status
 * words, periods. A reader never throws: what it cannot read it leaves blank and notes on the
 * row, in words that name the column and the value.
 */
import { isBlank, isErrorValue, describeValue, type CellValue } from "../cells/values.ts";
import { isoFromInstant, type IsoDate } from "../cells/dates.ts";
import type { Rag, Stage } from "../template/sheets.ts";
import { formatPeriod, parsePeriod, periodOf } from "../template/periods.ts";
import type { PlanValue } from "../ports/plan.ts";
import { dateIn } from "./dates.ts";
import { denoise, toFraction } from "./numbers.ts";
import { statusOf } from "./lookups.ts";
import { letterOf, textOf } from "./source.ts";
import type { Conventions } from "./conventions.ts";
import type { FieldKey } from "./vocabulary.ts";
import type { Row } from "./model.ts";

/** A row being read: its cells, its 0-based grid row, and the notes for its reason. */
export interface Noted {
  readonly r: number;
  readonly row: Row;
  readonly notes: string[];
}

export interface CellReader {
  cell(row: Row, f: FieldKey): CellValue;
  /** The column's header, or "Column H" when its header is blank. */
  label(column: number): string;
  fieldLabel(f: FieldKey): string;
  text(item: Noted, f: FieldKey): string | null;
  date(item: Noted, f: FieldKey): IsoDate | null;
  number(item: Noted, f: FieldKey): { n: number; percent: boolean } | null;
  fraction(item: Noted, f: FieldKey): number | null;
  status(item: Noted): { stage: Stage | null; rag: Rag | null };
  period(item: Noted): string | null;
  /** Ambiguous dates read in the sheet's order so far: how many, their rows, one example. */
  readonly ambiguous: { count: number; rows: number[]; example: string };
}

export function cellReader(
  colOf: ReadonlyMap<FieldKey, number>,
  headers: readonly string[],
  conv: Conventions,
  zone: string,
  asOf: IsoDate,
): CellReader {
  const ambiguous = { count: 0, rows: [] as number[], example: "" };
  const label = (c: number) => headers[c] || `Column ${letterOf(c)}`;
  const fieldLabel = (f: FieldKey) => label(colOf.get(f)!);
  const cell = (row: Row, f: FieldKey): CellValue => {
    const c = colOf.get(f);
    return c === undefined ? undefined : row[c];
  };
  const text = (item: Noted, f: FieldKey): string | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    if (isErrorValue(v)) {
      item.notes.push(`${fieldLabel(f)} holds the error ${String(v)}; left blank`);
      return null;
    }
    if (v instanceof Date) return isoFromInstant(v, zone) ?? null;
    return textOf(v).trim().replace(/\s+/g, " ");
  };
  const date = (item: Noted, f: FieldKey): IsoDate | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    const d = isErrorValue(v) ? undefined : conv.readingOf(v);
    if (!d) {
      item.notes.push(`${fieldLabel(f)} ${describeValue(v)} is not a date; left blank`);
      return null;
    }
    if (!("fixed" in d)) {
      ambiguous.count++;
      if (ambiguous.rows.length < 50) ambiguous.rows.push(item.r + 1);
      if (!ambiguous.example)
        ambiguous.example = `${textOf(v).trim()} (row ${item.r + 1}, ${fieldLabel(f)})`;
    } else if (d.proves && d.proves !== conv.dateOrder)
      item.notes.push(
        `${fieldLabel(f)} ${describeValue(v)} can only be read ${d.proves === "dmy" ? "day first" : "month first"}, unlike the rest of the sheet`,
      );
    return dateIn(d, conv.dateOrder);
  };
  const number = (item: Noted, f: FieldKey): { n: number; percent: boolean } | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    const p = isErrorValue(v) ? undefined : conv.percentParts(v);
    if (!p) {
      item.notes.push(`${fieldLabel(f)} ${describeValue(v)} is not a number; left blank`);
      return null;
    }
    return { n: denoise(p.n), percent: p.sign };
  };
  const fraction = (item: Noted, f: FieldKey): number | null => {
    const c = colOf.get(f);
    const v = cell(item.row, f);
    if (c === undefined || isBlank(v)) return null;
    const p = isErrorValue(v) ? undefined : conv.percentParts(v);
    const x = p ? toFraction(p, conv.percentPoints.get(c) ?? false) : undefined;
    if (x === undefined || x < 0 || x > 1) {
      item.notes.push(
        `${fieldLabel(f)} ${describeValue(v)} is not a percentage from 0% to 100%; left blank`,
      );
      return null;
    }
    return x;
  };
  const status = (item: Noted): { stage: Stage | null; rag: Rag | null } => {
    let stage: Stage | null = null;
    let rag: Rag | null = null;
    const s = text(item, "stage");
    if (s) {
      const m = statusOf(s, true);
      if (m) {
        stage = m.stage ?? null;
        rag = m.rag ?? null;
      } else
        item.notes.push(
          `${fieldLabel("stage")} "${s.slice(0, 40)}" is not a status Baton knows; Stage left blank`,
        );
    }
    const g = text(item, "rag");
    if (g) {
      const m = statusOf(g, true);
      if (m?.rag) {
        rag = m.rag;
        stage ??= m.stage ?? null;
      } else if (m?.stage && !stage) stage = m.stage;
      else
        item.notes.push(
          `${fieldLabel("rag")} "${g.slice(0, 40)}" is not Green, Amber or Red; no RAG read`,
        );
    }
    return { stage, rag };
  };
  const period = (item: Noted): string | null => {
    const v = cell(item.row, "period");
    if (isBlank(v)) return null;
    if (typeof v === "string") {
      const p = parsePeriod(v.trim());
      if (p) return formatPeriod(p);
      const wk = /(?:week|wk|kw|woche|semaine|semana|w)\s*(\d{1,2})(?:\D+(\d{4}))?/i.exec(v);
      if (wk) {
        const p2 = parsePeriod(`${wk[2] ?? asOf.slice(0, 4)}-W${wk[1]!.padStart(2, "0")}`);
        if (p2) return formatPeriod(p2);
      }
    }
    const d = date(item, "period");
    return d ? formatPeriod(periodOf(d, "Weekly")) : null;
  };
  return { cell, label, fieldLabel, text, date, number, fraction, status, period, ambiguous };
}

/** "Charley,Bex" and "Arun ; Bex" read as "Charley, Bex". */
export function normaliseOwner(owner: string | null): string | null {
  if (!owner) return owner;
  return owner
    .split(/\s*[,;/&]\s*|\s+and\s+/)
    .filter(Boolean)
    .join(", ");
}

/** A carried cell as a value to write: numbers stay numbers (numeric text too, float noise gone), dates ISO text. */
export function plainOf(
  v: CellValue,
  numeric: boolean,
  numberOf: (v: CellValue) => number | undefined,
  zone: string,
): PlanValue {
  if (v instanceof Date) return isoFromInstant(v, zone) ?? null;
  if (typeof v === "number") return Number.isFinite(v) ? denoise(v) : null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    if (numeric) {
      const n = numberOf(v);
      if (n !== undefined) return n;
    }
    return v;
  }
  return null;
}
