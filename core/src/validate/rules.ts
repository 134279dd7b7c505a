/**
 * Cross-row validation rules, one function per rule of DESIGN.md "Validation".
 *
 * Each rule reads the records (which remember their rows) and pushes issues; none throws, and
 * none rescans a sheet per row: lookups go through maps built once, so validation is linear in
 * the size of the workbook.
 */
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { locate, wasUnreadable, type Workbook, type SheetLayout } from "../workbook/read.ts";
import { SHEET, type SheetKey, type Checkin } from "../template/sheets.ts";
import { idKind, qualifiedRef, type IdKind } from "../template/ids.ts";
import {
  parsePeriod,
  comparePeriods,
  cadenceOf,
  formatPeriod,
  periodOf,
  periodReader,
  type Period,
} from "../template/periods.ts";
import type { IsoDate } from "../cells/dates.ts";
import { graphOf, cycles } from "../engine/graph.ts";

type Push = (issue: ValidationIssue) => void;

interface Ctx {
  readonly wb: Workbook;
  readonly push: Push;
  readonly at: (sheet: SheetKey, row: number, key: string) => ReturnType<typeof locate>;
  /** Today in the workbook's time zone, when the caller knows it. */
  readonly today: IsoDate | undefined;
}

function rowIndex<T extends { id: string; row: number }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of records) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

/** Unique IDs: every sheet's IDs are unique within it. */
export function uniqueIds(c: Ctx): void {
  const sheets: [SheetKey, readonly { id: string; row: number }[]][] = [
    ["objectives", c.wb.objectives],
    ["kpis", c.wb.kpis],
    ["initiatives", c.wb.initiatives],
    ["handoffs", c.wb.handoffs],
  ];
  for (const [sheet, records] of sheets) {
    const first = new Map<string, number>();
    for (const r of records) {
      const f = first.get(r.id);
      if (f === undefined) first.set(r.id, r.row);
      else
        c.push(
          makeIssue(c.at(sheet, r.row, "id"), { code: "duplicate-id", id: r.id, firstRow: f }),
        );
    }
  }
}

/** References exist: objectives of KPIs and initiatives, initiatives of hand-offs (check-in IDs: see checkinRules). */
export function referencesExist(c: Ctx): void {
  const objectives = rowIndex(c.wb.objectives);
  const initiatives = rowIndex(c.wb.initiatives);
  for (const k of c.wb.kpis)
    if (k.objectiveId && !objectives.has(k.objectiveId))
      c.push(
        makeIssue(c.at("kpis", k.row, "objectiveId"), {
          code: "unknown-reference",
          id: k.objectiveId,
          target: SHEET.objectives,
        }),
      );
  for (const i of c.wb.initiatives)
    if (i.objectiveId && !objectives.has(i.objectiveId))
      c.push(
        makeIssue(c.at("initiatives", i.row, "objectiveId"), {
          code: "unknown-reference",
          id: i.objectiveId,
          target: SHEET.objectives,
        }),
      );
  for (const h of c.wb.handoffs) {
    for (const key of ["from", "to"] as const) {
      const id = h[key];
      const remote = id ? qualifiedRef(id) : undefined;
      if (remote)
        c.push(
          makeIssue(c.at("handoffs", h.row, key), {
            code: "outside-workbook",
            id: id!,
            workbook: remote.workbook,
          }),
        );
      else if (id && !initiatives.has(id))
        c.push(
          makeIssue(c.at("handoffs", h.row, key), {
            code: "unknown-reference",
            id,
            target: SHEET.initiatives,
          }),
        );
    }
  }
}

/** Start after Due. */
export function startBeforeDue(c: Ctx): void {
  for (const i of c.wb.initiatives)
    if (i.start && i.due && i.start > i.due)
      c.push(
        makeIssue(c.at("initiatives", i.row, "start"), {
          code: "start-after-due",
          start: i.start,
          due: i.due,
        }),
      );
}

