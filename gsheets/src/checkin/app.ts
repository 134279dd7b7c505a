/// <reference types="google-apps-script" />
/**
 * "Baton Check-in": the web app that serves the check-in form, as its own Apps Script project.
 * A web app cannot reach its bound spreadsheet (`getActiveSpreadsheet` is not available there)
 * and `spreadsheets.currentonly` refuses `openById`, so opening the team's spreadsheet needs
 * the full spreadsheets scope, which the team add-on never asks for. The person who deploys it
 * grants that scope once, names the spreadsheet in the project's Script Properties
 * (`BATON_SPREADSHEET_ID`), and it runs as them for whoever follows a link.
 */
import { answerPage, formPage, type WebEvent } from "../form.ts";
import type { Services } from "../services.ts";

export const SPREADSHEET_ID_PROPERTY = "BATON_SPREADSHEET_ID";

function services(): Services {
  const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID_PROPERTY);
  if (!id)
    throw new Error(
      `the form does not know which spreadsheet to answer in: set the Script Property ${SPREADSHEET_ID_PROPERTY} to the spreadsheet's ID`,
    );
  return {
    spreadsheet: SpreadsheetApp.openById(id),
    app: SpreadsheetApp,
    documentProperties: () => PropertiesService.getScriptProperties(),
    // A project of its own has no document lock; its script lock serialises the answers, and
    // an answer for a period already in the sheet is refused whatever else runs (checkin-answer.ts).
    locks: {
      getDocumentLock: () => LockService.getScriptLock(),
    } as GoogleAppsScript.Lock.LockService,
    html: HtmlService,
    now: () => new Date(),
    script: () => ScriptApp,
    signedIn: () => Session.getActiveUser().getEmail(),
  };
}

export function page(e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  return withServices(e, formPage);
}

export function answer(e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  return withServices(e, answerPage);
}

function withServices(
  e: WebEvent,
  fn: (s: Services, e: WebEvent) => GoogleAppsScript.HTML.HtmlOutput,
): GoogleAppsScript.HTML.HtmlOutput {
  let s: Services;
  try {
    s = services();
  } catch (err) {
    return HtmlService.createHtmlOutput(
      `<p>Baton could not open the check-in: ${String(err instanceof Error ? err.message : err).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    ).setTitle("Baton check-in");
  }
  return fn(s, e);
}
