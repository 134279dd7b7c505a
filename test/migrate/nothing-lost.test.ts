/**
 * Nothing is lost, for any sheet: every non-blank row below the header appears once in the
 * report, the source grid is not changed, migration never throws on a cell value, and the
 * workbook it writes has no validation error of Baton's making (only gaps of the source).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isBlank, type CellValue } from "@baton/core";
import { expectEveryRowOnce, issuesOf, run } from "./support.ts";

/** Errors a source can cause by itself: blanks where the template needs a value, its own dates and dependencies. */
const SOURCE_GAPS = new Set([
  "required",
  "missing-path-to-green",
  "start-after-due",
  "handoff-cycle",
]);

const HEADERS = [
  "ID",
  "#",
  "Initiative",
  "Task",
  "Objective",
  "Key Result",
  "Owner",
  "Responsible",
  "Team",
  "Status",
  "RAG",
  "Start",
  "Due",
  "Fällig",
  "% Complete",
  "Comments",
  "Depends on",
  "Predecessors",
  "Baseline",
  "Target",
  "Actual",
  "Type",
  "Provider",
  "Consumer",
  "Probability",
  "Behandlung",
  "Period",
  "Unit",
  "Direction",
  "Notes",
  "",
];
const WORDS = [
  "On track",
  "At Risk",
  "G",
  "A",
  "R",
  "BLOCKED",
  "Done",
  "Not started",
  "On hold",
  "Risk",
  "Dependency",
  "Assumption",
  "Issue",
  "Reduzieren",
  "Increase",
  "Total",
  "waiting on #2, #3",
  "blocked by Portal (#1)",
  "2fs",
  "#1; #2",
  "3ss+2d",
  "INI-2",
  "#REF!",
  "#N/A",
  "TBC",
  "Q3",
  "2026-W48",
  "2026-11",
  "Week 12",
];
const DATES = [
  "2026-11-26",
  "26/11/2026",
  "11/26/2026",
  "05/02/2026",
  "26.11.2026",
  "Nov 26, 2026",
  "Thu 26 Nov 2026",
  "5/02/2016 5:00:00 PM",
  "31/02/2026",
];
const NUMBERS = ["1,234.5", "1.234,5", "45%", "0.4", "12", "(3)", "€ 99", "1,5"];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => "  " + s) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date("1990-01-01"),
      max: new Date("2040-01-01"),
      noInvalidDate: false,
    }),
  },
  { weight: 1, arbitrary: fc.constant("x".repeat(32000)) },
);

const sheet = fc
  .record({
    title: fc.array(fc.constantFrom("Portfolio 2026", "Prepared by PMO", "Confidential"), {
      maxLength: 3,
    }),
    header: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 9 }),
    rows: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(cellValue, { minLength: 1, maxLength: 10 }) },
        { weight: 1, arbitrary: fc.constant([] as CellValue[]) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<CellValue[]>(
            ["Phase 1"],
            ["Total", null, 12],
            [null, null, "lonely note"],
          ),
        },
      ),
      { maxLength: 30 },
    ),
  })
  .map(({ title, header, rows }) => [
    ...title.map((t) => [t] as CellValue[]),
    header as CellValue[],
    ...rows,
  ]);

describe("nothing lost, for any sheet", () => {
  it("reports every non-blank row once, changes nothing in the source, and writes no error of its own", async () => {
    await fc.assert(
      fc.asyncProperty(
        sheet,
        fc.constantFrom(undefined, "initiatives", "plan", "okr", "raid"),
        async (grid, kind) => {
          const before = JSON.stringify(grid);
          const m = run(grid, kind ? { mapping: { kind } } : {});
          expect(JSON.stringify(grid)).toBe(before);
          if (m.report.headerRow !== null) expectEveryRowOnce(m, grid);
          else expect(grid.every((r) => r.every(isBlank))).toBe(true);
          const c = m.content;
          expect(m.report.created).toEqual({
            objectives: c.objectives?.length ?? 0,
            kpis: c.kpis?.length ?? 0,
            initiatives: c.initiatives?.length ?? 0,
            handoffs: c.handoffs?.length ?? 0,
            checkins: c.checkins?.length ?? 0,
          });
          const ours = (await issuesOf(m)).filter(
            (i) => i.severity === "error" && !SOURCE_GAPS.has(i.code),
          );
          expect(ours.map((i) => `${i.code} ${i.sheet}!${i.cell}: ${i.message}`)).toEqual([]);
        },
      ),
      {
        numRuns: Number(process.env.MIGRATE_RUNS ?? 200),
        seed: process.env.MIGRATE_SEED ? Number(process.env.MIGRATE_SEED) : undefined,
      },
    );
  });
});
