/**
 * Initiative rules (DESIGN.md "Status rules", Initiative).
 *
 * - Done when Stage is Done; Paused when On hold or Cancelled. Both stand apart from
 *   everything else, a hand-off cycle included: nobody is waiting on a finished or stopped
 *   initiative to move.
 * - Red (own) when past Due, when its latest check-in says Red, or when it is on a hand-off
 *   cycle; Amber (own) when its latest check-in says Amber or it is stale.
 * - Red or Amber (inherited) when a hand-off into it is Red or Amber. An initiative on a cycle
 *   inherits nothing: it is Red by the cycle whatever feeds it, and the cycle is where its
 *   trouble starts (the plan as written cannot be carried out).
 * - Stale: more than Stale After closed periods (see calendar.ts) have passed since the period
 *   of its latest check-in, or with none since the period of its Start. Without either there
 *   is nothing to measure from, and it is not stale.
 * - An initiative without a Stage (a validation error) is judged as one in progress.
 */
import { daysFromIso } from "../cells/dates.ts";
import type { Initiative } from "../template/sheets.ts";
import { closedPeriodsAfter, type Calendar } from "./calendar.ts";
import type { LatestCheckin } from "./checkins.ts";
import { judge, type Reason, type Status } from "./reasons.ts";

export interface InitiativeOwn {
  /** Done or Paused by Stage, with its reason; null when the initiative is active. */
  readonly fixed: { readonly status: "Done" | "Paused"; readonly reason: Reason } | null;
  /** Own reasons that apply, any severity. */
  readonly reasons: readonly Reason[];
  readonly lastCheckin: string | null;
  readonly stale: boolean;
}

const NONE: readonly string[] = [];

export function initiativeOwn(
  i: Initiative,
  latest: LatestCheckin | undefined,
  cal: Calendar,
  staleAfter: number,
): InitiativeOwn {
  const lastCheckin = latest?.period ?? null;
  if (i.stage === "Done")
    return {
      fixed: { status: "Done", reason: { code: "stage-done", refs: NONE } },
      reasons: [],
      lastCheckin,
      stale: false,
    };
  if (i.stage === "On hold" || i.stage === "Cancelled")
    return {
      fixed: {
        status: "Paused",
        reason: { code: i.stage === "On hold" ? "stage-on-hold" : "stage-cancelled", refs: NONE },
      },
      reasons: [],
      lastCheckin,
      stale: false,
    };
  const reasons: Reason[] = [];
  const due = i.due === null ? undefined : daysFromIso(i.due);
  if (due !== undefined && cal.today > due) reasons.push({ code: "overdue", refs: NONE });
  if (latest?.rag === "Red") reasons.push({ code: "reported-red", refs: NONE });
  else if (latest?.rag === "Amber") reasons.push({ code: "reported-amber", refs: NONE });
  const since = latest ? latest.endDay : i.start === null ? undefined : daysFromIso(i.start);
  const stale = since !== undefined && closedPeriodsAfter(cal, since) > staleAfter;
  if (stale) reasons.push({ code: "stale", refs: NONE });
  return { fixed: null, reasons, lastCheckin, stale };
}

/** What flows into an initiative from upstream. */
export interface Incoming {
  /** IDs of the initiatives on its hand-off cycle, itself included; null when it is on none. */
  readonly cycle: readonly string[] | null;
  /** IDs of Red and Amber hand-offs into it (ignored on a cycle). */
  readonly red: readonly string[];
  readonly amber: readonly string[];
}

export function initiativeStatus(
  own: InitiativeOwn,
  incoming: Incoming,
): { status: Status; reasons: Reason[] } {
  if (own.fixed) return { status: own.fixed.status, reasons: [own.fixed.reason] };
  const candidates = [...own.reasons];
  if (incoming.cycle) candidates.push({ code: "cycle", refs: incoming.cycle });
  else {
    if (incoming.red.length) candidates.push({ code: "handoff-red", refs: incoming.red });
    if (incoming.amber.length) candidates.push({ code: "handoff-amber", refs: incoming.amber });
  }
  return judge(candidates);
}
