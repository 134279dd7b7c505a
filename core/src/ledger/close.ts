/**
 * Closing a period: the write plan that seals every open period up to and including P, oldest
 * first, locks the sealed rows, moves Current Period past P and stores the new anchor.
 *
 * The sealed rows sit in one block at the top of Check-ins, in seal order, so the rows a team
 * still types into are one editable rectangle below them. Check-ins typed out of order (an old
 * week's row below a newer one, or one block per initiative) are moved: the rows being sealed
 * come up, sorted by period, and every other row keeps its relative order below them. A moved
 * row is rewritten whole, its team's own columns included, so nothing is lost; a formula in a
 * moved row is kept as its value, as a sealed value must not recompute.
 *
 * Gate decisions (template version 2) continue the same chain: after the check-ins, the open
 * decisions dated on or before P's end are sealed, oldest first, moved up into one block at the
 * top of Gate Decisions the same way, and that sheet is protected the same way
 * (`decisions.ts`). The anchor counts the rows of both sheets; a workbook without the sheet
 * seals exactly as before.
 *
 * The plan runs seals → protection → Current Period → anchor. Every seal and moved row is one
 * `values` operation, so a close cut off between operations leaves the rows either untouched or
 * sealed, never half moved. The anchor comes last, so until it is written the period is not
 * closed: running the close again keeps the seals that verify and completes the rest. Closing a
 * closed period changes nothing.
 */
