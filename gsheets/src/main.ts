/// <reference types="google-apps-script" />
/// <reference path="./globals.d.ts" />
/**
 * The functions Apps Script calls: the simple triggers, the menu items, the sidebar's
 * `google.script.run` targets and the custom functions. Apps Script finds them only as
 * top-level functions of the project, so this file is a plain script (no import, no export),
 * copied as it is below the bundle, and each function is one line into `Baton`.
 */

/** Adds the Baton menu when the spreadsheet opens. */
function onOpen(): void {
  Baton.onOpen();
}

/** When Baton is installed as an add-on, the menu appears without reopening the spreadsheet. */
function onInstall(): void {
  Baton.onOpen();
}

/** Checks check-ins as they are typed, and marks what needs fixing. */
function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  Baton.onEdit(e);
}

/** Opens the Baton sidebar: issues with their fixes, hand-offs at risk, the actions. */
function batonOpenSidebar(): void {
  Baton.openSidebar();
}

function batonSetUpTemplate(): void {
  Baton.runMenuAction("setUpTemplate");
}

function batonValidate(): void {
  Baton.runMenuAction("validate");
}

function batonRefreshStatuses(): void {
  Baton.runMenuAction("refreshStatus");
}

/** Writes this period's board summary sheet. */
function batonBoardSummary(): void {
  Baton.runMenuAction("writeSummary");
}

/** Seals and locks the check-ins of every open period up to the one the user names. */
function batonClosePeriod(): void {
  Baton.runMenuAction("closePeriod");
}

/** Recomputes the seals and says whether the sealed history is intact. */
function batonVerifyHistory(): void {
  Baton.runMenuAction("verify");
}

/** Imports the tracker in the open sheet into the template, after showing what it would do. */
function batonMigrateSheet(): void {
  Baton.runMenuAction("migrate");
}

/** Adds what the current template version adds (columns, sheets) and changes nothing else. */
function batonUpgradeTemplate(): void {
  Baton.runMenuAction("upgradeTemplate");
}

/** Installs the hourly and on-edit alert triggers (asking for the mail scope first). */
function batonTurnOnAlerts(): void {
  Baton.turnOnAlerts();
}

function batonTurnOffAlerts(): void {
  Baton.turnOffAlerts();
}

/** The hourly alert trigger: mails each person what changed. */
function batonAlertsHourly(): void {
  Baton.alertsRun();
}

/** The installable on-edit alert trigger: a hand-off declined is told at once. */
function batonAlertsOnEdit(): void {
  Baton.alertsRun();
}

/** The sidebar's state: issues, hand-offs at risk, the actions on offer. */
function batonPaneState(): unknown {
  return Baton.paneState();
}

/** Selects the cell the sidebar points at. */
function batonSelect(sheet: string, cell: string): boolean {
  return Baton.selectCell(sheet, cell);
}

/** Runs an action for the sidebar; answers what happened, in words. */
function batonRun(action: string, arg?: string): unknown {
  return Baton.runPaneAction(action, arg);
}

/**
 * The status Baton computes for an initiative, hand-off, KPI or objective, as of today:
 * Green, Amber, Red, Done or Paused.
 *
 * @param {string} id An ID such as INI-3, or a range of IDs.
 * @return The status of each ID.
 * @customfunction
 */
function BATON_STATUS(id: unknown): unknown {
  return Baton.statusFunction(id);
}

/**
 * Where the trouble of a Red or Amber initiative or hand-off starts: the IDs of its root
 * causes, as of today (blank when it is on track).
 *
 * @param {string} id An ID such as INI-3, or a range of IDs.
 * @return The root causes of each ID, comma-separated.
 * @customfunction
 */
function BATON_ROOT_CAUSE(id: unknown): unknown {
  return Baton.rootCauseFunction(id);
}
