/// <reference types="google-apps-script" />
/**
 * The Baton menu and what a menu item does around its action: offer the template when the
 * spreadsheet lacks it, run the action, and tell the user what happened in plain words (a
 * toast when all went well, the sidebar when there are issues to fix, an alert when the
 * action could not be done), never a stack trace.
 */
import {
  ACTIONS as CORE_ACTIONS,
  listed,
  missingTemplateSheets,
  type ActionOutcome,
} from "@baton/core";
import { ACTIONS, actionSpec, runSpec, type ActionSpec } from "./actions.ts";
import type { Services } from "./services.ts";
import { errorText, issueLines } from "./words.ts";

const TITLE = "Baton";

type Ui = GoogleAppsScript.Base.Ui;

/** The sidebar's menu item, first in the menu. */
export const SIDEBAR_ITEM = {
  caption: "Open the sidebar",
  functionName: "batonOpenSidebar",
} as const;

/** Alerts, last in the menu: they ask for the mail scope, which nothing above them needs. */
export const ALERT_ITEMS = [
  { caption: "Turn on alerts", functionName: "batonTurnOnAlerts" },
  { caption: "Turn off alerts", functionName: "batonTurnOffAlerts" },
] as const;

export function addMenu(ui: Ui): void {
  const menu = ui.createMenu(TITLE);
  menu.addItem(SIDEBAR_ITEM.caption, SIDEBAR_ITEM.functionName).addSeparator();
  for (const a of ACTIONS) menu.addItem(a.caption, a.functionName);
  menu.addSeparator();
  for (const a of ALERT_ITEMS) menu.addItem(a.caption, a.functionName);
  menu.addToUi();
}

/** Runs a menu item that is not a core action (alerts), with the same feedback. */
export function showFromMenu(s: Services, verb: string, fn: (s: Services) => ActionOutcome): void {
  const ui = s.app.getUi();
  try {
    show(s, ui, fn(s));
  } catch (e) {
    ui.alert(TITLE, `Baton could not ${verb}: ${errorText(e)}`, ui.ButtonSet.OK);
  }
}

export function showSidebar(s: Services, ui: Ui): void {
  ui.showSidebar(s.html.createHtmlOutputFromFile("Sidebar").setTitle(TITLE));
}

/**
 * Shows an outcome: a toast for plain success; with issues, the sidebar, which lists them with
 * their fixes and selects a cell on a click (an alert lists them if the sidebar cannot open);
 * an alert for an action that could not be done.
 */
export function show(s: Services, ui: Ui, outcome: ActionOutcome): void {
  if (outcome.issues?.length) {
    try {
      showSidebar(s, ui);
      s.spreadsheet.toast(`${outcome.message} The sidebar lists them with their fixes.`, TITLE, 8);
      return;
    } catch {
      ui.alert(TITLE, `${outcome.message}\n\n${issueLines(outcome.issues)}`, ui.ButtonSet.OK);
      return;
    }
  }
  if (outcome.ok) s.spreadsheet.toast(outcome.message, TITLE, 8);
  else ui.alert(TITLE, outcome.message, ui.ButtonSet.OK);
}

export function openSidebarFromMenu(s: Services): void {
  const ui = s.app.getUi();
  try {
    showSidebar(s, ui);
  } catch (e) {
    ui.alert(TITLE, `Baton could not open the sidebar: ${errorText(e)}`, ui.ButtonSet.OK);
  }
}

/**
 * Asks to set the template up when sheets are missing. True when the action can go on: the
 * template was there already. After setting it up the user fills it in before going on.
 */
function templateReady(s: Services, ui: Ui, spec: ActionSpec): boolean {
  const missing = missingTemplateSheets(s.spreadsheet.getSheets().map((x) => x.getName()));
  if (!missing.length) return true;
  const answer = ui.alert(
    TITLE,
    `This spreadsheet does not have the Baton template yet (missing: ${listed(missing)}), so Baton cannot ${spec.verb}.\n\n` +
      "Set it up now? Baton adds the missing sheets and changes nothing else.",
    ui.ButtonSet.YES_NO,
  );
  if (answer === ui.Button.YES) show(s, ui, runSpec(s, "setUpTemplate"));
  return false;
}

/** Runs an action from the menu, with all feedback in the spreadsheet's UI. */
export function runFromMenu(s: Services, id: string): void {
  const ui = s.app.getUi();
  const spec = actionSpec(id);
  if (!spec) {
    ui.alert(TITLE, `Baton has no action "${id}".`, ui.ButtonSet.OK);
    return;
  }
  try {
    const needsTemplate = CORE_ACTIONS[spec.id].needs.template === "required";
    if (needsTemplate && !templateReady(s, ui, spec)) return;
    let arg: string | undefined;
    if (spec.ask) {
      const answer = spec.ask(s, ui);
      if (answer === null) return;
      arg = answer;
    }
    show(s, ui, runSpec(s, spec.id, arg));
  } catch (e) {
    ui.alert(TITLE, `Baton could not ${spec.verb}: ${errorText(e)}`, ui.ButtonSet.OK);
  }
}
