/**
 * Migration: a foreign sheet becomes the Baton template, with nothing lost.
 *
 * The header row is found below any title block; every column is mapped to a field with a
 * confidence (or carried as the team's own column); values are normalised (status words, dates
 * in any order with ambiguous ones decided by the rest of the sheet, numbers with either
 * decimal mark, percentages in any form); the kind of tracker decides which template sheets the
 * rows fill; free-text dependencies become hand-offs between the right initiatives. Every
 * non-blank source row below the header appears once in the report, and the source grid is
 * only read.
 *
 * Baton never invents a value the source does not hold: a required cell the source left blank
 * stays blank (validation then names it), and the report says which. Values Baton derives by a
 * stated rule are listed in docs/MIGRATION.md.
 */
import { formatPeriod, periodOf } from "../template/periods.ts";
import type { IsoDate } from "../cells/dates.ts";
import { unmerge, filled, type MigrationSource } from "./source.ts";
import { findHeaderRow } from "./header.ts";
import { layoutOf } from "./layout.ts";
import type { MappingFile } from "./mapping-file.ts";
import { warningList } from "./warnings.ts";
import { readSheet } from "./reading.ts";
import { rowsOf } from "./items.ts";
import { objectivesOf } from "./objectives.ts";
import { extrasOf } from "./extras.ts";
import { emptyRecords, type Run } from "./records.ts";
import { placeRows } from "./place.ts";
import { raidHandoffs } from "./raid.ts";
import { finishRows } from "./finish.ts";
import { headlessMigration, migrationOf, type Migration } from "./output.ts";

export type { Migration } from "./output.ts";

export interface MigrateOptions {
  /** The day of the migration: status read from the sheet becomes a check-in for its period. */
  readonly asOf: IsoDate;
  /** The workbook's time zone (Settings), and the zone date cells given as instants are read in. */
  readonly timeZone?: string;
  /** Names the objective that holds rows with none of their own, when the sheet has no title. */
  readonly title?: string;
  /** Corrections: sheet, header row, kind, columns, date order, decimal mark. */
  readonly mapping?: MappingFile;
  /** Called every few thousand rows and at the end, for progress on large sheets. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Migrates one foreign sheet. Never throws on any cell value; bad arguments throw RangeError.
 *
 * The steps, in order: find the header and the kind of each row below it; map columns to
 * fields and read how the sheet writes numbers and dates (`readSheet`); list the rows
 * (`rowsOf`); decide which columns are carried (`extrasOf`); place each row as an objective,
 * initiative or KPI (`placeRows`), then a RAID log's dependencies (`raidHandoffs`); link
 * free-text dependencies and finish the report (`finishRows`); hand back the content, the
 * report and the mapping used (`migrationOf`). Warnings come in that order.
 */
export function migrate(source: MigrationSource, options: MigrateOptions): Migration {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new RangeError(`asOf must be an ISO date, got ${options.asOf}`);
  const zone = options.timeZone ?? "UTC";
  const file = options.mapping ?? {};
  const { warnings, warn } = warningList();
  const grid = unmerge(source);
  const headerIndex = file.headerRow !== undefined ? file.headerRow - 1 : findHeaderRow(grid);
  const asOfWeek = formatPeriod(periodOf(options.asOf, "Weekly"));
  if (headerIndex === undefined || headerIndex >= grid.length || filled(grid[headerIndex]) === 0)
    return headlessMigration({ source, grid, headerIndex, file, zone, asOfWeek, warn, warnings });

  const layout = layoutOf(grid, headerIndex, zone);
  if (layout.titleLines.length)
    warn(
      "title-block",
      `Rows 1-${headerIndex} above the header are the sheet's title block: ${layout.titleLines.map((t) => `"${t.slice(0, 60)}"`).join(", ")}.`,
    );
  const sheet = readSheet({
    grid,
    headerIndex,
    layout,
    zone,
    asOf: options.asOf,
    asOfWeek,
    file,
    warn,
  });
  const rows = rowsOf(sheet, options.onProgress);
  const objectives = objectivesOf({
    sheet,
    reportAt: rows.reportAt,
    sheetName: source.sheet,
    title: options.title,
  });
  const extras = extrasOf(sheet);
  const records = emptyRecords(rows.items, sheet.colOf.get("id"));
  const run: Run = { sheet, rows, objectives, extras, records };
  raidHandoffs(run, placeRows(run));
  finishRows(run);
  options.onProgress?.(layout.kinds.length, layout.kinds.length);
  return migrationOf(run, source.sheet, warnings);
}
