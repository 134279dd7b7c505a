/**
 * The .xlsx file host: `Host` over an exceljs workbook held in memory.
 *
 * Reading turns exceljs' cell objects into the plain values every host gives the core:
 * formula results, rich text as text, hyperlinks as their text, error objects as `#REF!`-style
 * strings, and dates as serial numbers (exceljs builds Dates whose UTC fields are the cell's
 * wall-clock time, so the serial is recovered exactly, with no time zone involved).
 * Writing applies the core's plan to the model, so later reads see it. A host opened from a
 * file saves by patching that file (`xlsx-patch.ts`): the model is never written over a
 * workbook that exists, since it keeps only what it models. Only a new workbook (`empty`, for
 * `baton init` and `baton migrate`) is written from the model. Strings are always written as
 * string cells, so text that starts with `=` stays text in Excel and LibreOffice.
 */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { replaceFile } from "./atomic.ts";
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs.ts";
import type {
  CellFormat,
  CellValue,
  Grid,
  Grids,
  Host,
  Rect,
  WriteOp,
  WritePlan,
} from "@baton/core";
import { a1Range, LAST_ROW } from "@baton/core";
import { emptyPatch, isEmptyPatch, patchOf, STATE_SHEET, writePatched } from "./xlsx-patch.ts";

export { STATE_SHEET } from "./xlsx-patch.ts";

const MS_PER_DAY = 86400000;
const SERIAL_UNIX_EPOCH = 25569; // serial of 1970-01-01

export function serialFromExcelJsDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + SERIAL_UNIX_EPOCH;
}

/**
 * One exceljs cell value as a plain cell value. A date is its serial in the 1900 system
 * whatever the workbook's date system: exceljs already turned a 1904 serial into the right
 * Date, and the core reads 1900 serials. (`date1904` is kept for callers; it changes nothing.)
 */
export function plainValue(v: ExcelJS.CellValue, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialFromExcelJsDate(v);
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return plainValue(result as ExcelJS.CellValue, date1904);
    }
    if ("hyperlink" in v)
      return typeof v.text === "string"
        ? v.text
        : plainValue(v.text as ExcelJS.CellValue, date1904);
  }
  return null;
}

/**
 * A worksheet's used range from A1 as a grid. A merged area reads as Office.js reads it: its
 * value in the first cell, the others blank (exceljs repeats the first cell's value in each);
 * a row, and the grid, then end at their last value.
 */
export function worksheetGrid(ws: ExcelJS.Worksheet, date1904 = false): Grid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const out: CellValue[] = new Array(Math.max(0, values.length - 1));
    for (let c = 1; c < values.length; c++) out[c - 1] = plainValue(values[c], date1904);
    let merged = false;
    row.eachCell((cell, c) => {
      if (cell.type === excelJs().ValueType.Merge) {
        out[c - 1] = null;
        merged = true;
      }
    });
    if (merged) while (out.length && out[out.length - 1] === null) out.length--;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = out;
  });
  while (rows.length && !rows[rows.length - 1]!.length) rows.length--;
  return rows;
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/**
 * Restyling without touching other cells. exceljs hands every cell read from a file with the
 * same style index one shared style object, so setting `cell.numFmt` or `cell.protection` on one
 * cell changes them all (unlocking one cell unlocked every cell of its style). A cell gets a new
 * style object instead, and cells that shared a style share its restyled copy, so a sheet of
 * 250k rows holds a handful of style objects, not one per cell.
 */
class Restyler {
  private readonly copies = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();

