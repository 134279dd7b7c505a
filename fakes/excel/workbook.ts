/**
 * The fake workbook's state: real cells (values, formulas, number formats), styles and locks
 * laid over rectangles (so a format or a lock over a million rows costs nothing), data
 * validation, conditional formats, tables, frozen panes, column widths, protection and
 * settings. Proxies read and change it only inside `context.sync()`.
 */
import { type Box, contains, MAX_COLUMNS, MAX_ROWS, overlaps, WHOLE_SHEET } from "./address.ts";
import { enter, type Scalar } from "./entry.ts";
import { FakeOfficeError } from "./errors.ts";

export interface Style {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  wrap?: boolean | null;
}

export interface Cell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
}

export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowAutoFilter?: boolean;
  allowSort?: boolean;
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  selectionMode?: string;
  [key: string]: unknown;
}

export interface ConditionalFormatState {
  id: string;
  box: Box;
  type: string;
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean };
  priority: number;
  stopIfTrue: boolean;
}

export interface ChangeEvent {
  sheet: FakeSheet;
  box: Box;
  triggerSource: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: Scalar; valueAfter: Scalar };
}

let nextId = 1;

export class FakeSheet {
  readonly id = `{sheet-${nextId++}}`;
  readonly cells = new Map<number, Cell>();
  readonly styleLayers: { box: Box; style: Style }[] = [];
  readonly lockLayers: { box: Box; locked: boolean }[] = [];
  readonly validations: { box: Box; rule: unknown; errorAlert?: unknown }[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly tables: { name: string; box: Box; style: string }[] = [];
  /** Merged areas; a merged area's value sits in its top-left cell. */
  readonly merged: Box[] = [];
  frozen = { rows: 0, columns: 0 };
  readonly columnWidths = new Map<number, number>();
  protection: { protected: boolean; options: ProtectionOptions; password: string | null } = {
    protected: false,
    options: {},
    password: null,
  };
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly handlers: ((args: unknown) => unknown)[] = [];

  constructor(public name: string) {}

  private key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }

  value(r: number, c: number): Scalar {
    return this.cell(r, c)?.value ?? "";
  }

  numberFormat(r: number, c: number): string {
    return this.cell(r, c)?.numberFormat ?? "General";
  }

  locked(r: number, c: number): boolean {
    for (let i = this.lockLayers.length - 1; i >= 0; i--) {
      const l = this.lockLayers[i]!;
      if (contains(l.box, r, c)) return l.locked;
    }
    return true;
  }

  style(r: number, c: number): Style {
    const out: Style = {};
    for (const l of this.styleLayers) if (contains(l.box, r, c)) Object.assign(out, l.style);
    return out;
  }

  /**
   * The distinct locked states inside a box. A cell's state is decided by the last lock layer
   * covering it, and every layer is a rectangle, so on a large box the rows and columns at the
   * layers' edges stand for all the others.
   */
  lockStates(box: Box): Set<boolean> {
    const b = clip(box);
    const seen = new Set<boolean>();
    if (b.rows * b.cols <= 100_000) {
      for (let r = b.r0; r < b.r0 + b.rows; r++)
        for (let c = b.c0; c < b.c0 + b.cols; c++) seen.add(this.locked(r, c));
      return seen;
    }
    const inRows = (r: number) => r >= b.r0 && r < b.r0 + b.rows;
    const inCols = (c: number) => c >= b.c0 && c < b.c0 + b.cols;
    const rows = new Set([b.r0, b.r0 + b.rows - 1]);
    const cols = new Set([b.c0, b.c0 + b.cols - 1]);
    for (const l of this.lockLayers) {
      for (const r of [l.box.r0 - 1, l.box.r0, l.box.r0 + l.box.rows - 1, l.box.r0 + l.box.rows])
        if (inRows(r)) rows.add(r);
      for (const c of [l.box.c0 - 1, l.box.c0, l.box.c0 + l.box.cols - 1, l.box.c0 + l.box.cols])
        if (inCols(c)) cols.add(c);
    }
    for (const r of rows) for (const c of cols) seen.add(this.locked(r, c));
    return seen;
  }

