/**
 * Every source of events (`events.ts` and the files beside it) in one list, and the one
 * comparison that runs them: what people have not been told yet, worst first.
 */
import {
  checkinRequests,
  EVENT_ORDER,
  handoffEvents,
  initiativeEvents,
  type EventKind,
  type EventSource,
  type RhythmContext,
  type RhythmEvent,
} from "./events.ts";
import { falseGreenEvents } from "./false-green-events.ts";
import { gateEvents } from "./gate-events.ts";
import type { Told } from "./told.ts";

/** Every source, in the order their events are listed within a kind. */
export const EVENT_SOURCES: readonly EventSource[] = [
  handoffEvents,
  initiativeEvents,
  falseGreenEvents,
  gateEvents,
  checkinRequests,
];

/** The events not told yet, worst first, and what will have been told once they are. */
export function eventsSince(
  ctx: RhythmContext,
  sources: readonly EventSource[] = EVENT_SOURCES,
): { events: RhythmEvent[]; told: Told } {
  const all: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  for (const source of sources) {
    const r = source(ctx);
    all.push(...r.events);
    Object.assign(marks, r.marks);
  }
  const rank = (k: EventKind) => EVENT_ORDER.indexOf(k);
  // Stable: within a kind, sheet order.
  const events = all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.kind) - rank(b.e.kind) || b.e.blocks - a.e.blocks || a.i - b.i)
    .map((x) => x.e);
  return { events, told: { at: ctx.evaluation.asOf, marks } };
}
