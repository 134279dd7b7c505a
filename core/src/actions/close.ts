/** "Close a period": seals the check-ins of every open period up to the one named, and locks them. */
import {
  closePeriod as decideClose,
  type CloseRefusal,
  type CloseResult,
} from "../ledger/close.ts";
import type { ActionRead, Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { issueJson, told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const CLOSE_NEEDS: Needs = { template: "required", anchor: true };

/**
 * What the close did (the periods, counts, the new anchor and who signed it), or why it did
 * not: a period already closed is a refusal here and success for the user.
 */
export type CloseFacts =
  | Omit<Extract<CloseResult, { ok: true }>, "plan">
  | { readonly ok: false; readonly reason: CloseRefusal | "period-needed" };

/**
 * `input.answer` is the period the user named (`2026-W47`). The close is judged by the calendar
 * on `input.asOf` when the user named a day, else on `input.now`'s day.
 */
export function closePeriod(read: ActionRead, input: ActionInput): ActionResult<CloseFacts> {
  const period = input.answer?.trim();
  if (!period)
    return {
      ...told({ ok: false, message: say({ say: "period-needed" }) }),
      facts: { ok: false, reason: "period-needed" },
    };
  const result = decideClose({
    grids: read.grids,
    anchor: read.anchor ?? null,
    period,
    ...(input.asOf !== undefined ? { today: input.asOf } : { now: input.now }),
    ...(input.key ? { key: input.key } : {}),
    ...(input.keyName ? { keyName: input.keyName } : {}),
  });
  if (!result.ok) {
    const facts = { ok: false, reason: result.reason } as const;
    // Closing is idempotent: asking again for what is done is success, with nothing written.
    if (result.reason === "already-closed")
      return { ...told({ ok: true, message: result.message }), facts };
    const issues = result.issues.length ? { issues: result.issues.map(issueJson) } : {};
    return { ...told({ ok: false, message: result.message, ...issues }), facts };
  }
  const { plan, ...facts } = result;
  const message = say({
    say: "closed",
    periods: result.closedPeriods,
    sealed: result.sealed,
    sealedRows: result.sealedRows,
    decisions: result.sealedDecisions,
    moved: result.moved,
    currentPeriod: result.currentPeriod,
  });
  return { plan, outcome: { ok: true, message }, facts };
}