import type { CellValue, Grid, Grids } from "../cells/values.ts";
import { isBlank } from "../cells/values.ts";
import {
  isDateSerial,
  localDateTimeFromInstant,
  serialFromLocalDateTime,
  type IsoDate,
} from "../cells/dates.ts";
import { validateWithLedger } from "./validation.ts";
import type { ValidationIssue } from "../issues/issues.ts";
import { todayOf } from "../validate/validate.ts";
import { SHEET, type Checkin } from "../template/sheets.ts";
import { SETTING_KEYS, settingKeyOf, type Settings } from "../template/settings.ts";
import type { Workbook } from "../workbook/read.ts";
import {
  cadenceOf,
  comparePeriods,
  formatPeriod,
  nextPeriod,
  parsePeriod,
  periodOf,
  periodStartDays,
  type Period,
} from "../template/periods.ts";
import {
  COMPUTED_HEADER_FORMAT,
  LAST_ROW,
  type PlanValue,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { formatAnchor, parseAnchor, type LedgerAnchor } from "./anchor.ts";
import { publicKeyOf, signAnchor, type ClosingKey } from "./signature.ts";
import { closersOf } from "./trust.ts";
import { GENESIS_SEAL, formatSeal } from "./seal.ts";
import { sealOfRow } from "./seal-row.ts";
import { sealOfDecisionRow } from "./decisions.ts";
import type { ChainBreak } from "./chain.ts";

export interface CloseInput {
  /** The workbook's sheets as the host read them (Check-ins and Settings at least). */
  readonly grids: Grids;
  /** The anchor from the document's hidden storage (`host.readAnchor()`); null when none. */
  readonly anchor: string | null;
  /** The period to close, `2026-W47` or `2026-10`. */
  readonly period: string;
  /**
   * The instant of the close. A period can be closed once it has begun by the calendar (today
   * in the workbook's time zone), whatever Current Period says.
   */
  readonly now?: Date;
  /** Today in the workbook's time zone (YYYY-MM-DD), instead of `now` (`baton close --as-of`). */
  readonly today?: IsoDate;
  /**
   * The closer's key, kept outside the workbook: the anchor is signed with it. When Settings
   * lists Closers, a close needs a key among them. The first signed close of a workbook without
   * Closers lists its key there, under `keyName`.
   */
  readonly key?: ClosingKey;
  readonly keyName?: string;
}

export type CloseRefusal =
  | "unknown-period"
  | "wrong-cadence"
  | "future-period"
  | "before-first-checkin"
  | "already-closed"
  | "interrupted-close"
  | "not-a-closer"
  | "validation-errors";

export type CloseResult =
  | {
      readonly ok: true;
      readonly plan: WritePlan;
      /** Check-ins sealed by this close. */
      readonly sealed: number;
      /** Gate decisions sealed by this close. */
      readonly sealedDecisions: number;
      /** Sealed rows of Check-ins after it (the anchor counts the gate decisions too). */
      readonly sealedRows: number;
      /** The periods this close closes, oldest first. */
      readonly closedPeriods: readonly string[];
      /** Current Period after the close. */
      readonly currentPeriod: string;
      /** Rows moved up to join the sealed block. */
      readonly moved: number;
      /** The anchor the plan stores. */
      readonly anchor: string;
      /** The newest seal (64 hex digits): keep it elsewhere to check with `verify --anchor`. */
      readonly seal: string;
      /** The public key that signed the anchor, when a key was given. */
      readonly signedBy?: string;
      /** True when this close listed its key as the workbook's first closer. */
      readonly closerAdded?: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: CloseRefusal;
      /** What stopped the close, in words. */
      readonly message: string;
      /** The issues to fix (for `validation-errors`). */
      readonly issues: readonly ValidationIssue[];
    };

const refused = (
  reason: CloseRefusal,
  message: string,
  issues: readonly ValidationIssue[] = [],
): Extract<CloseResult, { ok: false }> => ({ ok: false, reason, message, issues });

const refuse = (
  reason: CloseRefusal,
  message: string,
  issues: readonly ValidationIssue[] = [],
): CloseResult => refused(reason, message, issues);

/** Decides the close of `period` and returns its plan, or why it cannot be closed. Never throws on cell values. */
export function closePeriod(input: CloseInput): CloseResult {
  const target = parsePeriod(input.period);
  if (!target || formatPeriod(target) !== input.period.trim().toUpperCase()) {
    return refuse(
      "unknown-period",
      `"${input.period}" is not a period: name an ISO week such as 2026-W47, or a month such as 2026-10.`,
    );
  }
  const { workbook, issues, ledger } = validateWithLedger(input.grids, [], {
    anchor: input.anchor,
    ...(input.today !== undefined ? { today: input.today } : {}),
    ...(input.now !== undefined ? { now: input.now } : {}),
  });
  const anchor = input.anchor === null ? undefined : parseAnchor(input.anchor);
  const when = judgeWhen(target, workbook.settings, anchor, todayOf(workbook, input));
  if (!when.ok) return when;
  const signing = judgeCloser(workbook.settings, input.key);
  if (!signing.ok) return signing;
  const state = ledgerState(workbook, ledger.walk.chain);
  const layout = workbook.layout.checkins;
  const blocking = blockingIssues(issues, ledger.walk.breaks, state, target);
  if (blocking.length || !layout) return refuseForIssues(target, blocking);
  const interrupted = interruptedBeyond(state, target);
  if (interrupted) return interrupted;
  const toSeal = rowsToSeal(workbook, state, target);
  if (!anchor && !state.kept.length && !toSeal.length)
    return refuse("before-first-checkin", nothingToSeal(workbook, target));

  const zone = anchor?.zone ?? workbook.settings.timeZone;
  const last = state.kept[state.kept.length - 1];
  const checkinsSealing = sealAndArrange(input.grids[layout.name]!, layout, {
    top: state.keptCheckinsTop,
    rows: toSeal.map((s) => s.record.row),
    prev: last?.hex ?? GENESIS_SEAL,
    seq: state.kept.length + 1,
    sealer: sealOfRow,
    zone,
  });
  const P = formatPeriod(target);
  const ops: WriteOp[] = [
    ...checkinsSealing.ops,
    lockSealedRows(layout.name, checkinsSealing, "check-ins", P),
  ];
  let sealing = checkinsSealing;
  const gates = workbook.layout.gateDecisions;
  const gatesGrid = gates ? input.grids[gates.name] : undefined;
  if (gates && gatesGrid) {
    const decisions = decisionsToSeal(workbook, state, target);
    sealing = sealAndArrange(gatesGrid, gates, {
      top: state.keptDecisionsTop,
      rows: decisions,
      prev: checkinsSealing.seal,
      seq: checkinsSealing.sealedRows + 1,
      sealer: sealOfDecisionRow,
      zone,
    });
    ops.push(...sealing.ops);
    if (sealing.firstOpen > 2) ops.push(lockSealedRows(gates.name, sealing, "gate decisions", P));
  }
  const setCurrent =
    when.current && comparePeriods(when.current, nextPeriod(target)) >= 0
      ? when.current
      : nextPeriod(target);
  const settingsSheet = workbook.layout.settings?.name ?? SHEET.settings;
  const settingsColumns = workbook.layout.settings?.columns ?? {};
  const currentOps = currentPeriodOps(
    input.grids,
    settingsSheet,
    settingsColumns,
    formatPeriod(setCurrent),
    workbook.settings.currentPeriod,
  );
  ops.push(...currentOps);
  const unsigned = { rows: sealing.sealedRows, seal: sealing.seal, through: P, zone };
  const newAnchor = formatAnchor(input.key ? signAnchor(unsigned, input.key) : unsigned);
  const { signer } = signing;
  const closerAdded = signer !== undefined && !signing.closers.length;
  if (closerAdded)
    ops.push(
      ...closersOps(
        input.grids,
        settingsSheet,
        settingsColumns,
        `${(input.keyName ?? "closer").replace(/[:,;\n]/g, " ").trim() || "closer"}:${signer}`,
        // A Current Period row added by this close takes the row below the last; Closers goes under it.
        currentOps.some(
          (op) => op.op === "values" && op.values[0]?.[0] === SETTING_KEYS.currentPeriod,
        ),
      ),
    );
  ops.push({ op: "setAnchor", value: newAnchor });

  return {
    ok: true,
    plan: { ops },
    sealed: toSeal.length,
    sealedDecisions: sealing.sealedRows - checkinsSealing.sealedRows,
    sealedRows: state.keptRows.size + toSeal.length,
    closedPeriods: periodsClosed(when.through, state, toSeal, target),
    currentPeriod: formatPeriod(setCurrent),
    moved: checkinsSealing.movedRows + (sealing === checkinsSealing ? 0 : sealing.movedRows),
    anchor: newAnchor,
    seal: sealing.seal,
    ...(signer ? { signedBy: signer } : {}),
    ...(closerAdded ? { closerAdded } : {}),
  };
}

/**
 * Whether `target` can be closed now: the workbook's cadence, not already sealed by the anchor,
 * and begun by the calendar (or, without today, by Current Period).
 */
function judgeWhen(
  target: Period,
  settings: Settings,
  anchor: LedgerAnchor | undefined,
  today: IsoDate | undefined,
):
  | {
      readonly ok: true;
      readonly through: Period | undefined;
      readonly current: Period | undefined;
    }
  | Extract<CloseResult, { ok: false }> {
  const P = formatPeriod(target);
  if (cadenceOf(target) !== settings.cadence) {
    const instead =
      settings.cadence === "Weekly" ? "an ISO week such as 2026-W47" : "a month such as 2026-10";
    return refused(
      "wrong-cadence",
      `${P} is a ${target.kind}, but the workbook's cadence is ${settings.cadence}: close ${instead}.`,
    );
  }
  const through = anchor ? parsePeriod(anchor.through) : undefined;
  if (through && cadenceOf(through) !== settings.cadence) {
    return refused(
      "wrong-cadence",
      `The ledger is sealed through ${anchor!.through}, but the workbook's cadence is now ${settings.cadence}; set Cadence back to close further periods.`,
    );
  }
  if (through && comparePeriods(target, through) <= 0) {
    return refused(
      "already-closed",
      `${P} is already closed: the ledger is sealed through ${anchor!.through}. Nothing changed.`,
    );
  }
  const current = currentPeriodOf(settings.currentPeriod, settings.cadence, today);
  // By the calendar when the caller gave it; Current Period may lag behind it.
  const begun = today ? periodOf(today, settings.cadence) : current;
  if (begun && comparePeriods(target, begun) > 0) {
    return refused(
      "future-period",
      today
        ? `${P} has not begun: today is ${today} (${settings.timeZone}), in ${formatPeriod(begun)}. Only a period that has begun can be closed.`
        : `${P} is after the current period ${formatPeriod(begun)}: only a period that has begun can be closed.`,
    );
  }
  return { ok: true, through, current };
}

/** Whether the key may close: where Settings lists Closers, it must be one of theirs. */
function judgeCloser(settings: Settings, key: ClosingKey | undefined) {
  const closers = closersOf(settings.closers);
  const signer = key ? publicKeyOf(key.secretKey) : undefined;
  if (closers.length && (!signer || !closers.some((c) => c.key === signer))) {
    const listed = closers.map((c) => c.name || c.key.slice(0, 8) + "…").join(", ");
    return refused(
      "not-a-closer",
      signer
        ? `The key ${signer} is not among the Closers in Settings (${listed}): only a listed key may close. Close with a listed key, or have the team add "name:${signer}" to Closers.`
        : `Settings lists Closers (${listed}): a close must be signed with one of their keys, and none was given.`,
    );
  }
  return { ok: true as const, closers, signer };
}

/** A period read from its text, with the day it starts: periods of one kind compare by it. */
interface ReadPeriod {
  readonly period: Period;
  readonly start: number;
}

/**
 * `parsePeriod` with the day the period starts, each text read once: 250k check-ins name a
 * few hundred periods.
 */
function periodStartReader(): (text: string) => ReadPeriod | undefined {
  const read = new Map<string, ReadPeriod | undefined>();
  return (text) => {
    let p = read.get(text);
    if (p === undefined && !read.has(text)) {
      const period = parsePeriod(text);
      p = period && { period, start: periodStartDays(period) };
      read.set(text, p);
    }
    return p;
  };
}

/** The ledger as it stands: the rows already sealed (in chain order) and every check-in by row. */
interface LedgerState {
  readonly kept: readonly {
    readonly row: { readonly sheetRow: number; readonly sheet?: string };
    readonly hex: string;
  }[];
  /** Sheet rows of the sealed check-ins. */
  readonly keptRows: ReadonlySet<number>;
  readonly keptDecisions: ReadonlySet<number>;
  /** The last sheet row of each sheet's sealed block (1, the header, when none is sealed). */
  readonly keptCheckinsTop: number;
  readonly keptDecisionsTop: number;
  /** Each check-in at the index of its sheet row. */
  readonly records: readonly (Checkin | undefined)[];
  /** `parsePeriod`, each text parsed once. */
  readonly period: (text: string) => ReadPeriod | undefined;
  readonly sheets: { readonly checkins: string; readonly settings: string };
}

function ledgerState(workbook: Workbook, kept: LedgerState["kept"]): LedgerState {
  const records: Checkin[] = [];
  for (const c of workbook.checkins) records[c.row] = c;
  const checkins = kept.filter((k) => k.row.sheet === undefined).map((k) => k.row.sheetRow);
  const decisions = kept.filter((k) => k.row.sheet !== undefined).map((k) => k.row.sheetRow);
  return {
    kept,
    keptRows: new Set(checkins),
    keptDecisions: new Set(decisions),
    keptCheckinsTop: checkins[checkins.length - 1] ?? 1,
    keptDecisionsTop: decisions[decisions.length - 1] ?? 1,
    records,
    period: periodStartReader(),
    sheets: {
      checkins: workbook.layout.checkins?.name ?? SHEET.checkins,
      settings: workbook.layout.settings?.name ?? SHEET.settings,
    },
  };
}

function refuseForIssues(target: Period, blocking: readonly ValidationIssue[]): CloseResult {
  const n = blocking.length;
  return refuse(
    "validation-errors",
    `${formatPeriod(target)} cannot be closed until ${n === 1 ? "this issue is" : `these ${n} issues are`} fixed.`,
    blocking,
  );
}

/** A close of a later period that was cut off: it must be completed before closing anything else. */
function interruptedBeyond(state: LedgerState, target: Period): CloseResult | undefined {
  const beyond = state.kept
    .map((k) => (k.row.sheet === undefined ? state.records[k.row.sheetRow]?.period : undefined))
    .find((p) => p && comparePeriods(state.period(p)!.period, target) > 0);
  if (!beyond) return undefined;
  const P = formatPeriod(target);
  return refuse(
    "interrupted-close",
    `Check-ins of ${beyond} are already sealed, beyond ${P}: a close of ${beyond} was interrupted. Close ${beyond} again to complete it.`,
  );
}

interface ToSeal {
  readonly record: Checkin;
  readonly period: ReadPeriod;
}

/** The rows to seal: open check-ins up to P, oldest period first, in sheet order within one. */
function rowsToSeal(workbook: Workbook, state: LedgerState, target: Period): ToSeal[] {
  const last = periodStartDays(target);
  const out: ToSeal[] = [];
  const checkins = workbook.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const record = checkins[at]!;
    if (state.keptRows.has(record.row)) continue;
    const period = state.period(record.period);
    if (period?.period.kind === target.kind && period.start <= last) out.push({ record, period });
  }
  return out.sort((a, b) => a.period.start - b.period.start || a.record.row - b.record.row);
}

