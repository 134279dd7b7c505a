/** "Refresh statuses": statuses as of today in the workbook's zone, written into the computed columns. */
import { validateGrids } from "../ledger/validation.ts";
import { evaluate, type Evaluation } from "../engine/evaluate.ts";
import { countsByStatus } from "../engine/reasons.ts";
import { statusPlan } from "../engine/status-plan.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { asOfIn, type ActionInput } from "./input.ts";
import { errorCount, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const REFRESH_NEEDS: Needs = { template: "required" };

/** Every status with its reasons, and how many validation errors it was judged despite. */
export interface StatusFacts {
  readonly evaluation: Evaluation;
  readonly errors: number;
}

export function refreshStatuses(read: ActionRead, input: ActionInput): ActionResult<StatusFacts> {
  const { workbook, issues } = validateGrids(read.grids, [], { now: input.now });
  const asOf = asOfIn(workbook.settings.timeZone, input);
  const evaluation = evaluate(workbook, { asOf });
  const errors = errorCount(issues);
  const message = say({
    say: "statuses",
    asOf,
    initiatives: countsByStatus(evaluation.initiatives),
    handoffs: countsByStatus(evaluation.handoffs),
    errors,
  });
  return {
    plan: statusPlan(workbook, evaluation),
    outcome: { ok: true, message },
    facts: { evaluation, errors },
  };
}
