/**
 * The Portfolio sheet: one member spreadsheet per row, by its URL or its ID in the first
 * column, below a header. Rows that name no spreadsheet are told back with their cell, never
 * skipped in silence.
 */
import type { CellValue } from "@baton/core";

export const PORTFOLIO_SHEET = "Portfolio";
export const PORTFOLIO_HEADER = ["Spreadsheet (URL or ID)", "Note"] as const;

export interface ListedMember {
  /** The cell that names it (`Portfolio!A3`), for messages. */
  readonly cell: string;
  readonly id: string;
}

export interface UnlistableRow {
  readonly cell: string;
  readonly text: string;
}

// A spreadsheet's ID in its URL (`…/spreadsheets/d/ID/edit#gid=0`), or the ID alone: Google's
// IDs are long runs of letters, digits, dashes and underscores.
const IN_URL = /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/;
const BARE = /^[A-Za-z0-9_-]{20,}$/;

/** The spreadsheet ID a cell names, or null when it names none. */
export function spreadsheetIdOf(text: string): string | null {
  const t = text.trim();
  return IN_URL.exec(t)?.[1] ?? (BARE.test(t) ? t : null);
}

/** The members listed on the Portfolio sheet's grid (header row first), each once. */
export function listedMembers(grid: readonly (readonly CellValue[])[]): {
  members: ListedMember[];
  unlistable: UnlistableRow[];
} {
  const members: ListedMember[] = [];
  const unlistable: UnlistableRow[] = [];
  const seen = new Set<string>();
  grid.slice(1).forEach((row, i) => {
    const value = row[0];
    const text = value === null || value === undefined ? "" : String(value).trim();
    if (!text) return;
    const cell = `${PORTFOLIO_SHEET}!A${i + 2}`;
    const id = spreadsheetIdOf(text);
    if (!id) unlistable.push({ cell, text });
    else if (!seen.has(id)) {
      seen.add(id);
      members.push({ cell, id });
    }
  });
  return { members, unlistable };
}
