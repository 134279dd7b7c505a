/**
 * The foreign sheet as migration reads it: a grid, and the merged ranges a workbook had.
 *
 * A merged range holds its value in its top-left cell. A range merged across columns only (a
 * title over the table, a section label across the row) keeps the value once, so a title block
 * is one cell, not a row of repeated text that looks like a header. A range merged down rows
 * (an objective spanning its key results) gives every row the value, as if typed on each.
 */
import { isBlank, type CellValue, type Grid } from "../cells/values.ts";
import type { Rect } from "../ports/plan.ts";

export interface MigrationSource {
  /** The sheet's name (for a CSV file, its name without the extension). */
  readonly sheet: string;
  readonly grid: Grid;
  /** Merged ranges, 1-based, with the value in the top-left cell and the other cells blank. */
  readonly merges?: readonly Rect[];
}

/** The grid with vertical merges filled down; the source grid is not changed. */
export function unmerge(source: MigrationSource): Grid {
  const merges = (source.merges ?? []).filter((m) => m.rows > 1);
  if (!merges.length) return source.grid;
  const grid: CellValue[][] = source.grid.map((r) => [...r]);
  for (const m of merges) {
    const top = grid[m.row - 1];
    const value = top?.[m.column - 1];
    if (isBlank(value)) continue;
    for (let r = m.row; r < m.row - 1 + m.rows && r < grid.length; r++) {
      const row = grid[r]!;
      while (row.length < m.column) row.push(null);
      if (isBlank(row[m.column - 1])) row[m.column - 1] = value;
    }
  }
  return grid;
}

/** Count of non-blank cells in a row. */
export function filled(row: readonly CellValue[] | undefined): number {
  let n = 0;
  if (row) for (const v of row) if (!isBlank(v)) n++;
  return n;
}

/** The text of a cell as typed, for headers, names and reports. */
export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}

/** Column letters of a 0-based column index. */
export function letterOf(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
