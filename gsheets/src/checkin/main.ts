/// <reference types="google-apps-script" />
/// <reference path="./globals.d.ts" />
/**
 * The top-level functions of the "Baton Check-in" web app, which Apps Script finds by name: a
 * plain script (no import, no export), copied below the bundle, each function one line into
 * `BatonCheckin`.
 */

/** The check-in form a request's link opens. */
function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return BatonCheckin.page(e);
}

/** The check-in form's answer. */
function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.HTML.HtmlOutput {
  return BatonCheckin.answer(e);
}
