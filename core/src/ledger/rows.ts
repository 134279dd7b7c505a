/**
 * The Check-ins sheet as the ledger sees it: its non-blank rows in sheet order, each with its
 * Seal cell and its canonical content.
 */
import { isBlank, type CellValue, type Grid } from "../cells/values.ts";
import { canonicalRow, SEALED_COLUMNS } from "./canonical.ts";
import { rowSealCellIs, rowSealIs, sealOfRow } from "./seal-row.ts";
import { parseSeal, type SealCell } from "./seal.ts";

export interface LedgerRow {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The sheet the row is on, for a row not on Check-ins (a gate decision); undefined on Check-ins. */
  readonly sheet?: string;
  readonly cells: readonly CellValue[];
  /** The Seal cell's text, or null when it is blank (an open row). */
  readonly sealText: string | null;
  /** The Seal cell read as a seal; undefined when blank or not a Baton seal. */
  readonly seal: SealCell | undefined;
  canonical(): string;
  /** The row's seal as sealed row `seq` after `previous`: `sealOf(previous, seq, canonical())`. */
  sealFrom(previous: string, seq: number): string;
  /** `sealFrom(previous, seq) === hex`, without spelling the seal out. */
  sealIs(hex: string, previous: string, seq: number): boolean;
  /**
   * The seal in the row's Seal cell when the cell is exactly what sealing the row as number
   * `seq` after `previous` writes there (the row is intact and in place); else undefined.
   */
  sealedAs(previous: string, seq: number): string | undefined;
}

/** Where the ledger's columns are, and the zone its date-times are read in. */
export interface LedgerLayout {
  readonly columns: Readonly<Record<string, number>>;
  readonly zone: string;
}

/**
 * A row as the walk reads it. A class, not an object of closures: a sheet of 250k rows would
 * otherwise allocate two functions per row that a walk calls once.
 */
class SheetRow implements LedgerRow {
  /** The Seal cell read, once asked for (null until then): an intact row never is. */
  private read: SealCell | undefined | null = null;

  constructor(
    readonly sheetRow: number,
    readonly cells: readonly CellValue[],
    readonly sealText: string | null,
    private readonly layout: LedgerLayout,
  ) {}

  get seal(): SealCell | undefined {
    if (this.read === null)
      this.read = this.sealText === null ? undefined : parseSeal(this.sealText);
    return this.read;
  }

  // Computed on demand and not kept: a walk needs each row's content once, plus a few at a break.
  canonical(): string {
    return canonicalRow(this.cells, this.layout.columns, this.layout.zone);
  }

  sealFrom(previous: string, seq: number): string {
    return sealOfRow(previous, seq, this.cells, this.layout.columns, this.layout.zone);
  }

  sealIs(hex: string, previous: string, seq: number): boolean {
    return rowSealIs(hex, previous, seq, this.cells, this.layout.columns, this.layout.zone);
  }

  sealedAs(previous: string, seq: number): string | undefined {
    const text = this.sealText;
    const { columns, zone } = this.layout;
    return text !== null && rowSealCellIs(text, previous, seq, this.cells, columns, zone)
      ? text.slice(text.length - 64)
      : undefined;
  }
}

/** Non-blank data rows of the Check-ins grid (a row whose template cells are all blank is skipped). */
export function ledgerRows(grid: Grid, layout: LedgerLayout): LedgerRow[] {
  return sealedSheetRows(
    grid,
    layout,
    SEALED_COLUMNS.map((c) => c.key),
    (sheetRow, cells, sealText) => new SheetRow(sheetRow, cells, sealText, layout),
  );
}

/**
 * The non-blank data rows of a sealed sheet, each made by `make` with its Seal cell's text. A
 * row whose sealed cells and Seal cell are all blank is skipped.
 */
export function sealedSheetRows<R>(
  grid: Grid,
  layout: LedgerLayout,
  sealedKeys: readonly string[],
  make: (sheetRow: number, cells: readonly CellValue[], sealText: string | null) => R,
): R[] {
  const used = [...sealedKeys.map((k) => layout.columns[k]), layout.columns.seal]
    .filter((c): c is number => c !== undefined)
    .map((c) => c - 1);
  const sealCol = layout.columns.seal;
  const out: R[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || allBlank(cells, used)) continue;
    const raw = sealCol === undefined ? null : cells[sealCol - 1];
    const sealText = isBlank(raw) ? null : String(raw);
    out.push(make(r + 1, cells, sealText));
  }
  return out;
}

function allBlank(cells: readonly CellValue[], at: readonly number[]): boolean {
  for (let i = 0; i < at.length; i++) if (!isBlank(cells[at[i]!])) return false;
  return true;
}
