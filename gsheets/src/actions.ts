/// <reference types="google-apps-script" />
/**
 * What Baton can do in a spreadsheet, one entry per action: how the menu names it, the global
 * function the menu calls, and the action itself, which reads, asks the core, applies the
 * plan under the document lock, and says what happened in an `ActionOutcome`.
 *
 * An action joins the menu and the sidebar by joining this table (and `main.ts`).
 */
import {
  closePeriod,
  evaluate,
  verifyLedger,
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
import { closingKeyIn } from "./keys.ts";

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
  /**
   * Asks the user for the action's argument when it runs from the menu (the sidebar has its
   * own form); null when the user cancels.
   */
  readonly ask?: (s: Services, ui: GoogleAppsScript.Base.Ui) => string | null;
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
  const host = hostOf(s);
  const { grids } = readTemplate(host);
  const { workbook, issues } = validateGrids(grids, [], { anchor: host.readAnchor(), now: s.now() });
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

/** Seals the check-ins of every open period up to `period` and locks their rows. */
function close(s: Services, period?: string): ActionOutcome {
  if (!period?.trim())
    return { ok: false, message: "Say which period to close, such as 2026-W47." };
  const host = hostOf(s);
  return withDocumentLock(s, () => {
    const { grids } = readTemplate(host);
    const key = closingKeyIn(s.userProperties?.());
    const result = closePeriod({
      grids,
      anchor: host.readAnchor(),
      period: period.trim(),
      now: s.now(),
      ...(key ? { key } : {}),
    });
    if (!result.ok)
      return {
        ok: false,
        message: result.message,
        ...(result.issues.length ? { issues: result.issues.map(paneIssue) } : {}),
      };
    host.apply(result.plan);
    const periods = result.closedPeriods;
    const span =
      periods.length > 1
        ? `${periods[0]} to ${periods[periods.length - 1]}`
        : (periods[0] ?? period);
    const locked = result.sealedRows
      ? ` Check-ins rows 2 to ${result.sealedRows + 1} are sealed and locked for everyone but the owner and you.`
      : "";
    const moved = result.moved
      ? ` ${plural(result.moved, "row")} moved up to join the sealed rows.`
      : "";
    return {
      ok: true,
      message: `Closed ${span}: ${plural(result.sealed, "check-in")} sealed.${locked}${moved} Current Period is now ${result.currentPeriod}.`,
    };
  });
}

/** Recomputes the seals and compares the newest with the anchor in Document Properties. */
function verify(s: Services): ActionOutcome {
  const host = hostOf(s);
  const { grids } = readTemplate(host);
  const result = verifyLedger(grids, host.readAnchor());
  if (result.intact) {
    if (!result.sealedRows)
      return { ok: true, message: "No check-ins are sealed yet: closing a period seals them." };
    const through = result.anchor ? ` through ${result.anchor.through}` : "";
    return {
      ok: true,
      message: `The history is intact: ${plural(result.sealedRows, "sealed check-in")}${through} match their seals and the anchor.`,
    };
  }
  const shown = result.breaks.slice(0, 5).map((b) => `${b.sheet} row ${b.row}: ${b.message}.`);
  const more =
    result.breaks.length > 5 ? ` …and ${plural(result.breaks.length - 5, "more row")}.` : "";
  return {
    ok: false,
    message:
      `The sealed history was changed. ${shown.join(" ")}${more} ` +
      "Restore the sealed rows from the spreadsheet's version history (File > Version history); sealed check-ins cannot be edited, moved or deleted.",
  };
}

/** The period to close, asked from the menu: Settings' Current Period is offered. */
function askPeriod(s: Services, ui: GoogleAppsScript.Base.Ui): string | null {
  const { grids } = readTemplate(hostOf(s));
  const current = validateGrids(grids).workbook.settings.currentPeriod;
  const answer = ui.prompt(
    "Baton: close a period",
    `Seal and lock the check-ins of every open period up to and including which period?${current ? ` The current period is ${current}.` : ""}\n\nEnter a week such as 2026-W47 or a month such as 2026-11.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText().trim();
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
    id: "closePeriod",
    caption: "Close a period…",
    functionName: "batonClosePeriod",
    verb: "close the period",
    needsTemplate: true,
    run: close,
    ask: askPeriod,
  },
  {
    id: "verify",
    caption: "Verify history",
    functionName: "batonVerifyHistory",
    verb: "verify the history",
    needsTemplate: true,
    run: verify,
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
