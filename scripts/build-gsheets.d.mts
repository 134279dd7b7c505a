export const BUDGET_BYTES: number;
export const OUT: string;
export function gsheetsCode(): { code: string; size: number };
export function buildGsheets(): Promise<{ size: number }>;
