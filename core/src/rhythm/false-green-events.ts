/**
 * False greens (engine/false-greens.ts) as news: a latest check-in that says Green while the
 * workbook's data says otherwise, told to the initiative's Owner, who reported it, and its
 * Sponsor, whom the Green would have kept from asking.
 *
 * The mark `green:INI-2` keeps the period of the check-in last told as false, so one check-in
 * is told about once however its evidence grows; the next period's false Green is news again,
 * and so is the same check-in once it was corrected and turned false again.
 */
import { a1 } from "../cells/a1.ts";
import { recipients } from "./event-parts.ts";
import type { EventSource, RhythmEvent } from "./events.ts";

const GREEN = "green:";

export const falseGreenEvents: EventSource = ({ workbook: wb, evaluation, before, sponsorOf }) => {
  const events: RhythmEvent[] = [];
  const marks: Record<string, string> = {};
  const layout = wb.layout.checkins;
  const byId = new Map(evaluation.initiatives.map((e, i) => [e.id, i] as const));
  for (const fg of evaluation.falseGreens) {
    const key = GREEN + fg.id;
    if (marks[key] !== undefined) continue;
    marks[key] = fg.period;
    if (before.marks[key] === fg.period) continue;
    const i = byId.get(fg.id);
    if (i === undefined) continue;
    const ini = wb.initiatives[i]!;
    const e = evaluation.initiatives[i]!;
    const sponsor = sponsorOf(fg.id);
    events.push({
      kind: "false-green",
      id: fg.id,
      name: ini.name,
      since: evaluation.asOf,
      status: e.status,
      reasons: e.reasons,
      daysLate: null,
      blocks: 0,
      falseGreen: { period: fg.period, evidence: fg.evidence, owner: ini.owner },
      recipients: recipients([
        ini.owner ? { name: ini.owner, role: "owner" } : null,
        sponsor ? { name: sponsor, role: "sponsor" } : null,
      ]),
      // The RAG cell that says Green.
      where: { sheet: layout?.name ?? "Check-ins", cell: a1(fg.row, layout?.columns.rag ?? 1) },
    });
  }
  return { events, marks };
};
