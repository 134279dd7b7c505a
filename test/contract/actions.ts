/// <reference types="office-js" />
/**
 * Every host's own glue for running an action: what the Excel pane and ribbon call, what the
 * Sheets menu and sidebar call, and what the command line and the preview call over the
 * `Host` port. The contract suite runs each action through these and compares what the user
 * is told and the workbook it leaves.
 */
import {
  a1Range,
  perform,
  templateSheetsIn,
  type ActionOutcome,
  type Grids,
  type Host,
  type MigrationSource,
  type PaneAction,
  type Rect,
} from "@baton/core";
import { excelBackend } from "../../excel-addin/src/backend.ts";
import { FakeExcel } from "../excel/fake/excel.ts";
import * as sheetsPane from "../../gsheets/src/pane.ts";
import type { Services } from "../../gsheets/src/services.ts";
import { FakeBook } from "../gsheets/fakes/spreadsheet.ts";
import { appsScript } from "../gsheets/fakes/services.ts";
import { sheetsHost } from "../gsheets/support/host.ts";
import { asyncHost } from "../../gsheets/src/host.ts";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { worksheetSource } from "../../cli/src/files/migration-source.ts";
import { decide } from "../../cli/src/act.ts";
import { MemoryHost } from "@baton/core";

export const NOW = new Date("2026-11-26T10:00:00Z");
export const ZONE = "Europe/Berlin";

export interface Act {
  /** The action's id; `arg` is the period to close or the sheet to migrate; migrations are answered yes. */
  run(action: PaneAction, arg?: string): Promise<ActionOutcome>;
  /** The workbook as it is now, through the host's port. */
  readonly host: Host;
  /** How the host names the document in its messages. */
  readonly place: string;
}

/** Merged ranges by sheet name (1-based), each with its value in its top-left cell. */
export type Merges = Readonly<Record<string, readonly Rect[]>>;

export interface ActingHost {
  readonly name: string;
  create(grids: Grids, merges?: Merges): Promise<Act>;
}

type SourceReader = (sheet: string) => Promise<MigrationSource>;

/** The port's own glue (the command line's, the preview's): read, decide, apply. */
function overPort(host: Host, place: string, readSource: SourceReader): Act {
  return {
    host,
    place,
    async run(action, arg) {
      const source = action === "migrate" && arg ? { source: await readSource(arg) } : {};
      const answer = action === "migrate" ? "yes" : arg;
      const { outcome } = await perform(host, action, {
        now: NOW,
        place,
        timeZone: ZONE,
        ...(answer !== undefined ? { answer } : {}),
        ...source,
      });
      return outcome;
    },
  };
}

export const memoryActs: ActingHost = {
  name: "in-memory",
  async create(grids, merges = {}) {
    const host = new MemoryHost(grids);
    return overPort(host, "this workbook", async (sheet) => ({
      sheet,
      grid: (await host.readSheets([sheet]))[sheet] ?? [],
      merges: merges[sheet] ?? [],
    }));
  },
};

export const xlsxActs: ActingHost = {
  name: ".xlsx file (the command line's glue)",
  async create(grids, merges = {}) {
    const seed = XlsxHost.empty();
    for (const [name, grid] of Object.entries(grids)) {
      if (!grid) continue;
      const ws = seed.workbook.addWorksheet(name);
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
        }),
      );
      for (const m of merges[name] ?? [])
        ws.mergeCells(a1Range(m.row, m.column, m.rows, m.columns));
    }
    const host = await XlsxHost.fromBuffer((await seed.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    // A sheet of a workbook, read as `baton migrate --sheet` reads it: merged ranges included.
    const port = overPort(host, "this workbook", async (sheet) =>
      worksheetSource(host.workbook.getWorksheet(sheet)!),
    );
    return {
      ...port,
      async run(action, arg) {
        // The command line migrates into a new file (baton migrate); in a workbook, as the port does.
        if (action === "migrate") return port.run(action, arg);
        // As a command opens the file: the template sheets it has, then the action decided over them.
        const names = await host.sheetNames();
        const opened = {
          file: "this workbook",
          format: "xlsx" as const,
          host,
          grids: await host.readSheets(templateSheetsIn(names)),
        };
        const { plan, outcome } = await decide(opened, action, {
          now: NOW,
          timeZone: ZONE,
          ...(arg !== undefined ? { answer: arg } : {}),
        });
        if (plan.ops.length) await host.apply(plan);
        return outcome;
      },
    };
  },
};

export const excelActs: ActingHost = {
  name: "Excel (pane backend over a fake Excel)",
  async create(grids, merges = {}) {
    const excel = FakeExcel.fromGrids(grids);
    for (const [sheet, rects] of Object.entries(merges))
      for (const m of rects) excel.merge(sheet, a1Range(m.row, m.column, m.rows, m.columns));
    const backend = excelBackend({
      run: (batch) => excel.run((ctx) => batch(ctx as unknown as Excel.RequestContext)),
      now: () => NOW,
      timeZone: () => ZONE,
    });
    const { ExcelHost } = await import("../../excel-addin/src/host.ts");
    return {
      host: new ExcelHost(excel.context() as unknown as Excel.RequestContext),
      place: "this workbook",
      async run(action, arg) {
        if (action === "migrate" && arg) excel.state.active = excel.sheet(arg);
        return backend.run(action, action === "migrate" ? undefined : arg);
      },
    };
  },
};

export const sheetsActs: ActingHost = {
  name: "Google Sheets (sidebar's server functions over a fake SpreadsheetApp)",
  async create(grids, merges = {}) {
    const book = FakeBook.fromGrids(grids, { owner: "lead@example.com", zone: ZONE });
    for (const [sheet, rects] of Object.entries(merges)) book.sheet(sheet).merges = [...rects];
    const gas = appsScript(book);
    const g = gas.globals as Record<string, unknown>;
    const services = {
      spreadsheet: book,
      app: g.SpreadsheetApp,
      documentProperties: () => gas.documentProperties,
      locks: g.LockService,
      html: g.HtmlService,
      now: () => NOW,
    } as unknown as Services;
    return {
      host: asyncHost(sheetsHost(book, gas)),
      place: "this spreadsheet",
      async run(action, arg) {
        // The user answers the migration's review with Yes.
        if (action === "migrate") gas.ui.answers.push({ button: "YES" });
        return sheetsPane.run(services, action, arg);
      },
    };
  },
};

export const ACTING_HOSTS: readonly ActingHost[] = [memoryActs, xlsxActs, excelActs, sheetsActs];
