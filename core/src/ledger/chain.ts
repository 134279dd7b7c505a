/**
 * Walking the seal chain: recompute every seal in sheet order and say where, and why, the
 * sheet stops matching it.
 *
 * At a row that does not match, hypotheses are tested in a fixed order, each by recomputing a
 * seal, never by guessing:
 * - its Seal cell was changed or cleared: the seal recomputed from its content is the one the
 *   next sealed row (or, for the newest row, the anchor) was chained to;
 * - it is a row inserted among the sealed ones: it has no seal above a sealed row, or repeats
 *   a sequence number already used, or the genuine row of its number follows it;
 * - rows were reordered: the row expected here is further down (the newest sealed row dragged
 *   below two or more rows without a seal is found there, intact);
 * - a row was deleted: the row expected here is nowhere;
 * - otherwise its content was edited (its own seal is still what the next row is chained to).
 * After a content or seal edit the walk goes on (so every edited row is named); after a
 * structural break it stops, since everything below is displaced.
 *
 * The walk is linear: one hash per sealed row, plus a few at each break.
 */
import type { LedgerAnchor } from "./anchor.ts";
import type { LedgerRow } from "./rows.ts";
import { GENESIS_SEAL } from "./seal.ts";

export type BreakReason =
  | "content-edited"
  | "seal-edited"
  | "row-deleted"
  | "rows-reordered"
  | "row-inserted"
  | "anchor-missing"
  | "anchor-mismatch"
  | "seals-missing"
  | "signature-invalid"
  | "signature-unknown-key"
  | "signature-missing"
  | "kept-anchor-mismatch";

export interface ChainBreak {
  /** 1-based sheet row (of Check-ins unless `sheet` names another). */
  readonly row: number;
  /** The sheet of the row, when it is not Check-ins (a gate decision). */
  readonly sheet?: string;
  readonly reason: BreakReason;
  /** What happened, in words, for messages. */
  readonly detail: string;
  /**
   * True for the one break an interrupted close leaves: rows sealed beyond the anchor (or with
   * no anchor yet), every one of them verifying. Running the close again completes it.
   */
  readonly resumable?: boolean;
}

export interface ChainWalk {
  /** Rows of Check-ins that carry a Seal cell. */
  readonly sealedRows: number;
  /** Rows of Gate Decisions that carry a Seal cell. */
  readonly sealedDecisions: number;
  /** The chain as verified from the first sealed row: its rows and their (true) seals, in order. */
  readonly chain: readonly { readonly row: LedgerRow; readonly hex: string }[];
  /** Breaks in sheet order; the first is the first broken row. */
  readonly breaks: readonly ChainBreak[];
}

/**
 * The anchor as the walk sees it: undefined when none is at hand (validation of bare grids),
 * null when the document has none, the string Baton stored otherwise.
 */
export type AnchorInput =
  { readonly text: string | null; readonly parsed: LedgerAnchor | undefined } | undefined;

