/// <reference types="google-apps-script" />
/**
 * Migrate a sheet: a tracker kept in any sheet of this spreadsheet becomes the Baton template
 * beside it. Baton shows what it would import (how it reads the sheet, each column's field,
 * what it creates, what it leaves out) and the user imports, or has the mapping written to a
 * sheet to correct it first, or stops. The tracker's sheet is only read; every source row is
 * listed in the import report with its outcome.
 */
import {
  BOARD_SUMMARY_PREFIX,
  IMPORT_REPORT_SHEET,
  MAPPING_SHEET,
  MIGRATION_FIELDS,
  SHEET,
  importReportPlan,
  isBlank,
  isoFromSerial,
  localDateTimeFromSerial,
  mappingSheetPlan,
  migrate,
  readMappingSheet,
  templatePlan,
  todayIn,
  validateGrids,
  type ActionOutcome,
  type CellValue,
  type Grid,
  type MappingFile,
  type Migration,
} from "@baton/core";
import { serialFromInstant } from "./dates.ts";
import { withDocumentLock } from "./lock.ts";
import { hostOf, type Services } from "./services.ts";
import type { SheetsHost } from "./host.ts";
import { presentSheets, readTemplate } from "./workbook.ts";
import { listed, plural } from "./words.ts";

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** `getValues` output as migration reads it: date cells as ISO text, with the time when there is one. */
export function migrationGrid(values: unknown[][], zone: string): Grid {
  return values.map((row) =>
    row.map((v): CellValue => {
      if (!isDate(v)) return v as CellValue;
      const serial = serialFromInstant(v, zone);
      if (!Number.isFinite(serial) || serial < 1) return null;
      return Number.isInteger(serial)
        ? isoFromSerial(serial)
        : localDateTimeFromSerial(serial).replace("T", " ");
    }),
  );
}

/** Baton's own sheets, which are never a tracker to import. */
function isBatonSheet(name: string): boolean {
  return (
    presentSheets([name]).length > 0 ||
    name === MAPPING_SHEET ||
    name === IMPORT_REPORT_SHEET ||
    name.startsWith(BOARD_SUMMARY_PREFIX)
  );
}

/** Why the template cannot take an import (a sheet of it holds rows already), or null. */
function templateInUse(host: SheetsHost): string | null {
  const { grids } = readTemplate(host);
  for (const [name, grid] of Object.entries(grids)) {
    if (!grid || name.toLowerCase() === SHEET.settings.toLowerCase()) continue;
    const rows = grid.slice(1).filter((r) => r.some((v) => !isBlank(v))).length;
    if (rows)
      return (
        `This spreadsheet already holds Baton data (${name} has ${plural(rows, "row")}), and Baton imports a tracker only into an empty template. ` +
        "Copy the tracker's sheet into a new spreadsheet (right-click its tab, Copy to) and migrate it there."
      );
  }
  return null;
}

const lands = (field: string) => MIGRATION_FIELDS.find((f) => f.key === field)?.lands ?? field;

/** What the user is asked before anything is written. */
function review(name: string, m: Migration): string {
  const r = m.report;
  const count = (o: string) => r.rows.filter((x) => x.outcome === o).length;
  const c = r.created;
  const columns = r.mapping
    .slice(0, 20)
    .map(
      (col) =>
        `• ${col.column} → ${col.field ? `${lands(col.field)} (${Math.round(col.confidence * 100)}%)` : "kept as an extra column"}`,
    );
  if (r.mapping.length > 20) columns.push(`…and ${plural(r.mapping.length - 20, "more column")}`);
  const warnings = r.warnings.slice(0, 5).map((w) => `• ${w.message}`);
  return [
    `Baton reads "${name}" as ${r.kind === "okr" ? "an" : "a"} ${r.kind} tracker${r.headerRow ? ` with its header in row ${r.headerRow}` : ""}.`,
    `${plural(r.rows.length, "row")}: ${count("imported")} imported, ${count("skipped")} skipped, ${count("rejected")} rejected. ` +
      `It creates ${listed([plural(c.objectives, "objective"), plural(c.kpis, "KPI"), plural(c.initiatives, "initiative"), plural(c.handoffs, "hand-off"), plural(c.checkins, "check-in")])}.`,
    `Columns:\n${columns.join("\n")}`,
    ...(warnings.length ? [`Warnings:\n${warnings.join("\n")}`] : []),
    `Yes imports it (the sheet "${name}" is not changed). No writes this mapping to the sheet "${MAPPING_SHEET}" for you to correct first. Cancel stops.`,
  ].join("\n\n");
}

