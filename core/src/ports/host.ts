/**
 * The port every host implements: Excel (Office.js), Google Sheets (Apps Script), the .xlsx and
 * .csv file host of the command line, and the in-memory host of the tests.
 *
 * A host reads whole sheets as grids in as few round trips as it can and applies write plans in
 * batches. It holds no rules: everything it writes comes from a plan the core made.
 */
import type { Grids } from "../cells/values.ts";
import type { WritePlan } from "./plan.ts";

export interface Host {
  /** Names of the workbook's sheets, in order. */
  sheetNames(): Promise<string[]>;
  /** Reads the named sheets (used range from A1) in one round trip; absent ones are left out. */
  readSheets(names: readonly string[]): Promise<Grids>;
  /** The seal anchor from the document's hidden storage, or null when none was stored. */
  readAnchor(): Promise<string | null>;
  /** Applies a plan, in order, in batches. */
  apply(plan: WritePlan): Promise<void>;
}
