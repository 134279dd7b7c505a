/**
 * Gate decisions waiting (DESIGN.md "Governance" and "The operating rhythm"): an initiative
 * whose work has reached the point where its next gate should have been decided, told to the
 * person who decides that gate.
 *
 * Decisions where DESIGN.md is silent:
 * - When a decision is due. Gates 2 (Evaluated, the Owner) and 3 (Approved, the Sponsor) come
 *   before the work: they are due once the initiative has started (Start on or before today,
 *   or a Stage of In progress or Done), from its Start. Gates 4 (Implemented, the Owner) and
 *   5 (Realised, the Controller, with the Confirmed Value) come after it: they are due once
 *   the Stage is Done, from the day Baton first sees that. One gate at a time: the next one.
 * - On hold and Cancelled initiatives wait for nothing. A workbook without the Gate Decisions
 *   sheet (template version 1), or whose sheet holds no decision yet, does not use gates:
 *   nothing waits there (upgrading adds the sheet unasked, and a team that has not taken up
 *   gates is not told of every initiative's gate 2 at once).
 * - The decider is the Owner, the Sponsor or the Controller as the Initiatives row names them;
 *   a blank Sponsor or Controller cell falls back to the Owner, who is asked to name one.
 * - The mark `gate:INI-2` keeps the gate last told as waiting, so each gate is told once, and
 *   again only if it is still waiting after a later gate was reached and lost (a decision
 *   row deleted).
 */
import { daysFromIso, type IsoDate } from "../cells/dates.ts";
import { deciderOf, LAST_GATE } from "../governance/gates.ts";
import type { Initiative } from "../template/sheets.ts";
import { recipients, whereIn, type Recipient } from "./event-parts.ts";
import type { EventSource, RhythmEvent } from "./events.ts";

const GATE = "gate:";

/** The gate an initiative waits for as of `today`, and since when; null when none is due. */
export function gateDue(
  ini: Initiative,
  gate: number,
  today: number,
  asOf: IsoDate,
): { gate: number; since: IsoDate } | null {
  if (gate >= LAST_GATE || ini.stage === "On hold" || ini.stage === "Cancelled") return null;
  const next = gate + 1;
  if (next >= 4) return ini.stage === "Done" ? { gate: next, since: asOf } : null;
  const start = ini.start === null ? undefined : daysFromIso(ini.start);
  const begun = start !== undefined && start <= today;
  if (begun) return { gate: next, since: ini.start! };
  return ini.stage === "In progress" || ini.stage === "Done" ? { gate: next, since: asOf } : null;
}

function deciderFor(ini: Initiative, gate: number): Recipient | null {
  const role = deciderOf(gate);
  const named = role === "Sponsor" ? ini.sponsor : role === "Controller" ? ini.controller : null;
  if (named?.trim()) return { name: named, role: role === "Sponsor" ? "sponsor" : "controller" };
  return ini.owner ? { name: ini.owner, role: "owner" } : null;
}

export const gateEvents: EventSource = ({ workbook: wb, evaluation, before }) => {
  const events: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  if (!wb.layout.gateDecisions || wb.gateDecisions.length === 0) return { events, marks };
  const today = daysFromIso(evaluation.asOf)!;
  const seen = new Set<string>();
  evaluation.initiatives.forEach((e, i) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    const ini = wb.initiatives[i]!;
    const due = gateDue(ini, e.gate, today, evaluation.asOf);
    if (!due) return;
    const key = GATE + e.id;
    marks[key] = String(due.gate);
    if (before.marks[key] === String(due.gate)) return;
    events.push({
      kind: "gate-waiting",
      id: e.id,
      name: ini.name,
      since: due.since,
      status: e.status,
      reasons: e.reasons,
      daysLate: null,
      blocks: 0,
      gate: { reached: e.gate, next: due.gate, decider: deciderOf(due.gate) },
      recipients: recipients([deciderFor(ini, due.gate)]),
      where: whereIn(wb.layout.initiatives, "Initiatives", ini.row),
    });
  });
  return { events, marks };
};
