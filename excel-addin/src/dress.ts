/// <reference types="office-js" />
/**
 * What Excel adds to a template sheet that the plan does not say: when a plan creates one of
 * the template's record sheets, its header and rows become an Excel table (filter buttons,
 * banding, structured references), and its status columns get conditional formats in the
 * status colours, so a value typed or computed later is coloured by Excel itself.
 */
import {
  a1Range,
  columnLetters,
  COLUMNS,
  SHEET,
  STATUS_FILL,
  type Column,
  type SheetKey,
  type WriteOp,
} from "@baton/core";
import type { Step } from "./steps.ts";

type RecordSheet = Exclude<SheetKey, "settings">;

const RECORD_SHEETS = (Object.keys(SHEET) as SheetKey[]).filter(
  (k): k is RecordSheet => k !== "settings",
);

/** Columns coloured by status: each computed Status, and the RAG a check-in reports. */
export function statusColumns(
  key: RecordSheet,
): { column: number; values: readonly (keyof typeof STATUS_FILL)[] }[] {
  const out: { column: number; values: readonly (keyof typeof STATUS_FILL)[] }[] = [];
  (COLUMNS[key] as readonly Column[]).forEach((c, i) => {
    if (c.computed && c.key === "status")
      out.push({ column: i + 1, values: ["Green", "Amber", "Red", "Done", "Paused"] });
    if (key === "checkins" && c.key === "rag")
      out.push({ column: i + 1, values: ["Green", "Amber", "Red"] });
  });
  return out;
}

const TABLE_STYLE = "TableStyleLight1";
const LAST_ROW = 1048576;

/**
 * The Excel-only steps for the record sheets a plan creates, by sheet name. `created` holds the
 * sheets the plan adds that did not exist before.
 */
export function dressing(
  ops: readonly WriteOp[],
  created: ReadonlySet<string>,
): Map<string, Step[]> {
  const out = new Map<string, Step[]>();
  for (const key of RECORD_SHEETS) {
    const sheet = SHEET[key];
    if (!created.has(sheet)) continue;
    let width = 0;
    let lastRow = 1;
    for (const op of ops) {
      if (op.op !== "values" || op.sheet !== sheet) continue;
      if (op.row === 1 && op.column === 1) width = Math.max(width, op.values[0]?.length ?? 0);
      lastRow = Math.max(lastRow, op.row + op.values.length - 1);
    }
    if (!width) continue;
    // A table needs a data row under its header; an empty one is what Excel makes too.
    const tableRange = a1Range(1, 1, Math.max(2, lastRow), width);
    const steps: Step[] = [
      {
        bytes: 400,
        touches: { sheet, rect: { row: 1, column: 1, rows: Math.max(2, lastRow), columns: width } },
        queue(ctx) {
          const table = ctx.workbook.worksheets.getItem(sheet).tables.add(tableRange, true);
          table.style = TABLE_STYLE;
        },
      },
    ];
    for (const { column, values } of statusColumns(key)) {
      const letter = columnLetters(column);
      const range = `${letter}2:${letter}${LAST_ROW}`;
      steps.push({
        bytes: 700 * values.length,
        touches: { sheet, rect: { row: 2, column, rows: LAST_ROW - 1, columns: 1 } },
        queue(ctx) {
          const cfs = ctx.workbook.worksheets.getItem(sheet).getRange(range).conditionalFormats;
          for (const status of values) {
            const cf = cfs.add("CellValue");
            cf.cellValue.format.fill.color = STATUS_FILL[status].fill;
            cf.cellValue.format.font.color = STATUS_FILL[status].fontColor;
            cf.cellValue.rule = { formula1: `="${status}"`, operator: "EqualTo" };
          }
        },
      });
    }
    out.set(sheet, steps);
  }
  return out;
}
