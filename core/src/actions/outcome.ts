/**
 * What an action returns: the write plan (data, applied by the host as it is) and the outcome
 * the user sees. Issues cross to the pane and to `--json` in one shape.
 */
import type { ValidationIssue } from "../issues/issues.ts";
import type { WritePlan } from "../ports/plan.ts";
import type { ActionOutcome, PaneIssue } from "../ports/pane.ts";

export interface ActionResult<Facts = unknown> {
  readonly plan: WritePlan;
  readonly outcome: ActionOutcome;
  /**
   * What the action found, as data, for a host that reports more than the outcome's words
   * (the command line's own wording and its --json). Nothing of it crosses to the panes.
   */
  readonly facts?: Facts;
}

export const NO_WRITES: WritePlan = { ops: [] };

/** An issue as plain JSON (the details that made its message are left out). */
export function issueJson(issue: ValidationIssue): PaneIssue {
  const { code, severity, sheet, row, column, cell, message, fix } = issue;
  return fix === undefined
    ? { code, severity, sheet, row, column, cell, message }
    : { code, severity, sheet, row, column, cell, message, fix };
}

/** An outcome that writes nothing (and has no facts to add). */
export function told(outcome: ActionOutcome): ActionResult<never> {
  return { plan: NO_WRITES, outcome };
}

/** Errors among issues. */
export const errorCount = (issues: readonly { readonly severity: string }[]): number =>
  issues.filter((i) => i.severity === "error").length;
