import type { InlinedPage } from "./inline-html.mjs";
export const BUDGET_BYTES: number;
export const OUT: string;
export const FORM_PAGE: string;
export const PORTFOLIO_OUT: string;
export const CHECKIN_OUT: string;
export function gsheetsCode(project?: "team" | "portfolio" | "checkin"): {
  code: string;
  size: number;
};
export function buildSidebar(outfile?: string): Promise<InlinedPage>;
export function buildGsheets(): Promise<{
  size: number;
  sidebarBytes: number;
  portfolioSize: number;
  checkinSize: number;
}>;
