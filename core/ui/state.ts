/**
 * What the pane shows, from a validation of the workbook: a pure function every backend can
 * share (the Sheets server, the Excel task pane, the preview), so the pane reads the same
 * state wherever the core runs. No DOM here: this runs in Apps Script too.
 */
import type { IsoDate, Validation, ValidationIssue } from "../src/index.ts";
import type { PaneAction, PaneHandoff, PaneIssue, PaneState, PaneStatus } from "./backend.ts";

/** A core issue as plain JSON for the pane (the details that made its message are left out). */
export function paneIssue(issue: ValidationIssue): PaneIssue {
  const { code, severity, sheet, row, column, cell, message, fix } = issue;
  return fix === undefined
    ? { code, severity, sheet, row, column, cell, message }
    : { code, severity, sheet, row, column, cell, message, fix };
}

export interface PaneStateInput {
  /** `validateGrids` over the template sheets the workbook has. */
  readonly validation: Validation;
  /** The day statuses are computed as of, in the workbook's zone. */
  readonly asOf: IsoDate;
  /** The actions this host offers now. */
  readonly actions: readonly PaneAction[];
  /** From the status engine, once the host computes statuses. */
  readonly atRisk?: readonly PaneHandoff[];
  readonly initiativeCounts?: Readonly<Partial<Record<PaneStatus, number>>>;
}

export function paneStateOf({
  validation,
  asOf,
  actions,
  atRisk = [],
  initiativeCounts = {},
}: PaneStateInput): PaneState {
  // The validator names every template sheet it could not find, so "missing" means the same everywhere.
  const missingSheets = validation.issues
    .filter((i) => i.code === "missing-sheet")
    .map((i) => i.sheet);
  return {
    hasTemplate: missingSheets.length === 0,
    missingSheets,
    asOf,
    currentPeriod: validation.workbook.settings.currentPeriod,
    issues: validation.issues.map(paneIssue),
    atRisk,
    initiativeCounts,
    actions,
  };
}
