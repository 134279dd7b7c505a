/// <reference types="office-js" />
/**
 * Every host over a workbook holding given grids: in memory, an .xlsx file (read whole, or
 * streamed and patched), Excel over its fake request context, Google Sheets over its fake
 * SpreadsheetApp. The contract suite runs its scenarios on each, and the benchmark counts the
 * service hosts' round trips on the same ones. A new host joins both by adding a factory here.
 */
import type { CellValue, Grids, Host, PlanValue, Rect } from "@baton/core";
import { MemoryHost, a1, a1Range } from "@baton/core";
import { XlsxHost } from "../cli/src/files/xlsx-host.ts";
import { StreamedXlsxHost } from "../cli/src/files/xlsx-stream.ts";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncHost } from "../gsheets/src/host.ts";
import { sheetsHost } from "./sheets/host.ts";
import { FakeBook, type BookOptions } from "./sheets/spreadsheet.ts";
import { appsScript } from "./sheets/services.ts";
import { ExcelHost } from "../excel-addin/src/host.ts";
import { FakeExcel } from "./excel/excel.ts";

/** Merged ranges by sheet name (1-based), each with its value in its top-left cell. */
export type Merges = Readonly<Record<string, readonly Rect[]>>;

/** A real .xlsx file's bytes holding the grids and merged ranges, written by the xlsx library. */
export async function xlsxBytes(grids: Grids, merges: Merges = {}): Promise<Uint8Array> {
  const seed = XlsxHost.empty();
  for (const [name, grid] of Object.entries(grids)) {
    if (!grid) continue;
    const ws = seed.workbook.addWorksheet(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
      }),
    );
    for (const m of merges[name] ?? []) ws.mergeCells(a1Range(m.row, m.column, m.rows, m.columns));
  }
  return new Uint8Array((await seed.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A fake Excel holding the grids, with the ranges merged as a user merges them. */
export function fakeExcelOf(grids: Grids, merges: Merges = {}): FakeExcel {
  const excel = FakeExcel.fromGrids(grids);
  for (const [sheet, rects] of Object.entries(merges))
    for (const m of rects) excel.merge(sheet, a1Range(m.row, m.column, m.rows, m.columns));
  return excel;
}

/** A fake spreadsheet holding the grids and merged ranges, with its Apps Script services. */
export function fakeSheetsOf(grids: Grids, options: BookOptions, merges: Merges = {}) {
  const book = FakeBook.fromGrids(grids, options);
  for (const [sheet, rects] of Object.entries(merges)) book.sheet(sheet).merges = [...rects];
  return { book, gas: appsScript(book) };
}

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

export const xlsxFileHost: HostFactory = {
  name: ".xlsx file",
  async create(grids) {
    // Round-trip through bytes, so the host under test reads a real file.
    const bytes = await xlsxBytes(grids);
    const host = await XlsxHost.fromBuffer(bytes);
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
    const { book, gas } = fakeSheetsOf(grids, {
      owner: "lead@example.com",
      collaborators: [TEAM_MEMBER],
    });
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
    const excel = fakeExcelOf(grids);
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
