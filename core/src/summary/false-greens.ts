/**
 * The board summary's "Reported green, evidence says otherwise": each initiative whose latest
 * check-in says Green while the workbook's data contradicts it (engine/false-greens.ts), with
 * the evidence in plain words. Those whose status is still Green come first, then Amber, then
 * Red: a Red initiative is already in front of the board, a Green one is what the report hides.
 * Then the most evidence first, then sheet order.
 */
import type { Evaluation } from "../engine/evaluate.ts";
import type { Evidence } from "../engine/false-greens.ts";
import { STATUS_ORDER, type Status } from "../engine/reasons.ts";
import type { Workbook } from "../workbook/read.ts";

export interface FalseGreenLine {
  readonly id: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly owner: string | null;
  /** The period of the Green check-in. */
  readonly period: string;
  /** The initiative's status by the status rules (a false green does not change it). */
  readonly status: Status;
  readonly evidence: readonly Evidence[];
}

export function falseGreenLines(wb: Workbook, now: Evaluation): FalseGreenLine[] {
  const byId = new Map<string, number>();
  wb.initiatives.forEach((r, i) => {
    if (!byId.has(r.id)) byId.set(r.id, i);
  });
  const lines = now.falseGreens.map((f): FalseGreenLine & { order: number } => {
    const i = byId.get(f.id)!;
    const r = wb.initiatives[i]!;
    return {
      id: f.id,
      name: r.name,
      team: r.team,
      owner: r.owner,
      period: f.period,
      status: now.initiatives[i]!.status,
      evidence: f.evidence,
      order: i,
    };
  });
  lines.sort(
    (a, b) =>
      STATUS_ORDER[b.status] - STATUS_ORDER[a.status] ||
      b.evidence.length - a.evidence.length ||
      a.order - b.order,
  );
  return lines.map(({ order: _, ...line }) => line);
}

/** The evidence of a line as one sentence's worth of text: "a; b; c". */
export const evidenceText = (line: FalseGreenLine): string =>
  line.evidence.map((e) => e.text).join("; ");
