/// <reference types="google-apps-script" />
/**
 * The Google Sheets host: the core's `Host` port over SpreadsheetApp, synchronous because Apps
 * Script is (its services block; a Promise chain there is a needless risk).
 *
 * Reading takes one `getDataRange().getValues()` per sheet. Apps Script hands date cells as
 * Dates whose wall-clock time in the spreadsheet's time zone is the cell's value; they are
 * turned back into serials here, at the edge, so the core sees the same numbers as in Excel
 * and the file host whatever the Settings time zone is.
 *
 * Writing applies a `WritePlan` with one `setValues` per block, and formats batched per sheet
 * and property (see formats.ts). Sheets parses a string written with `setValues` as if typed, so
 * "=1+1" would become a formula and "2026-11" a date: string cells that Sheets could
 * reinterpret are formatted as plain text ("@") first, in one `RangeList` call per block.
 */
import type {
  CellValue,
  Grid,
  Grids,
  Host,
  PlanValue,
  Rect,
  WriteOp,
  WritePlan,
} from "@baton/core";
import {
  a1Range,
  anchorInStateGrid,
  isBatonSheet,
  isFormulaLike,
  ANCHOR_LABEL,
  BATON_SHEET,
} from "@baton/core";
import { serialFromInstant } from "./dates.ts";
import { batchFormats, type FormatWrite } from "./formats.ts";

/**
 * Document property where earlier versions kept the seal anchor. It now lives in the hidden,
 * protected Baton sheet, which travels with the spreadsheet when it is downloaded as .xlsx; the
 * property is read until the next close moves the anchor to the sheet.
 */
export const ANCHOR_PROPERTY = "baton.sealAnchor";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Pixels per character of a column width in the plan (Sheets sizes columns in pixels). */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING = 10;

/**
 * True for a string that Sheets would not keep as the same text if written as a value: a
 * formula, or anything it may read as a number, date, time, percentage, currency, boolean or
 * error. A digit anywhere is enough to be careful; plain words are left alone.
 */
export function needsPlainText(text: string): boolean {
  if (text === "") return false;
  // Sheets trims what is typed before reading it, so " -" is a formula as much as "-" is.
  if (isFormulaLike(text.trimStart()) || text[0] === "'" || text[0] === "#") return true;
  if (/\d/.test(text)) return true;
  return /^\s*(true|false)\s*$/i.test(text);
}

/** A1 ranges covering the cells of a block that need plain text, merged into column runs. */
function plainTextRanges(op: Extract<WriteOp, { op: "values" }>): string[] {
  const out: string[] = [];
  const width = op.values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let j = 0; j < width; j++) {
    let start = -1;
    for (let i = 0; i <= op.values.length; i++) {
      const v = i < op.values.length ? op.values[i]![j] : null;
      const needs = typeof v === "string" && needsPlainText(v);
      if (needs && start < 0) start = i;
      if (!needs && start >= 0) {
        out.push(a1Range(op.row + start, op.column + j, i - start, 1));
        start = -1;
      }
    }
  }
  return out;
}

/**
 * A plan block as Sheets wants it: rectangular, blanks as "". A row shorter than the block is
 * padded with blanks (plans write ragged rows only to sheets they create, such as a summary).
 */
function rectangular(values: readonly (readonly PlanValue[])[]): (string | number | boolean)[][] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return values.map((r) => {
    const row: (string | number | boolean)[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const v = r[j];
      row[j] = v === null || v === undefined ? "" : v;
    }
    return row;
  });
}

/**
 * The rows and columns a plan writes in each sheet, so sheets can grow before it is applied.
 * Clearing and protecting only cover cells, so they never grow a sheet (a protection's open
 * rows may run to the end of the sheet, however long): every rectangle is clamped to the
 * sheet's size when applied.
 */
function extentByName(plan: WritePlan): Map<string, { rows: number; columns: number }> {
  const out = new Map<string, { rows: number; columns: number }>();
  const need = (sheet: string, rows: number, columns: number) => {
    const e = out.get(sheet) ?? { rows: 0, columns: 0 };
    out.set(sheet, { rows: Math.max(e.rows, rows), columns: Math.max(e.columns, columns) });
  };
  const rect = (sheet: string, r: Rect) =>
    need(sheet, r.row + r.rows - 1, r.column + r.columns - 1);
  for (const op of plan.ops) {
    switch (op.op) {
      case "values":
        need(
          op.sheet,
          op.row + op.values.length - 1,
          op.column + op.values.reduce((w, r) => Math.max(w, r.length), 0) - 1,
        );
        break;
      case "format":
      case "listValidation":
        rect(op.sheet, op.range);
        break;
      case "clear":
      case "protect":
        break;
      case "columnWidths":
        need(op.sheet, 1, op.widths.length);
        break;
      case "freeze":
        need(op.sheet, op.rows + 1, op.columns + 1);
        break;
      case "addSheet":
      case "setAnchor":
        break;
    }
  }
  return out;
}

