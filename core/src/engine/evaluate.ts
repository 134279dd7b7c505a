/**
 * The status engine: every objective, KPI, initiative and hand-off of a workbook judged as of
 * one day, with reasons, and for every Red or Amber initiative and hand-off its root causes.
 *
 * One pass, linear in the workbook: the check-ins are digested once, each row's own rules are
 * applied once, and trouble is carried downstream in the graph's dependency order (a provider
 * before its hand-offs, a hand-off before the initiative waiting on it), so nothing rescans
 * the hand-offs per initiative. The one part that is not linear is Blocks (see blocks.ts).
 *
 * Hand-off cycles are found as validation finds them (every hand-off whose two ends are known
 * initiatives, delivered or not). The initiatives on a cycle are Red with reason `cycle` and
 * the rest of the graph is ordered around the cycle and evaluated as usual. A hand-off from an
 * initiative to itself (its own validation error) is judged by its own row and its provider,
 * and passes nothing on. References go to the first row holding an ID; later rows with the
 * same ID (a validation error) are judged by their own rows alone.
 *
 * Root causes: a Red or Amber point whose reasons are all own is its own root cause; one whose
 * reasons are inherited has the root causes of the points it inherits from. Computed in the
 * same order, each from its sources, so the walk upstream is never repeated.
 *
 * Evaluation never throws on a workbook `readWorkbook` produced, whatever its issues; only an
 * `asOf` that is not an ISO date is refused (RangeError).
 */
import { isoFromDays, type IsoDate } from "../cells/dates.ts";
import type { Workbook } from "../workbook/read.ts";
import { calendarOf, type Calendar } from "./calendar.ts";
import { checkinPlaces } from "./checkin-places.ts";
import { digestCheckins, type CheckinDigest } from "./checkins.ts";
import { condense, type Condensation } from "./condense.ts";
import { downstreamCounts } from "./blocks.ts";
import { amberWindowEnd, handoffOwn, handoffStatus, type HandoffOwn } from "./handoffs.ts";
import { initiativeOwn, initiativeStatus, type InitiativeOwn } from "./initiatives.ts";
import { kpiStatus } from "./kpis.ts";
import { mostDecimals } from "../cells/precision.ts";
import {
  newTally,
  objectiveStatus,
  tallyInitiative,
  tallyKpi,
  type ObjectiveTally,
} from "./objectives.ts";
import { isInherited, rank, type Reason, type Status } from "./reasons.ts";
import { falseGreenContext, latestFalseGreens, type FalseGreen } from "./false-greens.ts";
import { judgeGates, type Gates } from "../governance/gates.ts";
import {
  initiativeValue,
  objectiveValues,
  type InitiativeValue,
  type ObjectiveValue,
} from "../governance/value.ts";

export interface ObjectiveEvaluation {
  readonly id: string;
  readonly row: number;
  readonly status: Status;
  readonly reasons: readonly Reason[];
  /** Its initiatives' value when they count it in one unit; null with none, or with several units. */
  readonly value: ObjectiveValue | null;
  /** Its initiatives' value, one entry per unit (never summed across units). */
  readonly valueByUnit: readonly ObjectiveValue[];
}

export interface KpiEvaluation {
  readonly id: string;
  readonly row: number;
  readonly status: "Green" | "Amber" | "Red";
  /** The Actual of the latest period, or null without one. */
  readonly latest: number | null;
  /** The value forecast for Target Date (the latest Actual once Target Date has passed). */
  readonly forecast: number | null;
  /**
   * The decimals people are shown its numbers to: the most among its Baseline, Target and
   * Actuals. Latest and Forecast keep every digit; renderers round with `numberForPeople`.
   */
  readonly decimals: number;
  readonly reasons: readonly Reason[];
}

export interface InitiativeEvaluation {
  readonly id: string;
  readonly row: number;
  readonly status: Status;
  readonly reasons: readonly Reason[];
  /** IDs of the hand-offs and initiatives where its trouble starts, Red ones first; empty unless Red or Amber. */
  readonly rootCauses: readonly string[];
  /** Period of its latest check-in. */
  readonly lastCheckin: string | null;
  /** Whether its check-ins are stale, whatever its status. */
  readonly stale: boolean;
  /** Its stage gate, 1 to 5 (see core/src/governance/gates.ts). */
  readonly gate: number;
  readonly value: InitiativeValue;
}

