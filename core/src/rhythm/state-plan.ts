/**
 * Several keys of the Baton sheet written in one plan. Each key's operations are computed
 * against the grid as the operations before it leave it, so two new keys take two new rows
 * rather than the same one.
 */
import type { Grid, CellValue } from "../cells/values.ts";
import { BATON_SHEET } from "../ledger/state.ts";
import type { WriteOp } from "../ports/plan.ts";

type Writer = (grid: Grid | undefined) => WriteOp[];

/** The grid after the plan's value writes to the Baton sheet. */
function applied(grid: Grid | undefined, ops: readonly WriteOp[]): Grid {
  const rows: CellValue[][] = (grid ?? []).map((r) => [...r]);
  for (const op of ops) {
    if (op.op !== "values" || op.sheet !== BATON_SHEET) continue;
    op.values.forEach((values, i) => {
      const row = (rows[op.row - 1 + i] ??= []);
      values.forEach((v, j) => (row[op.column - 1 + j] = v as CellValue));
    });
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

export function stateWritesAll(
  grid: Grid | undefined | null,
  writers: readonly Writer[],
): WriteOp[] {
  let g = grid ?? undefined;
  const out: WriteOp[] = [];
  for (const w of writers) {
    const ops = w(g);
    out.push(...ops);
    g = applied(g, ops);
  }
  return out;
}
