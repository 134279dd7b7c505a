/// <reference types="office-js" />
/**
 * A write plan as Office.js commands: each operation becomes one or more steps, each step
 * knows the size of the request it adds (so the host can pack steps into syncs under Excel's
 * 5 MB limit) and which cells it changes (so the host knows which protected sheets it must
 * open). Large blocks of values or number formats are cut into row blocks that fit.
 */
import {
  a1Range,
  ANCHOR_LABEL,
  BATON_SHEET,
  columnLetters,
  type CellFormat,
  type PlanValue,
  type Rect,
  type WriteOp,
} from "@baton/core";
import { excelMightConvert } from "./text.ts";

export interface Step {
  /** Request bytes this step adds, estimated from its JSON. */
  readonly bytes: number;
  /** The cells it changes, for protection. */
  readonly touches?: { readonly sheet: string; readonly rect: Rect };
  /** A protect call runs in a sync of its own, so Excel refusing it undoes nothing else. */
  readonly protects?: string;
  /** Changes what is locked: the sheet must be unprotected first, whatever its cells' state. */
  readonly relocks?: true;
  queue(ctx: Excel.RequestContext): void;
}

/** Fixed cost of one command in a request: object path, method, framing. */
const COMMAND_BYTES = 160;

/** UTF-8 size of a value's JSON. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : 2;
  }
  return n;
}

const sheetOf = (ctx: Excel.RequestContext, name: string) => ctx.workbook.worksheets.getItem(name);
const address = (r: Rect) => a1Range(r.row, r.column, r.rows, r.columns);

/** Column width in characters (as the template gives it) to points, for Calibri 11. */
export function pointsFromCharacters(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Baton's protection: locked cells stay selectable, columns can be resized, filters still work. */
export const BATON_PROTECTION: Excel.WorksheetProtectionOptions = {
  // Formatting stays open so Baton can mark issues on a protected sheet; the seals guard content.
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
};

/**
 * Cuts a block of rows into pieces whose request fits in `budget` bytes. Each piece is written
 * with its own range; a row too big for the budget on its own still goes alone.
 */
function rowBlocks<T>(
  rows: readonly T[],
  size: (row: T) => number,
  budget: number,
): { start: number; end: number; bytes: number }[] {
  const out: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = COMMAND_BYTES;
  for (let i = 0; i < rows.length; i++) {
    const b = size(rows[i]!) + 1;
    if (i > start && bytes + b > budget) {
      out.push({ start, end: i, bytes });
      start = i;
      bytes = COMMAND_BYTES;
    }
    bytes += b;
  }
  if (rows.length > start) out.push({ start, end: rows.length, bytes });
  return out;
}

function valuesSteps(op: Extract<WriteOp, { op: "values" }>, budget: number): Step[] {
  const width = op.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (!op.values.length || !width) return [];
  // Office.js reads null in a written array as "leave this cell alone": a plan's null is a blank
  // cell, so it becomes "", and only the padding of a short row stays null.
  const cells = op.values.map((row) => {
    const out: (PlanValue | "")[] = new Array(width);
    for (let j = 0; j < width; j++) out[j] = j < row.length ? (row[j] ?? "") : null;
    return out;
  });
  const guarded = (row: readonly (PlanValue | "")[]) =>
    row.some((v) => typeof v === "string" && excelMightConvert(v));
  const size = (row: readonly (PlanValue | "")[]) =>
    jsonBytes(row) + (guarded(row) ? width * 5 + 2 : 0);
  return rowBlocks(cells, size, budget).map(({ start, end, bytes }) => {
    const block = cells.slice(start, end);
    const rect: Rect = {
      row: op.row + start,
      column: op.column,
      rows: block.length,
      columns: width,
    };
    return {
      bytes,
      touches: { sheet: op.sheet, rect },
      queue(ctx) {
        const range = sheetOf(ctx, op.sheet).getRange(address(rect));
        // Text that Excel would read as a formula, number, date or boolean is given the Text
        // format first, so it is stored exactly; other cells keep their format (null).
        if (block.some(guarded))
          range.numberFormat = block.map((row) =>
            row.map((v) => (typeof v === "string" && excelMightConvert(v) ? "@" : null)),
          ) as string[][];
        range.values = block as (string | number | boolean)[][];
      },
    };
  });
}

function formatSteps(op: Extract<WriteOp, { op: "format" }>, budget: number): Step[] {
  const { range: rect, format } = op;
  const steps: Step[] = [];
  const styled: CellFormat = { ...format };
  delete (styled as { numberFormat?: string }).numberFormat;
  if (Object.keys(styled).length)
    steps.push({
      bytes: COMMAND_BYTES * (1 + Object.keys(styled).length),
      touches: { sheet: op.sheet, rect },
      queue(ctx) {
        const f = sheetOf(ctx, op.sheet).getRange(address(rect)).format;
        if (styled.fill !== undefined) f.fill.color = styled.fill;
        if (styled.fontColor !== undefined) f.font.color = styled.fontColor;
        if (styled.bold !== undefined) f.font.bold = styled.bold;
        if (styled.italic !== undefined) f.font.italic = styled.italic;
        if (styled.wrap !== undefined) f.wrapText = styled.wrap;
      },
    });
  const nf = format.numberFormat;
  if (nf !== undefined) {
    // Office.js takes number formats as a full 2-D array: a tall column is cut into row blocks.
    const rowBytes = rect.columns * (jsonBytes(nf) + 1) + 2;
    const rows = Array.from({ length: rect.rows }, () => rowBytes);
    for (const { start, end, bytes } of rowBlocks(rows, (b) => b, budget)) {
      const part: Rect = { ...rect, row: rect.row + start, rows: end - start };
      steps.push({
        bytes,
        touches: { sheet: op.sheet, rect: part },
        queue(ctx) {
          sheetOf(ctx, op.sheet).getRange(address(part)).numberFormat = Array.from(
            { length: part.rows },
            () => new Array<string>(part.columns).fill(nf),
          );
        },
      });
    }
  }
  return steps;
}

function columnsRect(count: number): Rect {
  return { row: 1, column: 1, rows: 1048576, columns: count };
}

/** The steps of one plan operation. `exists` tells whether a sheet is in the workbook by now. */
export function stepsOf(op: WriteOp, budget: number, exists: (sheet: string) => boolean): Step[] {
  switch (op.op) {
    case "addSheet":
      if (exists(op.sheet)) return [];
      return [
        {
          bytes: COMMAND_BYTES + jsonBytes(op.sheet),
          queue: (ctx) => void ctx.workbook.worksheets.add(op.sheet),
        },
      ];
    case "values":
      return valuesSteps(op, budget);
    case "format":
      return formatSteps(op, budget);
    case "clear":
      return [
        {
          bytes: COMMAND_BYTES,
          touches: { sheet: op.sheet, rect: op.range },
          queue: (ctx) => sheetOf(ctx, op.sheet).getRange(address(op.range)).clear("All"),
        },
      ];
    case "listValidation": {
      const source = op.values.join(",");
      return [
        {
          bytes: COMMAND_BYTES * 3 + jsonBytes(source) * 2,
          touches: { sheet: op.sheet, rect: op.range },
          queue(ctx) {
            const dv = sheetOf(ctx, op.sheet).getRange(address(op.range)).dataValidation;
            // Setting a rule where one exists fails: clear first.
            dv.clear();
            dv.rule = { list: { inCellDropDown: true, source } };
            // A warning, not a stop: Baton validates on every change anyway, and a stop would
            // block a paste the user means to fix.
            dv.errorAlert = {
              showAlert: true,
              style: "Warning",
              title: "Baton",
              message: `Choose one of: ${op.values.join(", ")}.`,
            };
          },
        },
      ];
    }
    case "freeze":
      return [
        {
          bytes: COMMAND_BYTES * 2,
          queue(ctx) {
            const panes = sheetOf(ctx, op.sheet).freezePanes;
            panes.unfreeze();
            if (op.rows > 0 && op.columns > 0)
              panes.freezeAt(sheetOf(ctx, op.sheet).getRange(a1Range(1, 1, op.rows, op.columns)));
            else if (op.rows > 0) panes.freezeRows(op.rows);
            else if (op.columns > 0) panes.freezeColumns(op.columns);
          },
        },
      ];
    case "columnWidths":
      if (!op.widths.length) return [];
      return [
        {
          bytes: COMMAND_BYTES * op.widths.length,
          touches: { sheet: op.sheet, rect: columnsRect(op.widths.length) },
          queue(ctx) {
            const ws = sheetOf(ctx, op.sheet);
            op.widths.forEach((w, i) => {
              const letter = columnLetters(i + 1);
              ws.getRange(`${letter}:${letter}`).format.columnWidth = pointsFromCharacters(w);
            });
          },
        },
      ];
    case "protect":
      return [
        {
          bytes: COMMAND_BYTES * (2 + op.editable.length),
          touches: { sheet: op.sheet, rect: columnsRect(16384) },
          relocks: true,
          queue(ctx) {
            const ws = sheetOf(ctx, op.sheet);
            ws.getRange().format.protection.locked = true;
            for (const r of op.editable) ws.getRange(address(r)).format.protection.locked = false;
          },
        },
        {
          bytes: COMMAND_BYTES,
          protects: op.sheet,
          queue: (ctx) => sheetOf(ctx, op.sheet).protection.protect(BATON_PROTECTION),
        },
      ];
    case "setAnchor":
      // The host knows whether the Baton sheet exists: it writes the anchor with `anchorSteps`.
      return anchorSteps(op.value, BATON_SHEET, false);
  }
}

/** Makes the very hidden Baton sheet, for a plan that writes Baton's state into it. */
export function stateSheetSteps(): Step[] {
  return [
    {
      bytes: COMMAND_BYTES * 2,
      queue(ctx) {
        ctx.workbook.worksheets.add(BATON_SHEET).visibility = "VeryHidden";
      },
    },
  ];
}

/**
 * Writes the anchor into the very hidden Baton sheet (created when `sheet` is null), as text,
 * and removes the copy an earlier add-in kept in the workbook's settings (`legacy`).
 */
export function anchorSteps(value: string, sheet: string | null, legacy: boolean): Step[] {
  return [
    {
      bytes: COMMAND_BYTES * 4 + jsonBytes(value),
      queue(ctx) {
        const ws = sheet ? sheetOf(ctx, sheet) : ctx.workbook.worksheets.add(BATON_SHEET);
        if (!sheet) ws.visibility = "VeryHidden";
        const cells = ws.getRange("A1:B1");
        cells.numberFormat = [["@", "@"]];
        cells.values = [[ANCHOR_LABEL, value]];
        if (legacy) ctx.workbook.settings.getItem(ANCHOR_SETTING).delete();
      },
    },
  ];
}

/**
 * Key of the seal anchor in the workbook's settings, where earlier versions of the add-in kept
 * it: read once, to move it into the Baton sheet.
 */
export const ANCHOR_SETTING = "baton.sealAnchor";
