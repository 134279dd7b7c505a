/**
 * The ledger's validation rules: "an edit to a sealed row" (every break in the seal chain is a
 * `sealed-row-edited` issue at the row's Seal cell) and, when the anchor is at hand, a check-in
 * for a period the anchor records as closed even though no sealed row is from that period.
 */
import type { Grids } from "../cells/values.ts";
import { a1 } from "../cells/a1.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { closedThrough } from "../validate/rules.ts";
import { locate, type Workbook } from "../workbook/read.ts";
import { parsePeriod, comparePeriods, cadenceOf } from "../template/periods.ts";
import { anchorInput, walkWorkbookLedger, type LedgerWalk } from "./verify.ts";

/**
 * Pushes the ledger's issues and returns the walk of the chain. `anchor` is the stored anchor
 * (null when the document has none); leave it undefined when it is not at hand, and the chain
 * is checked alone.
 */
export function ledgerIssues(
  grids: Grids,
  workbook: Workbook,
  anchor: string | null | undefined,
  push: (i: ValidationIssue) => void,
): LedgerWalk {
  const input = anchorInput(anchor);
  const ledger = walkWorkbookLedger(grids, workbook, input);
  const layout = workbook.layout.checkins;
  if (!layout) return ledger;
  const { walk } = ledger;
  const gates = workbook.layout.gateDecisions;
  for (const b of walk.breaks) {
    // A break on a gate decision is reported at its Seal cell on Gate Decisions.
    const on = b.sheet !== undefined && gates ? gates : layout;
    const sealCol = on.columns.seal ?? on.headerWidth + 1;
    push(
      makeIssue(
        { sheet: on.name, row: b.row, column: "Seal", cell: a1(b.row, sealCol) },
        { code: "sealed-row-edited", reason: b.detail },
      ),
    );
  }

  const through = input?.parsed ? parsePeriod(input.parsed.through) : undefined;
  if (!through) return ledger;
  const bySeals = closedThrough(workbook);
  const checkins = workbook.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const ci = checkins[at]!;
    if (ci.seal) continue;
    const p = parsePeriod(ci.period);
    if (!p || cadenceOf(p) !== cadenceOf(through) || comparePeriods(p, through) > 0) continue;
    // Periods up to the newest sealed row are reported by the check-in rules already.
    if (bySeals && bySeals.kind === p.kind && comparePeriods(p, bySeals) <= 0) continue;
    push(
      makeIssue(locate("checkins", layout, ci.row, "period"), {
        code: "checkin-closed-period",
        period: ci.period,
        closedThrough: input!.parsed!.through,
      }),
    );
  }
  return ledger;
}
