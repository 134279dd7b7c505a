/// <reference types="google-apps-script" />
/// <reference path="./globals.d.ts" />
/**
 * The top-level functions of the "Baton Portfolio" add-on, which Apps Script finds by name: a
 * plain script (no import, no export), copied below the bundle, each function one line into
 * `BatonPortfolio`.
 */
/** Adds the Baton Portfolio menu when the spreadsheet opens. */
function onOpen(): void {
  BatonPortfolio.onOpen();
}

/** When installed as an add-on, the menu appears without reopening the spreadsheet. */
function onInstall(): void {
  BatonPortfolio.onOpen();
}

/** Adds the Portfolio sheet, where the member spreadsheets are listed. */
function batonPortfolioSetUp(): void {
  BatonPortfolio.setUp();
}

/** Reads every member spreadsheet and writes the portfolio summary sheets here. */
function batonPortfolioRefresh(): void {
  BatonPortfolio.refresh();
}
