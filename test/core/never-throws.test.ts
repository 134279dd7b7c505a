/**
 * A validator never throws on any cell value, and whatever it reads conforms to the template's
 * zod schemas: generated workbooks with junk anywhere, thousands of cases.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as z from "zod/mini";
import {
  COLUMNS,
  SHEET,
  ObjectiveSchema,
  KpiSchema,
  InitiativeSchema,
  HandoffSchema,
  CheckinSchema,
  SettingsSchema,
  validateGrids,
  type CellValue,
} from "@baton/core";
import { cellValue } from "../support/junk.ts";

const headers = (key: keyof typeof COLUMNS) => COLUMNS[key].map((c) => c.header);
const rows = (width: number) =>
  fc.array(fc.array(cellValue, { maxLength: width + 2 }), { maxLength: 12 });

const workbook = fc.record({
  objectives: rows(7),
  kpis: rows(12),
  initiatives: rows(11),
  handoffs: rows(12),
  checkins: rows(10),
  settings: fc.array(
    fc.tuple(
      fc.constantFrom(
        "Time Zone",
        "Cadence",
        "Amber Window",
        "Stale After",
        "Holidays",
        "Current Period",
        "Template Version",
        "junk",
      ),
      cellValue,
    ),
    { maxLength: 10 },
  ),
  shuffleHeaders: fc.boolean(),
  dropSheet: fc.option(fc.constantFrom(...Object.values(SHEET)), { nil: undefined }),
});

describe("validation never throws", () => {
  it("on generated workbooks with any cell values, and reads records that fit the schemas", () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const sheet = (key: Exclude<keyof typeof COLUMNS, "settings">, data: CellValue[][]) => {
          const h = headers(key);
          return [w.shuffleHeaders ? [...h].reverse() : h, ...data];
        };
        const grids: Record<string, CellValue[][]> = {
          [SHEET.objectives]: sheet("objectives", w.objectives),
          [SHEET.kpis]: sheet("kpis", w.kpis),
          [SHEET.initiatives]: sheet("initiatives", w.initiatives),
          [SHEET.handoffs]: sheet("handoffs", w.handoffs),
          [SHEET.checkins]: sheet("checkins", w.checkins),
          [SHEET.settings]: [["Key", "Value"], ...w.settings.map(([k, v]) => [k, v])],
        };
        if (w.dropSheet) delete grids[w.dropSheet];
        const { workbook: wb, issues } = validateGrids(grids);
        for (const i of issues) {
          expect(i.message.length).toBeGreaterThan(0);
          expect(i.message.length).toBeLessThan(600);
          expect(i.cell).toMatch(/^[A-Z]+\d+$/);
        }
        const check = (schema: z.ZodMiniType, records: readonly unknown[]) => {
          for (const r of records) expect(z.safeParse(schema, r).success).toBe(true);
        };
        check(ObjectiveSchema, wb.objectives);
        check(KpiSchema, wb.kpis);
        check(InitiativeSchema, wb.initiatives);
        check(HandoffSchema, wb.handoffs);
        check(CheckinSchema, wb.checkins);
        expect(z.safeParse(SettingsSchema, wb.settings).success).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it("on a grid that is nothing but junk, including ragged and empty rows", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...Object.values(SHEET), "Other"),
          fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 8 }),
        ),
        (grids) => {
          expect(() => validateGrids(grids)).not.toThrow();
        },
      ),
      { numRuns: 1500 },
    );
  });
});
