export { evaluatePortfolio, type PortfolioEvaluation, type PortfolioOptions } from "./evaluate.ts";
export { type Member, type MemberInput } from "./members.ts";
export { qualify } from "./merge.ts";
export {
  portfolioSummaryOf,
  summarizePortfolio,
  PORTFOLIO_LIMITS,
  type PortfolioSummary,
  type WorkbookSection,
  type AtRiskLine,
} from "./summary.ts";
export { portfolioMarkdown } from "./markdown.ts";
export { portfolioHtml } from "./html.ts";
export { portfolioPlan, portfolioSheetName } from "./grid.ts";