/** What a host needs besides the spreadsheet to write plans and keep the anchor. */
export interface HostServices {
  /** Read only when the anchor is needed. */
  readonly documentProperties: () => GoogleAppsScript.Properties.Properties;
  readonly newDataValidation: () => GoogleAppsScript.Spreadsheet.DataValidationBuilder;
}

export class SheetsHost {
  /** Without `services` the host only reads grids (what a simple trigger may do). */
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly services?: HostServices,
  ) {}

  private get writable(): HostServices {
    if (!this.services) throw new TypeError("this Sheets host was opened to read grids only");
    return this.services;
  }

  sheetNames(): string[] {
    return this.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => !isBatonSheet(n));
  }

  /** One `getValues` per named sheet; sheets that do not exist are left out. */
  readSheets(names: readonly string[]): Grids {
    const zone = this.spreadsheet.getSpreadsheetTimeZone();
    const out: Record<string, Grid> = {};
    for (const name of names) {
      const sheet = this.spreadsheet.getSheetByName(name);
      if (sheet) out[name] = gridOf(sheet.getDataRange().getValues(), zone);
    }
    return out;
  }

  readAnchor(): string | null {
    const state = this.spreadsheet.getSheetByName(BATON_SHEET);
    const inSheet = state ? anchorInStateGrid(state.getRange(1, 1, 1, 2).getValues()) : null;
    if (inSheet !== null) return inSheet;
    const v = this.writable.documentProperties().getProperty(ANCHOR_PROPERTY);
    return v ? v : null;
  }

  /**
   * Writes the anchor into the Baton sheet: created hidden, and protected so that only the owner
   * and the user closing can change it (as the sealed rows are). The old document property goes.
   */
  private writeAnchor(value: string): void {
    const state = this.stateSheet();
    const cells = state.getRange(1, 1, 1, 2);
    cells.setNumberFormat("@");
    cells.setValues([[ANCHOR_LABEL, value]]);
    const properties = this.writable.documentProperties();
    if (properties.getProperty(ANCHOR_PROPERTY) !== null)
      properties.deleteProperty(ANCHOR_PROPERTY);
  }

  /** The Baton sheet, created hidden and protected when it is not there yet. */
  private stateSheet(): Sheet {
    let state = this.spreadsheet.getSheetByName(BATON_SHEET);
    if (!state) {
      state = this.spreadsheet.insertSheet(BATON_SHEET, this.spreadsheet.getNumSheets());
      state.hideSheet();
      const protection = state.protect().setDescription("Baton: the seal anchor of the ledger");
      protection.removeEditors(protection.getEditors());
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
    }
    return state;
  }

  /** Applies a plan in order. The caller holds the document lock. */
  apply(plan: WritePlan): void {
    const sheets = new Map<string, Sheet>();
    const sheet = (name: string): Sheet => {
      let s = sheets.get(name);
      if (!s) {
        // Baton's state (what notify told, the anchor) has its own sheet, made when missing.
        s = isBatonSheet(name)
          ? this.stateSheet()
          : (this.spreadsheet.getSheetByName(name) ?? undefined);
        if (!s) throw new RangeError(`the plan writes to a sheet that does not exist: ${name}`);
        sheets.set(name, s);
      }
      return s;
    };
    const extents = extentByName(plan);
    const sizes = new Map<string, { rows: number; columns: number }>();
    // Sheets refuses a range past the sheet's last row or column: grow it once, before writing.
    const ensureSize = (name: string) => {
      if (sizes.has(name)) return;
      const s = sheet(name);
      const e = extents.get(name) ?? { rows: 0, columns: 0 };
      let rows = s.getMaxRows();
      if (e.rows > rows) s.insertRowsAfter(rows, e.rows - rows);
      let columns = s.getMaxColumns();
      if (e.columns > columns) s.insertColumnsAfter(columns, e.columns - columns);
      rows = Math.max(rows, e.rows);
      columns = Math.max(columns, e.columns);
      sizes.set(name, { rows, columns });
    };
    const clamp = (name: string, r: Rect): Rect | null => {
      const size = sizes.get(name)!;
      const rows = Math.min(r.rows, size.rows - r.row + 1);
      const columns = Math.min(r.columns, size.columns - r.column + 1);
      return rows >= 1 && columns >= 1 ? { row: r.row, column: r.column, rows, columns } : null;
    };
    // Consecutive format ops are written together (see formats.ts).
    let formats: Extract<WriteOp, { op: "format" }>[] = [];
    const flush = () => {
      if (formats.length) for (const w of batchFormats(formats)) writeFormat(sheet(w.sheet), w);
      formats = [];
    };
    for (const op of plan.ops) {
      if (op.op !== "addSheet" && op.op !== "setAnchor") ensureSize(op.sheet);
      if (op.op === "format") {
        const range = clamp(op.sheet, op.range);
        if (range) formats.push({ ...op, range });
        continue;
      }
      flush();
      this.applyOp(op, sheet, clamp);
    }
    flush();
  }

  private applyOp(
    op: WriteOp,
    sheet: (name: string) => Sheet,
    clamp: (name: string, r: Rect) => Rect | null,
  ): void {
    switch (op.op) {
      case "addSheet":
        if (!this.spreadsheet.getSheetByName(op.sheet))
          this.spreadsheet.insertSheet(op.sheet, this.spreadsheet.getNumSheets());
        return;
      case "values": {
        const values = rectangular(op.values);
        if (!values.length || !values[0]!.length) return;
        const s = sheet(op.sheet);
        const text = plainTextRanges(op);
        if (text.length) s.getRangeList(text).setNumberFormat("@");
        s.getRange(op.row, op.column, values.length, values[0]!.length).setValues(values);
        return;
      }
      case "format":
        // Batched in apply().
        return;
      case "clear": {
        const range = clamp(op.sheet, op.range);
        if (range) rangeOf(sheet(op.sheet), range).clear();
        return;
      }
      case "listValidation": {
        // Allowing invalid entries keeps this guidance: validation still reports them, with a fix.
        const rule = this.writable
          .newDataValidation()
          .requireValueInList([...op.values], true)
          .setAllowInvalid(true)
          .build();
        const range = clamp(op.sheet, op.range);
        if (range) rangeOf(sheet(op.sheet), range).setDataValidation(rule);
        return;
      }
      case "freeze": {
        const s = sheet(op.sheet);
        s.setFrozenRows(op.rows);
        s.setFrozenColumns(op.columns);
        return;
      }
      case "columnWidths": {
        const s = sheet(op.sheet);
        // One call per run of equal widths.
        let start = 0;
        for (let i = 1; i <= op.widths.length; i++) {
          if (i < op.widths.length && op.widths[i] === op.widths[start]) continue;
          s.setColumnWidths(
            start + 1,
            i - start,
            Math.round(op.widths[start]! * PIXELS_PER_CHARACTER + COLUMN_PADDING),
          );
          start = i;
        }
        return;
      }
      case "protect": {
        const s = sheet(op.sheet);
        // Sheet.protect() returns the sheet's existing protection when there is one.
        const protection = s.protect().setDescription(op.description);
        const editable = op.editable
          .map((r) => clamp(op.sheet, r))
          .filter((r): r is Rect => r !== null);
        protection.setUnprotectedRanges(editable.map((r) => rangeOf(s, r)));
        // Leaves the owner and the user running Baton; everyone else may only edit the open rows.
        protection.removeEditors(protection.getEditors());
        if (protection.canDomainEdit()) protection.setDomainEdit(false);
        return;
      }
      case "setAnchor":
        this.writeAnchor(op.value);
        return;
    }
  }
}

