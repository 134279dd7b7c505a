/**
 * False greens (DESIGN.md "Governance", last paragraph): a check-in that says Green while the
 * data says otherwise. A Green check-in of an initiative is flagged, with its evidence, when:
 *
 * - `overdue`: the initiative is past Due and not done;
 * - `owes-red-handoff`: a hand-off it provides (From = its initiative) is Red;
 * - `awaits-red-handoff`: a hand-off it waits on (To = its initiative) is Red;
 * - `behind-pace`: its Progress % trails the share of time gone from Start to Due by more
 *   than 25 points;
 * - `progress-stalled`: its Progress % is the same as in the Green check-ins of the two
 *   periods before it, so three periods in a row said Green without moving.
 *
 * Decisions where DESIGN.md is silent:
 * - Which check-ins are judged: each initiative's latest check-in, as status picks it (by
 *   period, periods that start after the as-of day left out, the lower row winning a tie),
 *   because that is the claim the initiative stands on now. The engine (statuses, `status
 *   --json`, the board summary) judges it; validation and the sidebar judge it too when it is
 *   in an open period (not sealed, not in a closed period), where the team can still correct
 *   it. Earlier Greens are history: judging every open week would repeat one late hand-off
 *   once per week on rows nobody will change.
 * - As of when. A check-in is judged as of the last day of its period, or the evaluation day
 *   when that comes first: a Green reported for a week that ended before a hand-off fell late
 *   was not false. So the current period's check-in is judged as of today, and last week's,
 *   still open, as of last Sunday. (Staleness of an old Green is the stale rule's business.)
 * - Only initiatives that are active are judged: Done, On hold and Cancelled stand apart, as
 *   they do for status. A hand-off is Red by its own row (late, declined, committed late) as
 *   the status rules say; a hand-off is Amber, never Red, by its provider, so no graph walk is
 *   needed and one check-in is judged with a few lookups.
 * - Behind pace needs Start, Due after Start and a Progress %; 100% is never behind. Stalled
 *   needs a Progress % below 100% in all three, equal to the last digit as read.
 */
import { daysFromIso, isoFromDays } from "../cells/dates.ts";
import type { Checkin, Handoff, Initiative, Rag } from "../template/sheets.ts";
import {
  formatPeriod,
  parsePeriod,
  periodEndDays,
  periodReader,
  periodStartDays,
  previousPeriod,
  type Period,
} from "../template/periods.ts";
import type { Workbook } from "../workbook/read.ts";
import { calendarOf, type Calendar } from "./calendar.ts";
import { checkinPlaces } from "./checkin-places.ts";
import { handoffOwn } from "./handoffs.ts";
import { judge } from "./reasons.ts";
import type { Evidence, EvidenceCode } from "../issues/evidence.ts";

// Evidence is the issue table's too (a false-green issue carries it), so its type lives beside
// the issues, which import nothing of the engine.
export type { Evidence, EvidenceCode } from "../issues/evidence.ts";

export interface FalseGreen {
  /** The initiative's ID. */
  readonly id: string;
  readonly period: string;
  /** The check-in's 1-based row on Check-ins. */
  readonly row: number;
  readonly evidence: readonly Evidence[];
}

/** Points by which Progress % may trail the share of time gone before a Green is false. */
export const PACE_TOLERANCE = 0.25;
/** Periods in a row, the judged one included, that a Green may keep one Progress % for. */
export const STALL_PERIODS = 3;

/** What judging needs of the rest of the workbook, built once per workbook read. */
export interface FalseGreenContext {
  readonly workbook: Workbook;
  readonly initiatives: ReadonlyMap<string, Initiative>;
  readonly provides: ReadonlyMap<string, readonly Handoff[]>;
  readonly awaits: ReadonlyMap<string, readonly Handoff[]>;
  /** Calendars by day, made as needed (a check-in is judged as of its period's end). */
  readonly calendars: Map<number, Calendar>;
  /** Periods as parsed, by their text: a sheet holds a few dozen periods over many rows. */
  readonly period: (text: string) => Period | undefined;
  /** Each check-in's judgement (a false green, or null) by the day it was judged as of. */
  readonly judged: Map<number, WeakMap<Checkin, FalseGreen | null>>;
  /** Each initiative's latest check-in by the day, as `latestCheckins` found them. */
  readonly latest: Map<number, readonly Checkin[]>;
}

