/**
 * Migration in a spreadsheet: the mapping written as a sheet reads back as the same mapping,
 * a correction a person types there is read, one that cannot be read is named by its cell, and
 * the import report lists every source row.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  IMPORT_REPORT_SHEET,
  MAPPING_SHEET,
  MIGRATION_FIELDS,
  MIGRATION_KINDS,
  MemoryHost,
  importReportPlan,
  mappingSheetPlan,
  readMappingSheet,
  type MappingFile,
} from "@baton/core";
import { readMigrationSource } from "../../cli/src/files/migration-source.ts";
import { fixture, run } from "../migrate/support.ts";

async function sheetOf(plan: ReturnType<typeof mappingSheetPlan>, name = MAPPING_SHEET) {
  const host = new MemoryHost();
  await host.apply(plan);
  return { host, grid: host.grid(name) };
}

/** What the sheet keeps of a mapping: everything but the confidence and why a column was mapped. */
const kept = (m: MappingFile) => ({
  ...m,
  version: 1,
  columns: (m.columns ?? []).map(({ column, letter, field }) => ({
    column,
    ...(letter ? { letter } : {}),
    field,
  })),
});

describe("the mapping sheet reads back as the mapping it shows", () => {
  it("for the mappings of real trackers", async () => {
    for (const file of [
      "09_project_plan_gantt_packt.xlsx",
      "04_risikoregister_de_gourmetguide.xlsx",
      "13_capital_delivery_portfolio_melbournewater.csv",
    ]) {
      const { source } = await readMigrationSource(fixture(file));
      const { mapping } = run(source.grid as never, { sheet: source.sheet });
      const { grid } = await sheetOf(mappingSheetPlan(mapping));
      expect(readMappingSheet(grid), file).toEqual({ ok: true, mapping: kept(mapping) });
    }
  });

  it("for any mapping", async () => {
    const keys = MIGRATION_FIELDS.map((f) => f.key);
    const mapping: fc.Arbitrary<MappingFile> = fc.record(
      {
        sheet: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
        headerRow: fc.integer({ min: 1, max: 50 }),
        kind: fc.constantFrom(...MIGRATION_KINDS),
        dateOrder: fc.constantFrom("dmy" as const, "mdy" as const),
        decimal: fc.constantFrom("point" as const, "comma" as const),
        columns: fc.array(
          fc.record({
            column: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
            letter: fc.constantFrom("A", "B", "AA"),
            field: fc.option(fc.constantFrom(...keys), { nil: null }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
      },
      { requiredKeys: ["columns"] },
    );
    await fc.assert(
      fc.asyncProperty(mapping, async (m) => {
        const { grid } = await sheetOf(mappingSheetPlan(m));
        expect(readMappingSheet(grid)).toEqual({ ok: true, mapping: kept(m) });
      }),
      { numRuns: 100 },
    );
  });
});

describe("a correction typed into the mapping sheet is read, or named by its cell", () => {
  const base: MappingFile = {
    sheet: "Tracker",
    headerRow: 1,
    kind: "initiatives",
    columns: [{ column: "Who", letter: "B", field: "owner" }],
  };

  it("reads a changed field, a cleared field and a changed setting", async () => {
    const { host } = await sheetOf(
      mappingSheetPlan({
        ...base,
        columns: [...base.columns!, { column: "Notes", letter: "C", field: "comment" }],
      }),
    );
    host.edit(MAPPING_SHEET, 4, 2, "plan");
    host.edit(MAPPING_SHEET, 9, 3, "team");
    host.edit(MAPPING_SHEET, 10, 3, null);
    const read = readMappingSheet(host.grid(MAPPING_SHEET));
    expect(read).toEqual({
      ok: true,
      mapping: {
        version: 1,
        sheet: "Tracker",
        headerRow: 1,
        kind: "plan",
        columns: [
          { column: "Who", letter: "B", field: "team" },
          { column: "Notes", letter: "C", field: null },
        ],
      },
    });
  });

  it("names the cell of a field, header row or kind it cannot read", async () => {
    const { host } = await sheetOf(mappingSheetPlan(base));
    host.edit(MAPPING_SHEET, 3, 2, "first");
    host.edit(MAPPING_SHEET, 4, 2, "roadmap");
    host.edit(MAPPING_SHEET, 9, 3, "ownr");
    const read = readMappingSheet(host.grid(MAPPING_SHEET));
    expect(read.ok).toBe(false);
    const problems = read.ok ? [] : read.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Baton Mapping!B3: Header Row must be a row number/);
    expect(problems[1]).toMatch(
      /^Baton Mapping!B4: Kind must be one of initiatives, plan, okr, raid/,
    );
    expect(problems[2]).toMatch(/^Baton Mapping!C9: "ownr" is not a field/);
  });
});

describe("the import report lists every source row with its outcome", () => {
  it("has one row per source row of a real tracker, and its warnings", async () => {
    const { source } = await readMigrationSource(
      fixture("13_capital_delivery_portfolio_melbournewater.csv"),
    );
    const { report } = run(source.grid as never, { sheet: source.sheet });
    const { grid } = await sheetOf(importReportPlan(report), IMPORT_REPORT_SHEET);
    expect(grid.slice(1, 1 + report.rows.length).map((r) => [r[0], r[1], r[2] ?? ""])).toEqual(
      report.rows.map((r) => [r.sourceRow, r.outcome, r.reason]),
    );
    expect(grid.slice(2 + report.rows.length + 1).map((r) => r[1])).toEqual(
      report.warnings.map((w) => w.message),
    );
  });
});
