/**
 * What the sidebar shows of an evaluation: how many initiatives are in each status, and the
 * red and amber hand-offs, worst first, with the teams on each side, the owner, the reasons in
 * words and the IDs where the trouble starts. Both hosts build their pane from this, so Excel
 * and Sheets show the same thing.
 */
import { a1 } from "../cells/a1.ts";
import type { Evaluation } from "../engine/evaluate.ts";
import { describeReason } from "../engine/reasons.ts";
import type { Workbook } from "../workbook/read.ts";
import type { PaneHandoff, PaneStatus } from "../../ui/backend.ts";

export interface PaneStatuses {
  readonly atRisk: PaneHandoff[];
  readonly initiativeCounts: Partial<Record<PaneStatus, number>>;
}

/** Red before Amber; then the latest first, then the one blocking most; then sheet order. */
function worstFirst(a: PaneHandoff & { blocks: number; row: number }, b: PaneHandoff & { blocks: number; row: number }): number {
  if (a.status !== b.status) return a.status === "Red" ? -1 : 1;
  const late = (b.daysLate ?? -1) - (a.daysLate ?? -1);
  return late || b.blocks - a.blocks || a.row - b.row;
}

export function paneStatuses(workbook: Workbook, evaluation: Evaluation): PaneStatuses {
  const initiativeCounts: Partial<Record<PaneStatus, number>> = {};
  for (const i of evaluation.initiatives) initiativeCounts[i.status] = (initiativeCounts[i.status] ?? 0) + 1;

  const layout = workbook.layout.handoffs;
  if (!layout) return { atRisk: [], initiativeCounts };
  const handoffs = new Map(workbook.handoffs.map((h) => [h.row, h]));
  const teams = new Map<string, string | null>();
  for (const i of workbook.initiatives) if (!teams.has(i.id)) teams.set(i.id, i.team);
  const idColumn = layout.columns.id ?? 1;

  const atRisk = evaluation.handoffs
    .filter((e) => e.status === "Red" || e.status === "Amber")
    .map((e) => {
      const h = handoffs.get(e.row);
      return {
        id: e.id,
        deliverable: h?.deliverable ?? "",
        status: e.status,
        daysLate: e.daysLate,
        from: h?.from ?? "",
        fromTeam: (h?.from && teams.get(h.from)) ?? null,
        to: h?.to ?? "",
        toTeam: (h?.to && teams.get(h.to)) ?? null,
        owner: h?.owner ?? null,
        rootCauses: e.rootCauses,
        reasons: e.reasons.map(describeReason),
        sheet: layout.name,
        cell: a1(e.row, idColumn),
        blocks: e.blocks,
        row: e.row,
      };
    })
    .sort(worstFirst)
    .map(({ blocks: _blocks, row: _row, ...handoff }) => handoff as PaneHandoff);
  return { atRisk, initiativeCounts };
}
