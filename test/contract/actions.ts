/// <reference types="office-js" />
/**
 * Every host's own glue for running an action: what the Excel pane and ribbon call, what the
 * Sheets menu and sidebar call, and what the command line and the preview call over the
 * `Host` port. The contract suite runs each action through these and compares what the user
 * is told and the workbook it leaves.
 */
import {
  MemoryHost,
  perform,
  templateSheetsIn,
  type ActionOutcome,
  type Grids,
  type Host,
  type MigrationSource,
  type PaneAction,
} from "@baton/core";
import { excelBackend } from "../../excel-addin/src/backend.ts";
import { ExcelHost } from "../../excel-addin/src/host.ts";
import * as sheetsPane from "../../gsheets/src/pane.ts";
import type { Services } from "../../gsheets/src/services.ts";
import { asyncHost } from "../../gsheets/src/host.ts";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { worksheetSource } from "../../cli/src/files/migration-source.ts";
import { decide } from "../../cli/src/act.ts";
import { fakeExcelOf, fakeSheetsOf, xlsxBytes, type Merges } from "../../fakes/hosts.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";

export type { Merges };

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
  async create(grids, merges) {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(grids, merges));
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
  async create(grids, merges) {
    const excel = fakeExcelOf(grids, merges);
    const backend = excelBackend({
      run: (batch) => excel.run((ctx) => batch(ctx as unknown as Excel.RequestContext)),
      now: () => NOW,
      timeZone: () => ZONE,
    });
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
  async create(grids, merges) {
    const { book, gas } = fakeSheetsOf(grids, { owner: "lead@example.com", zone: ZONE }, merges);
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