/** A hand-off from an initiative to itself. */
export function noSelfHandoff(c: Ctx): void {
  for (const h of c.wb.handoffs)
    if (h.from && h.from === h.to)
      c.push(makeIssue(c.at("handoffs", h.row, "to"), { code: "self-handoff", id: h.id }));
}

/** Hand-off cycles: every hand-off whose two ends sit on one cycle is reported with the cycle. */
export function noHandoffCycles(c: Ctx): void {
  const edges = c.wb.handoffs
    .filter((h) => h.from && h.to && h.from !== h.to)
    .map((h) => [h.from!, h.to!] as const);
  const graph = graphOf([], edges);
  for (const cycle of cycles(graph)) {
    const members = new Set(cycle.members);
    for (const h of c.wb.handoffs)
      if (h.from && h.to && h.from !== h.to && members.has(h.from) && members.has(h.to))
        c.push(
          makeIssue(c.at("handoffs", h.row, "from"), { code: "handoff-cycle", path: cycle.path }),
        );
  }
}

/** A KPI's Direction agrees with where Target lies from Baseline. */
export function kpiDirection(c: Ctx): void {
  for (const k of c.wb.kpis) {
    if (k.direction === null || k.baseline === null || k.target === null || k.baseline === k.target)
      continue;
    const up = k.target > k.baseline;
    if (up !== (k.direction === "Increase"))
      c.push(
        makeIssue(c.at("kpis", k.row, "direction"), {
          code: "direction-mismatch",
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
        }),
      );
  }
}

/**
 * The last closed period: the latest period with a sealed check-in. Periods up to it are closed
 * (the ledger seals every open period up to the one closed, oldest first).
 */
export function closedThrough(
  wb: Workbook,
  period: (text: string) => Period | undefined = parsePeriod,
): Period | undefined {
  let last: Period | undefined;
  const checkins = wb.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const ci = checkins[at]!;
    if (!ci.seal) continue;
    const p = period(ci.period);
    if (p && (!last || comparePeriods(p, last) > 0)) last = p;
  }
  return last;
}

/**
 * What the check-in rules need to know of the rest of the workbook, built once. Live
 * validation keeps it between edits, so checking one edited row costs a few map lookups.
 */
export interface CheckinIndex {
  readonly settings: Workbook["settings"];
  readonly initiativeIds: ReadonlySet<string>;
  readonly kpiIds: ReadonlySet<string>;
  /** Each ID of the sheet's check-ins: its number here and what it points at. */
  readonly ids: ReadonlyMap<string, CheckinsOfId>;
  /** Each period text of the sheet's check-ins, numbered. */
  readonly periodNos: ReadonlyMap<string, number>;
  /**
   * The first row of each ID and period, by ID number times the number of periods plus period
   * number: a row is a duplicate when the first of its key is above it. Numbers rather than
   * a map per ID, so that building it and looking a row up touch one small table.
   */
  readonly firstRow: FirstRows;
  /** Each period's text read once (a sheet holds a few dozen periods and many rows of each). */
  readonly period: (text: string) => Period | undefined;
  readonly closed: Period | undefined;
  readonly current: Period | undefined;
  /**
   * The period today falls in by the calendar (in the workbook's time zone), when the caller
   * knows today. A check-in after Current Period but in a period that has begun is then not a
   * typo but a Current Period that lags: one warning on Settings (`laggingCurrentPeriod`).
   */
  readonly thisPeriod: Period | undefined;
}

/** What the check-in rules know of one ID of the sheet. */
export interface CheckinsOfId {
  readonly no: number;
  readonly kind: IdKind | undefined;
  /** True when the ID names an initiative or KPI of the workbook. */
  readonly known: boolean;
}

/** First rows by key: a table when IDs times periods is small, else a map of the keys used. */
type FirstRows = Int32Array | Map<number, number>;

