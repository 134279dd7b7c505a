/**
 * What changed since the previous period: the workbook judged as of the comparison day, taken
 * as marks (`rhythm/news.ts`, the marks the notifications keep of what they told), and the
 * judgement as of the summary's day compared with them by the notifications' own rule. So the
 * board reads of the same changes, by the same words, as the people told of them.
 *
 * - newly Red: Red now, not Red then;
 * - newly Amber: Amber now, neither Red nor Amber then (Red easing to Amber is not news of
 *   trouble, nor a recovery);
 * - recovered: Red or Amber then, Green or Done now;
 * - a hand-off became late: past Needed By now and not then. That says more than "newly Red",
 *   so such a hand-off is listed once, as late; a hand-off declined is listed as newly Red;
 * - delivered: a hand-off whose Delivered On falls after the comparison day, up to the
 *   summary's day.
 *
 * Listed by kind in that order, then objectives, initiatives, hand-offs, KPIs, in sheet order.
 */
import type { IsoDate } from "../cells/dates.ts";
import type { Evaluation, HandoffEvaluation } from "../engine/evaluate.ts";
import type { Status } from "../engine/reasons.ts";
import type { Workbook } from "../workbook/read.ts";
import {
  handoffNews,
  KPI_MARK,
  OBJECTIVE_MARK,
  snapshotOf,
  statusNews,
  statusOfMark,
} from "../rhythm/news.ts";

type Judged = { readonly id: string; readonly status: Status };

const lateNow = (e: HandoffEvaluation) => e.reasons.some((r) => r.code === "handoff-late");
const lateThen = (mark: string | undefined) => mark?.charAt(1) === "L";

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

const KIND_ORDER: readonly ChangeKind[] = [
  "newly-red",
  "became-late",
  "newly-amber",
  "recovered",
  "delivered",
];

export function changesBetween(
  wb: Workbook,
  before: Evaluation,
  now: Evaluation,
  asOf: IsoDate,
): Change[] {
  const then = snapshotOf(wb, before).marks;
  const buckets = new Map<ChangeKind, Change[]>(KIND_ORDER.map((k) => [k, []]));
  const add = (c: Change) => buckets.get(c.kind)!.push(c);
  const base = { daysLate: null, deliveredOn: null };

  const compare = (
    entity: Entity,
    prefix: string,
    is: readonly Judged[],
    name: (i: number) => string | null,
  ) => {
    is.forEach((e, i) => {
      const was = then[prefix + e.id];
      const kind = statusNews(was, e.status);
      if (kind === "newly-red" || kind === "newly-amber" || kind === "recovered")
        add({
          ...base,
          kind,
          entity,
          id: e.id,
          name: name(i),
          was: statusOfMark(was),
          now: e.status,
        });
    });
  };
  compare("objective", OBJECTIVE_MARK, now.objectives, (i) => wb.objectives[i]!.name);
  compare("initiative", "", now.initiatives, (i) => wb.initiatives[i]!.name);

  now.handoffs.forEach((e, i) => {
    const row = wb.handoffs[i]!;
    const was = then[e.id];
    const news = handoffNews(was, row, e, asOf, false);
    const change = { entity: "handoff" as const, id: e.id, name: row.deliverable, now: e.status };
    if (news === "delivered")
      add({
        ...change,
        kind: "delivered",
        was: null,
        daysLate: null,
        deliveredOn: row.deliveredOn,
      });
    else if (news === "became-late" || (news === "declined" && lateNow(e) && !lateThen(was)))
      add({
        ...change,
        kind: "became-late",
        was: statusOfMark(was),
        daysLate: e.daysLate,
        deliveredOn: null,
      });
    else {
      const kind = statusNews(was, e.status);
      if (kind === "newly-red" || kind === "newly-amber" || kind === "recovered")
        add({ ...change, ...base, kind, was: statusOfMark(was) });
    }
  });
  compare("kpi", KPI_MARK, now.kpis, (i) => wb.kpis[i]!.name);

  return KIND_ORDER.flatMap((k) => buckets.get(k)!);
}