/**
 * The gate decisions to seal: open ones dated on or before the end of P, oldest first (by Date,
 * then sheet row). A decision whose Date cannot be read stays open; its issue says why.
 */
function decisionsToSeal(workbook: Workbook, state: LedgerState, target: Period): number[] {
  return workbook.gateDecisions
    .filter((d) => !state.keptDecisions.has(d.row) && typeof d.date === "string")
    .map((d) => ({ row: d.row, date: d.date as IsoDate }))
    .filter((d) => comparePeriods(periodOf(d.date, cadenceOf(target)), target) <= 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row))
    .map((d) => d.row);
}

/** Why a first close before any check-in seals nothing, naming the first period there is. */
function nothingToSeal(workbook: Workbook, target: Period): string {
  const P = formatPeriod(target);
  const first = workbook.checkins
    .map((c) => parsePeriod(c.period))
    .filter((p): p is Period => p?.kind === target.kind)
    .reduce<Period | undefined>(
      (min, p) => (!min || comparePeriods(p, min) < 0 ? p : min),
      undefined,
    );
  return first
    ? `${P} is before the first check-in, which is for ${formatPeriod(first)}: there is nothing to seal. Close ${formatPeriod(first)} or a later period.`
    : `${P} cannot be closed: Check-ins has no check-ins yet, so there is nothing to seal.`;
}

