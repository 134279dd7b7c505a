/**
 * What people have not been told yet: the evaluation now compared with the marks of the last
 * notification (`told.ts`). Each source of events reads its own marks and gives the events
 * and the marks to keep; a rerun at the same moment finds every mark as it left it, so it says
 * nothing, and a hand-off that goes Red, Green and Red again is news twice.
 *
 * Sources: hand-offs (turned Red or Amber, declined, delivered), initiatives (turned Red),
 * false greens (`false-green-events.ts`), gate decisions waiting (`gate-events.ts`) and
 * check-in requests (an initiative without a check-in for the current period, two business
 * days before the period ends). Each is one function of the same shape, listed in
 * `EVENT_SOURCES` (`event-sources.ts`), with its own mark keys. What counts as news about a
 * row's status is `news.ts`, which the board summary's "what changed" reads too.
 */
import { daysFromIso, isoFromDays, type IsoDate } from "../cells/dates.ts";
import type { Calendar } from "../engine/calendar.ts";
import type { Evaluation } from "../engine/evaluate.ts";
import type { Reason, Status } from "../engine/reasons.ts";
import { formatPeriod, periodEndDays, periodOfDays, periodStartDays } from "../template/periods.ts";
import type { Evidence } from "../issues/evidence.ts";
import type { Role } from "../template/sheets.ts";
import type { Workbook } from "../workbook/read.ts";
import { handoffMark, handoffNews, statusMark, statusNews } from "./news.ts";
import {
  dayAfter,
  has,
  initiativesById,
  recipients,
  whereIn,
  type Recipient,
} from "./event-parts.ts";
import type { Told } from "./told.ts";

export type EventKind =
  | "handoff-declined"
  | "handoff-red"
  | "initiative-red"
  | "false-green"
  | "handoff-amber"
  | "gate-waiting"
  | "checkin-due"
  | "handoff-delivered";

/** Worst first: the order a digest lists its items in. */
export const EVENT_ORDER: readonly EventKind[] = [
  "handoff-declined",
  "handoff-red",
  "initiative-red",
  "false-green",
  "handoff-amber",
  "gate-waiting",
  "checkin-due",
  "handoff-delivered",
];

export type { Recipient, RecipientRole } from "./event-parts.ts";

export interface RhythmEvent {
  readonly kind: EventKind;
  /** The hand-off's or initiative's ID. */
  readonly id: string;
  /** The hand-off's deliverable or the initiative's name. */
  readonly name: string | null;
  /** The first day the news was true, where the sheet says (Needed By + 1, Due + 1, Delivered On); else the as-of day. */
  readonly since: IsoDate;
  /** The status now and its reasons. */
  readonly status: Status;
  readonly reasons: readonly Reason[];
  readonly daysLate: number | null;
  /** Initiatives held up downstream (hand-offs). */
  readonly blocks: number;
  /** For hand-offs: who provides it and which initiative waits, with its owner. */
  readonly handoff?: {
    readonly from: string | null;
    readonly to: string | null;
    readonly toName: string | null;
    readonly owner: string | null;
    readonly waitingOwner: string | null;
    readonly neededBy: IsoDate | null;
  };
  /** For a check-in request: the period asked for and its last day. */
  readonly request?: { readonly period: string; readonly by: IsoDate };
  /** For a false green: the period of the check-in that says Green, what says otherwise, and who reported it. */
  readonly falseGreen?: {
    readonly period: string;
    readonly evidence: readonly Evidence[];
    readonly owner: string | null;
  };
  /** For a gate decision waiting: the gate reached, the one waited for, and who decides it. */
  readonly gate?: { readonly reached: number; readonly next: number; readonly decider: Role };
  readonly recipients: readonly Recipient[];
  /** The row's ID cell, so a reader can find it. */
  readonly where: { readonly sheet: string; readonly cell: string };
}

/** What a source reads. `sponsorOf` answers an initiative's Sponsor where the sheet has one. */
export interface RhythmContext {
  readonly workbook: Workbook;
  readonly evaluation: Evaluation;
  readonly calendar: Calendar;
  readonly before: Told;
  readonly sponsorOf: (initiativeId: string) => string | null;
}

export interface SourceResult {
  readonly events: readonly RhythmEvent[];
  /** Every mark the source keeps for next time (marks it does not return are dropped). */
  readonly marks: Readonly<Record<string, string>>;
}

export type EventSource = (ctx: RhythmContext) => SourceResult;

