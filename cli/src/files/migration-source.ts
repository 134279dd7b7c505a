/**
 * Reading a foreign tracker for `baton migrate`: a CSV file (encoding, BOM, delimiter and line
 * endings detected, quoted multi-line cells kept whole, one grid row per record) or any sheet
 * of an .xlsx workbook (formula results, merged ranges, date cells as ISO text, Excel's indent
 * as leading spaces). The file is only read.
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs.ts";
import type { CellValue, MigrationSource, Rect } from "@baton/core";
import { plainValue } from "./xlsx-host.ts";
import { InputError } from "./open.ts";
import { decodeText, readCsvText, type CsvProblem } from "./csv.ts";

export { decodeText, detectDelimiter } from "./csv.ts";

/** CSV text as a grid: one row per record, so row n is the source's record n. */
export function csvGrid(text: string): CellValue[][] {
  return readCsvText(text).rows;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as migration reads it: date cells become ISO text (with the time when it has one). */
export function migrationValue(v: ExcelJS.CellValue): CellValue {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    // exceljs gives the cell's wall-clock time in the Date's UTC fields.
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours(),
      m = v.getUTCMinutes(),
      s = v.getUTCSeconds();
    return h || m || s ? `${date} ${pad(h)}:${pad(m)}:${pad(s)}` : date;
  }
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null
      ? null
      : migrationValue(result as ExcelJS.CellValue);
  }
  return plainValue(v);
}

function rectOf(range: string): Rect | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]), col(m[3]!), Number(m[4])];
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

/** A worksheet as a migration source: merged ranges keep their value in the top-left cell only. */
export function worksheetSource(ws: ExcelJS.Worksheet): MigrationSource {
  const grid: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master !== c) return;
      let v = migrationValue(c.value);
      const indent = c.alignment?.indent;
      if (typeof v === "string" && indent && indent > 0) v = " ".repeat(indent * 2) + v;
      while (out.length < col - 1) out.push(null);
      out[col - 1] = v;
    });
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = out;
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map(rectOf)
    .filter((r): r is Rect => Boolean(r));
  return { sheet: ws.name, grid, merges };
}

export interface ReadSource {
  readonly source: MigrationSource;
  readonly format: "csv" | "xlsx";
  /** Other sheets of a workbook that hold data, to mention. */
  readonly otherSheets: readonly string[];
  /** Records of a CSV that are not well-formed CSV (read line by line as they stand). */
  readonly unreadable: readonly CsvProblem[];
}

/** Reads SOURCE for migration; `sheet` picks a workbook's sheet (by name, case-insensitive). */
export async function readMigrationSource(file: string, sheet?: string): Promise<ReadSource> {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    if (sheet) throw new InputError(`--sheet ${sheet}: ${file} is a CSV file, which has no sheets`);
    const read = readCsvText(decodeText(readFileSync(file)));
    return {
      source: { sheet: basename(file, extname(file)), grid: read.rows },
      format: "csv",
      otherSheets: [],
      unreadable: read.problems,
    };
  }
  if (ext !== ".xlsx" && ext !== ".xlsm")
    throw new InputError(
      `${file}: baton migrate reads .csv files and .xlsx workbooks, not ${ext || "files without an extension"}`,
    );
  const wb = new (excelJs().Workbook)();
  try {
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(
      `${file}: not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`,
    );
  }
  const sheets = wb.worksheets.filter((w) => w.state !== "veryHidden");
  let ws: ExcelJS.Worksheet | undefined;
  if (sheet) {
    ws =
      sheets.find((w) => w.name === sheet) ??
      sheets.find((w) => w.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    if (!ws)
      throw new InputError(
        `${file} has no sheet "${sheet}"; its sheets are ${sheets.map((w) => `"${w.name}"`).join(", ")}`,
      );
  } else {
    ws =
      sheets.find((w) => w.state === "visible" && w.actualRowCount > 0) ??
      sheets.find((w) => w.actualRowCount > 0) ??
      sheets[0];
    if (!ws) throw new InputError(`${file} has no sheets`);
  }
  const otherSheets = sheets.filter((w) => w !== ws && w.actualRowCount > 0).map((w) => w.name);
  return { source: worksheetSource(ws), format: "xlsx", otherSheets, unreadable: [] };
}
