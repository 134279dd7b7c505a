/**
 * Where a workbook keeps the ledger's anchor: its own hidden Baton sheet, so the anchor travels
 * with the file from one host to another (the command line's .xlsx, Excel, Google Sheets, and
 * back). Very hidden in Excel and the .xlsx, hidden and protected in Sheets. The label in A1 is
 * for whoever unhides the sheet; the anchor is the text in B1.
 */
import type { Grid } from "../cells/values.ts";

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
