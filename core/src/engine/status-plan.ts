/**
 * The computed columns of an evaluation as a write plan: Status (coloured), Reasons, Root
 * Cause, Last Check-in, Gate, Confirmed Value, Days Late, Blocks, Latest and Forecast.
 *
 * Columns are found by header through the workbook's layout; a computed column the sheet lacks
 * is added after its last header. Each run of adjacent computed columns is written as one block
 * from row 2 to the last row the sheet holds, so a host makes one write per run, not one per
 * cell, and rows that no longer hold a record (deleted, blanked, or beyond the last) lose the
 * values and colours of an earlier run. Status fills go out as one format per run of rows
 * with the same status, Gate fills (by level, as the funnel draws them) likewise, and a KPI's Latest and Forecast number formats (its own precision)
 * as one per run of rows with the same format.
 */
import { COLUMNS, type Column, type SheetKey } from "../template/sheets.ts";
import type { Workbook } from "../workbook/read.ts";
import {
  COMPUTED_HEADER_FORMAT,
  GATE_FILL,
  STATUS_FILL,
  type PlanValue,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { describeReason, type Status } from "./reasons.ts";
import { numberFormatFor } from "../cells/precision.ts";
import type { Evaluation, InitiativeEvaluation } from "./evaluate.ts";

type Entry = { readonly row: number; readonly status: Status };
type Cell<E> = (e: E) => PlanValue;
type Fill = { readonly fill: string; readonly fontColor: string };
/** A computed column's colour for an entry; entries with the same colour share one format op. */
type Colour<E> = (e: E) => Fill | undefined;

const byStatus = (e: Entry): Fill => STATUS_FILL[e.status];

export function statusPlan(wb: Workbook, ev: Evaluation): WritePlan {
  const ops: WriteOp[] = [];
  sheetOps(ops, wb, "objectives", ev.objectives, {
    status: (e) => e.status,
    reasons: (e) => e.reasons.map(describeReason).join("; ") || null,
  });
  // Latest and Forecast keep every digit for formulas; their number format shows people the
  // KPI's own precision (31.5, 3,344).
  sheetOps(
    ops,
    wb,
    "kpis",
    ev.kpis,
    {
      latest: (e) => e.latest,
      forecast: (e) => e.forecast,
      status: (e) => e.status,
    },
    { keys: ["latest", "forecast"], numberFormat: (e) => numberFormatFor(e.decimals) },
  );
  const gates = wb.layout.gateDecisions !== undefined;
  sheetOps(
    ops,
    wb,
    "initiatives",
    ev.initiatives,
    {
      status: (e) => e.status,
      rootCause: (e) => e.rootCauses.join(", ") || null,
      lastCheckin: (e) => e.lastCheckin,
      // Gate and Confirmed Value only where the workbook keeps gate decisions: a version 1
      // workbook gains them by upgrading, not piecemeal from a status refresh.
      ...(wb.layout.gateDecisions
        ? {
            gate: (e: InitiativeEvaluation) => e.gate,
            confirmedValue: (e: InitiativeEvaluation) => e.value.confirmed,
          }
        : {}),
    },
    undefined,
    gates ? { status: byStatus, gate: (e: InitiativeEvaluation) => GATE_FILL[e.gate] } : undefined,
  );
  sheetOps(ops, wb, "handoffs", ev.handoffs, {
    status: (e) => e.status,
    daysLate: (e) => e.daysLate,
    blocks: (e) => e.blocks,
  });
  return { ops };
}

function sheetOps<E extends Entry>(
  ops: WriteOp[],
  wb: Workbook,
  key: SheetKey,
  entries: readonly E[],
  cells: Record<string, Cell<E>>,
  numbers?: { readonly keys: readonly string[]; readonly numberFormat: (e: E) => string },
  colours: Record<string, Colour<E>> = { status: byStatus },
): void {
  const layout = wb.layout[key];
  if (!layout) return;
  const sheet = layout.name;
  const specs = (COLUMNS[key] as readonly Column[]).filter((c) => c.computed && cells[c.key]);

  // Where each computed column goes: its header's column, or the next free one after the headers.
  let next = layout.headerWidth + 1;
  const placed = specs.map((spec) => {
    const found = layout.columns[spec.key];
    return { spec, column: found ?? next++, added: found === undefined };
  });
  for (const p of placed.filter((p) => p.added)) {
    ops.push({ op: "values", sheet, row: 1, column: p.column, values: [[p.spec.header]] });
    ops.push({
      op: "format",
      sheet,
      range: { row: 1, column: p.column, rows: 1, columns: 1 },
      format: COMPUTED_HEADER_FORMAT,
    });
  }

  let lastRow = layout.rowCount;
  const byRow = new Map<number, E>();
  for (const e of entries) {
    byRow.set(e.row, e);
    if (e.row > lastRow) lastRow = e.row;
  }
  if (lastRow < 2) return;
  const rows = lastRow - 1;
  const at: (E | undefined)[] = new Array(rows);
  for (let r = 0; r < rows; r++) at[r] = byRow.get(r + 2);

  // Adjacent columns form one block.
  placed.sort((a, b) => a.column - b.column);
  for (let s = 0; s < placed.length;) {
    let e = s + 1;
    while (e < placed.length && placed[e]!.column === placed[e - 1]!.column + 1) e++;
    const run = placed.slice(s, e).map((p) => cells[p.spec.key]!);
    const values: PlanValue[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const entry = at[r];
      values[r] = entry ? run.map((cell) => cell(entry)) : run.map(() => null);
    }
    ops.push({ op: "values", sheet, row: 2, column: placed[s]!.column, values });
    s = e;
  }

  if (numbers) numberFormatOps(ops, sheet, at, placed, numbers);

  for (const p of placed) {
    const colour = colours[p.spec.key];
    if (colour) colourOps(ops, sheet, p.column, at, colour);
  }
}

/** One format per run of rows with the same colour in a column; rows without one are cleared. */
function colourOps<E>(
  ops: WriteOp[],
  sheet: string,
  column: number,
  at: readonly (E | undefined)[],
  colour: Colour<E>,
): void {
  const rows = at.length;
  const fills = at.map((e) => (e ? colour(e) : undefined));
  for (let r = 0; r < rows;) {
    const f = fills[r];
    let end = r + 1;
    while (end < rows && fills[end] === f) end++;
    const range = { row: r + 2, column, rows: end - r, columns: 1 };
    ops.push(f ? { op: "format", sheet, range, format: { ...f } } : { op: "clear", sheet, range });
    r = end;
  }
}

/**
 * Number formats of the rows that hold a record, one op per run of rows with the same format
 * over each run of adjacent columns.
 */
function numberFormatOps<E>(
  ops: WriteOp[],
  sheet: string,
  at: readonly (E | undefined)[],
  placed: readonly { spec: Column; column: number }[],
  numbers: { readonly keys: readonly string[]; readonly numberFormat: (e: E) => string },
): void {
  const columns = placed
    .filter((p) => numbers.keys.includes(p.spec.key))
    .map((p) => p.column)
    .sort((a, b) => a - b);
  const formats = at.map((e) => (e ? numbers.numberFormat(e) : undefined));
  for (let c = 0; c < columns.length;) {
    let ce = c + 1;
    while (ce < columns.length && columns[ce] === columns[ce - 1]! + 1) ce++;
    for (let r = 0; r < formats.length;) {
      const f = formats[r];
      let end = r + 1;
      while (end < formats.length && formats[end] === f) end++;
      if (f !== undefined)
        ops.push({
          op: "format",
          sheet,
          range: { row: r + 2, column: columns[c]!, rows: end - r, columns: ce - c },
          format: { numberFormat: f },
        });
      r = end;
    }
    c = ce;
  }
}
