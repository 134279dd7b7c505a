export const BUDGET_BYTES: number;
export function buildGsheets(): Promise<{ size: number }>;
