/// <reference types="google-apps-script" />
/**
 * What Baton can do in a spreadsheet, one entry per action: how the menu names it and the
 * global function the menu calls. What an action does is the core's (`runAction`); here it is
 * read, applied under the document lock, and its cell selected.
 *
 * An action joins the menu and the sidebar by joining this table (and `main.ts`).
 */
import { closingKeyIn } from "./keys.ts";
import {
  ACTIONS as CORE_ACTIONS,
  runAction,
  say,
  sheetsToRead,
  validateGrids,
  type ActionInput,
  type ActionOutcome,
  type ActionRead,
  type PaneAction,
} from "@baton/core";
import { withDocumentLock } from "./lock.ts";
import { readSource } from "./migrate.ts";
import { hostOf, signedInOf, type Services } from "./services.ts";
import { readTemplate } from "./workbook.ts";

export interface ActionSpec {
  readonly id: PaneAction;
  /** Menu caption. */
  readonly caption: string;
  /** The global function in `main.ts` the menu item calls. */
  readonly functionName: string;
  /** Completes "Baton could not …" when something goes wrong. */
  readonly verb: string;
  /**
   * Asks the user for the action's argument when it runs from the menu (the sidebar has its
   * own form); null when the user cancels.
   */
  readonly ask?: (s: Services, ui: GoogleAppsScript.Base.Ui) => string | null;
}

/** Reads what the action needs, runs it, applies its plan and selects what it points at. */
function runOnce(s: Services, id: PaneAction, input: ActionInput): ActionOutcome {
  const host = hostOf(s);
  return withDocumentLock(s, () => {
    const needs = CORE_ACTIONS[id].needs;
    const sheetNames = host.sheetNames();
    const read: ActionRead = {
      sheetNames,
      grids: host.readSheets(sheetsToRead(needs, sheetNames)),
      ...(needs.anchor ? { anchor: host.readAnchor() } : {}),
    };
    const { plan, outcome } = runAction(id, read, input);
    if (plan.ops.length) host.apply(plan);
    if (outcome.select) {
      s.app.flush();
      s.spreadsheet.getSheetByName(outcome.select.sheet)?.getRange(outcome.select.cell).activate();
    }
    return outcome;
  });
}

/**
 * Runs an action with the user's argument (the period to close; the sheet to migrate, else the
 * open one). A question in the outcome (a migration's review) is put to the user in an alert,
 * and the action runs again with the answer; the lock is not held while they read.
 */
export function runSpec(s: Services, id: PaneAction, arg?: string): ActionOutcome {
  const base = {
    now: s.now(),
    place: "this spreadsheet",
    timeZone: s.spreadsheet.getSpreadsheetTimeZone(),
  };
  if (id === "closePeriod") {
    const key = closingKeyIn(s.userProperties?.());
    return runOnce(s, id, {
      ...base,
      ...(arg === undefined ? {} : { answer: arg }),
      ...(key ? { key } : {}),
    });
  }
  if (id !== "migrate") return runOnce(s, id, arg === undefined ? base : { ...base, answer: arg });
  const source = readSource(s, arg);
  if (!source)
    return {
      ok: false,
      message: say({ say: "no-such-sheet", place: base.place, sheet: arg ?? "" }),
    };
  const outcome = runOnce(s, id, { ...base, source });
  if (!outcome.ask) return outcome;
  const ui = s.app.getUi();
  const button = ui.alert(outcome.ask.title, outcome.ask.text, ui.ButtonSet.YES_NO_CANCEL);
  const answer = button === ui.Button.YES ? "yes" : button === ui.Button.NO ? "no" : "cancel";
  return runOnce(s, id, { ...base, source, answer });
}

/** Records the sidebar form's gate decision, in the signed-in person's name when left blank. */
export function runGateDecision(s: Services, form: string | undefined): ActionOutcome {
  return runOnce(s, "recordGateDecision", {
    now: s.now(),
    place: "this spreadsheet",
    ...(form === undefined ? {} : { answer: form }),
    ...signedInOf(s),
  });
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
  },
  {
    id: "validate",
    caption: "Validate",
    functionName: "batonValidate",
    verb: "validate this spreadsheet",
  },
  {
    id: "refreshStatus",
    caption: "Refresh statuses",
    functionName: "batonRefreshStatuses",
    verb: "refresh the statuses",
  },
  {
    id: "writeSummary",
    caption: "Board summary",
    functionName: "batonBoardSummary",
    verb: "write the board summary",
  },
  {
    id: "closePeriod",
    caption: "Close a period…",
    functionName: "batonClosePeriod",
    verb: "close the period",
    ask: askPeriod,
  },
  {
    id: "verify",
    caption: "Verify history",
    functionName: "batonVerifyHistory",
    verb: "verify the history",
  },
  {
    id: "migrate",
    caption: "Migrate a sheet…",
    functionName: "batonMigrateSheet",
    verb: "migrate this sheet",
  },
  {
    id: "upgradeTemplate",
    caption: "Upgrade the template",
    functionName: "batonUpgradeTemplate",
    verb: "upgrade the template",
  },
];

export function actionSpec(id: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.id === id);
}