export function walkChain(rows: readonly LedgerRow[], anchor: AnchorInput): ChainWalk {
  const breaks: ChainBreak[] = [];
  const chain: { row: LedgerRow; hex: string }[] = [];
  let sealedRows = 0;
  let sealedDecisions = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.sealText === null) continue;
    if (r.sheet === undefined) sealedRows++;
    else sealedDecisions++;
  }
  // Where each sequence number is, made at the first break that asks: an intact chain never does.
  let bySeqMap: Map<number, number[]> | undefined;
  const bySeq = (): ReadonlyMap<number, number[]> => {
    if (bySeqMap) return bySeqMap;
    bySeqMap = new Map();
    for (let i = 0; i < rows.length; i++) {
      const seal = rows[i]!.seal;
      if (!seal) continue;
      const list = bySeqMap.get(seal.seq);
      if (list) list.push(i);
      else bySeqMap.set(seal.seq, [i]);
    }
    return bySeqMap;
  };

  let prev = GENESIS_SEAL;
  let seq = 1;
  let firstOpen = -1;
  let stopped = false;
  const add = (at: At, reason: BreakReason, detail: string, resumable = false) =>
    breaks.push({ ...where(at), reason, detail, ...(resumable ? { resumable } : {}) });
  const advance = (row: LedgerRow, hex: string) => {
    chain.push({ row, hex });
    prev = hex;
    seq++;
  };
  /** True when the row is sealed row `seq`, its seal and content as they were sealed. */
  const isNextSealed = (row: LedgerRow) =>
    row.seal?.seq === seq && row.sealIs(row.seal.hex, prev, seq);
  /** True when `hex`, as the seal of sealed row `seq`, is what the chain after it was built on. */
  const confirms = (hex: string, next: LedgerRow | undefined) => {
    if (next) return next.seal?.seq === seq + 1 && next.sealIs(next.seal.hex, hex, seq + 1);
    const a = anchor?.parsed;
    return a !== undefined && a.rows === seq && a.seal === hex;
  };

  for (let i = 0; i < rows.length && !stopped; i++) {
    const row = rows[i]!;
    if (row.sealText === null) {
      if (firstOpen < 0) firstOpen = i;
      continue;
    }
    if (firstOpen >= 0) {
      const open = rows[firstOpen]!;
      const h = open.sealFrom(prev, seq);
      if (firstOpen === i - 1 && confirms(h, row)) {
        add(
          open,
          "seal-edited",
          `its Seal cell was cleared (it is sealed row ${seq} of the ledger)`,
        );
        advance(open, h);
      } else if (i - firstOpen > 1 && isNextSealed(row)) {
        // The very row the chain expects next, intact, below rows without a seal: it was dragged
        // down past them (the sheet cannot tell that from the same rows inserted above it, so
        // the message names both). One row without a seal is read as one row inserted.
        add(
          row,
          "rows-reordered",
          `sealed row ${seq} was moved down: it belongs at row ${open.sheetRow} and is now at row ${row.sheetRow}, below ${i - firstOpen} rows without a seal (or those rows were inserted above it)`,
        );
        stopped = true;
        break;
      } else {
        add(open, "row-inserted", "a row without a seal was inserted among the sealed rows");
        stopped = true;
        break;
      }
      firstOpen = -1;
    }
    const intact = row.sealedAs(prev, seq);
    if (intact !== undefined) {
      advance(row, intact);
      continue;
    }
    const s = row.seal;
    const h = row.sealFrom(prev, seq);
    const nextRow = rows[i + 1];
    const next = nextRow && nextRow.sealText !== null ? nextRow : undefined;
    if (!s) {
      add(
        row,
        "seal-edited",
        `its Seal cell no longer holds a Baton seal (it is sealed row ${seq} of the ledger)`,
      );
      advance(row, h);
      continue;
    }
    if (s.hex === h || confirms(h, next)) {
      add(row, "seal-edited", `its Seal cell was changed (it is sealed row ${seq} of the ledger)`);
      advance(row, h);
      continue;
    }
    const copies = bySeq().get(s.seq)!;
    if (s.seq === seq) {
      if (next?.seal?.seq === seq && next.sealIs(next.seal.hex, prev, seq)) {
        add(
          row,
          "row-inserted",
          `a row was inserted above sealed row ${seq}, with a copy of its seal`,
        );
        stopped = true;
        break;
      }
      add(row, "content-edited", "its content was edited after it was sealed");
      advance(row, s.hex);
      continue;
    }
    stopped = true;
    const expectedAt = (bySeq().get(seq) ?? []).find((j) => j > i);
    if (s.seq < seq || copies.length > 1) {
      add(
        row,
        "row-inserted",
        `a row was inserted among the sealed rows: it repeats the seal of sealed row ${s.seq}`,
      );
    } else if (expectedAt !== undefined) {
      if (belongsAt(row, s, rows, bySeq()))
        add(
          row,
          "rows-reordered",
          `sealed rows were moved: sealed row ${s.seq} is here, where sealed row ${seq} belongs (now at row ${rows[expectedAt]!.sheetRow})`,
        );
      else
        add(
          row,
          "row-inserted",
          "a row with a seal that fits nowhere in the chain was inserted among the sealed rows",
        );
    } else {
      const missing =
        s.seq - seq === 1 ? `sealed row ${seq} is` : `sealed rows ${seq} to ${s.seq - 1} are`;
      add(row, "row-deleted", `${missing} missing above it: a sealed row was deleted`);
    }
  }

  if (!stopped && anchor !== undefined) checkAnchor(rows, chain, prev, seq, firstOpen, anchor, add);
  return { sealedRows, sealedDecisions, chain, breaks };
}

