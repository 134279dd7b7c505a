/**
 * Reading an .xlsx workbook's template sheets as grids without building the xlsx library's
 * workbook model: the file is streamed once, only the sheets asked for are parsed, and each
 * cell goes straight into the grid. A command that only reads (validate, status, verify,
 * summary without --write) then holds the grids and nothing else: on a workbook of 2.6M
 * cells that is a few hundred MB instead of well over a GB, and a third of the time.
 *
 * Each cell is parsed by the xlsx library's own cell parser (shared strings, styles and the
 * 1904 flag by its own parsers too) and turned into a plain value by the same `plainValue`
 * the full reader uses, so both readers give the same grid. What only the full model resolves
 * (merged cells, hyperlinks, sheets whose part is not `sheetN.xml`, an unnamed sheet, a cell
 * without an address) makes `readXlsxStreaming` answer `undefined`, and the caller reads the
 * file with the full reader instead.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue, Grid, Grids, Host, WritePlan } from "@baton/core";
import { plainValue, STATE_SHEET, XlsxHost } from "./xlsx-host.ts";

const require = createRequire(import.meta.url);
/* The library's own parsers, the ones its full reader uses: no separate reading of cells. */
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform.js") as new () => XformLike & { model: CellModel };
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => XformLike & {
  parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
  getString(i: number): unknown;
  model: { values: unknown[] };
};
const parseSax = require("exceljs/lib/utils/parse-sax.js") as (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;
const colCache = require("exceljs/lib/utils/col-cache.js") as { decodeAddress(a: string): { row: number; col: number } };
const iterateStream = require("exceljs/lib/utils/iterate-stream.js") as (s: unknown) => AsyncIterable<unknown>;

interface XformLike {
  parseOpen(node: SaxNode): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  reconcile(model: unknown, options: unknown): void;
}
interface SaxNode {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
type SaxEvent = { eventType: "opentag"; value: SaxNode } | { eventType: "text"; value: string } | { eventType: "closetag"; value: SaxNode };
interface CellModel {
  address?: string;
  type?: number;
  value?: unknown;
  result?: unknown;
  styleId?: number;
}

/** exceljs' ValueType enum values the cell parser assigns. */
const TYPE = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

export interface StreamedWorkbook {
  /** Sheet names in workbook order, Baton's state sheet left out (as `XlsxHost.sheetNames`). */
  readonly sheetNames: string[];
  /** The sheets asked for that the workbook has. */
  readonly grids: Record<string, Grid>;
  /** The seal anchor kept in the state sheet, as `XlsxHost.readAnchor` gives it. */
  readonly anchor: string | null;
}

/** Marks a file the streaming reader leaves to the full reader. */
class NeedsFullReader extends Error {}

interface ReaderInternals {
  sharedStrings?: unknown;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean }; date1904?: boolean };
  styles?: unknown;
}

/** The library's streaming reader, with shared strings parsed by its full parser and each worksheet handed over unread. */
class SheetStreamReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => object) {
  sharedStringsXform?: InstanceType<typeof SharedStringsXform>;

  async *_parseSharedStrings(entry: unknown): AsyncGenerator<never> {
    const xform = new SharedStringsXform();
    await xform.parseStream(iterateStream(entry));
    this.sharedStringsXform = xform;
    (this as ReaderInternals).sharedStrings = xform.model.values;
  }

  *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: { sheetNo: string; iterator: AsyncIterable<unknown> } }> {
    yield { eventType: "worksheet", value: { sheetNo, iterator } };
  }
}

/**
 * The named sheets of an .xlsx file as grids (the state sheet's anchor too), or `undefined`
 * when the file holds something only the full reader resolves.
 */
