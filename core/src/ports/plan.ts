/**
 * The write plan: every change Baton makes to a workbook, as plain JSON.
 *
 * The core decides; hosts only apply. A plan is a list of operations in order. Cells are
 * addressed by 1-based row and column. Strings are always text: a host must write a string that
 * starts with `=`, `+`, `-` or `@` so that it stays text (see `isFormulaLike`). Dates are written
 * as serial numbers with a date number format, so every host stores the same value.
 */
import type { PaneStatus } from "./pane.ts";

export type PlanValue = string | number | boolean | null;

/** A rectangle of cells, 1-based. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface CellFormat {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Background colour, `#RRGGBB`. */
  readonly fill?: string;
  /** Font colour, `#RRGGBB`. */
  readonly fontColor?: string;
  readonly numberFormat?: string;
  readonly wrap?: boolean;
}

export type WriteOp =
  /** Adds a sheet (at the end) unless one of that name exists. */
  | { readonly op: "addSheet"; readonly sheet: string }
  /** Writes a block of values whose top-left cell is (row, column). */
  | {
      readonly op: "values";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly values: readonly (readonly PlanValue[])[];
    }
  /** Applies one format to a rectangle. */
  | {
      readonly op: "format";
      readonly sheet: string;
      readonly range: Rect;
      readonly format: CellFormat;
    }
  /** Clears values and formats of a rectangle. */
  | { readonly op: "clear"; readonly sheet: string; readonly range: Rect }
  /** An in-cell drop-down of allowed values (entry-time guidance; validation still runs). */
  | {
      readonly op: "listValidation";
      readonly sheet: string;
      readonly range: Rect;
      readonly values: readonly string[];
    }
  | {
      readonly op: "freeze";
      readonly sheet: string;
      readonly rows: number;
      readonly columns: number;
    }
  | { readonly op: "columnWidths"; readonly sheet: string; readonly widths: readonly number[] }
  /**
   * Protects a sheet: every cell is locked except the `editable` rectangles. Replaces any
   * earlier protection of the sheet by Baton.
   */
  | {
      readonly op: "protect";
      readonly sheet: string;
      readonly editable: readonly Rect[];
      readonly description: string;
    }
  /** Stores the seal anchor in the document's own hidden storage. */
  | { readonly op: "setAnchor"; readonly value: string };

/**
 * The last row of a sheet (Excel's 1,048,576): a rectangle that reaches it runs to the end of
 * the sheet, however long the sheet grows. Hosts with shorter sheets clamp it.
 */
export const LAST_ROW = 1_048_576;

export interface WritePlan {
  readonly ops: readonly WriteOp[];
}

/** Status colours, shared by every renderer. */
export const STATUS_FILL: Readonly<Record<PaneStatus, { fill: string; fontColor: string }>> = {
  Green: { fill: "#C6EFCE", fontColor: "#006100" },
  Amber: { fill: "#FFEB9C", fontColor: "#7F5F00" },
  Red: { fill: "#FFC7CE", fontColor: "#9C0006" },
  Done: { fill: "#DDEBF7", fontColor: "#1F4E78" },
  Paused: { fill: "#EDEDED", fontColor: "#595959" },
};

/**
 * Gate colours by level, 1 (Identified) to 5 (Realised): one ramp, light to dark, shared by the
 * Gate column of Initiatives and the board summary's funnel, so a level looks the same in both.
 */
export const GATE_FILL: Readonly<Record<number, { fill: string; fontColor: string }>> = {
  1: { fill: "#D9E1F2", fontColor: "#1F3864" },
  2: { fill: "#B4C6E7", fontColor: "#1F3864" },
  3: { fill: "#8EA9DB", fontColor: "#1F3864" },
  4: { fill: "#2F5597", fontColor: "#FFFFFF" },
  5: { fill: "#1F3864", fontColor: "#FFFFFF" },
};

export const HEADER_FORMAT: CellFormat = { bold: true, fill: "#1F3864", fontColor: "#FFFFFF" };
export const COMPUTED_HEADER_FORMAT: CellFormat = {
  bold: true,
  italic: true,
  fill: "#8EA9DB",
  fontColor: "#1F3864",
};

/** Splits a block of values into blocks of at most `maxRows` rows, for hosts with request limits. */
export function splitValues(
  op: Extract<WriteOp, { op: "values" }>,
  maxRows: number,
): Extract<WriteOp, { op: "values" }>[] {
  if (!(maxRows >= 1)) throw new RangeError(`maxRows must be at least 1, got ${maxRows}`);
  if (op.values.length <= maxRows) return [op];
  const out: Extract<WriteOp, { op: "values" }>[] = [];
  for (let i = 0; i < op.values.length; i += maxRows)
    out.push({ ...op, row: op.row + i, values: op.values.slice(i, i + maxRows) });
  return out;
}
