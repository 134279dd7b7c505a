/// <reference types="office-js" />
/**
 * The Excel host: the core's `Host` port over an Office.js request context.
 *
 * It takes the context as a parameter (from `Excel.run`, or `new Excel.RequestContext()` in a
 * custom function), so tests hand it a fake one. It counts its `context.sync()` calls: the
 * number of round trips does not grow with the number of rows.
 *
 * - Reading: every requested sheet's used range in one sync; a workbook too large for one
 *   response (Excel on the web refuses 5 MB) is read again in row blocks.
 * - Writing: the plan's operations become commands packed into syncs of at most
 *   `maxRequestBytes`, each sync suspending recalculation until it ends; text that Excel would
 *   turn into a formula, number or date is given the Text format first.
 * - Protection: a protected sheet is unprotected only when the plan writes to its locked cells,
 *   and protected again afterwards with its own options. Excel refusing to unprotect stops the
 *   plan before anything is written, with a message; refusing to protect again is a warning.
 * - The seal anchor lives in the workbook's very hidden Baton sheet, as in the .xlsx the command
 *   line writes, so it travels with the file. Workbooks closed by an earlier add-in kept it in
 *   the workbook's settings: it is read from there until the next close moves it to the sheet.
 */
import {
  a1Range,
  anchorInStateGrid,
  isBatonSheet,
  BATON_SHEET,
  type CellValue,
  type Grid,
  type Grids,
  type Host,
  type Rect,
  type WritePlan,
} from "@baton/core";
import { dressing } from "./dress.ts";
import { ANCHOR_SETTING, anchorSteps, stateSheetSteps, stepsOf, type Step } from "./steps.ts";

/** An error for the user: says what went wrong in the workbook and what to do. */
export class ExcelHostError extends Error {
  override readonly name = "ExcelHostError";
}

export interface ExcelHostOptions {
  /** Largest request (and block of a response) to send; Excel on the web refuses 5 MB. */
  readonly maxRequestBytes?: number;
}

/** Leaves room under 5 MB (5,242,880 bytes) for what a request carries besides the values. */
export const DEFAULT_REQUEST_BYTES = 4_000_000;

/** Bytes a cell takes in a response, used to size blocks when a workbook must be read in parts. */
const BYTES_PER_CELL = 40;

interface SheetInfo {
  readonly name: string;
  protected: boolean;
}

const keyOf = (name: string) => name.toLowerCase();

/** The Office.js error code of a failed sync, if it is one. */
export function officeErrorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;
}

const tooLarge = (e: unknown) => officeErrorCode(e) === "RequestPayloadSizeLimitExceeded";

function bounding(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.max(a.column + a.columns, b.column + b.columns) - column,
  };
}

/** Office.js gives blanks as "": the core's grids hold null. Leading blank rows and columns are put back. */
function placed(
  values: readonly (readonly unknown[])[],
  rowIndex: number,
  columnIndex: number,
): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  for (const row of values) {
    const cells: CellValue[] = new Array(columnIndex + row.length).fill(null);
    row.forEach((v, c) => (cells[columnIndex + c] = v === "" ? null : (v as CellValue)));
    out.push(cells);
  }
  return out;
}

export class ExcelHost implements Host {
  /** `context.sync()` calls so far. */
  syncCount = 0;
  /** Things that went wrong without stopping a plan (Excel refusing to protect a sheet again). */
  readonly warnings: string[] = [];
  private readonly budget: number;
  private known: Map<string, SheetInfo> | null = null;
  /** The Baton sheet's name as the workbook spells it; null when it has none. */
  private stateSheet: string | null = null;
  /** True once the anchor was found in the old place (the workbook's settings) only. */
  private legacyAnchor = false;

  constructor(
    readonly context: Excel.RequestContext,
    options: ExcelHostOptions = {},
  ) {
    this.budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BYTES;
  }

  /** One round trip, counted; Excel-only helpers (cell marks) queue on `context` and call this. */
  async sync(): Promise<void> {
    this.syncCount++;
    await this.context.sync();
  }

