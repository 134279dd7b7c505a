/**
 * Helpers for migration tests: migrate a grid, lay the result out with the template's own
 * write plan in the in-memory host, and validate what a user would open.
 */
import {
  MemoryHost,
  SHEET,
  isBlank,
  migrate,
  templatePlan,
  validateGrids,
  type CellValue,
  type MigrateOptions,
  type Migration,
  type MigrationSource,
  type ValidationIssue,
} from "@baton/core";
import { expect } from "vitest";

export { fixture } from "../support/fixtures.ts";

export const AS_OF = "2026-11-26";

export function run(
  grid: CellValue[][],
  opts: Partial<MigrateOptions> & { merges?: MigrationSource["merges"]; sheet?: string } = {},
): Migration {
  const { merges, sheet, ...rest } = opts;
  return migrate(
    { sheet: sheet ?? "Tracker", grid, ...(merges ? { merges } : {}) },
    { asOf: AS_OF, timeZone: "UTC", ...rest },
  );
}

/** The migrated workbook's validation issues. */
export async function issuesOf(m: Migration): Promise<ValidationIssue[]> {
  const host = new MemoryHost();
  await host.apply(templatePlan(m.content));
  return validateGrids(await host.readSheets(Object.values(SHEET))).issues;
}

/** Rows of a sheet of the migrated content as objects by header, computed columns left out. */
export function records(
  m: Migration,
  sheet: "objectives" | "kpis" | "initiatives" | "handoffs" | "checkins",
): Record<string, unknown>[] {
  const headers: Record<string, string[]> = {
    objectives: ["ID", "Objective", "Owner", "Target Date", "Notes"],
    kpis: [
      "ID",
      "Objective ID",
      "KPI",
      "Unit",
      "Direction",
      "Baseline",
      "Target",
      "Target Date",
      "Owner",
    ],
    initiatives: ["ID", "Objective ID", "Initiative", "Team", "Owner", "Start", "Due", "Stage"],
    handoffs: [
      "ID",
      "From Initiative",
      "To Initiative",
      "Deliverable",
      "Needed By",
      "Committed Date",
      "Delivered On",
      "State",
      "Owner",
    ],
    checkins: [
      "Period",
      "ID",
      "RAG",
      "Progress %",
      "Actual",
      "Comment",
      "Path to Green",
      "Reported By",
      "Reported At",
    ],
  };
  const extras = m.content.extraColumns?.[sheet] ?? [];
  return (m.content[sheet] ?? []).map((r) => {
    const o: Record<string, unknown> = {};
    headers[sheet]!.forEach((h, i) => (o[h] = r[i] ?? null));
    // Extra columns come after all of the template's, however many its version has.
    const full = r.length - extras.length;
    extras.forEach((h, j) => (o[h] = r[full + j] ?? null));
    return o;
  });
}

/** Nothing lost: every non-blank row below the header appears exactly once in the report. */
export function expectEveryRowOnce(m: Migration, grid: readonly (readonly CellValue[])[]): void {
  const header = m.report.headerRow ?? 0;
  const expected: number[] = [];
  grid.forEach((row, i) => {
    if (i + 1 > header && row.some((v) => !isBlank(v))) expected.push(i + 1);
  });
  expect(m.report.rows.map((r) => r.sourceRow)).toEqual(expected);
  for (const r of m.report.rows)
    if (r.outcome !== "imported") expect(r.reason, `row ${r.sourceRow}`).not.toBe("");
}

/** Validation errors that are not a blank required cell: each one Baton would have caused. */
export function errorsBesidesBlanks(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.filter((i) => i.severity === "error" && i.code !== "required");
}
