/**
 * A portfolio judged as one graph: the members named and validated, joined into one workbook
 * of qualified IDs, the references between them checked, and the engine run once over the
 * whole, so a late hand-off in `dev` turns `support`'s initiative Red and is its root cause
 * `dev:DEP-1`. Each member also gets its share of the answer in its own IDs (its own rows
 * plainly, other workbooks' qualified), ready for its computed columns.
 */
import { todayIn, type IsoDate } from "../cells/dates.ts";
import { evaluate, type Evaluation } from "../engine/evaluate.ts";
import type { Reason } from "../engine/reasons.ts";
import { nameMembers, type Member, type MemberInput, type ValidateClock } from "./members.ts";
import { mergeMembers, type Merged } from "./merge.ts";
import { checkReferences } from "./references.ts";

export interface PortfolioOptions {
  /** The day to judge as of; else today in the first member's time zone at `now`. */
  readonly asOf?: IsoDate;
  /** The instant the user acted (validation's "has begun", and today when no asOf). */
  readonly now: Date;
}

export interface PortfolioEvaluation {
  readonly asOf: IsoDate;
  /** Every member, in the order given. */
  readonly members: readonly Member[];
  readonly merged: Merged;
  /** The whole portfolio, in qualified IDs. */
  readonly evaluation: Evaluation;
  /** Per member in the graph (as `merged.members`), its share in its own IDs. */
  readonly local: readonly Evaluation[];
}

export function evaluatePortfolio(
  inputs: readonly MemberInput[],
  options: PortfolioOptions,
): PortfolioEvaluation {
  const clock: ValidateClock = options.asOf ? { today: options.asOf } : { now: options.now };
  const members = nameMembers(inputs, clock);
  const merged = mergeMembers(members);
  checkReferences(members, merged);
  const asOf = options.asOf ?? todayIn(merged.workbook.settings.timeZone, options.now);
  const evaluation = evaluate(merged.workbook, { asOf });
  const local = merged.members.map((m, k) => shareOf(merged, evaluation, k, m.name));
  return { asOf: evaluation.asOf, members, merged, evaluation, local };
}

/** Member k's slice of the evaluation, its own IDs unqualified. */
function shareOf(merged: Merged, ev: Evaluation, k: number, name: string): Evaluation {
  const at = merged.offsets[k]!;
  const wb = merged.members[k]!.workbook;
  const prefix = `${name}:`;
  const own = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  const ids = (list: readonly string[]) => list.map(own);
  const reasons = (list: readonly Reason[]) => list.map((r) => ({ ...r, refs: ids(r.refs) }));
  const slice = <T>(list: readonly T[], from: number, n: number) => list.slice(from, from + n);
  return {
    asOf: ev.asOf,
    objectives: slice(ev.objectives, at.objectives, wb.objectives.length).map((e) => ({
      ...e,
      id: own(e.id),
      reasons: reasons(e.reasons),
    })),
    kpis: slice(ev.kpis, at.kpis, wb.kpis.length).map((e) => ({
      ...e,
      id: own(e.id),
      reasons: reasons(e.reasons),
    })),
    initiatives: slice(ev.initiatives, at.initiatives, wb.initiatives.length).map((e) => ({
      ...e,
      id: own(e.id),
      reasons: reasons(e.reasons),
      rootCauses: ids(e.rootCauses),
    })),
    handoffs: slice(ev.handoffs, at.handoffs, wb.handoffs.length).map((e) => ({
      ...e,
      id: own(e.id),
      reasons: reasons(e.reasons),
      rootCauses: ids(e.rootCauses),
    })),
    // Check-ins keep their member's own rows in the merged workbook, so only IDs change.
    falseGreens: ev.falseGreens
      .filter((f) => f.id.startsWith(prefix))
      .map((f) => ({
        ...f,
        id: own(f.id),
        evidence: f.evidence.map((e) => ({ ...e, refs: ids(e.refs) })),
      })),
  };
}
