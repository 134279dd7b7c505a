/**
 * "Portfolio": many workbooks as the hosts read them, judged as one graph. The answer is a
 * write plan per member (its computed columns, as "Refresh statuses" writes them, with the
 * portfolio's answers: another workbook's root cause is named qualified), the portfolio
 * summary, and the words. A member that is not a Baton workbook is named and left out; the
 * rest are still judged.
 */
import { countsByStatus } from "../engine/reasons.ts";
import { statusPlan } from "../engine/status-plan.ts";
import { evaluatePortfolio, type PortfolioEvaluation } from "../portfolio/evaluate.ts";
import { portfolioSummaryOf, type PortfolioSummary } from "../portfolio/summary.ts";
import type { WritePlan } from "../ports/plan.ts";
import type { ActionOutcome } from "../ports/pane.ts";
import { missingTemplateSheets, type ActionRead } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { errorCount } from "./outcome.ts";
import { say } from "./messages.ts";
import { listed } from "../text/plural.ts";
import type { ValidationIssue } from "../issues/issues.ts";

/** One member as its host read it: the template sheets (`REFRESH_NEEDS`), named by its file. */
export interface PortfolioRead {
  readonly file: string;
  readonly read: ActionRead;
}

/** A member the host could not read at all, and why, in a sentence. */
export interface PortfolioFailure {
  readonly file: string;
  readonly reason: string;
}

export interface PortfolioResult {
  /** One plan per member judged (in the order given), for its own computed columns. */
  readonly plans: readonly { readonly file: string; readonly plan: WritePlan }[];
  readonly outcome: ActionOutcome;
  /** Members left out before judging: unreadable, or not Baton workbooks. */
  readonly failures: readonly PortfolioFailure[];
  readonly portfolio: PortfolioEvaluation;
  readonly summary: PortfolioSummary;
}

export function runPortfolio(
  reads: readonly PortfolioRead[],
  input: ActionInput,
  unreadable: readonly PortfolioFailure[] = [],
): PortfolioResult {
  const failures: PortfolioFailure[] = [...unreadable];
  const members = reads.filter((r) => {
    const missing = missingTemplateSheets(r.read.sheetNames);
    if (missing.length)
      failures.push({
        file: r.file,
        reason: `not a Baton workbook (no ${listed(missing.map((m) => `"${m}"`))})`,
      });
    return missing.length === 0;
  });
  const portfolio = evaluatePortfolio(
    members.map((r) => ({
      file: r.file,
      grids: r.read.grids,
      ...(r.read.unread ? { unread: r.read.unread } : {}),
      ...(r.read.anchor !== undefined ? { anchor: r.read.anchor } : {}),
    })),
    { now: input.now, ...(input.asOf ? { asOf: input.asOf } : {}) },
  );
  const plans = portfolio.merged.members.map((m, k) => ({
    file: m.file,
    plan: statusPlan(m.workbook, portfolio.local[k]!),
  }));
  const left = [
    ...failures.map((f) => `${f.file} (${f.reason})`),
    ...portfolio.members
      .filter((m) => !m.inGraph)
      .map((m) => `${m.file} (the name ${m.name} is taken)`),
  ];
  const issues = portfolio.members.flatMap((m) => m.issues);
  const errors = errorCount(issues);
  // As "Refresh statuses" does, a member's own errors do not fail the run (validation is the
  // action that reports them); what the portfolio itself finds between workbooks does.
  const between = issues.filter(isBetweenWorkbooks).length;
  const message = say({
    say: "portfolio",
    asOf: portfolio.asOf,
    workbooks: portfolio.merged.members.length,
    initiatives: countsByStatus(portfolio.evaluation.initiatives),
    handoffs: countsByStatus(portfolio.evaluation.handoffs),
    left,
    errors,
  });
  return {
    plans,
    outcome: { ok: left.length === 0 && between === 0, message },
    failures,
    portfolio,
    summary: portfolioSummaryOf(portfolio),
  };
}

const BETWEEN: ReadonlySet<string> = new Set([
  "unknown-workbook",
  "unknown-portfolio-reference",
  "missing-workbook-name",
  "duplicate-workbook-name",
]);

/** An error only the portfolio can find: a reference, a name, or a cycle through workbooks. */
function isBetweenWorkbooks(i: ValidationIssue): boolean {
  if (i.severity !== "error") return false;
  if (BETWEEN.has(i.code)) return true;
  return i.code === "handoff-cycle" && i.path.some((id) => id.includes(":"));
}
