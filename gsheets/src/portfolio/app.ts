/// <reference types="google-apps-script" />
/**
 * Everything the global functions of the portfolio add-on's `main.ts` call, bundled as one
 * object, `BatonPortfolio`. The portfolio add-on is its own Apps Script project: it reads other
 * spreadsheets, which needs the full spreadsheets scope that the team add-on never asks for.
 */
import type { ActionOutcome } from "@baton/core";
import { appsScriptServices, type Services } from "../services.ts";
import { errorText } from "../words.ts";
import { refreshPortfolio, setUpPortfolio } from "./refresh.ts";

const TITLE = "Baton Portfolio";

export const MENU = [
  { caption: "Set up the Portfolio sheet", functionName: "batonPortfolioSetUp" },
  { caption: "Refresh the portfolio summary", functionName: "batonPortfolioRefresh" },
] as const;

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(TITLE);
  for (const item of MENU) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

export function setUp(): void {
  run("set up the Portfolio sheet", setUpPortfolio);
}

export function refresh(): void {
  run("refresh the portfolio summary", refreshPortfolio);
}

/** Runs a menu item; tells the user what happened in a toast, or in an alert when it failed. */
function run(verb: string, action: (s: Services) => ActionOutcome): void {
  const s = appsScriptServices();
  const ui = s.app.getUi();
  try {
    const outcome = action(s);
    if (outcome.select)
      s.spreadsheet.getSheetByName(outcome.select.sheet)?.getRange(outcome.select.cell).activate();
    if (outcome.ok) s.spreadsheet.toast(outcome.message, TITLE, 8);
    else ui.alert(TITLE, outcome.message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(TITLE, `Baton could not ${verb}: ${errorText(e)}`, ui.ButtonSet.OK);
  }
}
