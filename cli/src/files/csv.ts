/**
 * CSV files. A tracker in CSV is one file per template sheet in one folder (`Objectives.csv`,
 * `KPIs.csv`, `Initiatives.csv`, `Hand-offs.csv`, `Check-ins.csv`, `Settings.csv`); naming any
 * one of them names the set. Cells are read as text; the core reads numbers and ISO dates from
 * text, so nothing is guessed here.
 */
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import Papa from "papaparse";
import type { CellValue, Grid, Grids, PlanValue } from "@baton/core";
import { SHEET } from "@baton/core";
import { writeFileAtomicSync } from "./atomic.ts";

/** Parses CSV text (BOM stripped, delimiter detected, quoted multi-line cells kept whole). */
export function parseCsv(text: string): CellValue[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimitersToGuess: [",", ";", "\t", "|"] });
  const rows = parsed.data.map((r) => r.map((v) => (v === "" ? null : v)));
  // A final newline yields one empty record; it is not a row.
  while (rows.length && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  return rows;
}

export function readCsvFile(file: string): Grid {
  return parseCsv(readFileSync(file, "utf8"));
}

/** The template sheets of a CSV folder, keyed by sheet name; files that are absent are left out. */
export function readCsvWorkbook(file: string): Grids {
  const dir = dirname(file);
  const files = new Map(readdirSync(dir).filter((f) => extname(f).toLowerCase() === ".csv").map((f) => [basename(f, extname(f)).toLowerCase(), f]));
  const grids: Record<string, Grid> = {};
  for (const name of Object.values(SHEET)) {
    const f = files.get(name.toLowerCase());
    if (f) grids[name] = readCsvFile(join(dir, f));
  }
  return grids;
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
