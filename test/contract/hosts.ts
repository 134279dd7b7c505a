/// <reference types="office-js" />
/**
 * The hosts the contract suite runs against. Each factory opens a workbook holding the given
 * grids and says how to count its round trips. A new host joins the suite by adding a factory
 * here; every scenario in `contract.test.ts` then runs on it unchanged.
 */
import type { CellValue, Grids, Host, PlanValue } from "@baton/core";
import { MemoryHost, a1 } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { StreamedXlsxHost } from "../../cli/src/files/xlsx-stream.ts";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncHost } from "../../gsheets/src/host.ts";
import { sheetsHost } from "../gsheets/support/host.ts";
import { FakeBook } from "../gsheets/fakes/spreadsheet.ts";
import { appsScript } from "../gsheets/fakes/services.ts";
import { ExcelHost } from "../../excel-addin/src/host.ts";
import { FakeExcel } from "../excel/fake/excel.ts";

export interface HostUnderTest {
  readonly host: Host;
  /** Host round trips so far (reads, syncs, getValues/setValues calls: whatever the host counts). */
  roundTrips(): number;
  /** Edits one cell as a user would; throws when the host refuses (a locked cell). */
  userEdit(sheet: string, row: number, column: number, value: CellValue): Promise<void>;
  /** The value a user sees in a cell after reopening the document (1-based). */
  reopenedValue(sheet: string, row: number, column: number): Promise<CellValue>;
}

export interface HostFactory {
  readonly name: string;
  create(grids: Grids): Promise<HostUnderTest>;
}

export const memoryHost: HostFactory = {
  name: "in-memory",
  async create(grids) {
    const host = new MemoryHost(grids);
    return {
      host,
      roundTrips: () => host.calls.reads + host.calls.applies,
      async userEdit(sheet, row, column, value) {
        host.edit(sheet, row, column, value);
      },
      async reopenedValue(sheet, row, column) {
        return host.grid(sheet)[row - 1]?.[column - 1] ?? null;
      },
    };
  },
};

/** A real .xlsx file's bytes holding the grids, written by the xlsx library. */
async function xlsxBytes(grids: Grids): Promise<Uint8Array> {
  const seed = XlsxHost.empty();
  for (const [name, grid] of Object.entries(grids)) {
    if (!grid) continue;
    const ws = seed.workbook.addWorksheet(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
      }),
    );
  }
  return new Uint8Array((await seed.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export const xlsxFileHost: HostFactory = {
  name: ".xlsx file",
  async create(grids) {
    const seed = XlsxHost.empty();
    for (const [name, grid] of Object.entries(grids)) {
      if (!grid) continue;
      const ws = seed.workbook.addWorksheet(name);
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
        }),
      );
    }
    // Round-trip through bytes, so the host under test reads a real file.
    const bytes = await seed.workbook.xlsx.writeBuffer();
    const host = await XlsxHost.fromBuffer(bytes as ArrayBuffer);
    return {
      host,
      roundTrips: () => host.calls.reads + host.calls.applies,
      async userEdit(sheet, row, column, value) {
        const ws = host.workbook.getWorksheet(sheet)!;
        const cell = ws.getCell(row, column);
        const sheetProtected = Boolean(
          (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
        );
        if (sheetProtected && cell.protection?.locked !== false)
          throw new Error(`${sheet} R${row}C${column} is locked`);
        cell.value = value as never;
      },
      async reopenedValue(sheet, row, column) {
        const reopened = await XlsxHost.fromBuffer(
          (await host.workbook.xlsx.writeBuffer()) as ArrayBuffer,
        );
        const grids = await reopened.readSheets([sheet]);
        return grids[sheet]?.[row - 1]?.[column - 1] ?? null;
      },
    };
  },
};

/** A team member who may edit the spreadsheet but is not its owner. */
const TEAM_MEMBER = "rae@example.com";

export const googleSheetsHost: HostFactory = {
  name: "Google Sheets (fake SpreadsheetApp)",
  async create(grids) {
    const book = FakeBook.fromGrids(grids, {
      owner: "lead@example.com",
      collaborators: [TEAM_MEMBER],
    });
    const gas = appsScript(book);
    const open = () => sheetsHost(book, gas);
    return {
      host: asyncHost(open()),
      // Every service call counts: each is a round trip to Google's servers.
      roundTrips: () => book.totalCalls(),
      async userEdit(sheet, row, column, value) {
        book
          .sheet(sheet)
          .userEdit(
            row,
            column,
            value === null || value === undefined ? "" : String(value),
            TEAM_MEMBER,
          );
      },
      async reopenedValue(sheet, row, column) {
        return open().readSheets([sheet])[sheet]?.[row - 1]?.[column - 1] ?? null;
      },
    };
  },
};

