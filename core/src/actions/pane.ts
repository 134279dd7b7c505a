/**
 * The sidebar's state, built by the core so both hosts (and the preview) show the same thing.
 * Hosts add only what they know: the actions they offer and "now". No DOM here: this runs in
 * Apps Script too.
 */
import type { Grids } from "../cells/values.ts";
import { todayIn, type IsoDate } from "../cells/dates.ts";
import { validateGrids, type Validation } from "../validate/validate.ts";
import type { ValidationIssue } from "../validate/issues.ts";
import type { PaneAction, PaneHandoff, PaneIssue, PaneState, PaneStatus } from "../../ui/backend.ts";

/** A core issue as plain JSON for the pane (the details that made its message are left out). */
export function paneIssue(issue: ValidationIssue): PaneIssue {
  const { code, severity, sheet, row, column, cell, message, fix } = issue;
  return fix === undefined ? { code, severity, sheet, row, column, cell, message } : { code, severity, sheet, row, column, cell, message, fix };
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

/** The pane's state from a validation the host already has. */
export function paneStateOf({ validation, asOf, actions, atRisk = [], initiativeCounts = {} }: PaneStateInput): PaneState {
  // The validator names every template sheet it could not find, so "missing" means the same everywhere.
  const missingSheets = validation.issues.filter((i) => i.code === "missing-sheet").map((i) => i.sheet);
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

export interface PaneInput {
  readonly grids: Grids;
  /** The instant the pane is drawn; the as-of date is its day in the workbook's zone. */
  readonly now: Date;
  /** Actions this host offers. Without the template only setting it up is offered. */
  readonly actions: readonly PaneAction[];
}

/** The pane's state from the workbook's grids, as of today in the workbook's zone. */
export function paneState({ grids, now, actions }: PaneInput): PaneState {
  const validation = validateGrids(grids);
  const hasTemplate = !validation.issues.some((i) => i.code === "missing-sheet");
  return paneStateOf({
    validation,
    asOf: todayIn(validation.workbook.settings.timeZone, now),
    actions: hasTemplate ? actions.filter((a) => a !== "setUpTemplate") : actions.filter((a) => a === "setUpTemplate"),
  });
}