export interface HandoffEvaluation {
  readonly id: string;
  readonly row: number;
  readonly status: Status;
  /** Calendar days past Needed By while not done (0 before it); null when done or without Needed By. */
  readonly daysLate: number | null;
  /** Initiatives, not Done or Cancelled, that wait on it directly or through further hand-offs not yet done. */
  readonly blocks: number;
  readonly reasons: readonly Reason[];
  /** Where its trouble starts, as for initiatives. */
  readonly rootCauses: readonly string[];
}

export interface Evaluation {
  readonly asOf: IsoDate;
  readonly objectives: readonly ObjectiveEvaluation[];
  readonly kpis: readonly KpiEvaluation[];
  readonly initiatives: readonly InitiativeEvaluation[];
  readonly handoffs: readonly HandoffEvaluation[];
  /** Latest check-ins that say Green while the data says otherwise (engine/false-greens.ts). */
  readonly falseGreens: readonly FalseGreen[];
}

export interface EvaluateOptions {
  /** The day to judge as of, in the workbook's time zone (`todayIn(settings.timeZone, now)`). */
  readonly asOf: IsoDate;
}

const EMPTY: readonly number[] = [];
// Shared empty lists for the common case of nothing flowing in; never pushed to.
const NO_IDS: string[] = [];
const EMPTY_H: number[] = [];
const atRisk = (s: Status) => s === "Red" || s === "Amber";

/**
 * The stages in order: the graph's nodes and ends, the check-ins digested, each row's own
 * judgement, the edges, statuses carried downstream with their root causes, Blocks, then one
 * evaluation per row and the objectives rolled up from what sits under them.
 */
export function evaluate(wb: Workbook, options: EvaluateOptions): Evaluation {
  const { settings } = wb;
  const cal = calendarOf(options.asOf, settings.holidays, settings.cadence);
  const g = handoffGraph(wb);
  const { kpiIndex } = checkinPlaces(wb);
  const digest = digestCheckins(wb, cal);
  const own = ownJudgements(wb, g, digest, cal);
  const edges = edgesOf(g, own.handoffs);
  const full = condense(g.names, g.index, edges.from, edges.to);
  const judged = carryDownstream(g, own, edges, full);
  const waiting = blocksOf(g, edges, full, judged);
  const rootIds = rootNamer(g, judged);

  const falseGreens = latestFalseGreens(falseGreenContext(wb), cal.today);
  const gates = judgeGates(wb, options.asOf);
  const initiatives = initiativeEvaluations(g, own, judged, rootIds, falseGreens, gates);
  const handoffs = handoffEvaluations(g, own, judged, rootIds, waiting);
  const kpis = kpiEvaluations(wb, digest, kpiIndex, cal);
  const objectives = objectiveEvaluations(wb, initiatives, kpis, judged);

  return { asOf: isoFromDays(cal.today), objectives, kpis, initiatives, handoffs, falseGreens };
}

/**
 * Graph nodes are initiative rows; an ID names its first row, later rows get a name no
 * reference can spell. Each hand-off's ends are the nodes its From and To name, -1 when
 * they name none.
 */
interface Graph {
  readonly inis: Workbook["initiatives"];
  readonly hos: Workbook["handoffs"];
  readonly nI: number;
  readonly nH: number;
  readonly index: Map<string, number>;
  readonly names: string[];
  readonly fromOf: Int32Array;
  readonly toOf: Int32Array;
}

function handoffGraph(wb: Workbook): Graph {
  const inis = wb.initiatives;
  const hos = wb.handoffs;
  const nI = inis.length;
  const nH = hos.length;
  const index = new Map<string, number>();
  const names: string[] = new Array(nI);
  for (let i = 0; i < nI; i++) {
    const r = inis[i]!;
    const name = index.has(r.id) ? `${r.id}\u0000${r.row}` : r.id;
    names[i] = name;
    index.set(name, i);
  }
  const fromOf = new Int32Array(nH);
  const toOf = new Int32Array(nH);
  for (let h = 0; h < nH; h++) {
    const { from, to } = hos[h]!;
    fromOf[h] = from === null ? -1 : (index.get(from) ?? -1);
    toOf[h] = to === null ? -1 : (index.get(to) ?? -1);
  }
  return { inis, hos, nI, nH, index, names, fromOf, toOf };
}

