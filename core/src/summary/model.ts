/**
 * The board summary as plain JSON: what leadership reads about the plan as of one day, from
 * which every renderer (the summary sheet, Markdown, the HTML page) draws the same facts.
 *
 * Decisions where DESIGN.md is silent:
 * - The summary's period is the period of the workbook's cadence that holds the as-of day
 *   (not the Settings' Current Period, which is the ledger's business): as of Thursday
 *   2026-11-26 on a weekly cadence it is 2026-W48.
 * - "What changed" compares with the workbook judged as of the last day of the previous period
 *   (2026-11-22 for 2026-W48): the state the plan was in when that period closed, whichever day
 *   of this period the summary is made on. Both judgements are the engine's, on the same rows.
 * - Lists run worst first and stop at `SUMMARY_LIMITS`, each saying how many more there are, so
 *   a board reads the worst of a large plan on one page and the summary sheet has a known size.
 */
import { daysFromIso, type IsoDate } from "../cells/dates.ts";
import { evaluate, type Evaluation } from "../engine/evaluate.ts";
import { worstFirst, worstHandoffFirst, type Reason, type Status } from "../engine/reasons.ts";
import {
  formatPeriod,
  periodEnd,
  periodOf,
  previousPeriod,
  type Cadence,
} from "../template/periods.ts";
import type { Direction } from "../template/sheets.ts";
import type { Workbook } from "../workbook/read.ts";
import { changesBetween, type Change } from "./changes.ts";
import { kpiTrends, type TrendPoint } from "./trend.ts";
import { falseGreenLines, type FalseGreenLine } from "./false-greens.ts";
import { valueSection, type ValueSection } from "./value.ts";

export type { FalseGreenLine } from "./false-greens.ts";
export type { GateStep, ObjectiveValueLine, UnitValue, ValueSection } from "./value.ts";

export const STATUSES = [
  "Red",
  "Amber",
  "Green",
  "Done",
  "Paused",
] as const satisfies readonly Status[];

export type StatusCounts = Readonly<Record<Status, number>>;

/** How many entries each list keeps, worst first. */
export const SUMMARY_LIMITS = {
  changes: 40,
  decisions: 20,
  objectives: 40,
  kpis: 60,
  handoffs: 40,
  stale: 40,
  falseGreens: 40,
} as const;

export type SummaryList = keyof typeof SUMMARY_LIMITS;

export interface CountLine {
  readonly now: StatusCounts;
  /** As of the comparison day. */
  readonly before: StatusCounts;
}

export interface Headline {
  readonly objectives: CountLine;
  readonly kpis: CountLine;
  readonly initiatives: CountLine;
  readonly handoffs: CountLine;
}

export type { Change, ChangeKind, Entity } from "./changes.ts";

/** An initiative at one end of a hand-off. */
export interface Party {
  readonly id: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly owner: string | null;
}

/** Where an initiative's or hand-off's trouble starts. */
export interface RootCause {
  readonly id: string;
  readonly entity: "initiative" | "handoff";
  /** The initiative's name or the hand-off's deliverable. */
  readonly name: string | null;
  /** The initiative's team, or the providing team of the hand-off. */
  readonly team: string | null;
  readonly status: Status | null;
}

export interface ObjectiveLine {
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  readonly targetDate: IsoDate | null;
  readonly status: Status;
  readonly reasons: readonly Reason[];
  /** Its initiatives by status: the bars of "status by objective". */
  readonly initiatives: StatusCounts;
  /** IDs of its KPIs. */
  readonly kpis: readonly string[];
}

export interface KpiLine {
  readonly id: string;
  readonly objectiveId: string | null;
  readonly name: string | null;
  readonly unit: string | null;
  readonly direction: Direction | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly targetDate: IsoDate | null;
  readonly latest: number | null;
  readonly forecast: number | null;
  /** Decimals its numbers are shown to (KpiEvaluation.decimals). */
  readonly decimals: number;
  /**
   * Share of the change from Baseline to Target that the latest Actual has made:
   * (Latest − Baseline) / (Target − Baseline). 1 is the Target met; negative is going the
   * wrong way. Null without a latest Actual, or when Baseline equals Target.
   */
  readonly progress: number | null;
  readonly status: "Green" | "Amber" | "Red";
  readonly reasons: readonly Reason[];
  /** One Actual per period up to the as-of day, oldest first (the latest `TREND_POINTS`). */
  readonly trend: readonly TrendPoint[];
}

