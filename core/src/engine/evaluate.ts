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
import { calendarOf } from "./calendar.ts";
import { digestCheckins } from "./checkins.ts";
import { condense } from "./condense.ts";
import { downstreamCounts } from "./blocks.ts";
import { amberWindowEnd, handoffOwn, handoffStatus } from "./handoffs.ts";
import { initiativeOwn, initiativeStatus } from "./initiatives.ts";
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
import { judgeGates } from "../governance/gates.ts";
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

export function evaluate(wb: Workbook, options: EvaluateOptions): Evaluation {
  const { settings } = wb;
  const cal = calendarOf(options.asOf, settings.holidays, settings.cadence);
  const inis = wb.initiatives;
  const hos = wb.handoffs;
  const nI = inis.length;
  const nH = hos.length;

  // Graph nodes are initiative rows; an ID names its first row, later rows get a name no
  // reference can spell.
  const index = new Map<string, number>();
  const names: string[] = new Array(nI);
  for (let i = 0; i < nI; i++) {
    const r = inis[i]!;
    const name = index.has(r.id) ? `${r.id}\u0000${r.row}` : r.id;
    names[i] = name;
    index.set(name, i);
  }
  const kpiIndex = new Map<string, number>();
  wb.kpis.forEach((k, i) => {
    if (!kpiIndex.has(k.id)) kpiIndex.set(k.id, i);
  });
  const digest = digestCheckins(wb, cal, index, kpiIndex);

  const fromOf = new Int32Array(nH);
  const toOf = new Int32Array(nH);
  for (let h = 0; h < nH; h++) {
    const { from, to } = hos[h]!;
    fromOf[h] = from === null ? -1 : (index.get(from) ?? -1);
    toOf[h] = to === null ? -1 : (index.get(to) ?? -1);
  }

  const windowEnd = amberWindowEnd(cal, settings.amberWindow);
  const hOwn = hos.map((h) => handoffOwn(h, cal, windowEnd));
  const iOwn = inis.map((r) =>
    initiativeOwn(r, digest.latest[index.get(r.id)!], cal, settings.staleAfter),
  );

  // Edges: every hand-off between two known, different initiatives (cycles as validation sees
  // them); the open ones (not done) carry trouble and count for Blocks.
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const openFrom: number[] = [];
  const openTo: number[] = [];
  // Open hand-offs into each initiative (a known To, any From but itself), as index lists.
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

  const full = condense(names, index, edgeFrom, edgeTo);

  // Root causes are points: hand-off h is h, initiative i is nH + i.
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

  // Blocks, over the open hand-offs. Without a cycle among all hand-offs there is none among
  // the open ones, and the order already found serves.
  const open = full.cyclic.some(Boolean) ? condense(names, index, openFrom, openTo) : full;
  const waiting = downstreamCounts(
    open,
    openFrom,
    openTo,
    (i) => iStatus[i] !== "Done" && inis[i]!.stage !== "Cancelled",
  );

  const pointId = (p: number) => (p < nH ? hos[p]!.id : inis[p - nH]!.id);
  const pointRank = (p: number) => rank(p < nH ? hStatus[p]! : iStatus[p - nH]!);
  const pointRow = (p: number) => (p < nH ? hos[p]!.row : inis[p - nH]!.row);
  const rootIds = (points: readonly number[]): string[] => {
    if (points.length === 0) return [];
    if (points.length === 1) return [pointId(points[0]!)];
    // Red before Amber, hand-offs before initiatives, then sheet order.
    const sorted = [...points].sort(
      (a, b) =>
        pointRank(b) - pointRank(a) || Number(b < nH) - Number(a < nH) || pointRow(a) - pointRow(b),
    );
    return sorted.map(pointId);
  };

  const tallies = new Map<string, ObjectiveTally>();
  const tally = (id: string | null): ObjectiveTally | undefined => {
    if (id === null) return undefined;
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = newTally()));
    return t;
  };

  const falseGreens = latestFalseGreens(falseGreenContext(wb), cal.today);
  const falseGreenOf = new Map(falseGreens.map((f) => [f.id, f]));

  const gates = judgeGates(wb, options.asOf);
  const initiatives: InitiativeEvaluation[] = new Array(nI);
  for (let i = 0; i < nI; i++) {
    const r = inis[i]!;
    const own = iOwn[i]!;
    const fg = names[i] === r.id ? falseGreenOf.get(r.id) : undefined;
    const standing = gates.of(r.id);
    initiatives[i] = {
      id: r.id,
      row: r.row,
      status: iStatus[i]!,
      reasons: fg ? [...iReasons[i]!, falseGreenReason(fg)] : iReasons[i]!,
      rootCauses: rootIds(iRoots[i]!),
      lastCheckin: own.lastCheckin,
      stale: own.stale,
      gate: standing.gate,
      value: initiativeValue(r, standing),
    };
    const t = tally(r.objectiveId);
    if (t) tallyInitiative(t, r.id, r.stage, iStatus[i]!);
  }

  const handoffs: HandoffEvaluation[] = new Array(nH);
  for (let h = 0; h < nH; h++) {
    const r = hos[h]!;
    const own = hOwn[h]!;
    const t = toOf[h]!;
    handoffs[h] = {
      id: r.id,
      row: r.row,
      status: hStatus[h]!,
      daysLate: own.daysLate,
      blocks: own.done || t < 0 ? 0 : waiting[t]!,
      reasons: hReasons[h]!,
      rootCauses: rootIds(hRoots[h]!),
    };
  }

  const kpis: KpiEvaluation[] = wb.kpis.map((k) => {
    const series = digest.series[kpiIndex.get(k.id)!];
    const res = kpiStatus(k, series, cal);
    const t = tally(k.objectiveId);
    if (t) tallyKpi(t, k.id, res.status);
    const decimals = Math.max(mostDecimals([k.baseline, k.target]), series?.decimals ?? 0);
    return { id: k.id, row: k.row, ...res, decimals };
  });

  const values = objectiveValues(
    inis,
    initiatives.map((e) => e.value),
    iStatus,
  );
  const objectives: ObjectiveEvaluation[] = wb.objectives.map((o) => {
    const byUnit = values.get(o.id) ?? [];
    return {
      id: o.id,
      row: o.row,
      ...objectiveStatus(tallies.get(o.id) ?? newTally()),
      value: byUnit.length === 1 ? byUnit[0]! : null,
      valueByUnit: byUnit,
    };
  });

  return { asOf: isoFromDays(cal.today), objectives, kpis, initiatives, handoffs, falseGreens };
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
