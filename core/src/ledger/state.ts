/**
 * Where a workbook keeps the ledger's anchor: its own hidden Baton sheet, so the anchor travels
 * with the file from one host to another (the command line's .xlsx, Excel, Google Sheets, and
 * back). Very hidden in Excel and the .xlsx, hidden and protected in Sheets. The label in A1 is
 * for whoever unhides the sheet; the anchor is the text in B1.
 */
import type { Grid } from "../cells/values.ts";
import type { PlanValue, WriteOp } from "../ports/plan.ts";

export const BATON_SHEET = "_baton";
export const ANCHOR_LABEL = "Seal anchor";
/** The anchor's cell, 1-based: B1, beside its label in A1. */
export const ANCHOR_CELL = { row: 1, column: 2 } as const;

/** The anchor text in a Baton sheet's grid; null when the cell is blank or not text. */
export function anchorInStateGrid(grid: Grid | undefined): string | null {
  const v = grid?.[ANCHOR_CELL.row - 1]?.[ANCHOR_CELL.column - 1];
  return typeof v === "string" && v ? v : null;
}

/** True for the Baton sheet's name, however a host spells its case. */
export function isBatonSheet(name: string): boolean {
  return name.toLowerCase() === BATON_SHEET;
}

/**
 * Rows below the anchor keep Baton's other state, one key a row: the key in column A, its value
 * in B onward, cut into cells of at most `STATE_CELL_CHARS` characters (Excel holds 32,767 in a
 * cell, Sheets 50,000), so a value of any length fits.
 */
export const STATE_FIRST_ROW = 2;
export const STATE_CELL_CHARS = 30_000;

/** The row (1-based) holding `key` in a Baton sheet's grid, or undefined. */
function rowOfKey(grid: Grid | undefined, key: string): number | undefined {
  if (!grid) return undefined;
  for (let r = STATE_FIRST_ROW - 1; r < grid.length; r++) if (grid[r]?.[0] === key) return r + 1;
  return undefined;
}

/** The value kept under `key` in a Baton sheet's grid; null when there is none. */
export function stateValueIn(grid: Grid | undefined, key: string): string | null {
  const row = rowOfKey(grid, key);
  if (row === undefined) return null;
  const cells = grid![row - 1]!.slice(1);
  return cells.map((c) => (typeof c === "string" ? c : "")).join("");
}

/**
 * The plan's operations that keep `value` under `key` in the Baton sheet: the key's row is
 * rewritten in place (cells a longer earlier value used are blanked), or a new row is taken
 * below the last one.
 */
export function stateWrites(grid: Grid | undefined, key: string, value: string): WriteOp[] {
  const row = rowOfKey(grid, key) ?? Math.max(STATE_FIRST_ROW, (grid?.length ?? 0) + 1);
  const chunks: PlanValue[] = [];
  for (let i = 0; i < value.length; i += STATE_CELL_CHARS)
    chunks.push(value.slice(i, i + STATE_CELL_CHARS));
  if (!chunks.length) chunks.push("");
  const before = grid?.[row - 1]?.length ?? 0;
  while (chunks.length + 1 < before) chunks.push(null);
  return [{ op: "values", sheet: BATON_SHEET, row, column: 1, values: [[key, ...chunks]] }];
}
