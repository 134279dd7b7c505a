/**
 * CSV files. A tracker in CSV is one file per template sheet in one folder (`Objectives.csv`,
 * `KPIs.csv`, `Initiatives.csv`, `Hand-offs.csv`, `Check-ins.csv`, `Settings.csv`); naming any
 * one of them names the set. Cells are read as text; the core reads numbers and ISO dates from
 * text, so nothing is guessed here. The text is decoded and split as `baton migrate` reads a
 * tracker's CSV (UTF-8, UTF-16, else Windows-1252; comma, semicolon, tab or bar), and a file
 * that is not well-formed CSV gives issues at its rows, never rows silently merged.
 */
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import Papa from "papaparse";
import type { CellValue, Grid, Grids, PlanValue, ValidationIssue } from "@baton/core";
import { SHEET, columnLetters, makeIssue } from "@baton/core";
import { writeFileAtomicSync } from "./atomic.ts";

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 as older Excel exports are. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/*
 * Windows-1252 differs from Latin-1 only in 0x80-0x9F (quotes, dashes, €, …), where Latin-1 has
 * control characters. Node's TextDecoder("windows-1252") decodes as Latin-1 on some builds, so
 * the table is applied here; the five bytes Windows-1252 leaves undefined stay as they are.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/**
 * The delimiter whose records agree best on their number of fields over the first lines
 * (quotes respected), preferring more fields; a sheet of one column is comma-separated.
 */
export function detectDelimiter(text: string): string {
  let best: string = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const sample = Papa.parse<string[]>(text, {
      delimiter: d,
      preview: 60,
      skipEmptyLines: true,
    }).data;
    if (!sample.length) continue;
    const counts = new Map<number, number>();
    for (const r of sample) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modal = 1;
    let modalCount = 0;
    for (const [len, n] of counts)
      if (n > modalCount || (n === modalCount && len > modal)) [modal, modalCount] = [len, n];
    if (modal < 2) continue;
    const score = (modalCount / sample.length) * 10 + Math.min(modal, 50) / 10;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Where CSV text is not well-formed: the record (grid row, 1-based), its line, its field. */
export interface CsvProblem {
  readonly row: number;
  readonly line: number;
  /** 0-based field of the record where the quote is. */
  readonly field: number;
}

export interface CsvRead {
  readonly rows: CellValue[][];
  readonly problems: readonly CsvProblem[];
}

const cells = (r: readonly string[]): CellValue[] => r.map((v) => (v === "" ? null : v));
const linesIn = (text: string, end: number) => {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * CSV text as rows, one per record (BOM stripped, delimiter detected, quoted multi-line cells
 * kept whole), with every place the text is not well-formed. A quote that opens a cell and is
 * never closed would swallow the rest of the file into that cell: instead its line is read as
 * it stands (split at the delimiter) and reading goes on from the next line, so no line is
 * lost and the problem is reported where it is.
 */
export function readCsvText(text: string): CsvRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const rows: CellValue[][] = [];
  const problems: CsvProblem[] = [];
  let rest = body;
  let line = 1;
  for (;;) {
    const parsed = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
    // A quote that is never closed (or closed by a quote meant for a later cell, with text after
    // it) merges records: everything from the record where it opens is read again line by line.
    const broken = parsed.errors
      .filter((e) => e.type === "Quotes" && e.row !== undefined && e.index !== undefined)
      .sort((x, y) => x.row! - y.row!)[0];
    rows.push(...parsed.data.slice(0, broken?.row ?? parsed.data.length).map(cells));
    if (!broken) break;
    // Papa's index is just past the opening quote.
    const quote = rest.lastIndexOf('"', broken.index! - 1);
    const lineStart = rest.lastIndexOf("\n", quote - 1) + 1;
    const newline = rest.indexOf("\n", quote);
    const lineEnd = newline === -1 ? rest.length : newline;
    const raw = rest.slice(lineStart, lineEnd).replace(/\r$/, "");
    rows.push(cells(raw.split(delimiter)));
    const at = line + linesIn(rest, lineStart);
    problems.push({
      row: rows.length,
      line: at,
      field: rest.slice(lineStart, quote).split(delimiter).length - 1,
    });
    if (newline === -1) break;
    rest = rest.slice(newline + 1);
    line = at + 1;
  }
  // A final newline yields one empty record; it is not a row.
  while (rows.length && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  return { rows, problems: problems.filter((p) => p.row <= rows.length) };
}

/** CSV text as rows (see `readCsvText`). */
export function parseCsv(text: string): CellValue[][] {
  return readCsvText(text).rows;
}

export function readCsvFile(file: string): Grid {
  return parseCsv(decodeText(readFileSync(file)));
}

/** The problems of a sheet's CSV as validation issues, at their row and the field's column. */
export function csvIssues(sheet: string, read: CsvRead): ValidationIssue[] {
  const header = read.rows[0] ?? [];
  return read.problems.map((p) => {
    const name = header[p.field];
    const letter = columnLetters(p.field + 1);
    return makeIssue(
      {
        sheet,
        row: p.row,
        column: typeof name === "string" && name.trim() ? name.trim() : letter,
        cell: `${letter}${p.row}`,
      },
      { code: "csv-malformed", line: p.line },
    );
  });
}

export interface CsvWorkbook {
  readonly grids: Grids;
  /** Where a file is not well-formed CSV: errors, each at its row. */
  readonly readIssues: readonly ValidationIssue[];
}

/** The template sheets of a CSV folder, keyed by sheet name; files that are absent are left out. */
export function readCsvWorkbook(file: string): CsvWorkbook {
  const dir = dirname(file);
  const files = new Map(
    readdirSync(dir)
      .filter((f) => extname(f).toLowerCase() === ".csv")
      .map((f) => [basename(f, extname(f)).toLowerCase(), f]),
  );
  const grids: Record<string, Grid> = {};
  const readIssues: ValidationIssue[] = [];
  for (const name of Object.values(SHEET)) {
    const f = files.get(name.toLowerCase());
    if (!f) continue;
    const read = readCsvText(decodeText(readFileSync(join(dir, f))));
    grids[name] = read.rows;
    readIssues.push(...csvIssues(name, read));
  }
  return { grids, readIssues };
}

/** True when the file's folder holds a CSV for a template sheet. */
export function isCsvWorkbook(file: string): boolean {
  if (!existsSync(file)) return false;
  const stem = basename(file, extname(file)).toLowerCase();
  return Object.values(SHEET).some((n) => n.toLowerCase() === stem);
}

const needsQuotes = /[",\r\n;]|^\s|\s$/;

/** Writes rows as CSV (RFC 4180, CRLF). */
export function writeCsv(file: string, rows: readonly (readonly PlanValue[])[]): void {
  const text = rows
    .map((r) =>
      r
        .map((v) => {
          const s = v === null ? "" : String(v);
          return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(","),
    )
    .join("\r\n");
  writeFileAtomicSync(file, text + "\r\n");
}