function rangeOf(sheet: Sheet, r: Rect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.rows, r.columns);
}

type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;

function writeFormat(sheet: Sheet, w: FormatWrite): void {
  if (w.kind === "grid") {
    const range = rangeOf(sheet, w.range);
    const v = w.values;
    switch (w.property) {
      case "numberFormat":
        range.setNumberFormats(v as string[][]);
        return;
      case "fill":
        range.setBackgrounds(v as string[][]);
        return;
      case "fontColor":
        range.setFontColors(v as string[][]);
        return;
      case "bold":
        range.setFontWeights(v as FontWeight[][]);
        return;
      case "italic":
        range.setFontStyles(v as FontStyle[][]);
        return;
      case "wrap":
        range.setWraps(v as boolean[][]);
        return;
    }
  }
  const list = sheet.getRangeList(w.ranges);
  switch (w.property) {
    case "numberFormat":
      list.setNumberFormat(w.value as string);
      return;
    case "fill":
      list.setBackground(w.value as string);
      return;
    case "fontColor":
      list.setFontColor(w.value as string);
      return;
    case "bold":
      list.setFontWeight(w.value as FontWeight);
      return;
    case "italic":
      list.setFontStyle(w.value as FontStyle);
      return;
    case "wrap":
      list.setWrap(w.value as boolean);
      return;
  }
}

/** `getValues()` output as a core grid: Dates become serials in the spreadsheet's zone. */
export function gridOf(values: unknown[][], zone: string): Grid {
  const out: CellValue[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    const copy: CellValue[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isDate(v)) {
        const serial = serialFromInstant(v, zone);
        // An invalid Date stays a Date, so the issue says "an invalid date", not NaN.
        copy[c] = Number.isNaN(serial) ? v : serial;
      } else copy[c] = v as CellValue;
    }
    out[r] = copy;
  }
  return out;
}

/** A Date from any realm (the test harness runs the bundle in its own context). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** The same host behind the core's async `Host` port, for code and tests written against it. */
export function asyncHost(sheets: SheetsHost): Host {
  return {
    sheetNames: async () => sheets.sheetNames(),
    readSheets: async (names) => sheets.readSheets(names),
    readAnchor: async () => sheets.readAnchor(),
    apply: async (plan) => sheets.apply(plan),
  };
}
