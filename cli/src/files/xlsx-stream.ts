/**
 * Reading an .xlsx workbook's template sheets as grids without building the xlsx library's
 * workbook model: the zip's directory is read, then only the parts needed (workbook, shared
 * strings, styles and the sheets asked for) are inflated as streams, and each cell goes
 * straight into the grid. A command then holds the grids and nothing else: on a workbook of
 * 2.6M cells that is a few hundred MB instead of well over a GB, in a third of the time.
 *
 * Each cell is parsed by the xlsx library's own cell parser (shared strings, styles and the
 * 1904 flag by its own parsers too) and turned into a plain value by the same `plainValue`
 * the full reader uses, so both readers give the same grid. What only the full model resolves
 * (merged cells, hyperlinks, a sheet whose part is not `sheetN.xml`, a cell without an
 * address, a string the string table lacks) makes `readXlsxStreaming` answer `undefined`,
 * and the caller reads the file with the full reader instead.
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, Grid, Grids, Host, WritePlan } from "@baton/core";
import { plainValue, STATE_SHEET, XlsxHost } from "./xlsx-host.ts";
import { emptyPatch, isEmptyPatch, patchOf, writePatched } from "./xlsx-patch.ts";
import { replaceFile } from "./atomic.ts";

const require = createRequire(import.meta.url);
/* The library's own parsers, the ones its full reader uses: no separate reading of cells. */
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform.js") as new () => XformLike & {
  model: CellModel;
};
const SharedStringsXform =
  require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => XformLike & {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getString(i: number): unknown;
    model: { values: unknown[] };
  };
const parseSax = require("exceljs/lib/utils/parse-sax.js") as (
  iterable: AsyncIterable<unknown>,
) => AsyncIterable<SaxEvent[]>;
const colCache = require("exceljs/lib/utils/col-cache.js") as {
  decodeAddress(a: string): { row: number; col: number };
};

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
type SaxEvent =
  | { eventType: "opentag"; value: SaxNode }
  | { eventType: "text"; value: string }
  | { eventType: "closetag"; value: SaxNode };
interface CellModel {
  address?: string;
  type?: number;
  value?: unknown;
  result?: unknown;
  styleId?: number;
}

/** exceljs' ValueType enum values the cell parser assigns. */
const TYPE = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

export interface StreamedWorkbook {
  /** Sheet names in workbook order, Baton's state sheet left out (as `XlsxHost.sheetNames`). */
  readonly sheetNames: string[];
  /** The sheets asked for that the workbook has. */
  readonly grids: Record<string, Grid>;
  /** The seal anchor kept in the state sheet, as `XlsxHost.readAnchor` gives it. */
  anchor: string | null;
}

/** Marks a file the streaming reader leaves to the full reader. */
class NeedsFullReader extends Error {}

interface Rel {
  readonly Id: string;
  readonly Target: string;
}
interface SheetEntry {
  readonly name: string;
  readonly rId: string;
}
interface ZipDirectory {
  files: { path: string; type: string; stream(): NodeJS.ReadableStream }[];
}
const unzipper = require("unzipper") as {
  Open: { file(path: string): Promise<ZipDirectory>; buffer(b: Buffer): Promise<ZipDirectory> };
};
const RelationshipsXform =
  require("exceljs/lib/xlsx/xform/core/relationships-xform.js") as new () => {
    parseStream(s: unknown): Promise<Rel[]>;
  };
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform.js") as new () => {
  parseStream(s: unknown): Promise<{ sheets?: SheetEntry[]; properties?: { date1904?: boolean } }>;
};
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform.js") as new () => {
  parseStream(s: unknown): Promise<unknown>;
};

