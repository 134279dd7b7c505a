/**
 * Objective rollup (DESIGN.md "Status rules", Objective).
 *
 * An objective is Done when all its initiatives are Done; Cancelled ones are left out of that
 * count (a dropped initiative does not keep an objective open forever), but at least one must
 * be Done. Otherwise it is the worst of its active initiatives (Done and Paused aside) and its
 * KPIs, with one reason per severity naming the IDs at the worst one. An objective whose every
 * initiative is Done, On hold or Cancelled, with no KPI to judge it by, is Paused; one with
 * nothing at all under it is Green with no reasons.
 */
import type { Stage } from "../template/sheets.ts";
import { judge, type Reason, type Status } from "./reasons.ts";

/** Running tally of what sits under one objective. */
export interface ObjectiveTally {
  initiatives: number;
  done: number;
  cancelled: number;
  active: number;
  kpis: number;
  redInitiatives: string[];
  amberInitiatives: string[];
  redKpis: string[];
  amberKpis: string[];
}

export function newTally(): ObjectiveTally {
  return {
    initiatives: 0,
    done: 0,
    cancelled: 0,
    active: 0,
    kpis: 0,
    redInitiatives: [],
    amberInitiatives: [],
    redKpis: [],
    amberKpis: [],
  };
}

export function tallyInitiative(
  t: ObjectiveTally,
  id: string,
  stage: Stage | null,
  status: Status,
): void {
  t.initiatives++;
  if (status === "Done") t.done++;
  else if (status === "Paused") {
    if (stage === "Cancelled") t.cancelled++;
  } else {
    t.active++;
    if (status === "Red") t.redInitiatives.push(id);
    else if (status === "Amber") t.amberInitiatives.push(id);
  }
}

export function tallyKpi(t: ObjectiveTally, id: string, status: Status): void {
  t.kpis++;
  if (status === "Red") t.redKpis.push(id);
  else if (status === "Amber") t.amberKpis.push(id);
}

const NONE: readonly string[] = [];

export function objectiveStatus(t: ObjectiveTally): { status: Status; reasons: Reason[] } {
  const counted = t.initiatives - t.cancelled;
  if (t.done > 0 && t.done === counted)
    return { status: "Done", reasons: [{ code: "all-done", refs: NONE }] };
  if (t.initiatives > 0 && t.active === 0 && t.kpis === 0)
    return { status: "Paused", reasons: [{ code: "all-paused", refs: NONE }] };
  const candidates: Reason[] = [];
  if (t.redInitiatives.length) candidates.push({ code: "initiative-red", refs: t.redInitiatives });
  if (t.redKpis.length) candidates.push({ code: "kpi-red", refs: t.redKpis });
  if (t.amberInitiatives.length)
    candidates.push({ code: "initiative-amber", refs: t.amberInitiatives });
  if (t.amberKpis.length) candidates.push({ code: "kpi-amber", refs: t.amberKpis });
  return judge(candidates);
}
