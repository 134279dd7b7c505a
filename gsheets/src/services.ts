/// <reference types="google-apps-script" />
/**
 * The Apps Script services Baton uses, gathered in one place so every action receives them as
 * a value (and the only reads of Apps Script globals are here).
 */
import { SheetsHost } from "./host.ts";

export interface Services {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly documentProperties: () => GoogleAppsScript.Properties.Properties;
  /** The user's own properties: where a closer's signing key is kept (keys.ts). */
  readonly userProperties?: () => GoogleAppsScript.Properties.Properties;
  readonly locks: GoogleAppsScript.Lock.LockService;
  readonly html: GoogleAppsScript.HTML.HtmlService;
  readonly now: () => Date;
  /**
   * The signed-in user's email address ("" where Google does not say), so a gate decision is
   * recorded in their name without typing it, and a check-in answer is refused to anyone but
   * the person its link was sent to.
   */
  readonly signedIn?: () => string;
  /** Triggers, the web app's address and granular consent (alerts only). */
  readonly script?: () => GoogleAppsScript.Script.ScriptApp;
  /** Mail within the daily quota (alerts only). */
  readonly mail?: () => GoogleAppsScript.Mail.MailApp;
  /** A random UUID (version 4): the randomness of an answer link's token. */
  readonly uuid?: () => string;
}

/** The services of the spreadsheet this script is bound to. */
export function appsScriptServices(): Services {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    app: SpreadsheetApp,
    documentProperties: () => PropertiesService.getDocumentProperties(),
    userProperties: () => PropertiesService.getUserProperties(),
    locks: LockService,
    html: HtmlService,
    now: () => new Date(),
    signedIn: () => Session.getActiveUser().getEmail(),
    // Functions, so the mail and trigger scopes are touched only by alerts.
    script: () => ScriptApp,
    mail: () => MailApp,
    uuid: () => Utilities.getUuid(),
  };
}

/** The signed-in user's address, or nothing where it cannot be known. */
export function signedInOf(s: Services): { signedIn?: string } {
  let email = "";
  try {
    email = s.signedIn?.() ?? "";
  } catch {
    // Without the user's consent to share their address, they type their name.
  }
  return email ? { signedIn: email } : {};
}

/** The Sheets host over the bound spreadsheet, or over another one the script opened. */
export function hostOf(
  s: Services,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = s.spreadsheet,
): SheetsHost {
  return new SheetsHost(spreadsheet, {
    documentProperties: s.documentProperties,
    newDataValidation: () => s.app.newDataValidation(),
  });
}