/** What each row says by itself, before anything flows in from upstream. */
interface Own {
  readonly initiatives: InitiativeOwn[];
  readonly handoffs: HandoffOwn[];
}

function ownJudgements(wb: Workbook, g: Graph, digest: CheckinDigest, cal: Calendar): Own {
  const windowEnd = amberWindowEnd(cal, wb.settings.amberWindow);
  const handoffs = g.hos.map((h) => handoffOwn(h, cal, windowEnd));
  const initiatives = g.inis.map((r) =>
    initiativeOwn(r, digest.latest[g.index.get(r.id)!], cal, wb.settings.staleAfter),
  );
  return { initiatives, handoffs };
}

/**
 * Edges: every hand-off between two known, different initiatives (cycles as validation sees
 * them); the open ones (not done) carry trouble and count for Blocks. `inList` holds the open
 * hand-offs into each initiative (a known To, any From but itself), those of initiative i at
 * `inStart[i]` up to `inStart[i + 1]`.
 */
interface Edges {
  readonly from: number[];
  readonly to: number[];
  readonly openFrom: number[];
  readonly openTo: number[];
  readonly inStart: Int32Array;
  readonly inList: Int32Array;
}

function edgesOf(g: Graph, hOwn: readonly HandoffOwn[]): Edges {
  const { nI, nH, fromOf, toOf } = g;
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const openFrom: number[] = [];
  const openTo: number[] = [];
  const inStart = new Int32Array(nI + 1);
  for (let h = 0; h < nH; h++) {
    const f = fromOf[h]!;
    const t = toOf[h]!;
    if (f >= 0 && t >= 0 && f !== t) {
      edgeFrom.push(f);
      edgeTo.push(t);
      if (!hOwn[h]!.done) {
        openFrom.push(f);
        openTo.push(t);
      }
    }
    if (t >= 0 && f !== t && !hOwn[h]!.done) inStart[t + 1]!++;
  }
  for (let i = 0; i < nI; i++) inStart[i + 1]! += inStart[i]!;
  const inList = new Int32Array(inStart[nI]!);
  const inFill = inStart.slice(0, nI);
  for (let h = 0; h < nH; h++) {
    const t = toOf[h]!;
    if (t >= 0 && fromOf[h] !== t && !hOwn[h]!.done) inList[inFill[t]!++] = h;
  }
  return { from: edgeFrom, to: edgeTo, openFrom, openTo, inStart, inList };
}

/** Statuses, reasons and root causes of every row. Root causes are points: hand-off h is h, initiative i is nH + i. */
interface Judged {
  readonly iStatus: Status[];
  readonly iReasons: Reason[][];
  readonly iRoots: (readonly number[])[];
  readonly hStatus: (Status | undefined)[];
  readonly hReasons: Reason[][];
  readonly hRoots: (readonly number[])[];
}

/**
 * Walks the components in dependency order: each initiative is judged by its own row and the
 * open hand-offs into it (each judged first, by its own row and its provider), an initiative
 * on a cycle by the cycle. Hand-offs nothing waits on are judged last.
 */
