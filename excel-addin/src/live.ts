/// <reference types="office-js" />
/**
 * Live validation: after a user edits Check-ins, the edited rows are checked and their issues
 * marked on the cells. Baton's own writes (`triggerSource` "ThisLocalAddin") are ignored, so
 * writing statuses or seals never sets it off. Edits are handled one after another, in order.
 *
 * Excel does not save event handlers with the file: the task pane registers this each time it
 * starts (with the shared runtime, it then lasts while the workbook is open).
 */
import {
  checkinEditIssues,
  findSheet,
  liveContext,
  issueJson,
  readWorkbook,
  SHEET,
  type PaneIssue,
} from "@baton/core";
import { loadMarks, queueMarks, rowsOf } from "./marks.ts";
import { readTemplate, withHost, type RunExcel } from "./session.ts";

export interface LiveValidationOptions {
  readonly run: RunExcel;
  /** After each checked edit: the issues of the edited rows (empty when they are fine). */
  readonly onChecked: (issues: readonly PaneIssue[], rows: readonly number[]) => void;
  readonly onError: (error: unknown) => void;
}

export interface LiveValidation {
  readonly sheet: string;
  /** Resolves when every edit seen so far has been checked. */
  idle(): Promise<void>;
}

/** Starts watching Check-ins; null when the workbook has no Check-ins sheet yet. */
export async function startLiveValidation(
  options: LiveValidationOptions,
): Promise<LiveValidation | null> {
  const { run } = options;
  let queue: Promise<void> = Promise.resolve();

  const check = (rowsOrAll: number[] | "all", sheet: string) =>
    withHost(run, async (host) => {
      const marks = loadMarks(host.context, sheet);
      // The marks' load travels with the read.
      const { grids } = await readTemplate(host);
      const grid = grids[sheet] ?? [];
      const rows =
        rowsOrAll === "all"
          ? Array.from({ length: Math.max(0, grid.length - 1) }, (_, i) => i + 2)
          : rowsOrAll.filter((r) => r >= 2);
      // The moment of the edit: a Green row is judged against the data as of today.
      const context = liveContext(readWorkbook(grids).workbook, { now: new Date() });
      const issues = checkinEditIssues(context, grid, rows);
      queueMarks(
        host.context,
        sheet,
        marks,
        rowsOrAll === "all" ? "all" : new Set(rows),
        issues.map((i) => i.cell),
      );
      await host.sync();
      options.onChecked(issues.map(issueJson), rows);
    });

  const registration = await withHost(run, async (host) => {
    const sheet = findSheet(await host.sheetNames(), SHEET.checkins);
    if (!sheet) return null;
    const handler = async (args: Excel.WorksheetChangedEventArgs) => {
      if (args.triggerSource === "ThisLocalAddin") return;
      const rows =
        args.changeType && args.changeType !== "RangeEdited" ? "all" : rowsOf(args.address);
      queue = queue.then(() => check(rows, sheet)).catch(options.onError);
      await queue;
    };
    host.context.workbook.worksheets.getItem(sheet).onChanged.add(handler);
    await host.sync();
    return sheet;
  });
  if (!registration) return null;
  return { sheet: registration, idle: () => queue };
}
