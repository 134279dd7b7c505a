/**
 * The words of a notification: what changed and what is asked of each person, by the event's
 * kind and the person's part in it. One table, as `actions/messages.ts` is for actions.
 */
import { describeReason, isInherited } from "../engine/reasons.ts";
import type { RecipientRole, RhythmEvent } from "./events.ts";

const quoted = (name: string | null) => (name ? ` "${name}"` : "");

function reasonsText(e: RhythmEvent): string {
  // A hand-off's own reasons say why; an initiative's inherited ones say where from.
  const own = e.reasons.filter((r) => !isInherited(r.code));
  const shown = (own.length ? own : e.reasons).filter((r) => r.code !== "delivered");
  const text = shown.map(describeReason).join("; ");
  const late = e.daysLate ? `, ${e.daysLate} day${e.daysLate === 1 ? "" : "s"} late` : "";
  return text ? `: ${text.charAt(0).toLowerCase()}${text.slice(1)}${late}` : "";
}

const GATE_NAME: Readonly<Record<number, string>> = {
  1: "Identified",
  2: "Evaluated",
  3: "Approved",
  4: "Implemented",
  5: "Realised",
};

/**
 * The evidence against a Green, joined. Its words are the sidebar's, spoken to the person who
 * typed the check-in ("which you owe IT Support"); a digest also goes to the Sponsor, so they
 * are put in the third person.
 */
function evidenceText(e: RhythmEvent): string {
  return e
    .falseGreen!.evidence.map((x) =>
      x.text
        .replace("which you owe ", "which it owes ")
        .replace("which you wait on ", "which it waits on "),
    )
    .join("; ");
}

const waits = (e: RhythmEvent) =>
  e.handoff?.to ? ` ${e.handoff.to}${quoted(e.handoff.toName)} waits on it.` : "";

/** What changed, in one or two sentences. */
export function changedText(e: RhythmEvent): string {
  const what = `${e.id}${quoted(e.name)}`;
  switch (e.kind) {
    case "handoff-declined":
      return `${what} was declined by the providing team.${waits(e)}`;
    case "handoff-red":
      return `${what} turned Red${reasonsText(e)}.${waits(e)}`;
    case "handoff-amber":
      return `${what} turned Amber${reasonsText(e)}.${waits(e)}`;
    case "initiative-red":
      return `${what} turned Red${reasonsText(e)}.`;
    case "false-green":
      return `${what} reported Green for ${e.falseGreen!.period}, but ${evidenceText(e)}.`;
    case "gate-waiting":
      return `${what} waits for its gate ${e.gate!.next} (${GATE_NAME[e.gate!.next]}) decision by the ${e.gate!.decider}; it stands at gate ${e.gate!.reached}.`;
    case "checkin-due":
      return `${what} has no check-in for ${e.request!.period}, which ends on ${e.request!.by}.`;
    case "handoff-delivered":
      return `${what} was delivered on ${e.since}.${waits(e)}`;
  }
}

/** The news in a few words, for a subject line. */
export function shortText(e: RhythmEvent): string {
  switch (e.kind) {
    case "handoff-declined":
      return `${e.id} was declined`;
    case "handoff-red":
    case "initiative-red":
      return `${e.id} turned Red`;
    case "handoff-amber":
      return `${e.id} turned Amber`;
    case "false-green":
      return `${e.id} is not as Green as reported`;
    case "gate-waiting":
      return `gate ${e.gate!.next} decision for ${e.id} waiting`;
    case "checkin-due":
      return `check-in for ${e.id} due by ${e.request!.by}`;
    case "handoff-delivered":
      return `${e.id} was delivered`;
  }
}

/** What is asked of a person in this part of the event. */
export function askText(e: RhythmEvent, role: RecipientRole): string {
  const h = e.handoff;
  const owner = h?.owner ?? "the providing team";
  const waiting = h?.waitingOwner ?? "the team waiting on it";
  const to = h?.to ?? "the initiative waiting on it";
  switch (e.kind) {
    case "handoff-declined":
      if (role === "owner") return `Tell ${waiting} why, and what they can do instead.`;
      if (role === "waiting") return `Find another way to get it, or re-plan ${to}.`;
      return `Decide with ${owner} and ${waiting} whether it is delivered after all or ${to} is re-planned.`;
    case "handoff-red":
      if (role === "owner")
        return `Deliver it, or agree a new date with ${waiting} and enter it as Committed Date.`;
      if (role === "waiting") return `Agree a new date with ${owner}, or re-plan ${to} around it.`;
      return `Decide with ${owner} and ${waiting} whether it comes first or ${to} is re-planned.`;
    case "handoff-amber": {
      const by = h?.neededBy ? ` by ${h.neededBy}` : "";
      if (role !== "owner") return `Nothing yet; Baton tells you if it turns Red.`;
      return e.reasons.some((r) => r.code === "handoff-requested-in-window")
        ? `Accept it, or give a Committed Date${by}.`
        : `Say whether it still arrives${by}.`;
    }
    case "initiative-red":
      return `Say in this period's check-in how it gets back to Green (Path to Green), or agree a new Due date.`;
    case "false-green": {
      const owner = e.falseGreen!.owner ?? "its Owner";
      return role === "owner"
        ? `Correct the ${e.falseGreen!.period} check-in's RAG, or say in its Comment why it is still Green.`
        : `Ask ${owner} how ${e.id} really stands.`;
    }
    case "gate-waiting": {
      const g = e.gate!;
      const value = g.next === 5 ? ", the Confirmed Value" : "";
      const record = `Record the gate ${g.next} decision (Approved, Rejected or Returned) on Gate Decisions, with its Evidence${value}.`;
      return g.decider === "Owner" || role !== "owner"
        ? record
        : `Name the ${g.decider} in the Initiatives row: the gate ${g.next} decision is theirs, not the Owner's.`;
    }
    case "checkin-due":
      return `Enter the ${e.request!.period} check-in (RAG, Progress %, Comment, and a Path to Green unless it is Green) by ${e.request!.by}.`;
    case "handoff-delivered":
      return role === "owner" ? `Nothing more; thank you.` : `Pick it up and carry ${to} on.`;
  }
}

/** The label a digest item is shown under. */
export function severityOf(e: RhythmEvent): "Red" | "Amber" | "Request" | "Done" {
  switch (e.kind) {
    case "handoff-declined":
    case "handoff-red":
    case "initiative-red":
      return "Red";
    case "false-green":
    case "handoff-amber":
      return "Amber";
    case "gate-waiting":
    case "checkin-due":
      return "Request";
    case "handoff-delivered":
      return "Done";
  }
}