function carryDownstream(g: Graph, own: Own, edges: Edges, full: Condensation): Judged {
  const { inis, hos, nI, nH, fromOf } = g;
  const { inStart, inList } = edges;
  const iOwn = own.initiatives;
  const hOwn = own.handoffs;
  const iStatus: Status[] = new Array(nI);
  const iReasons: Reason[][] = new Array(nI);
  const iRoots: (readonly number[])[] = new Array(nI);
  const hStatus: (Status | undefined)[] = new Array(nH);
  const hReasons: Reason[][] = new Array(nH);
  const hRoots: (readonly number[])[] = new Array(nH);

  const judgeHandoff = (h: number): void => {
    if (hStatus[h] !== undefined) return;
    const f = fromOf[h]!;
    const provider = f >= 0 ? { id: inis[f]!.id, status: iStatus[f]! } : null;
    const { status, reasons } = handoffStatus(hOwn[h]!, provider);
    hStatus[h] = status;
    hReasons[h] = reasons;
    hRoots[h] = !atRisk(status)
      ? EMPTY
      : reasons.some((r) => isInherited(r.code))
        ? iRoots[f]!
        : [h];
  };

  for (const head of full.order) {
    const members = full.members[head]!;
    const onCycle = full.cyclic[head]!;
    const cycleIds = onCycle ? members.map((m) => inis[m]!.id) : null;
    for (const i of members) {
      let red: string[] = NO_IDS;
      let amber: string[] = NO_IDS;
      let redH: number[] = EMPTY_H;
      let amberH: number[] = EMPTY_H;
      if (!onCycle && !iOwn[i]!.fixed) {
        for (let k = inStart[i]!; k < inStart[i + 1]!; k++) {
          const h = inList[k]!;
          judgeHandoff(h);
          const s = hStatus[h];
          if (s === "Red") {
            if (red === NO_IDS) {
              red = [];
              redH = [];
            }
            red.push(hos[h]!.id);
            redH.push(h);
          } else if (s === "Amber") {
            if (amber === NO_IDS) {
              amber = [];
              amberH = [];
            }
            amber.push(hos[h]!.id);
            amberH.push(h);
          }
        }
      }
      const { status, reasons } = initiativeStatus(iOwn[i]!, { cycle: cycleIds, red, amber });
      iStatus[i] = status;
      iReasons[i] = reasons;
      if (!atRisk(status)) iRoots[i] = EMPTY;
      else if (!reasons.some((r) => isInherited(r.code))) iRoots[i] = [nH + i];
      else iRoots[i] = union((status === "Red" ? redH : amberH).map((h) => hRoots[h]!));
    }
  }
  for (let h = 0; h < nH; h++) judgeHandoff(h);
  return { iStatus, iReasons, iRoots, hStatus, hReasons, hRoots };
}

/**
 * Blocks, over the open hand-offs: for each initiative, the initiatives not Done or Cancelled
 * that are it or wait on it. Without a cycle among all hand-offs there is none among the open
 * ones, and the order already found serves.
 */
function blocksOf(g: Graph, edges: Edges, full: Condensation, judged: Judged): Int32Array {
  const { openFrom, openTo } = edges;
  const open = full.cyclic.some(Boolean) ? condense(g.names, g.index, openFrom, openTo) : full;
  return downstreamCounts(
    open,
    openFrom,
    openTo,
    (i) => judged.iStatus[i] !== "Done" && g.inis[i]!.stage !== "Cancelled",
  );
}

/** The IDs of root cause points: Red before Amber, hand-offs before initiatives, then sheet order. */
function rootNamer(g: Graph, judged: Judged): (points: readonly number[]) => string[] {
  const { inis, hos, nH } = g;
  const { iStatus, hStatus } = judged;
  const pointId = (p: number) => (p < nH ? hos[p]!.id : inis[p - nH]!.id);
  const pointRank = (p: number) => rank(p < nH ? hStatus[p]! : iStatus[p - nH]!);
  const pointRow = (p: number) => (p < nH ? hos[p]!.row : inis[p - nH]!.row);
  return (points) => {
    if (points.length === 0) return [];
    if (points.length === 1) return [pointId(points[0]!)];
    const sorted = [...points].sort(
      (a, b) =>
        pointRank(b) - pointRank(a) || Number(b < nH) - Number(a < nH) || pointRow(a) - pointRow(b),
    );
    return sorted.map(pointId);
  };
}

