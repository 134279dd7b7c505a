/**
 * What the chain alone cannot show: whether the anchor was signed by a closer Settings lists,
 * whether a history that once existed is gone, and whether the chain still holds an anchor kept
 * outside the workbook (`verify --anchor`). Each finding is a break like the chain's own, at the
 * newest sealed row (or where the first sealed row belongs), so every host reports it the same way.
 */
import type { LedgerAnchor } from "./anchor.ts";
import type { ChainBreak, ChainWalk } from "./chain.ts";
import { anchorSignatureValid, parseClosers, type Closer } from "./signature.ts";

export interface TrustInput {
  readonly walk: ChainWalk;
  /** The stored anchor: undefined when the host has no storage, null when there is none. */
  readonly anchorText: string | null | undefined;
  readonly anchor: LedgerAnchor | undefined;
  /** Settings' Closers values, as read. */
  readonly closers: readonly string[];
  /** A seal (64 hex digits) kept elsewhere at an earlier close, to find in the chain. */
  readonly kept?: string;
}

export function closersOf(values: readonly string[]): Closer[] {
  return values.flatMap((v) => parseClosers(v).closers);
}

const short = (hex: string) => `${hex.slice(0, 8)}…`;

export function trustBreaks(input: TrustInput): ChainBreak[] {
  const { walk, anchor, kept } = input;
  const closers = closersOf(input.closers);
  const newestRow = walk.chain[walk.chain.length - 1]?.row;
  const newest = newestRow?.sheetRow ?? 2;
  const on = newestRow?.sheet !== undefined ? { sheet: newestRow.sheet } : {};
  const out: ChainBreak[] = [];
  if (
    walk.sealedRows + walk.sealedDecisions === 0 &&
    !anchor &&
    closers.length &&
    input.anchorText !== undefined
  )
    out.push({
      row: 2,
      reason: "seals-missing",
      detail:
        "Settings lists Closers, so this workbook is meant to be sealed, but it has no sealed rows and no anchor: the sealed history and the Baton sheet were deleted (or no period was ever closed)",
    });
  if (anchor) {
    if (anchor.key !== undefined || anchor.signature !== undefined) {
      if (!anchorSignatureValid(anchor))
        out.push({
          row: newest,
          ...on,
          reason: "signature-invalid",
          detail:
            "the anchor's signature does not match it: the anchor was changed after it was signed",
        });
      else if (closers.length && !closers.some((c) => c.key === anchor.key))
        out.push({
          row: newest,
          ...on,
          reason: "signature-unknown-key",
          detail: `the anchor is signed by key ${short(anchor.key!)}, which is not among the Closers in Settings`,
        });
    } else if (closers.length)
      out.push({
        row: newest,
        ...on,
        reason: "signature-missing",
        detail: "Settings lists Closers, but the anchor is not signed by any key",
      });
  }
  if (kept !== undefined) {
    const hex = kept.trim().toLowerCase().replace(/^\d+:/, "");
    if (!walk.chain.some((c) => c.hex === hex))
      out.push({
        row: walk.chain[0]?.row.sheetRow ?? 2,
        reason: "kept-anchor-mismatch",
        detail: `the anchor kept elsewhere (${short(hex)}) is not a seal of this chain: sealed rows up to it were rewritten or removed`,
      });
  }
  return out;
}
