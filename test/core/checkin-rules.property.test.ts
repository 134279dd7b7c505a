/**
 * The check-in rules over a whole sheet (validation) and over one row (live validation of an
 * edit) are one set of rules reached two ways: the sheet's pass reuses what building the index
 * found for each row, the live check looks the row up. Over random sheets both give the same
 * issues, row for row, and a check-in is a duplicate exactly when a row above holds its ID and
 * period, whatever order the records come in.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  SHEET,
  checkinRowIssues,
  liveContext,
  validateGrids,
  type ValidationIssue,
  type Workbook,
} from "@baton/core";
import { runCrossRowRules } from "../../core/src/validate/rules.ts";
import { checkin, smallWorkbook, workbookGrids, type RowSpec } from "../support/grids.ts";

const PERIODS = ["2026-W45", "2026-w46", " 2026-W47", "2026-W48", "2026-W50", "2026-11", "soon"];
const IDS = ["INI-1", "INI-2", "INI-9", "KPI-1", "KPI-7", "OBJ-1", " INI-1", "X"];

const row: fc.Arbitrary<RowSpec> = fc
  .record({
    period: fc.constantFrom(...PERIODS),
    id: fc.constantFrom(...IDS),
    rag: fc.constantFrom("Green", "Amber", "Red", null),
    path: fc.constantFrom("", "Unblock the API"),
    actual: fc.constantFrom(10, null),
  })
  .map((r) => checkin(r.period, r.id, { RAG: r.rag, "Path to Green": r.path, Actual: r.actual }));

const byPlace = (a: ValidationIssue, b: ValidationIssue) =>
  a.row - b.row ||
  a.cell.length - b.cell.length ||
  (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);

/** Each duplicate's row and the first row of its ID and period, found by looking at every pair. */
function duplicatesByPairs(wb: Workbook): string[] {
  const out: string[] = [];
  for (const ci of wb.checkins) {
    let first = ci.row;
    for (const other of wb.checkins)
      if (other.id === ci.id && other.period === ci.period && other.row < first) first = other.row;
    if (first < ci.row) out.push(`${ci.row}<-${first}`);
  }
  return out.sort();
}

describe("check-in rules, sheet and row", () => {
  it("validation of the sheet and live validation of each row agree", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (checkins) => {
        const grids = workbookGrids(smallWorkbook({ checkins }));
        const { workbook, issues } = validateGrids(grids);
        const sheet = issues.filter((i) => i.sheet === SHEET.checkins);
        const context = liveContext(workbook);
        const grid = grids[SHEET.checkins]!;
        const live: ValidationIssue[] = [];
        for (let r = 2; r <= grid.length; r++)
          live.push(...checkinRowIssues(context, grid[r - 1]!, r));
        expect(sheet).toEqual([...live].sort(byPlace));
      }),
      { numRuns: 200 },
    );
  });

  it("finds the duplicates an all-pairs look finds, in any order of the records", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }).chain((checkins) =>
          fc.tuple(
            fc.constant(checkins),
            fc.shuffledSubarray([...Array(checkins.length + 3).keys()], {
              minLength: checkins.length + 3,
            }),
          ),
        ),
        ([checkins, order]) => {
          const { workbook } = validateGrids(workbookGrids(smallWorkbook({ checkins })));
          const shuffled: Workbook = {
            ...workbook,
            checkins: order.flatMap((i) => workbook.checkins[i] ?? []),
          };
          const found: string[] = [];
          runCrossRowRules(shuffled, (i) => {
            if (i.code === "duplicate-checkin") found.push(`${i.row}<-${i.firstRow}`);
          });
          expect(found.sort()).toEqual(duplicatesByPairs(shuffled));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds them too when the IDs and periods are too many for a table of every pair", () => {
    const weeks = Array.from({ length: 52 }, (_, w) => `2025-W${String(w + 1).padStart(2, "0")}`);
    const spread = fc
      .record({
        period: fc.constantFrom(...weeks),
        id: fc.integer({ min: 1, max: 60 }).map((n) => `INI-${n}`),
      })
      .map((r) => checkin(r.period, r.id));
    fc.assert(
      fc.property(fc.array(spread, { minLength: 60, maxLength: 120 }), (checkins) => {
        const { workbook, issues } = validateGrids(workbookGrids(smallWorkbook({ checkins })));
        const found = issues
          .filter((i) => i.code === "duplicate-checkin")
          .map((i) => `${i.row}<-${"firstRow" in i ? i.firstRow : ""}`);
        expect(found.sort()).toEqual(duplicatesByPairs(workbook));
      }),
      { numRuns: 30 },
    );
  });
});