function idFacts(
  index: Pick<CheckinIndex, "initiativeIds" | "kpiIds">,
  id: string,
): Omit<CheckinsOfId, "no"> {
  const kind = idKind(id);
  const known =
    kind === "initiative"
      ? index.initiativeIds.has(id)
      : kind === "kpi"
        ? index.kpiIds.has(id)
        : false;
  return { kind, known };
}

export function checkinIndex(wb: Workbook, today?: IsoDate): CheckinIndex {
  return checkinIndexOf(wb, today).index;
}

/**
 * The index, and for each check-in (in the order of `wb.checkins`) its ID's entry and the
 * first row of its key, so that the rules over the whole sheet look nothing up again.
 */
function checkinIndexOf(
  wb: Workbook,
  today?: IsoDate,
): { index: CheckinIndex; entries: CheckinsOfId[]; firstRows: Int32Array } {
  const refs = {
    initiativeIds: new Set(wb.initiatives.map((i) => i.id)),
    kpiIds: new Set(wb.kpis.map((k) => k.id)),
  };
  const ids = new Map<string, CheckinsOfId>();
  const periodNos = new Map<string, number>();
  const n = wb.checkins.length;
  const entries: CheckinsOfId[] = new Array(n);
  const periodOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ci = wb.checkins[i]!;
    let entry = ids.get(ci.id);
    if (!entry) ids.set(ci.id, (entry = { no: ids.size, ...idFacts(refs, ci.id) }));
    entries[i] = entry;
    let p = periodNos.get(ci.period);
    if (p === undefined) periodNos.set(ci.period, (p = periodNos.size));
    periodOf[i] = p;
  }
  const periods = periodNos.size;
  // A table of every ID and period while it stays within a few entries per check-in.
  const firstRow: FirstRows =
    ids.size * periods <= 4 * n + 1024 ? new Int32Array(ids.size * periods) : new Map();
  const firstRows = new Int32Array(n);
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < n; i++) {
      const key = entries[i]!.no * periods + periodOf[i]!;
      if (pass === 1) firstRows[i] = firstOf(firstRow, key)!;
      else {
        const row = wb.checkins[i]!.row;
        const first = firstOf(firstRow, key);
        if (first === undefined || row < first) setFirst(firstRow, key, row);
      }
    }
  const period = periodReader();
  const index: CheckinIndex = {
    ...periodsOf(wb, today),
    settings: wb.settings,
    ...refs,
    ids,
    periodNos,
    firstRow,
    closed: closedThrough(wb, period),
    period,
  };
  return { index, entries, firstRows };
}

// Sheet rows start at 1, so 0 in the table is "none".
function firstOf(rows: FirstRows, key: number): number | undefined {
  if (rows instanceof Map) return rows.get(key);
  return rows[key] || undefined;
}

function setFirst(rows: FirstRows, key: number, row: number): void {
  if (rows instanceof Map) rows.set(key, row);
  else rows[key] = row;
}

/** Current Period, and the period today falls in when today is known. */
export function periodsOf(
  wb: Workbook,
  today?: IsoDate,
): Pick<CheckinIndex, "current" | "thisPeriod"> {
  return {
    current: wb.settings.currentPeriod ? parsePeriod(wb.settings.currentPeriod) : undefined,
    thisPeriod: today ? periodOf(today, wb.settings.cadence) : undefined,
  };
}

/** True when a check-in of period `p` is after Current Period although `p` has begun by the calendar. */
export function lagsBehind(
  index: Pick<CheckinIndex, "current" | "thisPeriod">,
  p: Period,
): boolean {
  const { current, thisPeriod } = index;
  return (
    current !== undefined &&
    thisPeriod !== undefined &&
    current.kind === p.kind &&
    thisPeriod.kind === p.kind &&
    comparePeriods(p, current) > 0 &&
    comparePeriods(p, thisPeriod) <= 0
  );
}

type At = (key: string) => ReturnType<typeof locate>;

/**
 * The rules of one check-in row: its ID exists, RAG for an initiative and Actual for a KPI,
 * Path to Green on Amber/Red, one check-in per ID and period, the period's cadence, and no
 * new rows in closed periods.
 */
