/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
// The custom functions' entry. The JSDoc below is the functions' metadata: the build generates
// functions.json from it (custom-functions-metadata); BATON is the namespace set in the manifests.
import { workbookFunctions } from "./workbook-functions.ts";

const baton = workbookFunctions({
  newContext: () => new Excel.RequestContext(),
  // A CustomFunctions.Error shows as #VALUE! with the message in the cell's tooltip.
  invalid: (message) =>
    new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message) as unknown as Error,
});

/**
 * Counts the validation errors in the workbook, or on one of its template sheets.
 * @customfunction ISSUES
 * @param sheet A template sheet, such as "Check-ins"; the whole workbook when left out.
 * @returns The number of errors.
 * @volatile
 */
export function issues(sheet?: string): Promise<number> {
  return baton.issues(sheet);
}

/**
 * The status of an objective, KPI, initiative or hand-off as of today, as Baton computes it:
 * Green, Amber, Red, Done or Paused.
 * @customfunction STATUS
 * @param id An ID, such as INI-3 or DEP-4.
 * @returns The status.
 * @volatile
 */
export function status(id: string): Promise<string> {
  return baton.status(id);
}

/**
 * The reporting period a date falls in: an ISO week such as 2026-W48, or a month such as 2026-11.
 * @customfunction PERIOD
 * @param date A date.
 * @param cadence Weekly or Monthly; the workbook's cadence when left out.
 * @returns The period.
 * @volatile
 */
export function period(date: number, cadence?: string): Promise<string> {
  return baton.period(date, cadence);
}

// Excel provides CustomFunctions when it loads the runtime; a browser outside Excel does not.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("ISSUES", issues);
  CustomFunctions.associate("STATUS", status);
  CustomFunctions.associate("PERIOD", period);
}
