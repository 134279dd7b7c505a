/** The warnings of one migration, gathered in the order its steps find them. */
import type { MigrationWarning } from "./report.ts";

/** Adds a warning; `rows` (1-based source rows) are kept to the first 50. */
export type Warn = (code: string, message: string, rows?: readonly number[]) => void;

export function warningList(): { readonly warnings: MigrationWarning[]; readonly warn: Warn } {
  const warnings: MigrationWarning[] = [];
  const warn: Warn = (code, message, rows) =>
    warnings.push({ code, message, ...(rows?.length ? { rows: rows.slice(0, 50) } : {}) });
  return { warnings, warn };
}
