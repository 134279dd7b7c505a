/**
 * Events become one digest per person: every item that person is to hear about, worst first,
 * each with its ID, what changed, since when and what is asked of them. A name People does not
 * list, or lists without an address that can be sent to, is reported once and left out; the
 * others' digests go all the same.
 */
import type { IsoDate } from "../cells/dates.ts";
import { EVENT_ORDER, type EventKind, type RhythmEvent } from "./events.ts";
import { personKey, type People } from "./people.ts";
import { askText, changedText, severityOf, shortText } from "./words.ts";

export interface DigestItem {
  readonly kind: EventKind;
  readonly id: string;
  readonly severity: "Red" | "Amber" | "Request" | "Done";
  /** What changed, in plain words. */
  readonly changed: string;
  readonly since: IsoDate;
  /** What is asked of this person. */
  readonly ask: string;
  readonly where: { readonly sheet: string; readonly cell: string };
  /** A few words for a subject line. */
  readonly short: string;
  /** The period a check-in request asks about. */
  readonly period?: string;
  /** Where the person answers (a check-in request's form), when the host serves one. */
  readonly link?: string;
}

export interface Digest {
  readonly to: { readonly name: string; readonly email: string };
  readonly items: readonly DigestItem[];
  /** The day of the run that could not send it (the day's mail quota ran out); it says so. */
  readonly heldSince?: IsoDate;
}

export interface Unreached {
  /** As the workbook first spells it. */
  readonly name: string;
  readonly why: "not-in-people" | "no-address";
}

export function digestsOf(
  events: readonly RhythmEvent[],
  people: People,
): { digests: Digest[]; unreached: Unreached[] } {
  const byPerson = new Map<string, { to: Digest["to"]; items: DigestItem[] }>();
  const unreached = new Map<string, Unreached>();
  for (const e of events)
    for (const r of e.recipients) {
      const person = people.find(r.name);
      if (!person?.email) {
        const k = personKey(r.name);
        if (!unreached.has(k))
          unreached.set(k, { name: r.name, why: person ? "no-address" : "not-in-people" });
        continue;
      }
      const k = personKey(person.name);
      let d = byPerson.get(k);
      if (!d) byPerson.set(k, (d = { to: { name: person.name, email: person.email }, items: [] }));
      d.items.push({
        kind: e.kind,
        id: e.id,
        severity: severityOf(e),
        changed: changedText(e),
        since: e.since,
        ask: askText(e, r.role),
        where: e.where,
        short: shortText(e),
        ...(e.request ? { period: e.request.period } : {}),
      });
    }
  const worst = (d: { items: DigestItem[] }) => EVENT_ORDER.indexOf(d.items[0]!.kind);
  // Events come worst first, so each digest's items do too.
  const digests = [...byPerson.values()].sort(
    (a, b) => worst(a) - worst(b) || a.to.name.localeCompare(b.to.name),
  );
  return { digests, unreached: [...unreached.values()] };
}

/** A digest's subject line: its worst item, and how many more. */
export function subjectOf(d: Digest): string {
  const more = d.items.length - 1;
  return `Baton: ${d.items[0]!.short}${more ? `, and ${more} more` : ""}`;
}
