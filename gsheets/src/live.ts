/// <reference types="google-apps-script" />
/**
 * Live validation: the `onEdit` simple trigger checks the check-in rows just typed or pasted
 * and marks their cells. A simple trigger runs as the editing user for at most 30 seconds and
 * may not use services that need authorisation, so this uses only the bound spreadsheet: five
 * reads (Settings, Initiatives, KPIs, Hand-offs, Check-ins), two reads and two writes on the
 * edited rows. Hand-offs are read so that a Green row late with one is told as it is typed.
 */
import { SHEET, checkinEditIssues, findSheet, liveContext, readWorkbook } from "@baton/core";
import { SheetsHost } from "./host.ts";
import { markBlock } from "./marks.ts";
import { readTemplate } from "./workbook.ts";

/** Rows of one paste that are checked; a larger paste is checked by Validate. */
export const MAX_LIVE_ROWS = 2000;

const NEEDED = [SHEET.settings, SHEET.initiatives, SHEET.kpis, SHEET.handoffs, SHEET.checkins];

/** Checks and marks the Check-ins rows of an edited range; any other edit is ignored. */
export function checkEditedRange(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  const sheet = range.getSheet();
  if (!findSheet([sheet.getName()], SHEET.checkins)) return;
  const top = Math.max(2, range.getRow());
  const bottom = Math.min(range.getLastRow(), top + MAX_LIVE_ROWS - 1);
  if (bottom < top) return;

  const host = new SheetsHost(spreadsheet);
  const { grids } = readTemplate(host, NEEDED);
  const { workbook } = readWorkbook(grids);
  const layout = workbook.layout.checkins;
  const grid = layout ? grids[layout.name] : undefined;
  if (!layout || !grid || layout.headerWidth < 1) return;

  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) rows.push(r);
  const issues = checkinEditIssues(liveContext(workbook, { now: new Date() }), grid, rows);

  const block = sheet.getRange(top, 1, bottom - top + 1, layout.headerWidth);
  const marks = markBlock(top, block.getNotes(), block.getBackgrounds(), issues);
  if (!marks.changed) return;
  block.setNotes(marks.notes);
  block.setBackgrounds(marks.backgrounds);
}