export interface HandoffLine {
  readonly id: string;
  readonly deliverable: string | null;
  readonly status: "Red" | "Amber";
  readonly reasons: readonly Reason[];
  readonly owner: string | null;
  readonly neededBy: IsoDate | null;
  readonly committedDate: IsoDate | null;
  readonly daysLate: number | null;
  readonly blocks: number;
  /** The From initiative, which provides the deliverable. */
  readonly provider: Party | null;
  /** The To initiative, which waits for it. */
  readonly waiting: Party | null;
  readonly rootCauses: readonly RootCause[];
}

export interface StaleLine {
  readonly id: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly owner: string | null;
  readonly status: Status;
  /** Period of its latest check-in, or null when it never had one. */
  readonly lastCheckin: string | null;
}

/** What a Red hand-off asks of the board. */
export type Ask =
  /** Past Needed By: the provider commits to a date, or the waiting initiative re-plans. */
  | "set-date"
  /** Declined: someone else provides it, or the waiting initiative re-plans without it. */
  | "find-provider"
  /** Committed after Needed By: accept the later date or bring it forward. */
  | "accept-or-expedite";

export interface Decision {
  readonly handoffId: string;
  readonly deliverable: string | null;
  /** The hand-off's Owner, on the providing side. */
  readonly owner: string | null;
  readonly providerTeam: string | null;
  readonly waitingTeam: string | null;
  readonly waiting: Party | null;
  readonly neededBy: IsoDate | null;
  readonly committedDate: IsoDate | null;
  readonly daysLate: number | null;
  readonly blocks: number;
  readonly ask: Ask;
}

export interface BoardSummary {
  readonly asOf: IsoDate;
  readonly cadence: Cadence;
  /** The period holding the as-of day: `2026-W48` or `2026-11`. */
  readonly period: string;
  /** What "what changed" compares with: the previous period and its last day. */
  readonly since: { readonly period: string; readonly asOf: IsoDate };
  /** True when the workbook holds no objective, KPI, initiative or hand-off: nothing to report. */
  readonly empty: boolean;
  readonly headline: Headline;
  readonly changes: readonly Change[];
  readonly decisions: readonly Decision[];
  readonly objectives: readonly ObjectiveLine[];
  readonly kpis: readonly KpiLine[];
  /** Red and Amber hand-offs, worst first. */
  readonly handoffs: readonly HandoffLine[];
  /** Initiatives whose check-ins are stale. */
  readonly stale: readonly StaleLine[];
  /** Initiatives whose latest check-in says Green while the evidence says otherwise. */
  readonly falseGreens: readonly FalseGreenLine[];
  /** Value and the gate funnel; null on a workbook without gates and value (template version 1). */
  readonly value: ValueSection | null;
  /** Entries left out of each list by `SUMMARY_LIMITS`. */
  readonly omitted: Readonly<Record<SummaryList, number>>;
}

export interface SummaryOptions {
  /** The day to report as of, in the workbook's time zone. */
  readonly asOf: IsoDate;
  /**
   * The engine's judgement of this workbook as of `asOf`, when the caller has made it already
   * (a portfolio judges its whole set once): it is used as is rather than made again. One of
   * another day is ignored.
   */
  readonly evaluation?: Evaluation;
}

const byStatus = worstFirst;

export function countStatuses(entries: readonly { readonly status: Status }[]): StatusCounts {
  const c: Record<Status, number> = { Red: 0, Amber: 0, Green: 0, Done: 0, Paused: 0 };
  for (const e of entries) c[e.status]++;
  return c;
}

/** Keeps the first `limit` entries and says how many were left out. */
function cut<T>(all: readonly T[], limit: number): { kept: T[]; omitted: number } {
  return { kept: all.slice(0, limit), omitted: Math.max(0, all.length - limit) };
}

/**
 * The board summary of a workbook as of a day. Never throws on a workbook `readWorkbook`
 * produced; an `asOf` that is not an ISO date is refused (RangeError), as `evaluate` does.
 *
 * @example summarize(workbook, { asOf: "2026-11-26" }).period // "2026-W48" on a weekly cadence
 */