/** An initiative's false green (first rows only) adds its reason; its gate sets its value. */
function initiativeEvaluations(
  g: Graph,
  own: Own,
  judged: Judged,
  rootIds: (points: readonly number[]) => string[],
  falseGreens: readonly FalseGreen[],
  gates: Gates,
): InitiativeEvaluation[] {
  const { inis, nI, names } = g;
  const falseGreenOf = new Map(falseGreens.map((f) => [f.id, f]));
  const initiatives: InitiativeEvaluation[] = new Array(nI);
  for (let i = 0; i < nI; i++) {
    const r = inis[i]!;
    const o = own.initiatives[i]!;
    const fg = names[i] === r.id ? falseGreenOf.get(r.id) : undefined;
    const standing = gates.of(r.id);
    initiatives[i] = {
      id: r.id,
      row: r.row,
      status: judged.iStatus[i]!,
      reasons: fg ? [...judged.iReasons[i]!, falseGreenReason(fg)] : judged.iReasons[i]!,
      rootCauses: rootIds(judged.iRoots[i]!),
      lastCheckin: o.lastCheckin,
      stale: o.stale,
      gate: standing.gate,
      value: initiativeValue(r, standing),
    };
  }
  return initiatives;
}

/** A hand-off done, or waited on by no known initiative, blocks nothing. */
function handoffEvaluations(
  g: Graph,
  own: Own,
  judged: Judged,
  rootIds: (points: readonly number[]) => string[],
  waiting: Int32Array,
): HandoffEvaluation[] {
  const { hos, nH, toOf } = g;
  const handoffs: HandoffEvaluation[] = new Array(nH);
  for (let h = 0; h < nH; h++) {
    const r = hos[h]!;
    const o = own.handoffs[h]!;
    const t = toOf[h]!;
    handoffs[h] = {
      id: r.id,
      row: r.row,
      status: judged.hStatus[h]!,
      daysLate: o.daysLate,
      blocks: o.done || t < 0 ? 0 : waiting[t]!,
      reasons: judged.hReasons[h]!,
      rootCauses: rootIds(judged.hRoots[h]!),
    };
  }
  return handoffs;
}

/** Each KPI by its first row's Actuals, shown to the most decimals among its numbers. */
function kpiEvaluations(
  wb: Workbook,
  digest: CheckinDigest,
  kpiIndex: ReadonlyMap<string, number>,
  cal: Calendar,
): KpiEvaluation[] {
  return wb.kpis.map((k) => {
    const series = digest.series[kpiIndex.get(k.id)!];
    const res = kpiStatus(k, series, cal);
    const decimals = Math.max(mostDecimals([k.baseline, k.target]), series?.decimals ?? 0);
    return { id: k.id, row: k.row, ...res, decimals };
  });
}

/** Each objective rolled up from the initiatives and then the KPIs under it, in sheet order, and their value. */
function objectiveEvaluations(
  wb: Workbook,
  initiatives: readonly InitiativeEvaluation[],
  kpis: readonly KpiEvaluation[],
  judged: Judged,
): ObjectiveEvaluation[] {
  const tallies = new Map<string, ObjectiveTally>();
  const tally = (id: string | null): ObjectiveTally | undefined => {
    if (id === null) return undefined;
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = newTally()));
    return t;
  };
  wb.initiatives.forEach((r, i) => {
    const t = tally(r.objectiveId);
    if (t) tallyInitiative(t, r.id, r.stage, judged.iStatus[i]!);
  });
  wb.kpis.forEach((k, i) => {
    const t = tally(k.objectiveId);
    if (t) tallyKpi(t, k.id, kpis[i]!.status);
  });

  const values = objectiveValues(
    wb.initiatives,
    initiatives.map((e) => e.value),
    judged.iStatus,
  );
  return wb.objectives.map((o) => {
    const byUnit = values.get(o.id) ?? [];
    return {
      id: o.id,
      row: o.row,
      ...objectiveStatus(tallies.get(o.id) ?? newTally()),
      value: byUnit.length === 1 ? byUnit[0]! : null,
      valueByUnit: byUnit,
    };
  });
}

/** The initiative's `falseGreen` reason: the IDs and dates of its evidence, once each. */
function falseGreenReason(fg: FalseGreen): Reason {
  return { code: "falseGreen", refs: [...new Set(fg.evidence.flatMap((e) => e.refs))] };
}

/** The union of root cause lists, shared as is when there is only one. */
function union(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0]!;
  const seen = new Set<number>();
  for (const l of lists) for (const p of l) seen.add(p);
  return [...seen];
}