/** Where a break is: a row of the ledger, or a sheet row of Check-ins. */
type At = { readonly sheetRow: number; readonly sheet?: string | undefined } | number;

const where = (at: At): { row: number; sheet?: string } =>
  typeof at === "number"
    ? { row: at }
    : { row: at.sheetRow, ...(at.sheet !== undefined ? { sheet: at.sheet } : {}) };

/** True when the row is the genuine sealed row its seal names: it chains onto that row's predecessor. */
function belongsAt(
  row: LedgerRow,
  s: { seq: number; hex: string },
  rows: readonly LedgerRow[],
  bySeq: ReadonlyMap<number, number[]>,
): boolean {
  const before = s.seq === 1 ? GENESIS_SEAL : rows[bySeq.get(s.seq - 1)?.[0] ?? -1]?.seal?.hex;
  return before !== undefined && row.sealIs(s.hex, before, s.seq);
}

function checkAnchor(
  rows: readonly LedgerRow[],
  chain: readonly { row: LedgerRow; hex: string }[],
  prev: string,
  seq: number,
  firstOpen: number,
  anchor: NonNullable<AnchorInput>,
  add: (at: At, reason: BreakReason, detail: string, resumable?: boolean) => void,
): void {
  const n = chain.length;
  const newestRow = chain[n - 1]?.row;
  const newest = newestRow?.sheetRow;
  // Where the first sealed row belongs, for breaks with no sealed row to point at.
  const top: At = rows[0] ?? 2;
  if (anchor.text === null) {
    if (newest !== undefined)
      add(
        newestRow!,
        "anchor-missing",
        "the document's seal anchor is missing, so the newest seals cannot be confirmed",
        true,
      );
    return;
  }
  const a = anchor.parsed;
  if (!a) {
    add(newestRow ?? top, "anchor-mismatch", "the document's seal anchor is unreadable");
    return;
  }
  if (n < a.rows) {
    const open = firstOpen >= 0 ? rows[firstOpen] : undefined;
    if (open && a.rows === seq && open.sealIs(a.seal, prev, seq)) {
      add(open, "seal-edited", `its Seal cell was cleared (it is sealed row ${seq} of the ledger)`);
      return;
    }
    const missing =
      a.rows - n === 1 ? `sealed row ${a.rows} is` : `sealed rows ${n + 1} to ${a.rows} are`;
    add(
      open ?? (newestRow ? { ...newestRow, sheetRow: newestRow.sheetRow + 1 } : top),
      "row-deleted",
      `${missing} missing: the anchor records ${a.rows} sealed rows and the sheet has ${n}`,
    );
    return;
  }
  const atAnchor = chain[a.rows - 1];
  if (a.rows > 0 && atAnchor!.hex !== a.seal) {
    add(
      atAnchor!.row,
      "anchor-mismatch",
      "the seals do not match the document's anchor: the sealed rows were rewritten and resealed",
    );
    return;
  }
  if (n > a.rows) {
    add(
      chain[a.rows]!.row,
      "anchor-mismatch",
      `rows are sealed beyond the anchor, which records ${a.rows}: a close was interrupted (run it again) or seals were added outside Baton`,
      true,
    );
  }
}