export function summarize(wb: Workbook, options: SummaryOptions): BoardSummary {
  if (daysFromIso(options.asOf) === undefined)
    throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD), got ${String(options.asOf)}`);
  const cadence = wb.settings.cadence;
  const period = periodOf(options.asOf, cadence);
  const previous = previousPeriod(period);
  const sinceAsOf = periodEnd(previous);
  const given = options.evaluation;
  const now = given && given.asOf === options.asOf ? given : evaluate(wb, { asOf: options.asOf });
  const before = evaluate(wb, { asOf: sinceAsOf });

  const handoffs = handoffLines(wb, now);
  const lists = {
    changes: cut(changesBetween(wb, before, now, options.asOf), SUMMARY_LIMITS.changes),
    decisions: cut(decisionsOf(handoffs), SUMMARY_LIMITS.decisions),
    objectives: cut(objectiveLines(wb, now), SUMMARY_LIMITS.objectives),
    kpis: cut(kpiLines(wb, now, options.asOf), SUMMARY_LIMITS.kpis),
    handoffs: cut(handoffs, SUMMARY_LIMITS.handoffs),
    stale: cut(staleLines(wb, now), SUMMARY_LIMITS.stale),
    falseGreens: cut(falseGreenLines(wb, now), SUMMARY_LIMITS.falseGreens),
  };

  return {
    asOf: now.asOf,
    cadence,
    period: formatPeriod(period),
    since: { period: formatPeriod(previous), asOf: sinceAsOf },
    empty: wb.objectives.length + wb.kpis.length + wb.initiatives.length + wb.handoffs.length === 0,
    headline: headlineOf(before, now),
    changes: lists.changes.kept,
    decisions: lists.decisions.kept,
    objectives: lists.objectives.kept,
    kpis: lists.kpis.kept,
    handoffs: lists.handoffs.kept,
    stale: lists.stale.kept,
    falseGreens: lists.falseGreens.kept,
    value: valueSection(wb, now),
    omitted: {
      changes: lists.changes.omitted,
      decisions: lists.decisions.omitted,
      objectives: lists.objectives.omitted,
      kpis: lists.kpis.omitted,
      handoffs: lists.handoffs.omitted,
      stale: lists.stale.omitted,
      falseGreens: lists.falseGreens.omitted,
    },
  };
}

/**
 * Red and Amber hand-offs, worst first: Red before Amber, the longest late, the most blocked,
 * then sheet order; the order the sidebar lists them in (`handoffsAtRisk`).
 */
export function handoffLines(wb: Workbook, now: Evaluation): HandoffLine[] {
  const initiativeById = firstById(wb.initiatives);
  const handoffById = firstById(wb.handoffs);
  const iStatus = firstStatusById(now.initiatives);
  const hStatus = firstStatusById(now.handoffs);
  const party = (id: string | null): Party | null => {
    if (id === null) return null;
    const i = initiativeById.get(id);
    return { id, name: i?.name ?? null, team: i?.team ?? null, owner: i?.owner ?? null };
  };
  const rootCause = (id: string): RootCause => {
    const h = handoffById.get(id);
    if (h) {
      const from = h.from === null ? undefined : initiativeById.get(h.from);
      return {
        id,
        entity: "handoff",
        name: h.deliverable,
        team: from?.team ?? null,
        status: hStatus.get(id) ?? null,
      };
    }
    const i = initiativeById.get(id);
    return {
      id,
      entity: "initiative",
      name: i?.name ?? null,
      team: i?.team ?? null,
      status: iStatus.get(id) ?? null,
    };
  };

  const lines: HandoffLine[] = [];
  now.handoffs.forEach((e, h) => {
    if (e.status !== "Red" && e.status !== "Amber") return;
    const r = wb.handoffs[h]!;
    lines.push({
      id: e.id,
      deliverable: r.deliverable,
      status: e.status,
      reasons: e.reasons,
      owner: r.owner,
      neededBy: r.neededBy,
      committedDate: r.committedDate,
      daysLate: e.daysLate,
      blocks: e.blocks,
      provider: party(r.from),
      waiting: party(r.to),
      rootCauses: e.rootCauses.map(rootCause),
    });
  });
  // A stable sort: sheet order breaks ties.
  return lines.sort(worstHandoffFirst);
}

/** One decision per Red hand-off, in the hand-offs' order. */
function decisionsOf(handoffs: readonly HandoffLine[]): Decision[] {
  return handoffs
    .filter((h) => h.status === "Red")
    .map((h) => ({
      handoffId: h.id,
      deliverable: h.deliverable,
      owner: h.owner,
      providerTeam: h.provider?.team ?? null,
      waitingTeam: h.waiting?.team ?? null,
      waiting: h.waiting,
      neededBy: h.neededBy,
      committedDate: h.committedDate,
      daysLate: h.daysLate,
      blocks: h.blocks,
      ask: askOf(h.reasons),
    }));
}

/** Objectives worst first, each with its initiatives counted by status and its KPIs. */
function objectiveLines(wb: Workbook, now: Evaluation): ObjectiveLine[] {
  const kpiIds = groupBy(
    wb.kpis,
    (k) => k.objectiveId,
    (k) => k.id,
  );
  const initiatives = groupBy(
    now.initiatives,
    (_, i) => wb.initiatives[i]!.objectiveId,
    (e) => e,
  );
  return now.objectives
    .map((e, i) => {
      const r = wb.objectives[i]!;
      return {
        id: e.id,
        name: r.name,
        owner: r.owner,
        targetDate: r.targetDate,
        status: e.status,
        reasons: e.reasons,
        initiatives: countStatuses(initiatives.get(e.id) ?? []),
        kpis: kpiIds.get(e.id) ?? [],
      };
    })
    .sort(byStatus);
}

/** KPIs worst first, with progress against target and their trends. */
function kpiLines(wb: Workbook, now: Evaluation, asOf: IsoDate): KpiLine[] {
  const trends = kpiTrends(wb, asOf);
  return now.kpis
    .map((e, i) => {
      const r = wb.kpis[i]!;
      return {
        id: e.id,
        objectiveId: r.objectiveId,
        name: r.name,
        unit: r.unit,
        direction: r.direction,
        baseline: r.baseline,
        target: r.target,
        targetDate: r.targetDate,
        latest: e.latest,
        forecast: e.forecast,
        decimals: e.decimals,
        progress: progressOf(r.baseline, r.target, e.latest),
        status: e.status,
        reasons: e.reasons,
        trend: trends[i] ?? [],
      };
    })
    .sort(byStatus);
}

/** Stale initiatives, the longest silent first: never reported, then the oldest last check-in. */
function staleLines(wb: Workbook, now: Evaluation): StaleLine[] {
  const lines: StaleLine[] = [];
  now.initiatives.forEach((e, i) => {
    if (!e.stale) return;
    const r = wb.initiatives[i]!;
    lines.push({
      id: e.id,
      name: r.name,
      team: r.team,
      owner: r.owner,
      status: e.status,
      lastCheckin: e.lastCheckin,
    });
  });
  const key = (s: StaleLine) => s.lastCheckin ?? "";
  return lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function headlineOf(before: Evaluation, now: Evaluation): Headline {
  const line = (key: "objectives" | "kpis" | "initiatives" | "handoffs"): CountLine => ({
    now: countStatuses(now[key]),
    before: countStatuses(before[key]),
  });
  return {
    objectives: line("objectives"),
    kpis: line("kpis"),
    initiatives: line("initiatives"),
    handoffs: line("handoffs"),
  };
}

export function progressOf(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): number | null {
  if (baseline === null || target === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}

/** The decision a Red hand-off asks for, from the reasons that make it Red. */
function askOf(reasons: readonly Reason[]): Ask {
  const codes = new Set(reasons.map((r) => r.code));
  if (codes.has("handoff-declined")) return "find-provider";
  if (codes.has("handoff-late")) return "set-date";
  return "accept-or-expedite";
}

/** Values grouped by a key, in order; entries whose key is null are left out. */
function groupBy<T, V>(
  items: readonly T[],
  key: (item: T, index: number) => string | null,
  value: (item: T) => V,
): Map<string, V[]> {
  const m = new Map<string, V[]>();
  items.forEach((item, i) => {
    const k = key(item, i);
    if (k === null) return;
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(value(item));
  });
  return m;
}

/** Records by ID, the first row holding each (as the engine resolves references). */
function firstById<T extends { readonly id: string }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of records) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

function firstStatusById(
  entries: readonly { readonly id: string; readonly status: Status }[],
): Map<string, Status> {
  const m = new Map<string, Status>();
  for (const e of entries) if (!m.has(e.id)) m.set(e.id, e.status);
  return m;
}