export async function readXlsxStreaming(source: string | Uint8Array, wanted: (name: string) => boolean): Promise<StreamedWorkbook | undefined> {
  const input = typeof source === "string" ? source : Readable.from([Buffer.from(source)]);
  const reader = new SheetStreamReader(input as string, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const internals = reader as ReaderInternals;
  const grids: Record<string, Grid> = {};
  const seen = new Set<string>();
  let anchor: string | null = null;
  try {
    for await (const ws of reader as unknown as AsyncIterable<{ sheetNo: string; iterator: AsyncIterable<unknown> }>) {
      const name = sheetName(internals, ws.sheetNo);
      if (name === undefined) throw new NeedsFullReader();
      seen.add(name);
      if (name === STATE_SHEET) {
        const v = (await sheetGrid(internals, reader.sharedStringsXform, ws.iterator))[0]?.[1];
        anchor = typeof v === "string" && v ? v : null;
      } else if (wanted(name)) grids[name] = await sheetGrid(internals, reader.sharedStringsXform, ws.iterator);
    }
  } catch (e) {
    if (e instanceof NeedsFullReader) return undefined;
    throw e;
  }
  const sheets = internals.model?.sheets ?? [];
  // A sheet whose part the streaming reader did not recognise was never seen: leave the file to the full reader.
  if (sheets.some((s) => !seen.has(s.name))) return undefined;
  return { sheetNames: sheets.map((s) => s.name).filter((n) => n !== STATE_SHEET), grids, anchor };
}

function sheetName(r: ReaderInternals, sheetNo: string): string | undefined {
  const target = `worksheets/sheet${sheetNo}.xml`;
  const rel = (r.workbookRels ?? []).find((x) => x.Target.replace(/^\/?xl\//, "") === target);
  return rel && r.model?.sheets?.find((s) => s.rId === rel.Id)?.name;
}

/** One worksheet's cells, through the library's cell parser, into a grid as `worksheetGrid` builds it. */
async function sheetGrid(r: ReaderInternals, strings: InstanceType<typeof SharedStringsXform> | undefined, iterator: AsyncIterable<unknown>): Promise<Grid> {
  const date1904 = Boolean(r.properties?.model?.date1904 ?? r.properties?.date1904);
  const options = { styles: r.styles, sharedStrings: strings, date1904, formulae: {}, hyperlinkMap: {} };
  const cell = new CellXform();
  const rows: CellValue[][] = [];
  let inData = false;
  let inCell = false;
  let row: CellValue[] | undefined;
  let rowNumber = 0;
  for await (const events of parseSax(iterator)) {
    for (const e of events) {
      if (inCell) {
        if (e.eventType === "opentag") cell.parseOpen(e.value);
        else if (e.eventType === "text") cell.parseText(e.value);
        else if (!cell.parseClose(e.value.name)) {
          inCell = false;
          const model = cell.model;
          cell.reconcile(model, options);
          if (model.type === TYPE.Null) continue;
          if (model.type === TYPE.Merge || model.address === undefined) throw new NeedsFullReader();
          const { col } = colCache.decodeAddress(model.address);
          row ??= [];
          while (row.length < col - 1) row.push(undefined);
          row[col - 1] = plainValue(cellValueOf(model), date1904);
        }
        continue;
      }
      if (e.eventType === "opentag") {
        const name = e.value.name;
        if (name === "sheetData") inData = true;
        else if (inData && name === "row") {
          rowNumber = e.value.attributes.r ? Number(e.value.attributes.r) : rowNumber + 1;
          row = undefined;
        } else if (inData && name === "c") {
          if (!e.value.attributes.r) throw new NeedsFullReader();
          inCell = true;
          cell.parseOpen(e.value);
        } else if (name === "mergeCell" || name === "hyperlink") throw new NeedsFullReader();
      } else if (e.eventType === "closetag") {
        const name = e.value.name;
        if (name === "sheetData") inData = false;
        else if (inData && name === "row" && row) {
          // Holes stay holes, as the full reader's row values leave them.
          while (rows.length < rowNumber - 1) rows.push([]);
          rows[rowNumber - 1] = fillHoles(row);
          row = undefined;
        }
      }
    }
  }
  return rows;
}

/** `row.values` of the full reader has empty slots where a row has no cell; `worksheetGrid` maps them to null. */
function fillHoles(row: CellValue[]): CellValue[] {
  for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
  return row;
}

/** The cell's value as the full reader's `Cell` gives it, from the parsed model. */
function cellValueOf(model: CellModel): ExcelJS.CellValue {
  switch (model.type) {
    case TYPE.Formula:
      return { formula: "", result: model.result } as unknown as ExcelJS.CellValue;
    case TYPE.RichText:
    case TYPE.String:
    case TYPE.Number:
    case TYPE.Date:
    case TYPE.Boolean:
    case TYPE.Error:
      return model.value as ExcelJS.CellValue;
    default:
      throw new NeedsFullReader();
  }
}

/**
 * A `Host` over an .xlsx file that reads through the streaming reader and loads the full
 * workbook model only when something must be written (or a sheet that was not streamed is
 * asked for). A read-only command never pays for the model; a command that writes gets the
 * same `XlsxHost` it always had.
 */
export class StreamedXlsxHost implements Host {
  readonly calls = { reads: 0, applies: 0 };
  private full: XlsxHost | undefined;

  private constructor(
    private readonly source: string | Uint8Array,
    private readonly streamed: StreamedWorkbook,
  ) {}

  /** Streams the sheets `wanted` picks; falls back to the full reader for what only it resolves. */
  static async open(source: string | Uint8Array, wanted: (name: string) => boolean = () => true): Promise<StreamedXlsxHost | XlsxHost> {
    const streamed = await readXlsxStreaming(source, wanted);
    if (streamed) return new StreamedXlsxHost(source, streamed);
    return typeof source === "string" ? XlsxHost.open(source) : XlsxHost.fromBuffer(source);
  }

  /** The full workbook model, loaded once, from the same bytes. */
  async loaded(): Promise<XlsxHost> {
    this.full ??= typeof this.source === "string" ? await XlsxHost.open(this.source) : await XlsxHost.fromBuffer(this.source);
    return this.full;
  }

  async sheetNames(): Promise<string[]> {
    return this.full ? this.full.sheetNames() : [...this.streamed.sheetNames];
  }

  async readSheets(names: readonly string[]): Promise<Grids> {
    this.calls.reads++;
    const unstreamed = names.some((n) => !this.streamed.grids[n] && this.streamed.sheetNames.includes(n));
    if (this.full || unstreamed) return (await this.loaded()).readSheets(names);
    const out: Record<string, Grid> = {};
    for (const n of names) {
      const g = this.streamed.grids[n];
      if (g) out[n] = g;
    }
    return out;
  }

  async readAnchor(): Promise<string | null> {
    return this.full ? this.full.readAnchor() : this.streamed.anchor;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.calls.applies++;
    await (await this.loaded()).apply(plan);
  }

  async save(file: string): Promise<void> {
    await (await this.loaded()).save(file);
  }
}