  anyLocked(box: Box): boolean {
    return this.lockStates(box).has(true);
  }

  /** Locked state of a box as Office.js reports it: true, false, or null when mixed. */
  lockedState(box: Box): boolean | null {
    const s = this.lockStates(box);
    return s.size === 1 ? s.has(true) : null;
  }

  /** Refuses a change to locked cells while the sheet is protected, as Excel does. */
  guardCells(box: Box, what: string): void {
    if (this.protection.protected && this.anyLocked(box))
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet (${what}).`,
      );
  }

  guardSheet(allowed: boolean | undefined, what: string): void {
    if (this.protection.protected && !allowed)
      throw new FakeOfficeError("AccessDenied", `${what} is not allowed on a protected sheet.`);
  }

  /** Writes one value as Excel stores it (see `enter`); `null` leaves the cell as it is. */
  write(r: number, c: number, v: Scalar | null | undefined): void {
    if (v === null || v === undefined) return;
    const k = this.key(r, c);
    const old = this.cells.get(k);
    const stored = enter(v, old?.numberFormat ?? "General");
    if (!stored) {
      if (old?.numberFormat) this.cells.set(k, { value: "", numberFormat: old.numberFormat });
      else this.cells.delete(k);
      return;
    }
    const cell: Cell = { value: stored.value };
    if (stored.formula) cell.formula = stored.formula;
    if (old?.numberFormat) cell.numberFormat = old.numberFormat;
    else if (
      typeof v === "string" &&
      typeof stored.value === "number" &&
      /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(v.trim())
    )
      cell.numberFormat = "yyyy-mm-dd";
    this.cells.set(k, cell);
  }

  setNumberFormat(r: number, c: number, f: string | null | undefined): void {
    if (f === null || f === undefined) return;
    const k = this.key(r, c);
    const old = this.cells.get(k);
    // An empty format resets the cell to General.
    if (f === "" || f === "General") {
      if (!old) return;
      const { numberFormat: _dropped, ...rest } = old;
      if (rest.value === "" && !rest.formula) this.cells.delete(k);
      else this.cells.set(k, rest);
      return;
    }
    this.cells.set(k, { ...(old ?? { value: "" }), numberFormat: f });
  }

  clear(box: Box, what: "All" | "Contents" | "Formats"): void {
    const b = clip(box);
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (!contains(b, r, c)) continue;
      if (what === "Contents") {
        if (cell.numberFormat) this.cells.set(k, { value: "", numberFormat: cell.numberFormat });
        else this.cells.delete(k);
      } else if (what === "Formats") {
        if (cell.value === "" && !cell.formula) this.cells.delete(k);
        else
          this.cells.set(k, {
            value: cell.value,
            ...(cell.formula ? { formula: cell.formula } : {}),
          });
      } else this.cells.delete(k);
    }
    if (what !== "Contents")
      this.styleLayers.push({
        box,
        style: { fill: null, fontColor: null, bold: null, italic: null, wrap: null },
      });
  }

  /** The used range counting values only, or null for an empty sheet. */
  usedBox(): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    if (r1 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  addTable(box: Box, name: string): void {
    if (this.tables.some((t) => overlaps(t.box, box)))
      throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
    this.tables.push({ name, box, style: "TableStyleMedium2" });
  }
}

/** A box cut to the grid. */
export function clip(b: Box): Box {
  const rows = Math.min(b.rows, MAX_ROWS - b.r0);
  const cols = Math.min(b.cols, MAX_COLUMNS - b.c0);
  return { r0: b.r0, c0: b.c0, rows, cols };
}

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly tableNames = new Set<string>();
  active: FakeSheet | null = null;
  selection: { sheet: string; box: Box } | null = null;
  /** Events to deliver after the current sync. */
  pending: ChangeEvent[] = [];

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new FakeOfficeError("InvalidArgument", `${name} is not a valid sheet name.`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  newTableName(): string {
    let i = 1;
    while (this.tableNames.has(`Table${i}`)) i++;
    return `Table${i}`;
  }
}

export { WHOLE_SHEET };