  apply(
    target: { style: Partial<ExcelJS.Style> },
    key: string,
    change: (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>,
  ): void {
    const style = target.style ?? {};
    let byKey = this.copies.get(style);
    if (!byKey) this.copies.set(style, (byKey = new Map()));
    let copy = byKey.get(key);
    if (!copy) {
      copy = change(style);
      byKey.set(key, copy);
      // The copy is itself a style some cells now share: restyling it the same way is a no-op.
      this.copies.set(copy, new Map([[key, copy]]));
    }
    target.style = copy;
  }

  format(cell: ExcelJS.Cell, f: CellFormat): void {
    this.apply(cell, "format:" + JSON.stringify(f), (s) => ({
      ...s,
      ...(f.numberFormat !== undefined ? { numFmt: f.numberFormat } : {}),
      ...(f.fill !== undefined
        ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } } }
        : {}),
      ...(f.bold !== undefined || f.italic !== undefined || f.fontColor !== undefined
        ? {
            font: {
              ...s.font,
              ...(f.bold !== undefined ? { bold: f.bold } : {}),
              ...(f.italic !== undefined ? { italic: f.italic } : {}),
              ...(f.fontColor !== undefined ? { color: { argb: argb(f.fontColor) } } : {}),
            },
          }
        : {}),
      ...(f.wrap !== undefined ? { alignment: { ...s.alignment, wrapText: f.wrap } } : {}),
    }));
  }

  lock(target: { style: Partial<ExcelJS.Style> }, locked: boolean): void {
    if (target.style?.protection?.locked === locked) return;
    this.apply(target, locked ? "locked" : "unlocked", (s) => ({
      ...s,
      protection: { ...s.protection, locked },
    }));
  }
}

const insideRect = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

/**
 * Worksheet protection with every cell locked but the editable rectangles, as Excel and
 * LibreOffice honour it. A cell is locked unless its style says otherwise, so only cells in the
 * rectangles get a style of their own (and cells a rectangle no longer covers lose theirs). A
 * rectangle that runs to the end of the sheet (`LAST_ROW`) unlocks its columns by default, so
 * rows a team adds later are editable without a style on a million cells; the rows above it
 * then carry a locked row style, which the blank cells of a row follow before their column's.
 * So a sealed row's blank cells stay locked without being created, and the file stays as small
 * and as quick to write as it was.
 */
function protectWorksheet(
  ws: ExcelJS.Worksheet,
  editable: readonly Rect[],
  styles: Restyler,
): void {
  const inEditable = (row: number, column: number) =>
    editable.some((r) => insideRect(r, row, column));
  const openFrom = new Map<number, number>();
  for (const r of editable)
    if (r.row + r.rows - 1 >= LAST_ROW)
      for (let c = r.column; c < r.column + r.columns; c++)
        openFrom.set(c, Math.min(openFrom.get(c) ?? Infinity, r.row));
  const lockedRowsBelow = Math.min(...openFrom.values());
  const lastColumn = Math.max(ws.columnCount, ...editable.map((r) => r.column + r.columns - 1));
  for (let c = 1; c <= lastColumn; c++) {
    const column = ws.getColumn(c) as unknown as { style: Partial<ExcelJS.Style> };
    if (openFrom.has(c)) styles.lock(column, false);
    else if (column.style?.protection?.locked === false) styles.lock(column, true);
  }
  const lastRow = Math.max(ws.rowCount, Number.isFinite(lockedRowsBelow) ? lockedRowsBelow - 1 : 0);
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r) as unknown as ExcelJS.Row & { style: Partial<ExcelJS.Style> };
    if (r < lockedRowsBelow) styles.lock(row, true);
    else if (row.style?.protection?.locked === true) styles.lock(row, false);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (inEditable(r, c)) styles.lock(cell, false);
      else if (cell.style?.protection?.locked === false) styles.lock(cell, true);
    });
  }
  for (const r of editable) {
    if (r.row + r.rows - 1 >= LAST_ROW) continue;
    eachCell(ws, r, (cell) => styles.lock(cell, false));
  }
}

function eachCell(ws: ExcelJS.Worksheet, r: Rect, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.row; row < r.row + r.rows; row++) {
    const wsRow = ws.getRow(row);
    for (let col = r.column; col < r.column + r.columns; col++) fn(wsRow.getCell(col));
  }
}

export class XlsxHost implements Host {
  /** Round trips, as the contract suite counts them for every host. */
  readonly calls = { reads: 0, applies: 0 };

  private readonly styles = new Restyler();
  /** What the plans applied so far change in the file the host was opened from. */
  private readonly patch = emptyPatch();

