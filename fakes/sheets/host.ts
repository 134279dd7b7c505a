/** The Sheets host over a fake spreadsheet, as the project opens it with its services. */
import { SheetsHost } from "../../gsheets/src/host.ts";
import type { FakeBook } from "./spreadsheet.ts";
import type { AppsScript } from "./services.ts";

export function sheetsHost(
  book: FakeBook,
  gas: Pick<AppsScript, "documentProperties" | "globals">,
): SheetsHost {
  return new SheetsHost(book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, {
    documentProperties: () =>
      gas.documentProperties as unknown as GoogleAppsScript.Properties.Properties,
    newDataValidation: () =>
      (
        gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).newDataValidation(),
  });
}
