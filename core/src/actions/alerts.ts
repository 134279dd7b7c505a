/**
 * Alerts sent by a host that runs on its own (Google Sheets' hourly and on-edit triggers) and
 * mails within a daily quota. Two steps around the host's sending: `prepareAlerts` gives the
 * digests to send (those owed from a run cut short first), each check-in request with its own
 * answer link; the host sends as many as its quota allows, in order; `recordAlerts` then
 * records what people were told, what is still owed to whom, and the tokens of the links
 * that went. A run that sent nothing still moves the marks on, with every digest owed, so
 * nobody is told twice and nobody is left out.
 */
import type { IsoDate } from "../cells/dates.ts";
import type { WritePlan } from "../ports/plan.ts";
import type { Digest, DigestItem } from "../rhythm/digest.ts";
import { owedIn, owedWrites, withOwed } from "../rhythm/owed.ts";
import { stateWritesAll } from "../rhythm/state-plan.ts";
import {
  isTokenShaped,
  tokenEntry,
  tokenHash,
  tokensIn,
  tokenWrites,
  type AnswerToken,
} from "../rhythm/tokens.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { NOTIFY_NEEDS, notify, type Notification } from "./notify.ts";
import type { ActionInput } from "./input.ts";
import type { ActionOutcome } from "../ports/pane.ts";
import { say } from "./messages.ts";

export const ALERTS_NEEDS: Needs = NOTIFY_NEEDS;

export interface AlertsInput extends ActionInput {
  /** The form's address (the web app's URL); without it requests carry no link. */
  readonly formUrl?: string | null;
  /** Fresh randomness for one token: at least 32 letters or digits, never reused. */
  readonly entropy: () => string;
}

export interface PreparedAlerts {
  readonly asOf: IsoDate;
  /** In the order to send them: worst first. */
  readonly digests: readonly Digest[];
  /** The tokens each digest's links carry, by the digest's index. */
  readonly tokens: readonly (readonly (readonly [string, AnswerToken])[])[];
  readonly notification: Notification;
  /** What records the told marks, against the Baton sheet as read; none when nothing is new. */
  readonly toldPlan: WritePlan;
}

/** A link is only ever an https address the host gave, with the token as its one parameter. */
const formBase = (url: string | null | undefined): string | null =>
  url && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;

export function prepareAlerts(read: ActionRead, input: AlertsInput): PreparedAlerts {
  const result = notify(read, input);
  const n = result.notification;
  const owed = owedIn(read.state);
  const digests = withOwed(owed, n.digests);
  const base = formBase(input.formUrl);
  const tokens: (readonly [string, AnswerToken])[][] = [];
  const linked = digests.map((d) => {
    const mine: (readonly [string, AnswerToken])[] = [];
    const items = d.items.map((item): DigestItem => {
      const period = item.kind === "checkin-due" ? item.period : undefined;
      if (!base || period === undefined) return item;
      const token = input.entropy();
      if (!isTokenShaped(token))
        throw new RangeError("the host's randomness for a link is not 32 to 128 letters or digits");
      mine.push([
        tokenHash(token),
        tokenEntry({ id: item.id, period, name: d.to.name, email: d.to.email }, input.now),
      ]);
      return { ...item, link: `${base}${base.includes("?") ? "&" : "?"}t=${token}` };
    });
    tokens.push(mine);
    return { ...d, items };
  });
  return {
    asOf: n.asOf,
    digests: linked,
    tokens,
    notification: n,
    toldPlan: result.plan,
  };
}

/**
 * The plan and the words after the host sent the first `sent` digests: told marks, the rest
 * owed, the sent links' tokens kept. Nothing new and nothing owed writes nothing.
 */
export function recordAlerts(
  read: ActionRead,
  prepared: PreparedAlerts,
  sent: number,
  now: Date,
): { plan: WritePlan; outcome: ActionOutcome } {
  const total = prepared.digests.length;
  const count = Math.max(0, Math.min(sent, total));
  const owed = prepared.digests.slice(count);
  const hadOwed = owedIn(read.state).length > 0;
  const issued = prepared.tokens.slice(0, count).flat();
  const outcome: ActionOutcome = {
    ok: true,
    message: say({
      say: "alerts-sent",
      sent: count,
      total,
      unreached: prepared.notification.unreached.map((u) => u.name),
    }),
  };
  if (!prepared.toldPlan.ops.length && !hadOwed && !owed.length && !issued.length)
    return { plan: { ops: [] }, outcome };
  const tokens = { ...tokensIn(read.state), ...Object.fromEntries(issued) };
  const ops = stateWritesAll(read.state, [
    // First, so its operations, made against the sheet as read, still fit.
    () => [...prepared.toldPlan.ops],
    (g) => (hadOwed || owed.length ? owedWrites(g, owed, prepared.asOf) : []),
    (g) => (issued.length ? tokenWrites(g, tokens, now) : []),
  ]);
  // Every host makes the Baton sheet (hidden, and protected where it can be) when a plan writes
  // to it, as notify's plans rely on; an addSheet here would make it an ordinary sheet.
  return { plan: { ops }, outcome };
}
