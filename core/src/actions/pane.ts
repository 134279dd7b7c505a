/**
 * The sidebar's state, built from the workbook's grids by the core so both hosts show the same
 * thing. Hosts add only what they know: the actions they offer and "now".
 */
import type { Grids } from "../cells/values.ts";
import { todayIn } from "../cells/dates.ts";
import { validateGrids } from "../validate/validate.ts";
import type { ValidationIssue } from "../validate/issues.ts";
import { missingTemplateSheets } from "./setup.ts";
import type { PaneAction, PaneIssue, PaneState } from "../../ui/backend.ts";

export interface PaneInput {
  readonly grids: Grids;
  readonly sheetNames: readonly string[];
  /** The instant the pane is drawn; the as-of date is its day in the workbook's zone. */
  readonly now: Date;
  /** Actions this host offers. Without the template only setting it up is offered. */
  readonly actions: readonly PaneAction[];
}

export function paneIssue(i: ValidationIssue): PaneIssue {
  return { code: i.code, severity: i.severity, sheet: i.sheet, row: i.row, column: i.column, cell: i.cell, message: i.message, ...(i.fix ? { fix: i.fix } : {}) };
}

export function paneState(input: PaneInput): PaneState {
  const missingSheets = missingTemplateSheets(input.sheetNames);
  const { workbook, issues } = validateGrids(input.grids);
  const hasTemplate = missingSheets.length === 0;
  return {
    hasTemplate,
    missingSheets,
    asOf: todayIn(workbook.settings.timeZone, input.now),
    currentPeriod: workbook.settings.currentPeriod,
    issues: hasTemplate ? issues.map(paneIssue) : [],
    atRisk: [],
    initiativeCounts: {},
    actions: hasTemplate ? input.actions.filter((a) => a !== "setUpTemplate") : ["setUpTemplate"],
  };
}
