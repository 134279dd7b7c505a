/**
 * What a migration hands back: the template's content (its cadence the one most check-ins
 * use), the report, and the mapping it used, to write beside the output for correcting and
 * running again. Also the migration of a sheet with no header row to read it by.
 */
import { filled, type MigrationSource } from "./source.ts";
import type { Grid } from "../cells/values.ts";
import type { Cadence } from "../template/periods.ts";
import { formatPeriod, periodOf } from "../template/periods.ts";
import type { TemplateContent } from "../template/write.ts";
import type { MappingFile } from "./mapping-file.ts";
import type { MigrationReport, MigrationWarning, RowReport } from "./report.ts";
import { contentOf } from "./content.ts";
import type { Run } from "./records.ts";
import type { Warn } from "./warnings.ts";

export interface Migration {
  readonly report: MigrationReport;
  /** The template's content, for `templatePlan`. */
  readonly content: TemplateContent;
  /** The mapping used, to write beside the output for correcting and re-running. */
  readonly mapping: MappingFile;
}

export function migrationOf(
  { sheet, rows, objectives, extras, records }: Run,
  sheetName: string,
  warnings: readonly MigrationWarning[],
): Migration {
  const { periods } = records;
  const cadence: Cadence = periods.monthly > periods.weekly ? "Monthly" : "Weekly";
  if (cadence === "Monthly" && periods.weekly)
    sheet.warn(
      "mixed-periods",
      "Check-ins have both weekly and monthly periods; the workbook's cadence is Monthly and validation will name the weekly ones.",
    );
  const currentPeriod =
    cadence === "Monthly" ? formatPeriod(periodOf(sheet.asOf, "Monthly")) : sheet.asOfWeek;
  const content = contentOf({
    settings: { timeZone: sheet.zone, cadence, currentPeriod },
    objectives: objectives.list,
    initiatives: records.initiatives,
    kpis: records.kpis,
    handoffs: records.handoffs,
    checkins: records.checkins,
    extraColumns: [...extras.carried, ...extras.demoted],
    keptAs: extras.keptAs,
    label: sheet.read.label,
  });
  const listed = sheet.mapping.filter((m) => sheet.nonEmpty[m.index] || m.field);
  const report: MigrationReport = {
    kind: sheet.kind,
    sheet: sheetName,
    headerRow: sheet.headerIndex + 1,
    mapping: listed.map((m) => ({
      column: sheet.read.label(m.index),
      field: m.field,
      confidence: m.confidence,
    })),
    rows: rows.reports,
    created: records.created,
    warnings,
  };
  const mapping: MappingFile = {
    version: 1,
    sheet: sheetName,
    headerRow: sheet.headerIndex + 1,
    kind: sheet.kind,
    dateOrder: sheet.conv.dateOrder,
    decimal: sheet.conv.decimal,
    columns: listed.map((m) => ({
      column: m.header,
      letter: m.letter,
      field: m.field,
      confidence: m.confidence,
      by: m.by,
    })),
  };
  return { report, content, mapping };
}

export interface Headless {
  readonly source: MigrationSource;
  readonly grid: Grid;
  /** The header row the mapping file named (0-based), or undefined for a sheet with no values. */
  readonly headerIndex: number | undefined;
  readonly file: MappingFile;
  readonly zone: string;
  readonly asOfWeek: string;
  readonly warn: Warn;
  readonly warnings: readonly MigrationWarning[];
}

/** Nothing imported: the sheet is empty, or the header row the mapping file names is blank or beyond it (every row rejected). */
export function headlessMigration(h: Headless): Migration {
  const { source, grid, headerIndex, warn } = h;
  const rows: RowReport[] = [];
  if (headerIndex === undefined)
    warn("empty-sheet", `${source.sheet} has no values: nothing to import.`);
  else {
    warn(
      "no-header",
      `Row ${headerIndex + 1}, named as the header by the mapping file, is blank or beyond the sheet; nothing was imported.`,
    );
    for (let r = 0; r < grid.length; r++)
      if (filled(grid[r]) > 0)
        rows.push({
          sourceRow: r + 1,
          outcome: "rejected",
          reason: "no header row to read it by",
          ids: [],
        });
  }
  const report: MigrationReport = {
    kind: h.file.kind ?? "initiatives",
    sheet: source.sheet,
    headerRow: null,
    mapping: [],
    rows,
    created: { objectives: 0, kpis: 0, initiatives: 0, handoffs: 0, checkins: 0 },
    warnings: h.warnings,
  };
  return {
    report,
    content: { settings: { timeZone: h.zone, cadence: "Weekly", currentPeriod: h.asOfWeek } },
    mapping: { version: 1, sheet: source.sheet },
  };
}