/** Where the full reader looks for a sheet's part, from its relationship's target. */
const partOf = (rel: Rel) => `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;

/**
 * The named sheets of an .xlsx file as grids (the state sheet's anchor too), or `undefined`
 * when the file holds something only the full reader resolves. The zip's directory is read
 * first, so the parts are taken in the order they are needed, wherever they sit in the file.
 */
export async function readXlsxStreaming(
  source: string | Uint8Array,
  wanted: (name: string) => boolean,
): Promise<StreamedWorkbook | undefined> {
  const zip =
    typeof source === "string"
      ? await unzipper.Open.file(source)
      : await unzipper.Open.buffer(Buffer.from(source));
  const parts = new Map(zip.files.filter((f) => f.type === "File").map((f) => [f.path, f]));
  const open = (path: string) => parts.get(path)?.stream();
  const relsStream = open("xl/_rels/workbook.xml.rels");
  const bookStream = open("xl/workbook.xml");
  if (!relsStream || !bookStream) return undefined;
  const rels = await new RelationshipsXform().parseStream(relsStream);
  const book = await new WorkbookXform().parseStream(bookStream);
  let strings: InstanceType<typeof SharedStringsXform> | undefined;
  const stringsStream = open("xl/sharedStrings.xml");
  if (stringsStream) {
    strings = new SharedStringsXform();
    await strings.parseStream(stringsStream);
  }
  let styles: unknown;
  const stylesStream = open("xl/styles.xml");
  if (stylesStream) {
    const xform = new StylesXform();
    await xform.parseStream(stylesStream);
    styles = xform;
  }
  const date1904 = Boolean(book.properties?.date1904);
  const sheetNames: string[] = [];
  const grids: Record<string, Grid> = {};
  let anchor: string | null = null;
  try {
    for (const sheet of book.sheets ?? []) {
      const rel = rels.find((r) => r.Id === sheet.rId);
      const part = rel && partOf(rel);
      // The full reader reads only `sheetN.xml` parts; anything else is left to it.
      if (!part || !/^xl\/worksheets\/sheet\d+[.]xml$/.test(part) || !parts.has(part))
        return undefined;
      if (sheet.name !== STATE_SHEET) sheetNames.push(sheet.name);
      if (sheet.name !== STATE_SHEET && !wanted(sheet.name)) continue;
      const grid = await sheetGrid(open(part)!, { styles, sharedStrings: strings, date1904 });
      if (sheet.name === STATE_SHEET) {
        const v = grid[0]?.[1];
        anchor = typeof v === "string" && v ? v : null;
      } else grids[sheet.name] = grid;
    }
  } catch (e) {
    if (e instanceof NeedsFullReader) return undefined;
    throw e;
  }
  return { sheetNames, grids, anchor };
}

/** One worksheet's cells, through the library's cell parser, into a grid as `worksheetGrid` builds it. */
async function sheetGrid(
  stream: NodeJS.ReadableStream,
  context: {
    styles: unknown;
    sharedStrings: InstanceType<typeof SharedStringsXform> | undefined;
    date1904: boolean;
  },
): Promise<Grid> {
  const { date1904 } = context;
  const options = { ...context, formulae: {}, hyperlinkMap: {} };
  const cell = new CellXform();
  const rows: CellValue[][] = [];
  let inData = false;
  let inCell = false;
  let row: CellValue[] | undefined;
  let rowNumber = 0;
  for await (const events of parseSax(stream as unknown as AsyncIterable<unknown>)) {
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
          // A shared string the file's string table does not hold: the full reader decides.
          if (model.type === TYPE.String && typeof model.value !== "string")
            throw new NeedsFullReader();
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
 * A `Host` over an .xlsx file that reads through the streaming reader and never loads the
 * full workbook model unless a read needs it. Every plan is kept as a patch and written into
 * a copy of the file part by part (`xlsx-patch.ts`); the model, when a read loads it, has the
 * plans applied so far replayed into it so reads see them.
 */
export class StreamedXlsxHost implements Host {
  readonly calls = { reads: 0, applies: 0 };
  private full: XlsxHost | undefined;
  private readonly applied: WritePlan[] = [];
  private readonly patch = emptyPatch();

  private constructor(
    private readonly source: string | Uint8Array,
    private readonly streamed: StreamedWorkbook,
  ) {}

  /** Streams the sheets `wanted` picks; falls back to the full reader for what only it resolves. */
  static async open(
    source: string | Uint8Array,
    wanted: (name: string) => boolean = () => true,
  ): Promise<StreamedXlsxHost | XlsxHost> {
    const streamed = await readXlsxStreaming(source, wanted);
    if (streamed) return new StreamedXlsxHost(source, streamed);
    return typeof source === "string" ? XlsxHost.open(source) : XlsxHost.fromBuffer(source);
  }

  /** Whether the full workbook model was loaded. */
  get modelLoaded(): boolean {
    return this.full !== undefined;
  }

  /** The full workbook model, loaded once from the same bytes, with every plan applied so far. */
  async loaded(): Promise<XlsxHost> {
    if (!this.full) {
      const full =
        typeof this.source === "string"
          ? await XlsxHost.open(this.source)
          : await XlsxHost.fromBuffer(this.source);
      for (const plan of this.applied) await full.apply(plan);
      this.applied.length = 0;
      this.full = full;
    }
    return this.full;
  }

  async sheetNames(): Promise<string[]> {
    return this.full ? this.full.sheetNames() : [...this.streamed.sheetNames];
  }

  async readSheets(names: readonly string[]): Promise<Grids> {
    this.calls.reads++;
    const unstreamed = names.some(
      (n) => !this.streamed.grids[n] && this.streamed.sheetNames.includes(n),
    );
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
    patchOf(plan.ops, this.patch);
    if (this.full) {
      await this.full.apply(plan);
      return;
    }
    this.applied.push(plan);
    for (const op of plan.ops) {
      if (op.op === "setAnchor") this.streamed.anchor = op.value;
      if (op.op === "addSheet" && !this.streamed.sheetNames.includes(op.sheet)) {
        this.streamed.grids[op.sheet] = [];
        this.streamed.sheetNames.push(op.sheet);
      }
    }
    applyValues(this.streamed.grids, plan);
  }

  async save(file: string): Promise<void> {
    if (!isEmptyPatch(this.patch)) await writePatched(this.source, file, this.patch);
    else if (typeof this.source !== "string") await (await this.loaded()).save(file);
    else if (resolve(file) !== resolve(this.source)) {
      const from = this.source;
      await replaceFile(file, (out) => pipeline(createReadStream(from), out));
    }
  }
}

/** The values a plan writes, put into the streamed grids, so reads after a write see it as the full reader would. */
function applyValues(grids: Record<string, Grid>, plan: WritePlan): void {
  for (const op of plan.ops) {
    if (op.op !== "values" && op.op !== "clear") continue;
    // Sheets that were not streamed are read through the model, which has the plan replayed.
    const grid = grids[op.sheet] as CellValue[][] | undefined;
    if (!grid) continue;
    const top = op.op === "values" ? op.row : op.range.row;
    const left = op.op === "values" ? op.column : op.range.column;
    const block =
      op.op === "values"
        ? op.values
        : Array.from({ length: op.range.rows }, () => new Array<null>(op.range.columns).fill(null));
    block.forEach((values, i) => {
      const r = top - 1 + i;
      while (grid.length <= r) grid.push([]);
      const row = grid[r]!;
      values.forEach((v, j) => {
        while (row.length < left - 1 + j) row.push(null);
        row[left - 1 + j] = v;
      });
      // A row ends at its last value, as every reader gives it.
      while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined))
        row.length--;
    });
    while (grid.length && !grid[grid.length - 1]!.length) grid.length--;
  }
}