/**
 * One context per workbook read: validation and evaluation of the same workbook (every
 * command does both) judge the same latest check-ins as of the same day, and a judgement,
 * which depends only on the workbook and the day, is then made once. A workbook is never
 * changed once read (its type is read-only throughout), so what the context remembers holds.
 */
const contexts = new WeakMap<Workbook, FalseGreenContext>();

export function falseGreenContext(workbook: Workbook): FalseGreenContext {
  let ctx = contexts.get(workbook);
  if (!ctx) contexts.set(workbook, (ctx = newContext(workbook)));
  return ctx;
}

function newContext(workbook: Workbook): FalseGreenContext {
  const initiatives = new Map<string, Initiative>();
  for (const i of workbook.initiatives) if (!initiatives.has(i.id)) initiatives.set(i.id, i);
  const provides = new Map<string, Handoff[]>();
  const awaits = new Map<string, Handoff[]>();
  const add = (m: Map<string, Handoff[]>, id: string, h: Handoff) => {
    const l = m.get(id);
    if (l) l.push(h);
    else m.set(id, [h]);
  };
  for (const h of workbook.handoffs) {
    if (h.from === h.to) continue;
    if (h.from !== null) add(provides, h.from, h);
    if (h.to !== null) add(awaits, h.to, h);
  }
  return {
    workbook,
    initiatives,
    provides,
    awaits,
    calendars: new Map(),
    period: periodReader(),
    judged: new Map(),
    latest: new Map(),
  };
}

/** A check-in as judged: its RAG, Progress % and period. */
interface Report {
  readonly rag: Rag | null;
  readonly progress: number | null;
}

/** An active initiative's Green check-in, and where to look for its two previous periods. */
interface Candidate {
  readonly checkin: Checkin;
  readonly initiative: Initiative;
  readonly period: Period;
  /** Keys of the previous periods to look up, when it could be stalled. */
  readonly earlier: readonly string[];
  /** Those periods as spelled. */
  readonly earlierPeriods: readonly string[];
}

/** The key of an ID and a period as spelled (`formatPeriod`). */
const keyOf = (id: string, period: string) => `${id}\u0000${period}`;

function candidateOf(ctx: FalseGreenContext, ci: Checkin): Candidate | null {
  if (ci.rag !== "Green") return null;
  const initiative = ctx.initiatives.get(ci.id);
  if (!initiative || !isActive(initiative)) return null;
  const period = ctx.period(ci.period);
  if (!period) return null;
  const earlierPeriods: string[] = [];
  if (ci.progress !== null && ci.progress < 1)
    for (let p = period, k = 1; k < STALL_PERIODS; k++) {
      p = previousPeriod(p);
      earlierPeriods.push(formatPeriod(p));
    }
  const earlier = earlierPeriods.map((text) => keyOf(ci.id, text));
  return { checkin: ci, initiative, period, earlier, earlierPeriods };
}

/**
 * Judges the check-ins given (each once), as of `asOf` or the end of its period when that
 * comes first; returns the false greens among them, in the order given. Check-ins that are
 * not Green, or not of an active initiative, are not judged.
 */
export function judgeCheckins(
  ctx: FalseGreenContext,
  checkins: Iterable<Checkin>,
  asOf: number,
): FalseGreen[] {
  let memo = ctx.judged.get(asOf);
  if (!memo) ctx.judged.set(asOf, (memo = new WeakMap()));
  const given = [...checkins];
  const candidates: Candidate[] = [];
  const wanted = new Map<string, Set<string>>();
  for (const ci of given) {
    if (memo.has(ci)) continue;
    const c = candidateOf(ctx, ci);
    if (!c) {
      memo.set(ci, null);
      continue;
    }
    candidates.push(c);
    if (c.earlierPeriods.length === 0) continue;
    let periods = wanted.get(ci.id);
    if (!periods) wanted.set(ci.id, (periods = new Set()));
    for (const text of c.earlierPeriods) periods.add(text);
  }
  if (candidates.length > 0) {
    const earlier = reportsAt(ctx, wanted);
    for (const c of candidates) memo.set(c.checkin, judgeOne(ctx, c, earlier, asOf));
  }
  const out: FalseGreen[] = [];
  for (const ci of given) {
    const judged = memo.get(ci);
    if (judged) out.push(judged);
  }
  return out;
}

/**
 * Each initiative's latest check-in with a RAG as of a day, as status picks it: by period,
 * periods that start after the day left out, the lower row winning a tie.
 */
