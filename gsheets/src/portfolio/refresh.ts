/// <reference types="google-apps-script" />
/**
 * "Refresh the portfolio summary": each member spreadsheet listed on the Portfolio sheet is
 * opened and its template sheets read (a constant number of calls per member, whatever its
 * size), the core judges them as one graph (`runPortfolio`, as `baton portfolio` does), and
 * the portfolio summary sheets are written into this spreadsheet under its document lock.
 * Members are only read: their computed columns are theirs to refresh.
 */
import {
  ACTIONS,
  portfolioPlan,
  portfolioSheetName,
  runPortfolio,
  sheetsToRead,
  type ActionOutcome,
  type PortfolioFailure,
  type PortfolioRead,
} from "@baton/core";
import { withDocumentLock } from "../lock.ts";
import { hostOf, type Services } from "../services.ts";
import { errorText } from "../words.ts";
import { listedMembers, PORTFOLIO_HEADER, PORTFOLIO_SHEET } from "./members.ts";

/** Adds the Portfolio sheet with its header when it is missing; changes nothing else. */
export function setUpPortfolio(s: Services): ActionOutcome {
  return withDocumentLock(s, () => {
    if (s.spreadsheet.getSheetByName(PORTFOLIO_SHEET))
      return {
        ok: true,
        message: `The ${PORTFOLIO_SHEET} sheet is there: list one member spreadsheet per row (its URL or ID) in column A.`,
      };
    const sheet = s.spreadsheet.insertSheet(PORTFOLIO_SHEET);
    sheet.getRange(1, 1, 1, PORTFOLIO_HEADER.length).setValues([[...PORTFOLIO_HEADER]]);
    return {
      ok: true,
      message: `Added the ${PORTFOLIO_SHEET} sheet: list one member spreadsheet per row (its URL or ID) in column A, then refresh the portfolio summary.`,
      select: { sheet: PORTFOLIO_SHEET, cell: "A2" },
    };
  });
}

export function refreshPortfolio(s: Services): ActionOutcome {
  const list = s.spreadsheet.getSheetByName(PORTFOLIO_SHEET);
  if (!list)
    return {
      ok: false,
      message: `This spreadsheet has no ${PORTFOLIO_SHEET} sheet. Choose "Set up the Portfolio sheet" in the Baton Portfolio menu, then list the member spreadsheets in it.`,
    };
  const { members, unlistable } = listedMembers(list.getDataRange().getValues());
  if (!members.length && !unlistable.length)
    return {
      ok: false,
      message: `The ${PORTFOLIO_SHEET} sheet lists no spreadsheet. Put one member's URL or ID per row in column A, from ${PORTFOLIO_SHEET}!A2.`,
    };
  const failures: PortfolioFailure[] = unlistable.map((u) => ({
    file: u.cell,
    reason: `"${u.text}" is not a spreadsheet URL or ID`,
  }));
  const reads: PortfolioRead[] = [];
  for (const m of members) {
    const read = readMember(s, m.id);
    if (typeof read === "string") failures.push({ file: m.cell, reason: read });
    else reads.push(read);
  }
  const result = runPortfolio(
    reads,
    {
      now: s.now(),
      place: "this portfolio",
      timeZone: s.spreadsheet.getSpreadsheetTimeZone(),
    },
    failures,
  );
  const sheet = withDocumentLock(s, () => {
    const host = hostOf(s);
    host.apply(portfolioPlan(result.summary, host.sheetNames()));
    return portfolioSheetName(result.summary.period);
  });
  return { ...result.outcome, select: { sheet, cell: "A1" } };
}

/** One member's template sheets, named by its title; or why it could not be read. */
function readMember(s: Services, id: string): PortfolioRead | string {
  let book: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    book = s.app.openById(id);
  } catch (e) {
    return `cannot be opened (${errorText(e)}); check the link, and that the spreadsheet is shared with you`;
  }
  const host = hostOf(s, book);
  const sheetNames = host.sheetNames();
  const grids = host.readSheets(sheetsToRead(ACTIONS.refreshStatus.needs, sheetNames));
  return { file: book.getName(), read: { sheetNames, grids } };
}