interface Sealing {
  readonly ops: WriteOp[];
  readonly sealedRows: number;
  /** The newest seal (64 hex digits). */
  readonly seal: string;
  readonly movedRows: number;
  /** The first row below the sealed block, and the width the protection spans. */
  readonly firstOpen: number;
  readonly width: number;
}

/**
 * The seals of the rows to seal, continuing the kept chain, and the writes that put them in
 * place: the Seal header when the sheet has none, the rows moved up into one block when they
 * were out of order, else the Seal cells alone.
 */
function sealAndArrange(
  grid: Grid,
  layout: NonNullable<Workbook["layout"]["checkins"]>,
  from: {
    /** The last row of the sheet's sealed block (1 when none). */
    readonly top: number;
    /** Sheet rows to seal, in seal order. */
    readonly rows: readonly number[];
    /** The chain's newest seal and the next sequence number. */
    readonly prev: string;
    readonly seq: number;
    readonly sealer: typeof sealOfRow;
    readonly zone: string;
  },
): Sealing {
  const { top, zone } = from;
  const toSeal = from.rows;
  const ops: WriteOp[] = [];
  let sealCol = layout.columns.seal;
  if (sealCol === undefined) {
    sealCol = layout.headerWidth + 1;
    ops.push({ op: "values", sheet: layout.name, row: 1, column: sealCol, values: [["Seal"]] });
    ops.push({
      op: "format",
      sheet: layout.name,
      range: { row: 1, column: sealCol, rows: 1, columns: 1 },
      format: COMPUTED_HEADER_FORMAT,
    });
  }
  const columns = { ...layout.columns, seal: sealCol };
  const arranged = arrange(grid, top, toSeal);
  const width = Math.max(layout.headerWidth, sealCol, arranged.width);

  // Seal over the values as they will stand in the sheet: a moved row is rewritten as plan values.
  let prev = from.prev;
  let seq = from.seq;
  const seals: string[] = [];
  for (let i = 0; i < toSeal.length; i++) {
    const source = grid[toSeal[i]! - 1] ?? [];
    const cells = arranged.moved ? source.map((v) => planValue(v, zone)) : source;
    prev = from.sealer(prev, seq, cells, columns, zone);
    seals.push(formatSeal({ seq, hex: prev }));
    seq++;
  }
  if (arranged.moved) {
    const end = Math.max(arranged.lastChanged, top + toSeal.length);
    const values: PlanValue[][] = [];
    for (let r = top + 1; r <= end; r++) {
      const source = grid[arranged.order[r - top - 1]! - 1] ?? [];
      const out: PlanValue[] = [];
      for (let c = 0; c < width; c++) out.push(planValue(source[c], zone));
      const k = r - top - 1;
      if (k < seals.length) out[sealCol - 1] = seals[k]!;
      values.push(out);
    }
    ops.push({ op: "values", sheet: layout.name, row: top + 1, column: 1, values });
  } else if (seals.length) {
    ops.push({
      op: "values",
      sheet: layout.name,
      row: top + 1,
      column: sealCol,
      values: seals.map((s) => [s]),
    });
  }
  return {
    ops,
    sealedRows: seq - 1,
    seal: prev,
    movedRows: arranged.movedRows,
    firstOpen: top + toSeal.length + 1,
    width,
  };
}