export function latestCheckins(ctx: FalseGreenContext, asOf: number): readonly Checkin[] {
  let latest = ctx.latest.get(asOf);
  if (!latest) ctx.latest.set(asOf, (latest = findLatest(ctx, asOf)));
  return latest;
}

function findLatest(ctx: FalseGreenContext, asOf: number): Checkin[] {
  const { initiative, start, end } = checkinPlaces(ctx.workbook);
  const checkins = ctx.workbook.checkins;
  // Each initiative's latest check-in so far (its index, -1 before one), and the initiatives in
  // the order their first check-in came.
  const best = new Int32Array(ctx.workbook.initiatives.length).fill(-1);
  const order: number[] = [];
  for (let at = 0; at < checkins.length; at++) {
    const i = initiative[at]!;
    if (i < 0 || start[at]! > asOf || checkins[at]!.rag === null) continue;
    const b = best[i]!;
    if (b < 0) order.push(i);
    if (b < 0 || end[at]! > end[b]! || (end[at] === end[b] && checkins[at]!.row > checkins[b]!.row))
      best[i] = at;
  }
  return order.map((i) => checkins[best[i]!]!);
}

/** The false greens among the initiatives' latest check-ins as of a day (what status judges). */
export function latestFalseGreens(ctx: FalseGreenContext, asOf: number): FalseGreen[] {
  return judgeCheckins(ctx, latestCheckins(ctx, asOf), asOf);
}

/** Where each initiative's two latest check-ins with a RAG are, as of a day (for `isLatest`). */
export type LatestIndex = ReadonlyMap<string, readonly Place[]>;
interface Place {
  readonly end: number;
  readonly row: number;
}
const later = (a: Place, b: Place) => a.end > b.end || (a.end === b.end && a.row > b.row);

export function latestIndex(ctx: FalseGreenContext, asOf: number): LatestIndex {
  const { initiative, start, end } = checkinPlaces(ctx.workbook);
  const top = new Map<string, Place[]>();
  const checkins = ctx.workbook.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const ci = checkins[at]!;
    if (initiative[at]! < 0 || start[at]! > asOf || ci.rag === null) continue;
    const place = { end: end[at]!, row: ci.row };
    const two = top.get(ci.id);
    if (!two) top.set(ci.id, [place]);
    else if (later(place, two[0]!)) two.splice(0, 2, place, two[0]!);
    else if (two.length < 2 || later(place, two[1]!)) two[1] = place;
  }
  return top;
}

/**
 * True when a check-in (perhaps one being typed, not yet in the workbook as read) is at least
 * as late as every other check-in with a RAG of its initiative: no later period, nor a lower
 * row of the same period, and its period has begun by `asOf`. Its own row, as it was read, does
 * not count against it.
 */
export function isLatest(index: LatestIndex, ci: Checkin, asOf: number): boolean {
  const p = parsePeriod(ci.period);
  // A period that has not begun is not the latest as status picks it (nor judged by validation).
  if (!p || periodStartDays(p) > asOf) return false;
  const other = index.get(ci.id)?.find((q) => q.row !== ci.row);
  return !other || later({ end: periodEndDays(p), row: ci.row }, other);
}

/**
 * The last row of each wanted ID and period (`wanted`: ID to periods as spelled), by key. One
 * pass that parses nothing; a key is made only for a row that is wanted.
 */
function reportsAt(
  ctx: FalseGreenContext,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Report & { row: number }> {
  const found = new Map<string, Report & { row: number }>();
  if (wanted.size === 0) return found;
  const { initiative, initiativeIndex } = checkinPlaces(ctx.workbook);
  // The wanted IDs by initiative index: a row is passed over by one array read.
  const wantedAt: (ReadonlySet<string> | undefined)[] = new Array(ctx.workbook.initiatives.length);
  for (const [id, periods] of wanted) {
    const i = initiativeIndex.get(id);
    if (i !== undefined) wantedAt[i] = periods;
  }
  const checkins = ctx.workbook.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const i = initiative[at]!;
    const periods = i < 0 ? undefined : wantedAt[i];
    // A check-in's period is in its one spelling (the schema's), as the wanted periods are.
    const ci = checkins[at]!;
    if (!periods?.has(ci.period)) continue;
    const k = keyOf(ci.id, ci.period);
    const seen = found.get(k);
    if (!seen || ci.row > seen.row)
      found.set(k, { rag: ci.rag, progress: ci.progress, row: ci.row });
  }
  return found;
}

