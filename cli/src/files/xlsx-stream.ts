/**
 * The .xlsx host commands use: the template sheets are read into grids by Baton's own
 * SpreadsheetML reader (`xlsx/read.ts`), which takes any workbook Excel, LibreOffice, Sheets
 * or the xlsx libraries write, and every plan is written by patching the file's parts
 * (`xlsx-patch.ts`). The full workbook model is loaded only when a read needs a sheet that
 * was not read at first.
 */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import {
  BATON_SHEET,
  type CellValue,
  type Grid,
  type Grids,
  type Host,
  type WritePlan,
} from "@baton/core";
import { XlsxHost } from "./xlsx-host.ts";
import { emptyPatch, isEmptyPatch, patchOf, writePatched } from "./xlsx-patch.ts";
import { replaceFile } from "./atomic.ts";
import { readWorkbook, type ReadProgress, type ReadWorkbook } from "./xlsx/read.ts";

/** What the reader gives; the anchor follows the plans applied since. */
export type StreamedWorkbook = { -readonly [K in keyof ReadWorkbook]: ReadWorkbook[K] };

/** The named sheets of an .xlsx file as grids, every sheet's name, and the anchor. */
export async function readXlsxStreaming(
  source: string | Uint8Array,
  wanted: (name: string) => boolean,
  progress?: ReadProgress,
): Promise<StreamedWorkbook> {
  return readWorkbook(source, wanted, progress);
}

/**
 * A `Host` over an .xlsx file that reads through Baton's reader and never loads the full
 * workbook model unless a read needs it. Every plan is kept as a patch and written into a copy
 * of the file part by part (`xlsx-patch.ts`); the model, when a read loads it, has the plans
 * applied so far replayed into it so reads see them.
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

  /** Reads the sheets `wanted` picks; throws `UnreadableWorkbook` for a file that is not a workbook. */
  static async open(
    source: string | Uint8Array,
    wanted: (name: string) => boolean = () => true,
    progress?: ReadProgress,
  ): Promise<StreamedXlsxHost> {
    return new StreamedXlsxHost(source, await readXlsxStreaming(source, wanted, progress));
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
      // The state sheet is read with the others but left out of the sheet names, as every host does.
      const g = n === BATON_SHEET ? this.streamed.state : this.streamed.grids[n];
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
    if (plan.ops.some((op) => "sheet" in op && op.sheet === BATON_SHEET))
      this.streamed.state ??= [];
    applyValues(
      this.streamed.state
        ? { ...this.streamed.grids, [BATON_SHEET]: this.streamed.state }
        : this.streamed.grids,
      plan,
    );
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