/** Protects a ledger sheet with every row below its sealed block left editable. */
function lockSealedRows(sheet: string, sealing: Sealing, what: string, P: string): WriteOp {
  const { firstOpen, width } = sealing;
  return {
    op: "protect",
    sheet,
    editable: [{ row: firstOpen, column: 1, rows: LAST_ROW - firstOpen + 1, columns: width }],
    description: `Baton ledger: ${what} through ${P} are sealed and locked; enter new ${what} from row ${firstOpen}.`,
  };
}

/** The periods this close closes, oldest first: from after the anchor's (or the oldest sealed) through P. */
function periodsClosed(
  through: Period | undefined,
  state: LedgerState,
  toSeal: readonly ToSeal[],
  target: Period,
): string[] {
  let first = through ? nextPeriod(through) : target;
  if (!through) {
    // The oldest period sealed before, or sealed now (toSeal is oldest first).
    for (const k of state.kept) {
      const text = state.records[k.row.sheetRow]?.period;
      const p = text ? state.period(text)?.period : undefined;
      if (p && comparePeriods(p, first) < 0) first = p;
    }
    const oldest = toSeal[0]?.period.period;
    if (oldest && comparePeriods(oldest, first) < 0) first = oldest;
  }
  const closed: string[] = [];
  for (let p = first; comparePeriods(p, target) <= 0; p = nextPeriod(p))
    closed.push(formatPeriod(p));
  return closed;
}

