/**
 * "Since you last looked" (DESIGN.md "The operating rhythm", Excel): the same events the
 * notifications tell, compared with what one user last saw instead of what the workbook says
 * people were told, and each person's digest as a ready email. Nothing is written to the
 * document: what a user saw is theirs, kept by the host in the add-in's own storage, as the
 * text `seen` it hands back once the user marks the list seen.
 */
import { mailtoOf } from "../rhythm/mailto.ts";
import { parseTold, toldText } from "../rhythm/told.ts";
import type { PaneSince } from "../ports/pane.ts";
import type { ActionRead } from "./needs.ts";
import { placeOf, type ActionInput } from "./input.ts";
import { NOTIFY_NEEDS, noticeSince } from "./notify.ts";
import { severityOf, changedText } from "../rhythm/words.ts";

export const SINCE_NEEDS = NOTIFY_NEEDS;

/** `seen` is what the host kept for this user (null the first time: every Red and Amber is news). */
export function sinceLooked(read: ActionRead, input: ActionInput, seen: string | null): PaneSince {
  const before = parseTold(seen);
  const { asOf, events, told, digests, unreached } = noticeSince(read, input, before);
  const context = { place: placeOf(input), asOf };
  return {
    asOf,
    lastLooked: before.at,
    items: events.map((e) => ({
      kind: e.kind,
      id: e.id,
      severity: severityOf(e),
      changed: changedText(e),
      since: e.since,
      people: e.recipients.map((r) => r.name),
      sheet: e.where.sheet,
      cell: e.where.cell,
    })),
    mails: digests.map((d) => {
      const m = mailtoOf(d, context);
      return {
        name: m.to.name,
        email: m.to.email,
        subject: m.subject,
        href: m.href,
        items: m.items,
        carried: m.carried,
        cut: m.cut,
      };
    }),
    unreached: unreached.map((u) => u.name),
    seen: toldText(told),
  };
}
