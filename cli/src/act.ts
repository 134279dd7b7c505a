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
  type FactsOf,
  type PaneAction,
} from "@baton/core";
import { InputError, type OpenedWorkbook } from "./files/open.ts";

export async function decide<Id extends PaneAction>(
  opened: OpenedWorkbook,
  id: Id,
  input: Omit<ActionInput, "place">,
): Promise<ActionResult<FactsOf<Id>>> {
  const { host, grids, file } = opened;
  const needs = ACTIONS[id].needs;
  const sheetNames = host ? await host.sheetNames() : sheetsOf(grids);
  // A folder of CSV files keeps no anchor: the ledger's chain is checked on its own.
  const anchor = needs.anchor && host ? { anchor: await host.readAnchor() } : {};
  const unread = opened.readIssues?.length ? { unread: opened.readIssues } : {};
  return runAction(id, { sheetNames, grids, ...anchor, ...unread }, { ...input, place: file });
}

/**
 * What the action found, for the command's own report. An action without facts was refused
 * before it looked (the template incomplete, which opening the file already rules out): its
 * words are the error.
 */
export function factsOf<F>(result: ActionResult<F>): F {
  if (result.facts === undefined) throw new InputError(result.outcome.message);
  return result.facts;
}
