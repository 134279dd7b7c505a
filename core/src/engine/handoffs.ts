/**
 * Hand-off rules (DESIGN.md "Status rules", Hand-off).
 *
 * - Done when State is Delivered or Delivered On is set: the sheet as it stands, even when
 *   evaluating as of an earlier date.
 * - Red when not done and the as-of day is after Needed By, or State is Declined, or Committed
 *   Date is after Needed By.
 * - Amber when not done, State is still Requested and Needed By is within the Amber Window: on
 *   or after the as-of day, with at most Amber Window business days after the as-of day up to
 *   and including Needed By (so a window of 5 on a Monday reaches the next Monday, and 0 means
 *   only the day itself and the weekend or holidays right after it). Also Amber (inherited)
 *   when its From initiative is Red or Amber; a Done or Paused provider passes nothing on.
 * - Days Late: calendar days past Needed By for a hand-off not done (0 before then); blank for
 *   a done hand-off or one without Needed By.
 */
import { daysFromIso } from "../cells/dates.ts";
import type { Handoff } from "../template/sheets.ts";
import type { Calendar } from "./calendar.ts";
import { judge, type Reason, type Status } from "./reasons.ts";

export interface HandoffOwn {
  readonly done: boolean;
  readonly daysLate: number | null;
  /** The own reasons that apply, any severity. */
  readonly reasons: readonly Reason[];
}

/** The first day past the Amber Window of the as-of day: Needed By before it is inside. */
export function amberWindowEnd(cal: Calendar, amberWindow: number): number {
  return cal.addBusinessDays(cal.today, amberWindow + 1);
}

const NONE: readonly string[] = [];

/** What the hand-off's own row says, before looking at its provider. */
export function handoffOwn(h: Handoff, cal: Calendar, windowEnd: number): HandoffOwn {
  if (h.state === "Delivered" || h.deliveredOn !== null)
    return { done: true, daysLate: null, reasons: [] };
  const needed = h.neededBy === null ? undefined : daysFromIso(h.neededBy);
  const committed = h.committedDate === null ? undefined : daysFromIso(h.committedDate);
  const reasons: Reason[] = [];
  if (needed !== undefined && cal.today > needed)
    reasons.push({ code: "handoff-late", refs: NONE });
  if (h.state === "Declined") reasons.push({ code: "handoff-declined", refs: NONE });
  if (needed !== undefined && committed !== undefined && committed > needed)
    reasons.push({ code: "handoff-committed-late", refs: NONE });
  if (h.state === "Requested" && needed !== undefined && needed >= cal.today && needed < windowEnd)
    reasons.push({ code: "handoff-requested-in-window", refs: NONE });
  return {
    done: false,
    daysLate: needed === undefined ? null : Math.max(0, cal.today - needed),
    reasons,
  };
}

/**
 * The hand-off's status given its provider's: `provider` is the From initiative's ID and
 * status, or null when From names no initiative.
 */
export function handoffStatus(
  own: HandoffOwn,
  provider: { id: string; status: Status } | null,
): { status: Status; reasons: Reason[] } {
  if (own.done) return { status: "Done", reasons: [{ code: "delivered", refs: NONE }] };
  const candidates =
    provider && (provider.status === "Red" || provider.status === "Amber")
      ? [...own.reasons, { code: "provider-at-risk" as const, refs: [provider.id] }]
      : own.reasons;
  return judge(candidates);
}
