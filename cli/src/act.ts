/**
 * An action of the core over an opened file: what the command line adds is only how the file
 * was read (an .xlsx workbook with its anchor, or a folder of CSVs without one) and the name it
 * calls the document by. Applying the plan and saving stay with the command.
 */
import {
  ACTIONS,
  runAction,
  sheetsOf,
  type ActionInput,
  type ActionResult,
  type PaneAction,
} from "@baton/core";
import type { OpenedWorkbook } from "./files/open.ts";

export async function decide(
  opened: OpenedWorkbook,
  id: PaneAction,
  input: Omit<ActionInput, "place">,
): Promise<ActionResult> {
  const { host, grids, file } = opened;
  const needs = ACTIONS[id].needs;
  const sheetNames = host ? await host.sheetNames() : sheetsOf(grids);
  // A folder of CSV files keeps no anchor: the ledger's chain is checked on its own.
  const anchor = needs.anchor && host ? { anchor: await host.readAnchor() } : {};
  const unread = opened.readIssues?.length ? { unread: opened.readIssues } : {};
  return runAction(id, { sheetNames, grids, ...anchor, ...unread }, { ...input, place: file });
}