  /** `source` is the file (or its bytes) the workbook was read from; none for a new workbook. */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly source?: string | Uint8Array,
  ) {}

  static empty(): XlsxHost {
    const wb = new (excelJs().Workbook)();
    wb.creator = "Baton";
    return new XlsxHost(wb);
  }

  static async fromBuffer(bytes: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const wb = new (excelJs().Workbook)();
    await wb.xlsx.load(bytes as ArrayBuffer);
    return new XlsxHost(wb, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }

  static async open(file: string): Promise<XlsxHost> {
    const wb = new (excelJs().Workbook)();
    await wb.xlsx.readFile(file);
    return new XlsxHost(wb, file);
  }

  private get date1904(): boolean {
    return Boolean((this.workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.filter((w) => w.name !== STATE_SHEET).map((w) => w.name);
  }

  async readSheets(names: readonly string[]): Promise<Grids> {
    this.calls.reads++;
    const out: Record<string, Grid> = {};
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) out[name] = worksheetGrid(ws, this.date1904);
    }
    return out;
  }

  async readAnchor(): Promise<string | null> {
    const ws = this.workbook.getWorksheet(STATE_SHEET);
    const v = ws?.getCell("B1").value;
    return typeof v === "string" && v ? v : null;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.calls.applies++;
    for (const op of plan.ops) this.applyOp(op);
    if (this.source !== undefined) patchOf(plan.ops, this.patch);
  }

  /**
   * Saves through a temporary file beside `file`, renamed at the end: a save cut off leaves the
   * old file whole. A workbook read from a file is saved by patching that file.
   */
  async save(file: string): Promise<void> {
    const source = this.source;
    if (source === undefined) {
      await replaceFile(file, async (out) => {
        await this.workbook.xlsx.write(out);
      });
      return;
    }
    if (!isEmptyPatch(this.patch)) await writePatched(source, file, this.patch);
    else if (typeof source !== "string") await replaceFile(file, (out) => void out.write(source));
    else if (resolve(file) !== resolve(source))
      await replaceFile(file, (out) => pipeline(createReadStream(source), out));
  }

  private sheet(name: string): ExcelJS.Worksheet {
    // Baton's state (beside the anchor) comes with the very hidden sheet it is kept in.
    if (name === STATE_SHEET && !this.workbook.getWorksheet(name))
      return this.workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new RangeError(`plan writes to a sheet that does not exist: ${name}`);
    return ws;
  }

  private applyOp(op: WriteOp): void {
    switch (op.op) {
      case "addSheet":
        if (!this.workbook.getWorksheet(op.sheet)) this.workbook.addWorksheet(op.sheet);
        return;
      case "values": {
        const ws = this.sheet(op.sheet);
        op.values.forEach((values, i) => {
          const row = ws.getRow(op.row + i);
          values.forEach((v, j) => {
            // A string is always a string cell: exceljs only writes a formula for { formula }.
            row.getCell(op.column + j).value = v;
          });
        });
        return;
      }
      case "format": {
        const ws = this.sheet(op.sheet);
        eachCell(ws, op.range, (cell) => this.styles.format(cell, op.format));
        return;
      }
      case "clear": {
        const ws = this.sheet(op.sheet);
        eachCell(ws, op.range, (cell) => {
          cell.value = null;
          cell.style = {};
        });
        return;
      }
      case "listValidation": {
        const ws = this.sheet(op.sheet);
        const list = `"${op.values.join(",")}"`;
        const { row, column, rows, columns } = op.range;
        (
          ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
        ).dataValidations.add(a1Range(row, column, rows, columns), {
          type: "list",
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorStyle: "warning",
          error: `Choose one of ${op.values.join(", ")}`,
        });
        return;
      }
      case "freeze":
        this.sheet(op.sheet).views = [{ state: "frozen", xSplit: op.columns, ySplit: op.rows }];
        return;
      case "columnWidths": {
        const ws = this.sheet(op.sheet);
        op.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
        return;
      }
      case "protect": {
        const ws = this.sheet(op.sheet);
        protectWorksheet(ws, op.editable, this.styles);
        // Protection without a password: it stops accidental edits; the seals prove the rest.
        void ws.protect("", {
          selectLockedCells: true,
          selectUnlockedCells: true,
          formatColumns: true,
          autoFilter: true,
          sort: false,
        });
        return;
      }
      case "setAnchor": {
        let ws = this.workbook.getWorksheet(STATE_SHEET);
        if (!ws) ws = this.workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
        ws.getCell("A1").value = "Seal anchor";
        ws.getCell("B1").value = op.value;
        return;
      }
    }
  }
}
