/** "Validate": every issue with its cell and fix, the seals checked against the anchor. */
import { hasErrors } from "../issues/issues.ts";
import { validateGrids } from "../ledger/validation.ts";
import type { ActionRead, Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { errorCount, issueJson, NO_WRITES, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const VALIDATE_NEEDS: Needs = { template: "required", anchor: true };

export function validate(read: ActionRead, input: ActionInput): ActionResult {
  // With the anchor, a rewritten chain or cut-off history is found too, not only an edited row.
  const validation = validateGrids(read.grids, [], { anchor: read.anchor, now: input.now });
  const { workbook } = validation;
  const issues = [...(read.unread ?? []), ...validation.issues];
  const errors = errorCount(issues);
  const message = issues.length
    ? say({
        say: "issues-found",
        errors,
        warnings: issues.filter((i) => i.severity === "warning").length,
        notes: issues.filter((i) => i.severity === "info").length,
      })
    : say({
        say: "no-issues",
        initiatives: workbook.initiatives.length,
        handoffs: workbook.handoffs.length,
        checkins: workbook.checkins.length,
      });
  return {
    plan: NO_WRITES,
    outcome: { ok: !hasErrors(issues), message, issues: issues.map(issueJson) },
  };
}
