/// <reference types="google-apps-script" />
/**
 * Everything the global functions of `main.ts` call. Bundled as one object, `Baton`, beside
 * those functions: Apps Script finds menu handlers, triggers and `google.script.run` targets
 * only among top-level functions, which `main.ts` declares, each a line into this module.
 */
import { answer, judgeSpreadsheet, pickRootCause, pickStatus } from "./custom-functions.ts";
import { checkEditedRange } from "./live.ts";
import { addMenu, openSidebarFromMenu, runFromMenu, showFromMenu } from "./menu.ts";
import { requireAlertScopes, runFromTrigger, turnOff, turnOn } from "./alerts.ts";
import * as pane from "./pane.ts";
import { appsScriptServices } from "./services.ts";
import { errorText } from "./words.ts";

export function onOpen(): void {
  addMenu(SpreadsheetApp.getUi());
}

/** Live validation of check-ins. A trigger has nobody to tell about a failure but the log. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    if (!e || !e.range) return;
    checkEditedRange(e.source ?? SpreadsheetApp.getActiveSpreadsheet(), e.range);
  } catch (err) {
    console.error(`Baton could not check the edit: ${errorText(err)}`);
  }
}

export function openSidebar(): void {
  openSidebarFromMenu(appsScriptServices());
}

export function runMenuAction(id: string): void {
  runFromMenu(appsScriptServices(), id);
}

/** The sidebar's state (google.script.run target). */
export function paneState(): ReturnType<typeof pane.state> {
  return pane.state(appsScriptServices());
}

export function selectCell(sheet: string, cell: string): boolean {
  return pane.select(appsScriptServices(), sheet, cell);
}

export function runPaneAction(id: string, arg?: string): ReturnType<typeof pane.run> {
  return pane.run(appsScriptServices(), id, arg);
}

const judgeNow = () => judgeSpreadsheet(SpreadsheetApp.getActiveSpreadsheet(), new Date());

export function statusFunction(id: unknown): string | string[][] {
  return answer(id, pickStatus, judgeNow);
}

export function rootCauseFunction(id: unknown): string | string[][] {
  return answer(id, pickRootCause, judgeNow);
}

export function turnOnAlerts(): void {
  const s = appsScriptServices();
  requireAlertScopes(s);
  showFromMenu(s, "turn alerts on", turnOn);
}

export function turnOffAlerts(): void {
  showFromMenu(appsScriptServices(), "turn alerts off", turnOff);
}

/** The hourly trigger and the installable on-edit trigger alike. */
export function alertsRun(): void {
  runFromTrigger(appsScriptServices());
}