  private sheet(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /** The workbook's sheets and their protection, read once per host. */
  private async sheets(): Promise<Map<string, SheetInfo>> {
    if (this.known) return this.known;
    const ws = this.context.workbook.worksheets;
    ws.load("items/name,items/visibility,items/protection/protected");
    await this.sync();
    this.stateSheet = ws.items.find((s) => isBatonSheet(s.name))?.name ?? null;
    this.known = new Map(
      ws.items
        .filter((s) => s.visibility !== "VeryHidden" && !isBatonSheet(s.name))
        .map((s) => [keyOf(s.name), { name: s.name, protected: s.protection.protected }]),
    );
    return this.known;
  }

  async sheetNames(): Promise<string[]> {
    this.known = null;
    return [...(await this.sheets()).values()].map((s) => s.name);
  }

  async readSheets(names: readonly string[]): Promise<Grids> {
    const known = await this.sheets();
    // The Baton sheet is very hidden and left out of the list of sheets, yet its state is read.
    const state: SheetInfo | undefined = this.stateSheet
      ? { name: this.stateSheet, protected: false }
      : undefined;
    const found = [...new Set(names.map(keyOf))]
      .map((k) => (isBatonSheet(k) ? state : known.get(k)))
      .filter((s): s is SheetInfo => s !== undefined);
    if (!found.length) return {};
    const ranges = found.map((s) => {
      const r = this.sheet(s.name).getUsedRangeOrNullObject(true);
      r.load("values,rowIndex,columnIndex");
      return [s.name, r] as const;
    });
    try {
      await this.sync();
    } catch (e) {
      if (tooLarge(e)) return this.readInBlocks(found.map((s) => s.name));
      throw e;
    }
    const out: Record<string, Grid> = {};
    for (const [name, r] of ranges)
      out[isBatonSheet(name) ? BATON_SHEET : name] = r.isNullObject
        ? []
        : placed(r.values, r.rowIndex, r.columnIndex);
    return out;
  }

  /** Reads sheets too large for one response: their extent first, then row blocks that fit. */
  private async readInBlocks(names: readonly string[]): Promise<Grids> {
    const extents = names.map((name) => {
      const r = this.sheet(name).getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return [name, r] as const;
    });
    await this.sync();
    let cellsPerSync = Math.max(1, Math.floor(this.budget / BYTES_PER_CELL));
    type Block = { name: string; row: number; column: number; rows: number; columns: number };
    let pending: Block[] = [];
    const grids = new Map<string, CellValue[][]>();
    for (const [name, r] of extents) {
      grids.set(name, []);
      if (r.isNullObject) continue;
      const step = Math.max(1, Math.floor(cellsPerSync / r.columnCount));
      for (let i = 0; i < r.rowCount; i += step)
        pending.push({
          name,
          row: r.rowIndex + i,
          column: r.columnIndex,
          rows: Math.min(step, r.rowCount - i),
          columns: r.columnCount,
        });
    }
    while (pending.length) {
      const chunk: Block[] = [];
      let cells = 0;
      while (
        pending.length &&
        (chunk.length === 0 || cells + pending[0]!.rows * pending[0]!.columns <= cellsPerSync)
      ) {
        const b = pending.shift()!;
        chunk.push(b);
        cells += b.rows * b.columns;
      }
      const loads = chunk.map((b) => {
        const range = this.sheet(b.name).getRange(
          a1Range(b.row + 1, b.column + 1, b.rows, b.columns),
        );
        range.load("values");
        return [b, range] as const;
      });
      try {
        await this.sync();
      } catch (e) {
        if (!tooLarge(e)) throw e;
        const single = chunk.length === 1 && chunk[0]!.rows === 1;
        if (single)
          throw new ExcelHostError(
            `Row ${chunk[0]!.row + 1} of "${chunk[0]!.name}" holds more than Excel can send in one response.`,
          );
        // Cut the blocks in half and try again with a smaller share per sync.
        cellsPerSync = Math.max(1, Math.floor(cellsPerSync / 2));
        const halves = chunk.flatMap((b) => {
          if (b.rows === 1) return [b];
          const top = Math.ceil(b.rows / 2);
          return [
            { ...b, rows: top },
            { ...b, row: b.row + top, rows: b.rows - top },
          ];
        });
        pending = [...halves, ...pending];
        continue;
      }
      for (const [b, range] of loads) {
        const grid = grids.get(b.name)!;
        const rows = placed(range.values, 0, b.column);
        rows.forEach((row, i) => (grid[b.row + i] = row));
      }
    }
    const out: Record<string, Grid> = {};
    for (const [name, grid] of grids) {
      for (let i = 0; i < grid.length; i++) grid[i] ??= [];
      out[name] = grid;
    }
    return out;
  }

  async readAnchor(): Promise<string | null> {
    await this.sheets();
    const cell = this.stateSheet ? this.sheet(this.stateSheet).getRange("A1:B1") : null;
    cell?.load("values");
    const setting = this.context.workbook.settings.getItemOrNullObject(ANCHOR_SETTING);
    setting.load("value");
    await this.sync();
    const inSheet = cell ? anchorInStateGrid(cell.values as Grid) : null;
    const legacy =
      !setting.isNullObject && typeof setting.value === "string" && setting.value
        ? setting.value
        : null;
    this.legacyAnchor = legacy !== null;
    return inSheet ?? legacy;
  }

  async apply(plan: WritePlan): Promise<void> {
    const known = await this.sheets();
    const created = new Set<string>();
    for (const op of plan.ops)
      if (op.op === "addSheet" && !known.has(keyOf(op.sheet))) created.add(op.sheet);
    const steps: Step[] = [];
    // Baton's state (what notify told, the anchor) goes to the very hidden Baton sheet, which
    // the list of sheets leaves out: a plan may write to it, and it is made when it is missing.
    const writesState = plan.ops.some(
      (op) => op.op !== "setAnchor" && op.op !== "addSheet" && isBatonSheet(op.sheet),
    );
    const stateMade = writesState && this.stateSheet === null;
    if (stateMade) steps.push(...stateSheetSteps());
    const stateSheet = this.stateSheet ?? (stateMade ? BATON_SHEET : null);
    const exists = (name: string) =>
      isBatonSheet(name)
        ? stateSheet !== null
        : known.has(keyOf(name)) || [...created].some((c) => keyOf(c) === keyOf(name));
    const extras = dressing(plan.ops, created);

    const added = new Set<string>();
    for (const op of plan.ops) {
      if (op.op === "protect" && extras.has(op.sheet)) {
        steps.push(...extras.get(op.sheet)!);
        extras.delete(op.sheet);
      }
      if (op.op === "setAnchor") {
        if (!this.known) await this.sheets();
        steps.push(...anchorSteps(op.value, stateSheet, this.legacyAnchor));
        continue;
      }
      const isNew = op.op === "addSheet" && created.has(op.sheet) && !added.has(keyOf(op.sheet));
      steps.push(...stepsOf(op, this.budget, (name) => (isNew ? false : exists(name))));
      if (isNew) added.add(keyOf(op.sheet));
    }
    for (const more of extras.values()) steps.push(...more);
    for (const s of steps)
      if (s.touches && !exists(s.touches.sheet))
        throw new RangeError(`plan writes to a sheet that does not exist: ${s.touches.sheet}`);

    const opened = await this.openProtected(steps, known);
    const protectedAgain = new Set<string>();
    try {
      await this.write(steps, protectedAgain);
      if (stateMade) this.stateSheet = BATON_SHEET;
      if (plan.ops.some((op) => op.op === "setAnchor")) {
        this.stateSheet ??= BATON_SHEET;
        this.legacyAnchor = false;
      }
    } finally {
      await this.protectAgain(opened, protectedAgain);
      for (const name of created)
        known.set(keyOf(name), { name, protected: protectedAgain.has(keyOf(name)) });
    }
  }

  /**
   * Unprotects the protected sheets whose locked cells the plan writes, each in a sync of its
   * own. Returns their protection options, to protect them again as they were.
   */
  private async openProtected(
    steps: readonly Step[],
    known: Map<string, SheetInfo>,
  ): Promise<Map<string, Excel.WorksheetProtectionOptions>> {
    const touched = new Map<string, Rect>();
    const relocked = new Set<string>();
    for (const s of steps) {
      if (!s.touches) continue;
      const info = known.get(keyOf(s.touches.sheet));
      if (!info?.protected) continue;
      if (s.relocks) relocked.add(info.name);
      const before = touched.get(info.name);
      touched.set(info.name, before ? bounding(before, s.touches.rect) : s.touches.rect);
    }
    const opened = new Map<string, Excel.WorksheetProtectionOptions>();
    if (!touched.size) return opened;
    const probes = [...touched].map(([name, rect]) => {
      const lock = this.sheet(name).getRange(
        a1Range(rect.row, rect.column, rect.rows, rect.columns),
      ).format.protection;
      lock.load("locked");
      const protection = this.sheet(name).protection;
      protection.load("options");
      return { name, lock, protection };
    });
    await this.sync();
    try {
      for (const p of probes) {
        // Writes to unlocked cells only (the current period's rows) need no unprotecting.
        if (p.lock.locked === false && !relocked.has(p.name)) continue;
        this.sheet(p.name).protection.unprotect();
        try {
          await this.sync();
        } catch (e) {
          throw new ExcelHostError(
            `"${p.name}" is protected and Excel did not let Baton unprotect it (${officeErrorCode(e) ?? "error"}). ` +
              `Unprotect the sheet (Review > Unprotect Sheet) and try again; Baton protects it again afterwards.`,
          );
        }
        opened.set(p.name, p.protection.options);
        known.get(keyOf(p.name))!.protected = false;
      }
    } catch (e) {
      await this.protectAgain(opened, new Set());
      throw e;
    }
    return opened;
  }

  private async write(steps: readonly Step[], protectedAgain: Set<string>): Promise<void> {
    let batch: Step[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      this.context.application.suspendApiCalculationUntilNextSync();
      for (const s of batch) s.queue(this.context);
      batch = [];
      bytes = 0;
      await this.sync();
    };
    for (const step of steps) {
      if (step.protects) {
        await flush();
        step.queue(this.context);
        protectedAgain.add(keyOf(step.protects));
        try {
          await this.sync();
          const info = this.known?.get(keyOf(step.protects));
          if (info) info.protected = true;
        } catch (e) {
          this.warnings.push(refusedProtection(step.protects, e));
        }
        continue;
      }
      if (batch.length && bytes + step.bytes > this.budget) await flush();
      batch.push(step);
      bytes += step.bytes;
    }
    await flush();
  }

  private async protectAgain(
    opened: ReadonlyMap<string, Excel.WorksheetProtectionOptions>,
    skip: ReadonlySet<string>,
  ): Promise<void> {
    for (const [name, options] of opened) {
      if (skip.has(keyOf(name))) continue;
      this.sheet(name).protection.protect(options);
      try {
        await this.sync();
        const info = this.known?.get(keyOf(name));
        if (info) info.protected = true;
      } catch (e) {
        this.warnings.push(refusedProtection(name, e));
      }
    }
  }

  /** The name of the sheet the user is looking at. */
  async activeSheetName(): Promise<string> {
    const ws = this.context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await this.sync();
    return ws.name;
  }

  /**
   * A sheet's merged ranges (1-based), as migration takes them: Excel keeps a merged range's
   * value in its top-left cell, as Google Sheets does. One round trip, a second when any exist.
   */
  async mergedRanges(name: string): Promise<Rect[]> {
    const merged = this.sheet(name).getUsedRange(true).getMergedAreasOrNullObject();
    merged.load("areaCount");
    await this.sync();
    if (merged.isNullObject || !merged.areaCount) return [];
    const areas = merged.areas;
    areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    await this.sync();
    return areas.items.map((r) => ({
      row: r.rowIndex + 1,
      column: r.columnIndex + 1,
      rows: r.rowCount,
      columns: r.columnCount,
    }));
  }

  /** Selects a cell and shows its sheet. */
  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheet(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await this.sync();
  }
}

function refusedProtection(sheet: string, e: unknown): string {
  return `Excel did not let Baton protect "${sheet}" (${officeErrorCode(e) ?? "error"}); protect it from Review > Protect Sheet. The seals still show any change to sealed rows.`;
}
