/// <reference types="office-js" />
/**
 * One Baton action against Excel: a batch (`Excel.run`) with a fresh host over its context.
 * The backend, the ribbon commands, the custom functions and live validation all go through
 * here, so every one of them reads the workbook the same way.
 */
import { templateSheetsIn, type Grids } from "@baton/core";
import { ExcelHost } from "./host.ts";

/** `Excel.run` as Baton calls it (a fake Excel's `run` in tests). */
export type RunExcel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Runs batches that wait for a cell edit in progress to end, instead of failing
 * (`InvalidOperationInCellEditMode`): a user may be typing when a ribbon button is pressed.
 */
export function officeRun(excel: typeof Excel): RunExcel {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

export function withHost<T>(run: RunExcel, work: (host: ExcelHost) => Promise<T>): Promise<T> {
  return run((context) => work(new ExcelHost(context)));
}

export interface WorkbookRead {
  readonly sheetNames: string[];
  readonly grids: Grids;
}

/** The workbook's sheet names and its template sheets' grids: two round trips at most. */
export async function readTemplate(host: ExcelHost): Promise<WorkbookRead> {
  const sheetNames = await host.sheetNames();
  const grids = await host.readSheets(templateSheetsIn(sheetNames));
  return { sheetNames, grids };
}
