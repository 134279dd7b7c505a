/**
 * Migrate a sheet: a real tracker in a sheet of the spreadsheet becomes the template, as the
 * core migrates it, after the user has seen what Baton would do; the user can have the mapping
 * written to a sheet, correct it and run again; the tracker's sheet is never changed, and every
 * source row is listed in the import report.
 */
import { describe, expect, it } from "vitest";
import {
  IMPORT_REPORT_SHEET,
  MAPPING_SHEET,
  MemoryHost,
  SHEET,
  migrate,
  templatePlan,
  validateGrids,
  type MigrationSource,
} from "@baton/core";
import { readMigrationSource } from "../../cli/src/files/migration-source.ts";
import { fixture } from "../migrate/support.ts";
import { FakeBook } from "../../fakes/sheets/spreadsheet.ts";
import { enterText } from "../../fakes/sheets/cells.ts";
import { loadProject, type LoadedProject } from "./support/bundle.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { workbookGrids, smallWorkbook } from "../support/grids.ts";
import { DEMO_NOW } from "./support/demo.ts";
import { migrationGrid } from "../../gsheets/src/migrate.ts";

const ZONE = "Europe/Berlin";
const TODAY = "2026-11-26";
const TEMPLATE = Object.values(SHEET);

/** The tracker in a sheet as Sheets holds an imported workbook: date cells are dates. */
async function trackerProject(
  file: string,
): Promise<{ p: LoadedProject; source: MigrationSource }> {
  const { source } = await readMigrationSource(fixture(file));
  const book = new FakeBook({ zone: ZONE });
  const sheet = book.addSheet(source.sheet);
  source.grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(v)) {
        const cell = sheet.cellFor(r + 1, c + 1);
        const e = enterText(v, undefined);
        cell.value = e.value;
        cell.format.numberFormat = e.impliedFormat!;
      } else sheet.seed(r + 1, c + 1, v);
    }),
  );
  sheet.merges = [...(source.merges ?? [])];
  sheet.activate();
  return { p: loadProject(book, { now: DEMO_NOW }), source };
}

async function reference(
  source: MigrationSource,
  mapping?: Parameters<typeof migrate>[1]["mapping"],
) {
  const m = migrate(source, {
    asOf: TODAY,
    timeZone: ZONE,
    title: source.sheet,
    ...(mapping ? { mapping } : {}),
  });
  const host = new MemoryHost();
  await host.apply(templatePlan(m.content));
  return { m, workbook: validateGrids(await host.readSheets(TEMPLATE)).workbook };
}

const cellsOf = (p: LoadedProject, name: string) => JSON.stringify(p.book.sheet(name).cells);
const records = (w: ReturnType<typeof validateGrids>["workbook"]) => ({
  o: w.objectives,
  k: w.kpis,
  i: w.initiatives,
  h: w.handoffs,
  c: w.checkins,
  s: w.settings,
});

describe("a tracker's sheet becomes the template the core makes of it, once the user says yes", () => {
  for (const file of [
    "09_project_plan_gantt_packt.xlsx",
    "04_risikoregister_de_gourmetguide.xlsx",
  ]) {
    it(`imports ${file} as the core migrates it, leaving its sheet as it was`, async () => {
      const { p, source } = await trackerProject(file);
      const { m, workbook } = await reference(source);
      const before = cellsOf(p, source.sheet);
      p.ui.answers.push({ button: "YES" });
      p.call("batonMigrateSheet");

      const question = p.ui.shown[0]!;
      expect(question.buttons).toBe("YES_NO_CANCEL");
      expect(question.prompt).toContain(
        `as a${m.report.kind === "okr" ? "n" : ""} ${m.report.kind} tracker`,
      );
      for (const col of m.report.mapping.filter((c) => c.field).slice(0, 5))
        expect(question.prompt).toContain(`• ${col.column} → `);

      const imported = validateGrids(sheetsHost(p.book, p).readSheets(TEMPLATE)).workbook;
      expect(imported.initiatives.length).toBeGreaterThan(0);
      expect(records(imported)).toEqual(records(workbook));
      expect(cellsOf(p, source.sheet)).toBe(before);
      const report = sheetsHost(p.book, p).readSheets([IMPORT_REPORT_SHEET])[IMPORT_REPORT_SHEET]!;
      expect(report.slice(1, 1 + m.report.rows.length).map((r) => [r[0], r[1]])).toEqual(
        m.report.rows.map((r) => [r.sourceRow, r.outcome]),
      );
      expect(p.book.toasts.at(-1)!.message).toMatch(
        new RegExp(
          `^Imported ${m.report.rows.filter((r) => r.outcome === "imported").length} of \\d+ rows`,
        ),
      );
      // Once to read for the review, once to read again and write on Yes.
      expect(p.lock.acquired).toBe(2);
    });
  }
});