/** Current Period as Settings has it, or, without one, the period today falls in. */
function currentPeriodOf(
  text: string | null,
  cadence: "Weekly" | "Monthly",
  today: IsoDate | undefined,
): Period | undefined {
  const set = text ? parsePeriod(text) : undefined;
  if (set && cadenceOf(set) === cadence) return set;
  return today ? periodOf(today, cadence) : undefined;
}

/**
 * The issues that stop a close: errors in Settings (they decide how check-ins read), in the
 * Check-ins header, in any check-in row that is to be sealed or whose period cannot be told,
 * and any break in the seals other than the trace of an interrupted close. Errors in rows
 * already sealed do not stop it: history cannot be corrected, only appended to.
 */
function blockingIssues(
  issues: readonly ValidationIssue[],
  breaks: readonly ChainBreak[],
  { sheets, records, keptRows, period }: LedgerState,
  target: Period,
): ValidationIssue[] {
  const resumable = new Set(breaks.filter((b) => b.resumable).map((b) => `${b.row}|${b.detail}`));
  return issues.filter((i) => {
    if (i.severity !== "error") return false;
    if (i.code === "sealed-row-edited") return !resumable.has(`${i.row}|${i.reason}`);
    if (i.sheet === sheets.settings || (i.code === "missing-sheet" && i.sheet === SHEET.checkins))
      return true;
    if (i.sheet !== sheets.checkins) return false;
    if (i.row === 1) return true;
    const record = records[i.row];
    const p = record ? period(record.period)?.period : undefined;
    if (!p || p.kind !== target.kind) return true;
    if (keptRows.has(i.row)) return false;
    return comparePeriods(p, target) <= 0;
  });
}