export const excelHost: HostFactory = {
  name: "Excel (Office.js over a fake request context)",
  async create(grids) {
    const excel = FakeExcel.fromGrids(grids);
    const host = new ExcelHost(excel.context() as unknown as Excel.RequestContext);
    return {
      host,
      // Counted by the fake Excel, not by the host: every context.sync() that reached it.
      roundTrips: () => excel.syncCount,
      async userEdit(sheet, row, column, value) {
        await excel.userEdit(
          sheet,
          a1(row, column),
          value instanceof Date ? value.toISOString() : (value ?? ""),
        );
      },
      async reopenedValue(sheet, row, column) {
        return excel.grid(sheet)[row - 1]?.[column - 1] ?? null;
      },
    };
  },
};

/** The .xlsx file read by streaming, as read-only commands open it; writes load the full model. */
export const xlsxStreamedHost: HostFactory = {
  name: ".xlsx file, streamed and patched",
  async create(grids) {
    const dir = mkdtempSync(join(tmpdir(), "baton-contract-"));
    const file = join(dir, "workbook.xlsx");
    writeFileSync(file, await xlsxBytes(grids));
    const host = await StreamedXlsxHost.open(file);
    if (!(host instanceof StreamedXlsxHost))
      throw new Error("a plain workbook should stream, not fall back to the full reader");
    return {
      host,
      roundTrips: () => host.calls.reads + host.calls.applies,
      // The user edits the file as saved, where its protection decides.
      async userEdit(sheet, row, column, value) {
        const saved = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
        await host.save(saved);
        if (await lockedInFile(saved, sheet, row, column))
          throw new Error(`${sheet} R${row}C${column} is locked`);
        await host.apply({
          ops: [{ op: "values", sheet, row, column, values: [[value as PlanValue]] }],
        });
      },
      async reopenedValue(sheet, row, column) {
        const saved = join(dir, `saved-${Math.random().toString(36).slice(2)}.xlsx`);
        await host.save(saved);
        const reopened = await StreamedXlsxHost.open(saved);
        const grids = await reopened.readSheets([sheet]);
        return grids[sheet]?.[row - 1]?.[column - 1] ?? null;
      },
    };
  },
};

/**
 * Whether a cell of an .xlsx file is locked against edits, by the file format's rules: the
 * sheet is protected and the cell's format (its own, else its row's, else its column's, else
 * the default) does not unlock it. The full reader cannot say it for a blank cell: it drops a
 * row format's lock as a default and gives the cell its column's.
 */
async function lockedInFile(file: string, sheet: string, row: number, column: number) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = (path: string) => zip.file(path)!.async("string");
  const book = await text("xl/workbook.xml");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const xml = await text("xl/" + target.replace(/^\/?xl\//, ""));
  if (!/<sheetProtection\b[^>]*\bsheet="(1|true)"/.test(xml)) return false;
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(await text("xl/styles.xml"))![1]!;
  const unlocked = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) =>
    /locked="(0|false)"/.test(m[1] ?? ""),
  );
  const num = (tag: string, name: string) => {
    const v = new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
    return v === undefined ? undefined : Number(v);
  };
  const rowXml = new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`).exec(xml);
  const cell = new RegExp(`<c\\b[^>]*\\br="${a1(row, column)}"[^>]*>`).exec(rowXml?.[1] ?? "");
  const rowTag = rowXml?.[0].slice(0, rowXml[0].indexOf(">"));
  const col = [...xml.matchAll(/<col\b[^>]*>/g)]
    .map((m) => m[0])
    .find((c) => num(c, "min")! <= column && column <= num(c, "max")!);
  const style =
    (cell ? (num(cell[0], "s") ?? 0) : undefined) ??
    (rowTag && /customFormat="(1|true)"/.test(rowTag) ? num(rowTag, "s") : undefined) ??
    (col ? num(col, "style") : undefined) ??
    0;
  return !unlocked[style];
}

/** Every host in the suite. */
export const HOSTS: readonly HostFactory[] = [
  memoryHost,
  xlsxFileHost,
  xlsxStreamedHost,
  excelHost,
  googleSheetsHost,
];
