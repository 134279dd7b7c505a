/**
 * "Tell people": what changed since people were last told, as one digest per person, and the
 * plan that records it as told in the Baton sheet. The host sends the digests (mail, chat, or
 * files) and applies the plan only once they went: a dry run or a failed send records nothing,
 * so the next run tells the same news again.
 */
import { validateGrids } from "../ledger/validation.ts";
import { evaluate } from "../engine/evaluate.ts";
import { calendarOf } from "../engine/calendar.ts";
import { readPeople, PEOPLE_SHEET } from "../rhythm/people.ts";
import { toldIn, toldWrites, type Told } from "../rhythm/told.ts";
import { eventsSince } from "../rhythm/event-sources.ts";
import type { RhythmEvent } from "../rhythm/events.ts";
import { digestsOf, type Digest, type Unreached } from "../rhythm/digest.ts";
import { sponsorsOf } from "../rhythm/sponsors.ts";
import { findSheet } from "../workbook/read.ts";
import type { IsoDate } from "../cells/dates.ts";
import type { PaneIssue } from "../ports/pane.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { asOfIn, placeOf, type ActionInput } from "./input.ts";
import { issueJson, NO_WRITES, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const NOTIFY_NEEDS: Needs = { template: "required", sheets: [PEOPLE_SHEET], state: true };

export interface Notification {
  readonly asOf: IsoDate;
  readonly place: string;
  /** Worst first. */
  readonly events: readonly RhythmEvent[];
  readonly digests: readonly Digest[];
  /** Names the events name that People does not give an address for, each once. */
  readonly unreached: readonly Unreached[];
  /** What is wrong in People (malformed addresses, names listed twice), at their cells. */
  readonly peopleIssues: readonly PaneIssue[];
}

export interface NotifyResult extends ActionResult {
  readonly notification: Notification;
}

const sameMarks = (a: Told, b: Told) => {
  const ka = Object.keys(a.marks);
  return ka.length === Object.keys(b.marks).length && ka.every((k) => a.marks[k] === b.marks[k]);
};

/**
 * What happened since `before`: the events, one digest per person, and the marks to keep once
 * people know. The notify action compares with what the workbook says was told; the Excel
 * pane's "Since you last looked" with what one user last saw.
 */
export function noticeSince(read: ActionRead, input: ActionInput, before: Told) {
  const { workbook, issues } = validateGrids(read.grids, [], { now: input.now });
  const { settings } = workbook;
  const asOf = asOfIn(settings.timeZone, input);
  const evaluation = evaluate(workbook, { asOf });
  const peopleSheet = findSheet(Object.keys(read.grids), PEOPLE_SHEET);
  const people = readPeople(peopleSheet ? read.grids[peopleSheet] : undefined, peopleSheet);
  const { events, told } = eventsSince({
    workbook,
    evaluation,
    calendar: calendarOf(asOf, settings.holidays, settings.cadence),
    before,
    sponsorOf: sponsorsOf(workbook),
  });
  const { digests, unreached } = digestsOf(events, people);
  return { asOf, issues, people, events, told, digests, unreached };
}

export function notify(read: ActionRead, input: ActionInput): NotifyResult {
  const before = toldIn(read.state);
  const { asOf, issues, people, events, told, digests, unreached } = noticeSince(
    read,
    input,
    before,
  );
  // Nothing new is not written at all: a rerun leaves the file as it was.
  const plan =
    before.at !== null && sameMarks(before, told)
      ? NO_WRITES
      : { ops: toldWrites(read.state, told) };
  const message = say({
    say: "notify",
    events: events.length,
    people: digests.length,
    unreached: unreached.map((u) => u.name),
    since: before.at,
    errors: issues.filter((i) => i.severity === "error").length,
  });
  return {
    plan,
    outcome: {
      ok: true,
      message,
      ...(people.issues.length ? { issues: people.issues.map(issueJson) } : {}),
    },
    notification: {
      asOf,
      place: placeOf(input),
      events,
      digests,
      unreached,
      peopleIssues: people.issues.map(issueJson),
    },
  };
}
