/**
 * Verification: do Check-ins and Gate Decisions still hold exactly what was sealed? (One chain
 * runs through both: `decisions.ts`.)
 *
 * `verifyLedger` recomputes the chain from the sheet and compares its end with the anchor from
 * the document's hidden storage. It names the first broken row and why; it never throws on any
 * cell value.
 */
import type { Grids } from "../cells/values.ts";
import { findSheet, readWorkbook, sheetsOf, type Workbook } from "../workbook/read.ts";
import { SHEET } from "../template/sheets.ts";
import { parseAnchor, type LedgerAnchor } from "./anchor.ts";
import { walkChain, type AnchorInput, type BreakReason, type ChainWalk } from "./chain.ts";
import { ledgerRows } from "./rows.ts";
import { chainOrder, decisionRows } from "./decisions.ts";
import { trustBreaks } from "./trust.ts";

export interface LedgerBreak {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly reason: BreakReason;
  /** What happened, in words. */
  readonly message: string;
}

export interface LedgerVerification {
  /** True when every seal matches and the newest agrees with the anchor. */
  readonly intact: boolean;
  /** Rows of Check-ins that carry a seal. */
  readonly sealedRows: number;
  /** Rows of Gate Decisions that carry a seal (0 in a workbook without the sheet). */
  readonly sealedDecisions: number;
  readonly firstBroken: LedgerBreak | null;
  /** Every break found (the walk goes on past edited rows, and stops at a structural break). */
  readonly breaks: readonly LedgerBreak[];
  /** The stored anchor, read; null when there is none or it is unreadable. */
  readonly anchor: LedgerAnchor | null;
}

/** The anchor text as the chain walk takes it. */
export function anchorInput(anchor: string | null | undefined): AnchorInput {
  if (anchor === undefined) return undefined;
  return { text: anchor, parsed: anchor === null ? undefined : parseAnchor(anchor) };
}

/** The seal chain of a workbook's Check-ins sheet, walked. */
export interface LedgerWalk {
  readonly walk: ChainWalk;
  /** Check-ins as the workbook spells it. */
  readonly sheet: string;
}

/** Walks the ledger of an already read workbook (its Check-ins grid is in `grids`). */
export function walkWorkbookLedger(
  grids: Grids,
  workbook: Workbook,
  anchor: AnchorInput,
): LedgerWalk {
  const layout = workbook.layout.checkins;
  const sheet = layout?.name ?? SHEET.checkins;
  const grid = layout ? grids[layout.name] : undefined;
  const zone = anchor?.parsed?.zone ?? workbook.settings.timeZone;
  const rows = grid && layout ? ledgerRows(grid, { columns: layout.columns, zone }) : [];
  const gates = workbook.layout.gateDecisions;
  const gatesGrid = gates ? grids[gates.name] : undefined;
  const decisions =
    gates && gatesGrid
      ? decisionRows(gatesGrid, { columns: gates.columns, zone, sheet: gates.name })
      : [];
  return { walk: walkChain(chainOrder(rows, decisions), anchor), sheet };
}

/**
 * Verifies the seals of a workbook's Check-ins against the anchor the host stores (`null` when
 * it has none; undefined where a host has no hidden storage, such as a folder of CSV files, and
 * the chain is checked alone). Only the Check-ins and Settings sheets are read.
 */
export interface VerifyOptions {
  /** A seal kept outside the workbook at an earlier close (`verify --anchor`): 64 hex digits. */
  readonly kept?: string;
}

export function verifyLedger(
  grids: Grids,
  anchor: string | null | undefined,
  options: VerifyOptions = {},
): LedgerVerification {
  // Settings, and the header of Check-ins for where its columns are: the rows are not read as records.
  const subset: Record<string, Grids[string]> = {};
  const present = sheetsOf(grids);
  const settings = findSheet(present, SHEET.settings);
  if (settings) subset[settings] = grids[settings];
  const checkins = findSheet(present, SHEET.checkins);
  if (checkins) subset[checkins] = grids[checkins]?.slice(0, 1);
  const gates = findSheet(present, SHEET.gateDecisions);
  if (gates) subset[gates] = grids[gates]?.slice(0, 1);
  const { workbook } = readWorkbook(subset);
  const input = anchorInput(anchor);
  const { walk, sheet } = walkWorkbookLedger(grids, workbook, input);
  const trust = trustBreaks({
    walk,
    anchorText: anchor,
    anchor: input?.parsed,
    closers: workbook.settings.closers,
    ...(options.kept !== undefined ? { kept: options.kept } : {}),
  });
  const breaks = [...walk.breaks, ...trust].map((b) => ({
    sheet: b.sheet ?? sheet,
    row: b.row,
    reason: b.reason,
    message: b.detail,
  }));
  return {
    intact: breaks.length === 0,
    sealedRows: walk.sealedRows,
    sealedDecisions: walk.sealedDecisions,
    firstBroken: breaks[0] ?? null,
    breaks,
    anchor: input?.parsed ?? null,
  };
}