export const handoffEvents: EventSource = ({ workbook: wb, evaluation, before, sponsorOf }) => {
  const inis = initiativesById(wb);
  const asOf = evaluation.asOf;
  const events: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  const seen = new Set<string>();
  evaluation.handoffs.forEach((e, i) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    const h = wb.handoffs[i]!;
    const mark = handoffMark(h, e, asOf);
    if (mark) marks[e.id] = mark;
    const was = before.marks[e.id];
    const news = handoffNews(was, h, e, asOf, before.at === null);
    let kind: EventKind | null = null;
    let since: IsoDate = asOf;
    if (news === "declined") kind = "handoff-declined";
    else if (news === "delivered") {
      kind = "handoff-delivered";
      since = h.deliveredOn ?? asOf;
    } else if (statusNews(was, e.status) === "newly-red") {
      // Past Needed By is news of a Red only when it was not Red already.
      kind = "handoff-red";
      if (has(e.reasons, "handoff-late")) since = dayAfter(h.neededBy) ?? asOf;
    } else if (news === "newly-amber") kind = "handoff-amber";
    if (!kind) return;
    const to = h.to === null ? undefined : inis.get(h.to);
    const waitingOwner = to?.owner ?? null;
    const red = kind === "handoff-red" || kind === "handoff-declined";
    const sponsor = red && h.to !== null ? sponsorOf(h.to) : null;
    events.push({
      kind,
      id: e.id,
      name: h.deliverable,
      since,
      status: e.status,
      reasons: e.reasons,
      daysLate: e.daysLate,
      blocks: e.blocks,
      handoff: {
        from: h.from,
        to: h.to,
        toName: to?.name ?? null,
        owner: h.owner,
        waitingOwner,
        neededBy: h.neededBy,
      },
      recipients: recipients([
        h.owner ? { name: h.owner, role: "owner" } : null,
        waitingOwner ? { name: waitingOwner, role: "waiting" } : null,
        sponsor ? { name: sponsor, role: "sponsor" } : null,
      ]),
      where: whereIn(wb.layout.handoffs, "Hand-offs", h.row),
    });
  });
  return { events, marks };
};

export const initiativeEvents: EventSource = ({ workbook: wb, evaluation, before }) => {
  const asOf = evaluation.asOf;
  const events: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  const seen = new Set<string>();
  evaluation.initiatives.forEach((e, i) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    const ini = wb.initiatives[i]!;
    const mark = statusMark(e.status);
    if (mark) marks[e.id] = mark;
    if (statusNews(before.marks[e.id], e.status) !== "newly-red") return;
    const since = has(e.reasons, "overdue") ? (dayAfter(ini.due) ?? asOf) : asOf;
    events.push({
      kind: "initiative-red",
      id: e.id,
      name: ini.name,
      since,
      status: e.status,
      reasons: e.reasons,
      daysLate: null,
      blocks: 0,
      recipients: recipients([ini.owner ? { name: ini.owner, role: "owner" } : null]),
      where: whereIn(wb.layout.initiatives, "Initiatives", ini.row),
    });
  });
  return { events, marks };
};

/** Business days, the as-of day included, left in the period before its owners are asked. */
export const ASK_BUSINESS_DAYS = 2;

const ASK = "ask:";

export const checkinRequests: EventSource = ({ workbook: wb, evaluation, calendar, before }) => {
  const events: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  const today = calendar.today;
  const period = periodOfDays(today, wb.settings.cadence);
  const name = formatPeriod(period);
  const start = periodStartDays(period);
  const end = periodEndDays(period);
  // Business days from today to the period's last day, both included.
  if (calendar.businessDaysBetween(today - 1, end) > ASK_BUSINESS_DAYS) return { events, marks };
  const reported = new Set(wb.checkins.filter((c) => c.period === name).map((c) => c.id));
  const seen = new Set<string>();
  evaluation.initiatives.forEach((e, i) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    const ini = wb.initiatives[i]!;
    if (e.status === "Done" || e.status === "Paused") return;
    const startDay = ini.start === null ? undefined : daysFromIso(ini.start);
    if (startDay !== undefined && startDay > end) return;
    const key = ASK + e.id;
    const asked = before.marks[key] === name;
    if (reported.has(e.id)) {
      if (asked) marks[key] = name;
      return;
    }
    marks[key] = name;
    if (asked || !ini.owner) return;
    events.push({
      kind: "checkin-due",
      id: e.id,
      name: ini.name,
      since: isoFromDays(start),
      status: e.status,
      reasons: e.reasons,
      daysLate: null,
      blocks: 0,
      request: { period: name, by: isoFromDays(end) },
      recipients: recipients([{ name: ini.owner, role: "owner" }]),
      where: whereIn(wb.layout.initiatives, "Initiatives", ini.row),
    });
  });
  return { events, marks };
};
