import type { InlinedPage } from "./inline-html.mjs";
export const BUDGET_BYTES: number;
export const OUT: string;
export function gsheetsCode(): { code: string; size: number };
export function buildSidebar(outfile?: string): Promise<InlinedPage>;
export function buildGsheets(): Promise<{ size: number; sidebarBytes: number }>;