export function checkinRowRules(index: CheckinIndex, ci: Checkin, at: At, push: Push): void {
  const entry = index.ids.get(ci.id);
  const p = index.periodNos.get(ci.period);
  const first =
    entry && p !== undefined
      ? firstOf(index.firstRow, entry.no * index.periodNos.size + p)
      : undefined;
  rowRules(index, ci, entry ?? idFacts(index, ci.id), first, at, push);
}

/** The rules of one row, given its ID's facts and the first row of its ID and period. */
function rowRules(
  index: CheckinIndex,
  ci: Checkin,
  { kind, known }: Omit<CheckinsOfId, "no">,
  first: number | undefined,
  at: At,
  push: Push,
): void {
  if (!known)
    push(
      makeIssue(at("id"), {
        code: "unknown-reference",
        id: ci.id,
        target: kind === "kpi" ? SHEET.kpis : SHEET.initiatives,
      }),
    );
  if (kind === "initiative" && ci.rag === null && !wasUnreadable(ci, "rag"))
    push(makeIssue(at("rag"), { code: "missing-rag", id: ci.id }));
  if (kind === "kpi" && ci.actual === null && !wasUnreadable(ci, "actual"))
    push(makeIssue(at("actual"), { code: "missing-actual", id: ci.id }));
  if (kind === "initiative" && (ci.rag === "Amber" || ci.rag === "Red") && !ci.pathToGreen?.trim())
    push(makeIssue(at("pathToGreen"), { code: "missing-path-to-green", rag: ci.rag }));
  if (first !== undefined && first < ci.row)
    push(
      makeIssue(at("id"), {
        code: "duplicate-checkin",
        id: ci.id,
        period: ci.period,
        firstRow: first,
      }),
    );
  const p = index.period(ci.period);
  if (!p) return;
  const { cadence } = index.settings;
  if (cadenceOf(p) !== cadence) {
    push(makeIssue(at("period"), { code: "period-cadence", period: ci.period, cadence }));
    return;
  }
  const { closed, current } = index;
  if (!ci.seal && closed && closed.kind === p.kind && comparePeriods(p, closed) <= 0)
    push(
      makeIssue(at("period"), {
        code: "checkin-closed-period",
        period: ci.period,
        closedThrough: formatPeriod(closed),
      }),
    );
  else if (
    current &&
    current.kind === p.kind &&
    comparePeriods(p, current) > 0 &&
    !lagsBehind(index, p)
  ) {
    // By the calendar when it is known: the row's period has not begun (most often a typo).
    const shown =
      index.thisPeriod?.kind === p.kind && comparePeriods(index.thisPeriod, current) > 0
        ? index.thisPeriod
        : current;
    push(
      makeIssue(at("period"), {
        code: "checkin-future-period",
        period: ci.period,
        current: formatPeriod(shown),
      }),
    );
  }
}

/** Check-in rules over the whole sheet. */
export function checkinRules(c: Ctx): void {
  const { index, entries, firstRows } = checkinIndexOf(c.wb, c.today);
  // One locator for every row (rules call it only while their row is being checked).
  let row = 0;
  const at: At = (key) => c.at("checkins", row, key);
  c.wb.checkins.forEach((ci, i) => {
    row = ci.row;
    rowRules(index, ci, entries[i]!, firstRows[i], at, c.push);
  });
}

export const CROSS_ROW_RULES = [
  uniqueIds,
  referencesExist,
  startBeforeDue,
  noSelfHandoff,
  noHandoffCycles,
  kpiDirection,
  checkinRules,
] as const;

export function runCrossRowRules(wb: Workbook, push: Push, today?: IsoDate): void {
  const at = (sheet: SheetKey, row: number, key: string) =>
    locate(sheet, wb.layout[sheet] as SheetLayout, row, key);
  const ctx: Ctx = { wb, push, at, today };
  for (const rule of CROSS_ROW_RULES) rule(ctx);
}