export function migrateSheet(s: Services, sourceName?: string): ActionOutcome {
  const ui = s.app.getUi();
  const host = hostOf(s);
  const ss = s.spreadsheet;
  const source = sourceName ? ss.getSheetByName(sourceName) : ss.getActiveSheet();
  if (!source)
    return { ok: false, message: `This spreadsheet has no sheet named "${sourceName}".` };
  const name = source.getName();
  if (isBatonSheet(name))
    return {
      ok: false,
      message: `"${name}" is one of Baton's own sheets. Open the sheet of the tracker to import, then choose Migrate a sheet again.`,
    };
  const inUse = templateInUse(host);
  if (inUse) return { ok: false, message: inUse };

  let mapping: MappingFile | undefined;
  const mappingGrid = host.readSheets([MAPPING_SHEET])[MAPPING_SHEET];
  if (mappingGrid) {
    const read = readMappingSheet(mappingGrid);
    if (!read.ok)
      return {
        ok: false,
        message: `Baton cannot use the corrections in "${MAPPING_SHEET}": ${read.problems.join(" ")}`,
      };
    if (!read.mapping.sheet || read.mapping.sheet === name) mapping = read.mapping;
  }

  const zone = ss.getSpreadsheetTimeZone();
  const range = source.getDataRange();
  const grid = migrationGrid(range.getValues(), zone);
  const merges = range.getMergedRanges().map((m) => ({
    row: m.getRow(),
    column: m.getColumn(),
    rows: m.getNumRows(),
    columns: m.getNumColumns(),
  }));
  const result = migrate(
    { sheet: name, grid, merges },
    { asOf: todayIn(zone, s.now()), timeZone: zone, title: name, ...(mapping ? { mapping } : {}) },
  );

  const answer = ui.alert(
    `Baton: migrate "${name}"`,
    review(name, result),
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.NO) {
    withDocumentLock(s, () =>
      host.apply(mappingSheetPlan(result.mapping, host.readSheets([MAPPING_SHEET])[MAPPING_SHEET])),
    );
    ss.getSheetByName(MAPPING_SHEET)?.activate();
    return {
      ok: true,
      message: `Baton wrote the mapping it would use to the sheet "${MAPPING_SHEET}". Correct a Field (or a setting), open "${name}" and choose Migrate a sheet again.`,
    };
  }
  if (answer !== ui.Button.YES)
    return { ok: true, message: `Nothing was imported; "${name}" is as it was.` };

  withDocumentLock(s, () => {
    const again = templateInUse(host);
    if (again) throw new Error(again);
    host.apply(templatePlan(result.content));
    host.apply(
      importReportPlan(result.report, host.readSheets([IMPORT_REPORT_SHEET])[IMPORT_REPORT_SHEET]),
    );
  });
  const r = result.report;
  const imported = r.rows.filter((x) => x.outcome === "imported").length;
  const errors = validateGrids(readTemplate(host).grids).issues.filter(
    (i) => i.severity === "error",
  ).length;
  return {
    ok: true,
    message:
      `Imported ${imported} of ${plural(r.rows.length, "row")} of "${name}", which is unchanged. ` +
      `The sheet "${IMPORT_REPORT_SHEET}" lists every row and why it was imported, skipped or rejected.` +
      (errors
        ? ` Validate lists ${plural(errors, "error")}, mostly cells the tracker left blank.`
        : ""),
  };
}
