/**
 * The migration report, in the shape `baton migrate --json` prints (DESIGN.md): every non-blank
 * source row below the header appears once, imported, skipped or rejected, with the reason and
 * the IDs it became.
 */
import type { FieldKey } from "./vocabulary.ts";
import type { MigrationKind } from "./kinds.ts";

export type RowOutcome = "imported" | "skipped" | "rejected";

export interface RowReport {
  /** 1-based row of the sheet (for CSV, the record number). */
  readonly sourceRow: number;
  outcome: RowOutcome;
  reason: string;
  readonly ids: string[];
}

export interface MigrationWarning {
  readonly code: string;
  readonly message: string;
  /** Source rows it concerns, when it concerns rows. */
  readonly rows?: readonly number[];
}

export interface MappingReport {
  /** The column's header, or "Column H" when its header is blank. */
  readonly column: string;
  readonly field: FieldKey | null;
  readonly confidence: number;
}

export interface Created {
  objectives: number;
  kpis: number;
  initiatives: number;
  handoffs: number;
  checkins: number;
}

export interface MigrationReport {
  readonly kind: MigrationKind;
  readonly sheet: string;
  /** 1-based header row, or null for a sheet with nothing in it. */
  readonly headerRow: number | null;
  readonly mapping: readonly MappingReport[];
  readonly rows: readonly RowReport[];
  readonly created: Created;
  readonly warnings: readonly MigrationWarning[];
}
