/**
 * An in-memory workbook that implements `Host`, with real grid state, formats, protection and
 * an anchor store. It is the reference host: the contract suite runs against it as against
 * every other, and it counts its round trips like the others.
 */
import type { CellValue, Grid, Grids } from "../cells/values.ts";
import { isFormulaLike } from "../cells/values.ts";
import type { Host } from "./host.ts";

// The hidden Baton sheet, named in ledger/state.ts; the ports sit below the ledger, so the
// reference host spells the name itself.
const isBatonSheet = (name: string) => name.toLowerCase() === "_baton";
import type { CellFormat, Rect, WritePlan, WriteOp } from "./plan.ts";

export interface MemorySheet {
  cells: CellValue[][];
  formats: Map<string, CellFormat>;
  validations: { range: Rect; values: readonly string[] }[];
  frozen: { rows: number; columns: number };
  widths: number[];
  protection: { editable: readonly Rect[]; description: string } | null;
}

export class ProtectedCellError extends Error {
  constructor(sheet: string, row: number, column: number) {
    super(`${sheet} R${row}C${column} is locked`);
    this.name = "ProtectedCellError";
  }
}

const inside = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

export class MemoryHost implements Host {
  readonly sheets = new Map<string, MemorySheet>();
  anchor: string | null = null;
  /** Round trips: reads and applied plans. */
  readonly calls = { reads: 0, applies: 0 };
  /** Cells written with text that would be a formula elsewhere: the host kept them as text. */
  readonly literalText: string[] = [];

  constructor(grids: Grids = {}) {
    for (const [name, grid] of Object.entries(grids))
      if (grid) this.sheets.set(name, newSheet(grid));
  }

  /** Every sheet but the hidden Baton sheet, which hosts read only by its name. */
  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()].filter((n) => !isBatonSheet(n));
  }

  async readSheets(names: readonly string[]): Promise<Grids> {
    this.calls.reads++;
    const out: Record<string, Grid> = {};
    for (const n of names) {
      const s = this.sheets.get(n);
      if (s) out[n] = trimGrid(s.cells);
    }
    return out;
  }

  async readAnchor(): Promise<string | null> {
    return this.anchor;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.calls.applies++;
    for (const op of plan.ops) this.applyOp(op);
  }

  /** The grid of a sheet as a reader would see it now. */
  grid(name: string): Grid {
    const s = this.sheets.get(name);
    if (!s) throw new RangeError(`no sheet ${name}`);
    return trimGrid(s.cells);
  }

  /** Format at a cell, 1-based. */
  formatAt(name: string, row: number, column: number): CellFormat | undefined {
    return this.sheets.get(name)?.formats.get(`${row},${column}`);
  }

  /** Writes one cell as a user would (refused on a locked cell of a protected sheet). */
  edit(name: string, row: number, column: number, value: CellValue): void {
    const s = this.sheets.get(name);
    if (!s) throw new RangeError(`no sheet ${name}`);
    if (s.protection && !s.protection.editable.some((r) => inside(r, row, column)))
      throw new ProtectedCellError(name, row, column);
    setCell(s, row, column, value);
  }

  private sheet(name: string): MemorySheet {
    // The Baton sheet comes into being with the first state written to it, as in every host.
    if (isBatonSheet(name) && !this.sheets.has(name)) this.sheets.set(name, newSheet([]));
    const s = this.sheets.get(name);
    if (!s) throw new RangeError(`plan writes to a sheet that does not exist: ${name}`);
    return s;
  }

  private applyOp(op: WriteOp): void {
    switch (op.op) {
      case "addSheet":
        if (!this.sheets.has(op.sheet)) this.sheets.set(op.sheet, newSheet([]));
        return;
      case "values": {
        const s = this.sheet(op.sheet);
        op.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v === "string" && isFormulaLike(v)) this.literalText.push(v);
            setCell(s, op.row + i, op.column + j, v);
          }),
        );
        return;
      }
      case "format": {
        const s = this.sheet(op.sheet);
        for (let r = op.range.row; r < op.range.row + op.range.rows; r++)
          for (let c = op.range.column; c < op.range.column + op.range.columns; c++) {
            const key = `${r},${c}`;
            s.formats.set(key, { ...s.formats.get(key), ...op.format });
          }
        return;
      }
      case "clear": {
        const s = this.sheet(op.sheet);
        for (let r = op.range.row; r < op.range.row + op.range.rows; r++)
          for (let c = op.range.column; c < op.range.column + op.range.columns; c++) {
            if (s.cells[r - 1]) s.cells[r - 1]![c - 1] = null;
            s.formats.delete(`${r},${c}`);
          }
        return;
      }
      case "listValidation":
        this.sheet(op.sheet).validations.push({ range: op.range, values: op.values });
        return;
      case "freeze":
        this.sheet(op.sheet).frozen = { rows: op.rows, columns: op.columns };
        return;
      case "columnWidths":
        this.sheet(op.sheet).widths = [...op.widths];
        return;
      case "protect":
        this.sheet(op.sheet).protection = { editable: op.editable, description: op.description };
        return;
      case "setAnchor":
        this.anchor = op.value;
        return;
    }
  }
}

function newSheet(grid: Grid): MemorySheet {
  return {
    cells: grid.map((r) => [...r]),
    formats: new Map(),
    validations: [],
    frozen: { rows: 0, columns: 0 },
    widths: [],
    protection: null,
  };
}

function setCell(s: MemorySheet, row: number, column: number, value: CellValue): void {
  while (s.cells.length < row) s.cells.push([]);
  const r = s.cells[row - 1]!;
  while (r.length < column) r.push(null);
  r[column - 1] = value === "" ? null : value;
}

/** The used range from A1: trailing blank rows and columns dropped, as hosts return it. */
function trimGrid(cells: CellValue[][]): CellValue[][] {
  let rows = cells.length;
  const blank = (v: CellValue) => v === null || v === undefined || v === "";
  while (rows > 0 && (cells[rows - 1] ?? []).every(blank)) rows--;
  let width = 0;
  for (let r = 0; r < rows; r++) {
    const row = cells[r]!;
    for (let c = row.length; c > width; c--)
      if (!blank(row[c - 1])) {
        width = c;
        break;
      }
  }
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = cells[r]!;
    const copy: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) copy[c] = row[c] ?? null;
    out.push(copy);
  }
  return out;
}
