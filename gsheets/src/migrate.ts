/// <reference types="google-apps-script" />
/**
 * Reading the sheet to migrate: a tracker kept in any sheet of this spreadsheet, with its
 * date cells as migration reads them and its merged ranges. What migrating does is the core's
 * (`migrateSheet`); the tracker's sheet is only read.
 */
import {
  isoFromSerial,
  localDateTimeFromSerial,
  type CellValue,
  type Grid,
  type MigrationSource,
} from "@baton/core";
import { serialFromInstant } from "./dates.ts";
import type { Services } from "./services.ts";

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

/** The named sheet, else the open one, with its merges; null when no sheet has that name. */
export function readSource(s: Services, sheetName?: string): MigrationSource | null {
  const ss = s.spreadsheet;
  const sheet = sheetName ? ss.getSheetByName(sheetName) : ss.getActiveSheet();
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const merges = range.getMergedRanges().map((m) => ({
    row: m.getRow(),
    column: m.getColumn(),
    rows: m.getNumRows(),
    columns: m.getNumColumns(),
  }));
  return {
    sheet: sheet.getName(),
    grid: migrationGrid(range.getValues(), ss.getSpreadsheetTimeZone()),
    merges,
  };
}