/**
 * The new order of the rows below the sealed block (sheet rows after `top`): the rows to seal
 * first, in seal order, then every other row in its old order. Says which rows move.
 */
function arrange(grid: Grid, top: number, sealRows: readonly number[]) {
  const sealing = new Uint8Array(grid.length + 1);
  for (const r of sealRows) if (r < sealing.length) sealing[r] = 1;
  const order: number[] = [...sealRows];
  let width = 0;
  for (let r = top + 1; r <= grid.length; r++) {
    width = Math.max(width, grid[r - 1]?.length ?? 0);
    if (!sealing[r]) order.push(r);
  }
  let lastChanged = 0;
  let movedRows = 0;
  order.forEach((from, k) => {
    const to = top + 1 + k;
    if (from !== to && !isBlankRow(grid[from - 1])) movedRows++;
    if (from !== to) lastChanged = to;
  });
  return { order, width, moved: lastChanged > 0, lastChanged, movedRows };
}

const isBlankRow = (cells: readonly CellValue[] | undefined) =>
  !cells || cells.every((v) => isBlank(v));

/**
 * A cell as a plan writes it back: a Date becomes its serial in the ledger's zone, or, outside
 * the years a spreadsheet can show, its date-time as text; an invalid Date holds nothing.
 */
function planValue(v: CellValue, zone: string): PlanValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) {
    const local = localDateTimeFromInstant(v, zone);
    if (!local) return null;
    const serial = /^\d{4}-\d{2}-\d{2}T/.test(local) ? serialFromLocalDateTime(local) : NaN;
    return isDateSerial(serial) ? serial : local;
  }
  return v;
}

/**
 * Lists the first closer in Settings, in a new Closers row below the last (one further down
 * when Current Period is being added in a new row by the same close).
 */
function closersOps(
  grids: Grids,
  sheet: string,
  columns: Readonly<Record<string, number>>,
  entry: string,
  currentPeriodAdded: boolean,
): WriteOp[] {
  const grid = grids[sheet] ?? [];
  const keyCol = columns.key ?? 1;
  const valueCol = columns.value ?? 2;
  const row = grid.length + 1 + (currentPeriodAdded ? 1 : 0);
  return [
    {
      op: "format",
      sheet,
      range: { row, column: valueCol, rows: 1, columns: 1 },
      format: { numberFormat: "@" },
    },
    { op: "values", sheet, row, column: keyCol, values: [[SETTING_KEYS.closers]] },
    { op: "values", sheet, row, column: valueCol, values: [[entry]] },
  ];
}

/** Writes Current Period in Settings: in its row when there is one, else in a new row. */
function currentPeriodOps(
  grids: Grids,
  sheet: string,
  columns: Readonly<Record<string, number>>,
  value: string,
  was: string | null,
): WriteOp[] {
  if (value === was) return [];
  const grid = grids[sheet] ?? [];
  const keyCol = columns.key ?? 1;
  const valueCol = columns.value ?? 2;
  let row =
    grid.findIndex(
      (cells, i) =>
        i > 0 &&
        typeof cells[keyCol - 1] === "string" &&
        settingKeyOf(cells[keyCol - 1] as string) === "currentPeriod",
    ) + 1;
  const ops: WriteOp[] = [];
  if (row === 0) {
    row = grid.length + 1;
    ops.push({ op: "values", sheet, row, column: keyCol, values: [[SETTING_KEYS.currentPeriod]] });
  }
  // Text format first, so a host never reads "2026-11" as a date.
  ops.push({
    op: "format",
    sheet,
    range: { row, column: valueCol, rows: 1, columns: 1 },
    format: { numberFormat: "@" },
  });
  ops.push({ op: "values", sheet, row, column: valueCol, values: [[value]] });
  return ops;
}
