/**
 * The columns of a sheet as mapping sees them: each one's letter, header and the profile of its
 * values, and which columns hold anything at all below the header.
 */
import { isBlank, type CellValue, type Grid } from "../cells/values.ts";
import { letterOf } from "./source.ts";
import { profileColumn } from "./profile.ts";
import type { ColumnInfo } from "./mapping.ts";
import type { Layout } from "./layout.ts";

/** Rows profiled per column at most: an even sample tells a column's field as well as all rows. */
const PROFILE_SAMPLE = 3000;

export function profileColumns(grid: Grid, layout: Layout, zone: string): ColumnInfo[] {
  const { headers, width, dataRows } = layout;
  const sampleStep = Math.max(1, Math.ceil(dataRows.length / PROFILE_SAMPLE));
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const values: CellValue[] = [];
    for (let i = 0; i < dataRows.length; i += sampleStep) values.push(grid[dataRows[i]!]![c]);
    columns.push({
      index: c,
      letter: letterOf(c),
      header: headers[c]!,
      profile: profileColumn(values, zone),
    });
  }
  return columns;
}

/** Whether each column holds a value in any data row (every row, not the sample). */
export function nonEmptyColumns(grid: Grid, dataRows: readonly number[], width: number): boolean[] {
  const nonEmpty = new Array<boolean>(width).fill(false);
  for (const r of dataRows) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) if (!nonEmpty[c] && !isBlank(row[c])) nonEmpty[c] = true;
  }
  return nonEmpty;
}
