/**
 * Reading the template out of the spreadsheet: which of its sheets are the template's (found by
 * name, ignoring case and spacing, as the core does), and their grids in one read each.
 */
import { SHEET, findSheet, type Grid, type Grids } from "@baton/core";
import type { SheetsHost } from "./host.ts";

/** The spreadsheet's names of the given template sheets that it has. */
export function presentSheets(
  sheetNames: readonly string[],
  wanted: readonly string[] = Object.values(SHEET),
): string[] {
  const present: Record<string, Grid> = Object.fromEntries(sheetNames.map((n) => [n, []]));
  const out: string[] = [];
  for (const w of wanted) {
    const name = findSheet(present, w);
    if (name) out.push(name);
  }
  return out;
}

export interface TemplateRead {
  readonly sheetNames: readonly string[];
  readonly grids: Grids;
}

/** The template sheets that exist, read with one `getValues` each. */
export function readTemplate(host: SheetsHost, wanted?: readonly string[]): TemplateRead {
  const sheetNames = host.sheetNames();
  return { sheetNames, grids: host.readSheets(presentSheets(sheetNames, wanted)) };
}
