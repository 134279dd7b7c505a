/**
 * The .xlsx host commands use: the template sheets are read into grids by Baton's own
 * SpreadsheetML reader (`xlsx/read.ts`), which takes any workbook Excel, LibreOffice, Sheets
 * or the xlsx libraries write, and the full workbook model is loaded only when a plan must be
 * written through it.
 */
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CellValue, Grid, Grids, Host, WritePlan } from "@baton/core";
import { XlsxHost } from "./xlsx-host.ts";
import { CannotPatch, emptyPatch, patchOf, writePatched } from "./xlsx-patch.ts";
import { readWorkbook, type ReadProgress, type ReadWorkbook } from "./xlsx/read.ts";

export type StreamedWorkbook = ReadWorkbook;

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
 * workbook model unless it must. Plans that only change cells (what `baton status
 * --write` writes) are kept as patches and written into a copy of the file part by part
 * (`xlsx-patch.ts`); any other plan, a sheet that was not streamed, or a file the patcher does
 * not recognise loads the model once, replays what was applied, and goes on from there.
 */
export class StreamedXlsxHost implements Host {
  readonly calls = { reads: 0, applies: 0 };
  private full: XlsxHost | undefined;
  private readonly applied: WritePlan[] = [];
  private patch = emptyPatch();

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
      this.patch = emptyPatch();
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
    // Only sheets that were streamed (their grids kept current) or that a plan adds are patched.
    const existing = new Set(this.streamed.sheetNames.filter((n) => !this.patch.added.has(n)));
    const patchable =
      !this.full &&
      typeof this.source === "string" &&
      plan.ops.every(
        (op) =>
          !("sheet" in op) ||
          this.streamed.grids[op.sheet] !== undefined ||
          !existing.has(op.sheet),
      );
    if (patchable && patchOf(plan.ops, existing, this.patch)) {
      this.applied.push(plan);
      for (const op of plan.ops)
        if (op.op === "addSheet" && !this.streamed.grids[op.sheet]) {
          this.streamed.grids[op.sheet] = [];
          this.streamed.sheetNames.push(op.sheet);
        }
      applyValues(this.streamed.grids, plan);
      return;
    }
    await (await this.loaded()).apply(plan);
  }

  async save(file: string): Promise<void> {
    if (!this.full && typeof this.source === "string") {
      if (!this.patch.sheets.size && !this.patch.added.size) {
        if (resolve(file) !== resolve(this.source)) copyFileSync(this.source, file);
        return;
      }
      try {
        await writePatched(this.source, file, this.patch);
        return;
      } catch (e) {
        if (!(e instanceof CannotPatch)) throw e;
      }
    }
    await (await this.loaded()).save(file);
  }
}

/** The values a plan writes, put into the streamed grids, so reads after a write see it as the full reader would. */
function applyValues(grids: Record<string, Grid>, plan: WritePlan): void {
  for (const op of plan.ops) {
    if (op.op !== "values" && op.op !== "clear") continue;
    const grid = grids[op.sheet] as CellValue[][];
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
