/** "Board summary": this period's summary sheet, earlier periods' sheets left in place, shown. */
import { validateGrids } from "../ledger/validation.ts";
import { summarize, type BoardSummary } from "../summary/model.ts";
import { summaryPlan, summarySheetName } from "../summary/grid.ts";
import { headlineText } from "../summary/words.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { asOfIn, type ActionInput } from "./input.ts";
import { errorCount, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const SUMMARY_NEEDS: Needs = { template: "required" };

/** The summary model, the sheet it is written to, and the validation errors it was judged despite. */
export interface SummaryFacts {
  readonly summary: BoardSummary;
  readonly sheet: string;
  readonly errors: number;
}

export function writeSummary(read: ActionRead, input: ActionInput): ActionResult<SummaryFacts> {
  const { workbook, issues } = validateGrids(read.grids, [], { now: input.now });
  const summary = summarize(workbook, { asOf: asOfIn(workbook.settings.timeZone, input) });
  const wanted = summarySheetName(summary.period).toLowerCase();
  // A sheet of this period written earlier is replaced under the name it has.
  const sheet =
    read.sheetNames.find((n) => n.toLowerCase() === wanted) ?? summarySheetName(summary.period);
  const errors = errorCount(issues);
  const message = say({
    say: "summary-written",
    sheet,
    headline: headlineText(summary),
    errors,
  });
  return {
    plan: summaryPlan(summary, read.sheetNames),
    outcome: { ok: true, message, select: { sheet, cell: "A1" } },
    facts: { summary, sheet, errors },
  };
}
