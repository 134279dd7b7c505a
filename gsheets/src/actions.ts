/**
 * What Baton can do in a spreadsheet, one entry per action: how the menu names it, the global
 * function the menu calls, and the action itself, which reads, asks the core, applies the
 * plan under the document lock, and says what happened in an `ActionOutcome`.
 *
 * An action joins the menu and the sidebar by joining this table (and `main.ts`).
 */
import {
  evaluate,
  hasErrors,
  headlineText,
  summarize,
  summaryPlan,
  summarySheetName,
  statusPlan,
  todayIn,
  missingTemplateSheets,
  paneIssue,
  setUpTemplatePlan,
  validateGrids,
  type ActionOutcome,
  type PaneAction,
} from "@baton/core";
import { withDocumentLock } from "./lock.ts";
import { migrateSheet } from "./migrate.ts";
import { hostOf, type Services } from "./services.ts";
import { readTemplate } from "./workbook.ts";
import { countsByStatus, listed, plural } from "./words.ts";

export interface ActionSpec {
  readonly id: PaneAction;
  /** Menu caption. */
  readonly caption: string;
  /** The global function in `main.ts` the menu item calls. */
  readonly functionName: string;
  /** Completes "Baton could not …" when something goes wrong. */
  readonly verb: string;
  /** False only for the action that creates the template. */
  readonly needsTemplate: boolean;
  readonly run: (s: Services, arg?: string) => ActionOutcome;
}

function setUpTemplate(s: Services): ActionOutcome {
  const host = hostOf(s);
  return withDocumentLock(s, () => {
    const names = host.sheetNames();
    const missing = missingTemplateSheets(names);
    if (!missing.length)
      return {
        ok: true,
        message: "This spreadsheet already has every Baton sheet; nothing was changed.",
      };
    host.apply(setUpTemplatePlan(names, s.spreadsheet.getSpreadsheetTimeZone()));
    const kept = names.length ? " Sheets that were already here were left as they were." : "";
    return { ok: true, message: `Baton added ${listed(missing)}.${kept}` };
  });
}

function validate(s: Services): ActionOutcome {
  const { grids } = readTemplate(hostOf(s));
  const { workbook, issues } = validateGrids(grids);
  if (!issues.length) {
    const counts = [
      plural(workbook.initiatives.length, "initiative"),
      plural(workbook.handoffs.length, "hand-off"),
      plural(workbook.checkins.length, "check-in"),
    ];
    return { ok: true, message: `No issues in ${listed(counts)}.` };
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const found = [
    errors ? plural(errors, "error") : "",
    warnings ? plural(warnings, "warning") : "",
  ].filter(Boolean);
  return {
    ok: !hasErrors(issues),
    message: `Baton found ${listed(found)}.`,
    issues: issues.map(paneIssue),
  };
}

/** Statuses as of today in the workbook's zone, written into the computed columns. */
function refreshStatus(s: Services): ActionOutcome {
  const host = hostOf(s);
  return withDocumentLock(s, () => {
    const { grids } = readTemplate(host);
    const { workbook, issues } = validateGrids(grids);
    const asOf = todayIn(workbook.settings.timeZone, s.now());
    const evaluation = evaluate(workbook, { asOf });
    host.apply(statusPlan(workbook, evaluation));
    const errors = issues.filter((i) => i.severity === "error").length;
    const caveat = errors
      ? ` ${plural(errors, "validation error")}: statuses are judged from what could be read; Validate lists them.`
      : "";
    return {
      ok: true,
      message: `Statuses as of ${asOf}. Initiatives: ${countsByStatus(evaluation.initiatives)}. Hand-offs: ${countsByStatus(evaluation.handoffs)}.${caveat}`,
    };
  });
}

/** The board summary as of today, in its period's sheet; earlier periods' sheets stay. */
function writeSummary(s: Services): ActionOutcome {
  const host = hostOf(s);
  return withDocumentLock(s, () => {
    const { sheetNames, grids } = readTemplate(host);
    const { workbook } = validateGrids(grids);
    const summary = summarize(workbook, { asOf: todayIn(workbook.settings.timeZone, s.now()) });
    host.apply(summaryPlan(summary, sheetNames));
    const wanted = summarySheetName(summary.period).toLowerCase();
    const sheet = s.spreadsheet.getSheets().find((x) => x.getName().toLowerCase() === wanted);
    sheet?.activate();
    return {
      ok: true,
      message: `${headlineText(summary)} The board summary is in the sheet "${sheet?.getName() ?? summarySheetName(summary.period)}".`,
    };
  });
}

export const ACTIONS: readonly ActionSpec[] = [
  {
    id: "setUpTemplate",
    caption: "Set up the template in this spreadsheet",
    functionName: "batonSetUpTemplate",
    verb: "set up the template",
    needsTemplate: false,
    run: setUpTemplate,
  },
  {
    id: "validate",
    caption: "Validate",
    functionName: "batonValidate",
    verb: "validate this spreadsheet",
    needsTemplate: true,
    run: validate,
  },
  {
    id: "refreshStatus",
    caption: "Refresh statuses",
    functionName: "batonRefreshStatuses",
    verb: "refresh the statuses",
    needsTemplate: true,
    run: refreshStatus,
  },
  {
    id: "writeSummary",
    caption: "Board summary",
    functionName: "batonBoardSummary",
    verb: "write the board summary",
    needsTemplate: true,
    run: writeSummary,
  },
  {
    id: "migrate",
    caption: "Migrate a sheet…",
    functionName: "batonMigrateSheet",
    verb: "migrate this sheet",
    needsTemplate: false,
    run: migrateSheet,
  },
];

export function actionSpec(id: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.id === id);
}

/** Template sheets this spreadsheet lacks. */
export function missingSheets(s: Services): string[] {
  return missingTemplateSheets(hostOf(s).sheetNames());
}
