/**
 * Validation as every action runs it: the template's rules with the ledger's rule plugged in
 * (an edit to a sealed row; with the anchor, a rewritten chain or cut-off history too).
 */
import type { Grids } from "../cells/values.ts";
import { validateWith, type Clock, type ExtraRule, type Validation } from "../validate/validate.ts";
import { ledgerIssues } from "./rule.ts";
import type { LedgerWalk } from "./verify.ts";

export interface ValidateOptions extends Clock {
  /**
   * The seal anchor from the document's hidden storage (null when it has none). Without it the
   * seal chain is checked alone: an edit is found, a rewritten chain or cut-off end is not.
   */
  readonly anchor?: string | null;
}

/** Reads and validates a workbook. Never throws on any cell value. */
export function validateGrids(
  grids: Grids,
  extraRules: readonly ExtraRule[] = [],
  options: ValidateOptions = {},
): Validation {
  const { workbook, issues } = validateWithLedger(grids, extraRules, options);
  return { workbook, issues };
}

/** `validateGrids`, with the seal chain it walked, so that closing a period walks it once. */
export function validateWithLedger(
  grids: Grids,
  extraRules: readonly ExtraRule[],
  options: ValidateOptions,
): Validation & { readonly ledger: LedgerWalk } {
  let ledger: LedgerWalk | undefined;
  const validation = validateWith(
    grids,
    [(g, workbook, push) => void (ledger = ledgerIssues(g, workbook, options.anchor, push))],
    extraRules,
    options,
  );
  return { ...validation, ledger: ledger! };
}