describe("the user corrects the mapping in a sheet and runs again", () => {
  it("writes the mapping on No, reads a corrected Field back, and imports with it", async () => {
    const { p, source } = await trackerProject("09_project_plan_gantt_packt.xlsx");
    p.ui.answers.push({ button: "NO" });
    p.call("batonMigrateSheet");
    expect(p.book.sheets.map((s) => s.name)).toEqual([source.sheet, MAPPING_SHEET]);
    expect(p.book.activeSheet?.name).toBe(MAPPING_SHEET);

    // The user turns the first mapped column into an extra column.
    const mapping = p.book.sheet(MAPPING_SHEET);
    let row = 1;
    while (mapping.display(row, 1) !== "Column") row++;
    row++;
    while (!mapping.display(row, 3)) row++;
    const column = mapping.display(row, 1);
    mapping.userEdit(row, 3, "", p.book.owner);

    p.book.sheet(source.sheet).activate();
    p.ui.answers.push({ button: "YES" });
    p.call("batonMigrateSheet");
    expect(p.ui.shown.at(-1)!.prompt).toContain(`• ${column} → kept as an extra column`);

    const migrated = migrate(source, { asOf: TODAY, timeZone: ZONE, title: source.sheet });
    const corrected = {
      ...migrated.mapping,
      columns: migrated.mapping.columns!.map((c) =>
        c.column === column ? { ...c, field: null } : c,
      ),
    };
    const { workbook } = await reference(source, corrected);
    expect(records(validateGrids(sheetsHost(p.book, p).readSheets(TEMPLATE)).workbook)).toEqual(
      records(workbook),
    );
  });

  it("names the cell of a correction it cannot read", async () => {
    const { p, source } = await trackerProject("09_project_plan_gantt_packt.xlsx");
    p.ui.answers.push({ button: "NO" });
    p.call("batonMigrateSheet");
    const mapping = p.book.sheet(MAPPING_SHEET);
    let row = 1;
    while (mapping.display(row, 1) !== "Column") row++;
    mapping.userEdit(row + 1, 3, "ownr", p.book.owner);
    p.book.sheet(source.sheet).activate();
    p.call("batonMigrateSheet");
    expect(p.ui.alerts().at(-1)).toMatch(
      new RegExp(
        `^Baton cannot use the corrections in "${MAPPING_SHEET}": ${MAPPING_SHEET}!C${row + 1}: "ownr" is not a field`,
      ),
    );
  });
});

describe("nothing is written unless the user says yes, and never over Baton data", () => {
  it("changes nothing when the user cancels", async () => {
    const { p, source } = await trackerProject("04_risikoregister_de_gourmetguide.xlsx");
    const before = cellsOf(p, source.sheet);
    p.ui.answers.push({ button: "CANCEL" });
    p.call("batonMigrateSheet");
    expect(p.book.sheets.map((s) => s.name)).toEqual([source.sheet]);
    expect(cellsOf(p, source.sheet)).toBe(before);
    expect(p.book.toasts.at(-1)!.message).toBe(
      `Nothing was imported; "${source.sheet}" is as it was.`,
    );
  });

  it("refuses to import into a template that holds rows, before asking anything", () => {
    const grids = workbookGrids(smallWorkbook());
    const p = loadProject({
      ...grids,
      "Old tracker": [
        ["Task", "Owner"],
        ["Fix routing", "Jonas"],
      ],
    });
    p.book.sheet("Old tracker").activate();
    p.call("batonMigrateSheet");
    expect(p.ui.alerts()).toEqual([
      expect.stringMatching(/^This spreadsheet already holds Baton data \(Objectives has 1 row\)/),
    ]);
  });

  it("will not import one of Baton's own sheets", () => {
    const p = loadProject(workbookGrids(smallWorkbook()));
    p.book.sheet(SHEET.initiatives).activate();
    p.call("batonMigrateSheet");
    expect(p.ui.alerts()).toEqual([
      `"${SHEET.initiatives}" is one of Baton's own sheets. Open the sheet of the tracker to import, then migrate again.`,
    ]);
  });
});

describe("date cells reach migration as the text of the day they show", () => {
  it("gives the ISO date, with the time when the cell has one, in the spreadsheet's zone", () => {
    const book = new FakeBook({ zone: "Pacific/Auckland" });
    const sheet = book.addSheet("Dates");
    sheet.userEdit(1, 1, "2026-11-26", book.owner);
    sheet.userEdit(1, 2, "2026-11-26 08:30:00", book.owner);
    sheet.userEdit(1, 3, "Due soon", book.owner);
    expect(migrationGrid(sheet.getDataRange().getValues(), book.zone)).toEqual([
      ["2026-11-26", "2026-11-26 08:30:00", "Due soon"],
    ]);
  });
});
