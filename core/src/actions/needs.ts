/**
 * What an action needs read, declared by the action so that every host reads exactly that:
 * the template sheets the workbook has, a few sheets of Baton's own by name, and the seal
 * anchor from the document's hidden storage.
 */
import type { Grid, Grids } from "../cells/values.ts";
import { BATON_SHEET } from "../ledger/state.ts";
import type { ValidationIssue } from "../issues/issues.ts";
import { OPTIONAL_SHEETS, SHEET, type SheetKey } from "../template/sheets.ts";
import { findSheet } from "../workbook/read.ts";
import type { Host } from "../ports/host.ts";

export interface Needs {
  /**
   * The template's sheets: "required" refuses to run without all of them, "read" reads
   * whichever exist, "names" needs only to know which sheets exist.
   */
  readonly template: "required" | "read" | "names";
  /** Sheets of Baton's own, by name, read when they exist. */
  readonly sheets?: readonly string[];
  /** The seal anchor. */
  readonly anchor?: boolean;
  /** The hidden Baton sheet's cells (`ledger/state.ts`): what was last told, and the like. */
  readonly state?: boolean;
}

/** What the host read for an action. */
export interface ActionRead {
  /** Every sheet of the workbook, in order. */
  readonly sheetNames: readonly string[];
  /** The sheets of `sheetsToRead`. */
  readonly grids: Grids;
  /**
   * The anchor as stored; null when none is; undefined where the host keeps no hidden storage
   * (a folder of CSV files) or the action did not ask for it.
   */
  readonly anchor?: string | null;
  /**
   * What the host could not read as cells (a CSV line with a broken quote): issues at their
   * line, listed first by validation, since the issues after them may follow from them.
   */
  readonly unread?: readonly ValidationIssue[];
  /**
   * The Baton sheet's grid; null when the workbook has none; undefined where the host keeps no
   * hidden storage or the action did not ask for it.
   */
  readonly state?: Grid | null;
}

/** The template sheets present in a workbook with these sheet names, as the workbook spells them. */
export function templateSheetsIn(sheetNames: readonly string[]): string[] {
  return Object.values(SHEET).flatMap((s) => findSheet(sheetNames, s) ?? []);
}

/**
 * Template sheets missing from a workbook with these sheet names. A sheet a later template
 * version added is not missing: an older workbook works without it until it is upgraded.
 */
export function missingTemplateSheets(sheetNames: readonly string[]): string[] {
  return (Object.keys(SHEET) as SheetKey[])
    .filter((k) => !OPTIONAL_SHEETS.has(k) && !findSheet(sheetNames, SHEET[k]))
    .map((k) => SHEET[k]);
}

/** The sheets a host reads for an action, as the workbook spells them. */
export function sheetsToRead(needs: Needs, sheetNames: readonly string[]): string[] {
  const own = (needs.sheets ?? []).flatMap((s) => findSheet(sheetNames, s) ?? []);
  return needs.template === "names" ? own : [...templateSheetsIn(sheetNames), ...own];
}

/** Reads what an action needs through the `Host` port: two to four round trips. */
export async function readFor(host: Host, needs: Needs): Promise<ActionRead> {
  const sheetNames = await host.sheetNames();
  const names = sheetsToRead(needs, sheetNames);
  const grids = names.length ? await host.readSheets(names) : {};
  const anchor = needs.anchor ? { anchor: await host.readAnchor() } : {};
  const state = needs.state ? { state: await readState(host) } : {};
  return { sheetNames, grids, ...anchor, ...state };
}

/** The Baton sheet's grid, which hosts leave out of `sheetNames` but read by its name. */
export async function readState(host: Host): Promise<Grid | null> {
  return (await host.readSheets([BATON_SHEET]))[BATON_SHEET] ?? null;
}
