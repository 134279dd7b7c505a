/**
 * Reading the template out of the spreadsheet: its sheets found by name as the core finds them
 * (ignoring case and spacing), and their grids in one read each.
 */
import { SHEET, findSheet, type Grids } from "@baton/core";
import type { SheetsHost } from "./host.ts";

export interface TemplateRead {
  readonly sheetNames: readonly string[];
  readonly grids: Grids;
}

/** The given template sheets (all of them by default) that exist, read with one `getValues` each. */
export function readTemplate(
  host: SheetsHost,
  wanted: readonly string[] = Object.values(SHEET),
): TemplateRead {
  const sheetNames = host.sheetNames();
  const names = wanted.flatMap((w) => findSheet(sheetNames, w) ?? []);
  return { sheetNames, grids: host.readSheets(names) };
}