function judgeOne(
  ctx: FalseGreenContext,
  c: Candidate,
  earlier: ReadonlyMap<string, Report>,
  asOf: number,
): FalseGreen | null {
  const { checkin: ci, initiative: ini, period } = c;
  const day = Math.min(asOf, periodEndDays(period));
  const cal = calendarAt(ctx, day);
  const evidence: Evidence[] = [];

  const due = ini.due === null ? undefined : daysFromIso(ini.due);
  if (due !== undefined && day > due)
    evidence.push({
      code: "overdue",
      refs: [ini.due!],
      text: `${ini.id} was due on ${ini.due} and is not done`,
    });

  const red = (list: readonly Handoff[] | undefined, code: EvidenceCode) => {
    for (const h of list ?? []) {
      const miss = redMiss(h, cal);
      if (miss) evidence.push({ code, refs: [h.id], text: handoffWords(ctx, h, code, miss) });
    }
  };
  red(ctx.provides.get(ini.id), "owes-red-handoff");
  red(ctx.awaits.get(ini.id), "awaits-red-handoff");

  const start = ini.start === null ? undefined : daysFromIso(ini.start);
  if (ci.progress !== null && start !== undefined && due !== undefined && due > start) {
    const gone = Math.min(1, Math.max(0, (day - start) / (due - start)));
    // Compared in whole hundredths of a point, so 0.45 against 0.70 is 25 points, not 25.000001.
    if (Math.round((gone - ci.progress) * 10000) > PACE_TOLERANCE * 10000)
      evidence.push({
        code: "behind-pace",
        refs: [ini.start!, ini.due!],
        text: `progress is ${percent(ci.progress)} with ${percent(gone)} of the time from Start ${ini.start} to Due ${ini.due} gone`,
      });
  }

  if (c.earlier.length > 0) {
    const before = c.earlier.map((k) => earlier.get(k));
    if (before.every((r) => r?.rag === "Green" && r.progress === ci.progress)) {
      const periods: string[] = [];
      for (let p = period, k = 0; k < STALL_PERIODS; k++, p = previousPeriod(p))
        periods.unshift(formatPeriod(p));
      evidence.push({
        code: "progress-stalled",
        refs: periods,
        text: `progress has stayed at ${percent(ci.progress!)} for ${STALL_PERIODS} periods (${periods[0]} to ${periods[periods.length - 1]})`,
      });
    }
  }
  return evidence.length === 0 ? null : { id: ini.id, period: ci.period, row: ci.row, evidence };
}

const isActive = (i: Initiative) =>
  i.stage !== "Done" && i.stage !== "On hold" && i.stage !== "Cancelled";

function calendarAt(ctx: FalseGreenContext, day: number): Calendar {
  let cal = ctx.calendars.get(day);
  if (!cal) {
    const { holidays, cadence } = ctx.workbook.settings;
    ctx.calendars.set(day, (cal = calendarOf(isoFromDays(day), holidays, cadence)));
  }
  return cal;
}

type Miss =
  | { readonly kind: "late"; readonly days: number }
  | { readonly kind: "declined" }
  | { readonly kind: "committed-late"; readonly committed: string; readonly needed: string };

/** Why a hand-off is Red by its own row as of the calendar's day, or null when it is not. */
function redMiss(h: Handoff, cal: Calendar): Miss | null {
  // The window end only decides Amber, which is not asked here.
  const own = handoffOwn(h, cal, cal.today);
  if (own.done || judge(own.reasons).status !== "Red") return null;
  const codes = new Set(own.reasons.map((r) => r.code));
  if (codes.has("handoff-late")) return { kind: "late", days: own.daysLate ?? 0 };
  if (codes.has("handoff-declined")) return { kind: "declined" };
  return { kind: "committed-late", committed: h.committedDate!, needed: h.neededBy! };
}

function handoffWords(ctx: FalseGreenContext, h: Handoff, code: EvidenceCode, miss: Miss): string {
  const owes = code === "owes-red-handoff";
  const otherId = owes ? h.to : h.from;
  const other = otherId === null ? undefined : ctx.initiatives.get(otherId);
  const party = other?.team?.trim() || otherId || "another team";
  const who = owes ? `which you owe ${party}` : `which you wait on from ${party}`;
  const what =
    miss.kind === "late"
      ? `is ${miss.days} ${miss.days === 1 ? "day" : "days"} late`
      : miss.kind === "declined"
        ? "was declined"
        : `is committed for ${miss.committed}, after it is needed on ${miss.needed}`;
  return `${h.id}, ${who}, ${what}`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
