/**
 * Gate decisions in the ledger. The Gate Decisions sheet (template version 2) is append-only
 * and sealed in the same chain as Check-ins:
 * - a close seals, in one chain, first the check-ins of the periods it closes, then the open
 *   gate decisions dated on or before the end of the period closed, oldest first (by Date,
 *   then sheet row); they are moved up into one sealed block at the top of the sheet, as
 *   check-ins are, and locked with the same protection;
 * - a decision row's canonical content is a JSON array whose first entry is the template's
 *   sheet name, "Gate Decisions", followed by its columns but Seal as check-ins are spelled
 *   (`canonical.ts`). A check-in's content starts with a tagged entry or null, never a bare
 *   string, so a row moved from one sheet to the other no longer matches its seal. Check-in
 *   rows are sealed exactly as before, so a version 1 workbook's chain is unchanged;
 * - verification walks the rows of both sheets in chain order (`chainOrder`): each sheet in
 *   sheet order, the two interleaved by the sequence numbers in their Seal cells.
 */
import type { CellValue, Grid } from "../cells/values.ts";
import { GATE_DECISION_COLUMNS, SHEET } from "../template/sheets.ts";
import { canonicalCell } from "./canonical.ts";
import { sealedSheetRows, type LedgerLayout, type LedgerRow } from "./rows.ts";
import { formatSeal, parseSeal, sealOf } from "./seal.ts";

/** The sealed columns of a decision, in template order: every column but Seal. */
export const SEALED_DECISION_COLUMNS = GATE_DECISION_COLUMNS.filter((c) => c.key !== "seal");

/** The canonical content of one row of the Gate Decisions grid, its sheet named first. */
export function canonicalDecisionRow(
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): string {
  const entries = SEALED_DECISION_COLUMNS.map((c) => {
    const at = columns[c.key];
    return at === undefined ? null : canonicalCell(cells[at - 1], c.kind, zone);
  });
  return JSON.stringify([SHEET.gateDecisions, ...entries]);
}

/** The seal (hex) of a decision row as the `seq`-th sealed row after `previous`. */
export function sealOfDecisionRow(
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): string {
  return sealOf(previous, seq, canonicalDecisionRow(cells, columns, zone));
}

/** Non-blank data rows of the Gate Decisions grid, each naming its sheet (`sheet`). */
export function decisionRows(grid: Grid, layout: LedgerLayout & { sheet: string }): LedgerRow[] {
  return sealedSheetRows(
    grid,
    layout,
    SEALED_DECISION_COLUMNS.map((c) => c.key),
    (sheetRow, cells, sealText): LedgerRow => ({
      sheetRow,
      sheet: layout.sheet,
      cells,
      sealText,
      seal: sealText === null ? undefined : parseSeal(sealText),
      canonical: () => canonicalDecisionRow(cells, layout.columns, layout.zone),
      sealFrom: (previous, seq) =>
        sealOfDecisionRow(previous, seq, cells, layout.columns, layout.zone),
      sealIs: (hex, previous, seq) =>
        sealOfDecisionRow(previous, seq, cells, layout.columns, layout.zone) === hex,
      sealedAs: (previous, seq) => {
        const hex = sealOfDecisionRow(previous, seq, cells, layout.columns, layout.zone);
        return sealText === formatSeal({ seq, hex }) ? hex : undefined;
      },
    }),
  );
}

/**
 * The rows of both sheets in chain order. Each sheet keeps its own order (so a row moved within
 * a sheet is still found out of place); the two are interleaved by the sequence number each
 * sealed row carries, check-ins first on a tie. A row without a readable seal goes with the row
 * above it in its sheet, and a row without a seal with the sealed row below it (or last), so
 * the walk meets them where it meets them in a single sheet. Without decisions the order is the
 * check-ins' own, exactly.
 */
export function chainOrder(
  checkins: readonly LedgerRow[],
  decisions: readonly LedgerRow[],
): LedgerRow[] {
  if (!decisions.length) return [...checkins];
  const a = keys(checkins);
  const b = keys(decisions);
  const out: LedgerRow[] = [];
  let i = 0;
  let j = 0;
  while (i < checkins.length || j < decisions.length) {
    if (j >= decisions.length || (i < checkins.length && a[i]! <= b[j]!)) out.push(checkins[i++]!);
    else out.push(decisions[j++]!);
  }
  return out;
}

function keys(rows: readonly LedgerRow[]): number[] {
  const out: number[] = new Array<number>(rows.length);
  let last = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.sealText === null) continue;
    last = r.seal?.seq ?? last;
    out[i] = last;
  }
  let next = Infinity;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]!.sealText === null) out[i] = next;
    else next = out[i]!;
  }
  return out;
}
