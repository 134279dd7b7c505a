/**
 * "Migrate a sheet": a tracker kept in a sheet of this workbook becomes the template beside
 * it. The first run asks (how Baton reads the sheet, each column's field, what it creates);
 * the answer "yes" imports and writes the import report, "no" writes the mapping to a sheet
 * for the user to correct, anything else stops. The tracker's sheet is only read.
 */
import { isBlank } from "../cells/values.ts";
import { todayIn } from "../cells/dates.ts";
import { BOARD_SUMMARY_PREFIX, SHEET } from "../template/sheets.ts";
import { templatePlan } from "../template/write.ts";
import { findSheet } from "../workbook/read.ts";
import { migrate } from "../migrate/migrate.ts";
import type { MappingFile } from "../migrate/mapping-file.ts";
import {
  IMPORT_REPORT_SHEET,
  MAPPING_SHEET,
  importReportPlan,
  mappingSheetPlan,
  readMappingSheet,
} from "./migration-sheets.ts";
import { templateSheetsIn, type ActionRead, type Needs } from "./needs.ts";
import { placeOf, type ActionInput } from "./input.ts";
import { told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const MIGRATE_NEEDS: Needs = {
  template: "read",
  sheets: [MAPPING_SHEET, IMPORT_REPORT_SHEET],
};

/** Baton's own sheets, which are never a tracker to import. */
export function isBatonSheet(name: string): boolean {
  return (
    templateSheetsIn([name]).length > 0 ||
    name === MAPPING_SHEET ||
    name === IMPORT_REPORT_SHEET ||
    name.startsWith(BOARD_SUMMARY_PREFIX)
  );
}

/** The template sheet that already holds rows (Settings aside), or null: an empty template takes an import. */
function templateInUse(read: ActionRead): { sheet: string; rows: number } | null {
  const settings = findSheet(read.sheetNames, SHEET.settings);
  for (const sheet of templateSheetsIn(read.sheetNames)) {
    if (sheet === settings) continue;
    const rows = (read.grids[sheet] ?? [])
      .slice(1)
      .filter((r) => r.some((v) => !isBlank(v))).length;
    if (rows) return { sheet, rows };
  }
  return null;
}

export function migrateSheet(read: ActionRead, input: ActionInput): ActionResult {
  const place = placeOf(input);
  const source = input.source;
  if (!source) throw new TypeError("migrateSheet needs the source sheet the host read");
  const name = source.sheet;
  if (isBatonSheet(name))
    return told({ ok: false, message: say({ say: "own-sheet", sheet: name }) });
  if (!source.grid.some((r) => r.some((v) => !isBlank(v))))
    return told({ ok: false, message: say({ say: "source-empty", sheet: name }) });
  const inUse = templateInUse(read);
  if (inUse) return told({ ok: false, message: say({ say: "template-in-use", place, ...inUse }) });

  let mapping: MappingFile | undefined;
  const mappingGrid = read.grids[MAPPING_SHEET];
  if (mappingGrid) {
    const sheet = readMappingSheet(mappingGrid);
    if (!sheet.ok)
      return told({
        ok: false,
        message: say({ say: "mapping-unusable", sheet: MAPPING_SHEET, problems: sheet.problems }),
      });
    // Corrections made for another sheet are not this one's.
    if (!sheet.mapping.sheet || sheet.mapping.sheet === name) mapping = sheet.mapping;
  }

  const timeZone = input.timeZone ?? "UTC";
  const result = migrate(source, {
    asOf: todayIn(timeZone, input.now),
    timeZone,
    title: name,
    ...(mapping ? { mapping } : {}),
  });

  switch (input.answer) {
    case undefined:
      return told({
        ok: true,
        message: "",
        ask: {
          title: `Baton: migrate "${name}"`,
          text: say({
            say: "migration-review",
            report: result.report,
            mappingSheet: MAPPING_SHEET,
          }),
        },
      });
    case "no":
      return {
        plan: mappingSheetPlan(result.mapping, mappingGrid),
        outcome: {
          ok: true,
          message: say({ say: "mapping-written", sheet: MAPPING_SHEET, source: name }),
          select: { sheet: MAPPING_SHEET, cell: "A1" },
        },
      };
    case "yes": {
      const r = result.report;
      const plan = {
        ops: [
          ...templatePlan(result.content).ops,
          ...importReportPlan(r, read.grids[IMPORT_REPORT_SHEET]).ops,
        ],
      };
      const message = say({
        say: "imported",
        source: name,
        imported: r.rows.filter((x) => x.outcome === "imported").length,
        rows: r.rows.length,
        report: IMPORT_REPORT_SHEET,
      });
      return {
        plan,
        outcome: { ok: true, message, select: { sheet: IMPORT_REPORT_SHEET, cell: "A1" } },
      };
    }
    default:
      return told({ ok: true, message: say({ say: "migration-cancelled", source: name }) });
  }
}
