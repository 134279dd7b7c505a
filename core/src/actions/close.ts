/** "Close a period": seals the check-ins of every open period up to the one named, and locks them. */
import { closePeriod as decideClose } from "../ledger/close.ts";
import type { ActionRead, Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { issueJson, told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const CLOSE_NEEDS: Needs = { template: "required", anchor: true };

/** `input.answer` is the period the user named (`2026-W47`). */
export function closePeriod(read: ActionRead, input: ActionInput): ActionResult {
  const period = input.answer?.trim();
  if (!period) return told({ ok: false, message: say({ say: "period-needed" }) });
  const result = decideClose({
    grids: read.grids,
    anchor: read.anchor ?? null,
    period,
    now: input.now,
    ...(input.key ? { key: input.key } : {}),
    ...(input.keyName ? { keyName: input.keyName } : {}),
  });
  // Closing is idempotent: asking again for what is done is success, with nothing written.
  if (!result.ok && result.reason === "already-closed")
    return told({ ok: true, message: result.message });
  if (!result.ok)
    return told({
      ok: false,
      message: result.message,
      ...(result.issues.length ? { issues: result.issues.map(issueJson) } : {}),
    });
  const message = say({
    say: "closed",
    periods: result.closedPeriods,
    sealed: result.sealed,
    sealedRows: result.sealedRows,
    moved: result.moved,
    currentPeriod: result.currentPeriod,
  });
  return { plan: result.plan, outcome: { ok: true, message } };
}
