/** The portfolio summary's words, shared by its renderers (Markdown, HTML, the sheet). */
import { plural } from "../text/plural.ts";
import { countsText } from "../summary/words.ts";
import type { PortfolioSummary, WorkbookSection } from "./summary.ts";

export const PORTFOLIO_TITLE = "Portfolio summary";

export const PORTFOLIO_SECTION = {
  crossTeam: "Hand-offs between workbooks at risk",
  workbook: (w: WorkbookSection) => `Workbook ${w.name} (${w.file})`,
  whole: "The whole portfolio",
} as const;

export function portfolioTitle(p: PortfolioSummary): string {
  return `${PORTFOLIO_TITLE} ${p.period}`;
}

export function portfolioSubtitle(p: PortfolioSummary): string {
  const names = p.workbooks.map((w) => w.name).join(", ");
  return `As of ${p.asOf}, ${plural(p.workbooks.length, "workbook")}: ${names || "none"}. IDs name their workbook (dev:DEP-3).`;
}

export const NO_CROSS_TEAM = "No hand-off between workbooks is Red or Amber.";

export function workbookLine(w: WorkbookSection): string {
  const issues = [
    w.errors ? plural(w.errors, "validation error") : "",
    w.warnings ? plural(w.warnings, "warning") : "",
  ].filter(Boolean);
  if (!w.inGraph)
    return `Left out: another workbook already has the name ${w.name}. ${issues.join(", ")}.`;
  // Host-neutral on purpose: the same line is read in a terminal and in the Sheets add-on.
  const fix = issues.length
    ? ` ${issues.join(", ")}: validate ${w.file} to see each at its cell.`
    : "";
  return `Initiatives: ${countsText(w.initiatives)}. Hand-offs: ${countsText(w.handoffs)}.${fix}`;
}

export const NO_AT_RISK = "No initiative is Red or Amber.";
