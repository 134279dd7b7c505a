/**
 * What changed since the previous period: the workbook judged twice by the engine, as of the
 * comparison day and as of the summary's day, compared row by row (both judgements are of the
 * same rows, so entry i of one is entry i of the other).
 *
 * - newly Red: Red now, not Red then;
 * - newly Amber: Amber now, neither Red nor Amber then (Red easing to Amber is not news of
 *   trouble, nor a recovery);
 * - recovered: Red or Amber then, Green or Done now;
 * - a hand-off became late: past Needed By now (`handoff-late`) and not then. That says more
 *   than "newly Red", so such a hand-off is listed once, as late;
 * - delivered: a hand-off whose Delivered On falls after the comparison day, up to the
 *   summary's day. The engine takes a delivery as the sheet states it, whatever the as-of day,
 *   so it is found from the date rather than from a change of status.
 *
 * Listed by kind in that order, then objectives, initiatives, hand-offs, KPIs, in sheet order.
 */
import { daysFromIso, type IsoDate } from "../cells/dates.ts";
import type { Evaluation } from "../engine/evaluate.ts";
import type { Reason, Status } from "../engine/reasons.ts";
import type { Workbook } from "../workbook/read.ts";

export type Entity = "objective" | "kpi" | "initiative" | "handoff";

export type ChangeKind = "newly-red" | "became-late" | "newly-amber" | "recovered" | "delivered";

export interface Change {
  readonly kind: ChangeKind;
  readonly entity: Entity;
  readonly id: string;
  /** The objective's, KPI's or initiative's name, or the hand-off's deliverable. */
  readonly name: string | null;
  /** Status as of the comparison day; null for `delivered` (the engine reads a delivery as it stands). */
  readonly was: Status | null;
  readonly now: Status;
  /** For `became-late`, the days late now; for `delivered`, null. */
  readonly daysLate: number | null;
  /** For `delivered`, the Delivered On date. */
  readonly deliveredOn: IsoDate | null;
}

type Judged = { readonly id: string; readonly status: Status };

const KIND_ORDER: readonly ChangeKind[] = [
  "newly-red",
  "became-late",
  "newly-amber",
  "recovered",
  "delivered",
];

const atRisk = (s: Status) => s === "Red" || s === "Amber";
const late = (reasons: readonly Reason[]) => reasons.some((r) => r.code === "handoff-late");

/**
 * The change of status that is news, or null: the one rule for the board summary's "what
 * changed" and for the notifications (`rhythm/events.ts`).
 */
export function statusChange(
  was: Status,
  now: Status,
): "newly-red" | "newly-amber" | "recovered" | null {
  if (now === "Red" && was !== "Red") return "newly-red";
  if (now === "Amber" && !atRisk(was)) return "newly-amber";
  if (atRisk(was) && (now === "Green" || now === "Done")) return "recovered";
  return null;
}

export function changesBetween(
  wb: Workbook,
  before: Evaluation,
  now: Evaluation,
  asOf: IsoDate,
  sinceAsOf: IsoDate,
): Change[] {
  const buckets = new Map<ChangeKind, Change[]>(KIND_ORDER.map((k) => [k, []]));
  const add = (c: Change) => buckets.get(c.kind)!.push(c);
  const base = { daysLate: null, deliveredOn: null };

  const compare = (
    entity: Entity,
    was: readonly Judged[],
    is: readonly Judged[],
    name: (i: number) => string | null,
  ) => {
    is.forEach((e, i) => {
      const then = was[i]!;
      const kind = statusChange(then.status, e.status);
      if (kind)
        add({ ...base, kind, entity, id: e.id, name: name(i), was: then.status, now: e.status });
    });
  };
  compare("objective", before.objectives, now.objectives, (i) => wb.objectives[i]!.name);
  compare("initiative", before.initiatives, now.initiatives, (i) => wb.initiatives[i]!.name);

  const today = daysFromIso(asOf)!;
  const since = daysFromIso(sinceAsOf)!;
  now.handoffs.forEach((e, i) => {
    const then = before.handoffs[i]!;
    const row = wb.handoffs[i]!;
    const name = row.deliverable;
    const delivered = row.deliveredOn === null ? undefined : daysFromIso(row.deliveredOn);
    if (e.status === "Done" && delivered !== undefined && delivered > since && delivered <= today)
      add({
        kind: "delivered",
        entity: "handoff",
        id: e.id,
        name,
        was: null,
        now: e.status,
        daysLate: null,
        deliveredOn: row.deliveredOn,
      });
    else if (late(e.reasons) && !late(then.reasons))
      add({
        kind: "became-late",
        entity: "handoff",
        id: e.id,
        name,
        was: then.status,
        now: e.status,
        daysLate: e.daysLate,
        deliveredOn: null,
      });
    else {
      const kind = statusChange(then.status, e.status);
      if (kind)
        add({ ...base, kind, entity: "handoff", id: e.id, name, was: then.status, now: e.status });
    }
  });
  compare("kpi", before.kpis, now.kpis, (i) => wb.kpis[i]!.name);

  return KIND_ORDER.flatMap((k) => buckets.get(k)!);
}
