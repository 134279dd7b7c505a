/**
 * The sidebar's state, built by the core so both hosts (and the preview) show the same thing.
 * Hosts add only what they know: the actions they offer and "now". No DOM here: this runs in
 * Apps Script too.
 */
import type { Grids } from "../cells/values.ts";
import { todayIn, type IsoDate } from "../cells/dates.ts";
import { validateGrids } from "../ledger/validation.ts";
import type { Validation } from "../validate/validate.ts";
import { issueJson } from "./outcome.ts";
import { locate, type Workbook } from "../workbook/read.ts";
import { evaluate, type Evaluation } from "../engine/evaluate.ts";
import { describeReason, worstHandoffFirst } from "../engine/reasons.ts";
import type {
  PaneAction,
  PaneGateForm,
  PaneHandoff,
  PaneState,
  PaneStatus,
} from "../ports/pane.ts";
import { deciderFor } from "../governance/decider.ts";
import { PEOPLE_SHEET } from "../rhythm/people.ts";
import { findSheet } from "../workbook/read.ts";

export interface PaneStateInput {
  /** `validateGrids` over the template sheets the workbook has. */
  readonly validation: Validation;
  /** The day statuses are computed as of, in the workbook's zone. */
  readonly asOf: IsoDate;
  /** The actions this host offers now. */
  readonly actions: readonly PaneAction[];
  /** From the status engine, once the host computes statuses. */
  readonly atRisk?: readonly PaneHandoff[];
  readonly initiativeCounts?: Readonly<Partial<Record<PaneStatus, number>>>;
  /** The gate-decision form's choices, where it is offered. */
  readonly gateForm?: PaneGateForm;
}

/** The pane's state from a validation the host already has. */
export function paneStateOf({
  validation,
  asOf,
  actions,
  atRisk = [],
  initiativeCounts = {},
  gateForm,
}: PaneStateInput): PaneState {
  // The validator names every template sheet it could not find, so "missing" means the same everywhere.
  const missingSheets = validation.issues
    .filter((i) => i.code === "missing-sheet")
    .map((i) => i.sheet);
  return {
    hasTemplate: missingSheets.length === 0,
    missingSheets,
    asOf,
    currentPeriod: validation.workbook.settings.currentPeriod,
    issues: validation.issues.map(issueJson),
    atRisk,
    initiativeCounts,
    actions,
    ...(gateForm ? { gateForm } : {}),
  };
}

/**
 * The gate-decision form's choices: every initiative with its gate, and the signed-in person's
 * name where the host can say who that is (matched through People, else Owner, Sponsor and
 * Controller names).
 */
export function gateFormOf(
  workbook: Workbook,
  evaluation: Evaluation,
  grids: Grids,
  signedIn: string | null | undefined,
): PaneGateForm {
  const people = findSheet(Object.keys(grids), PEOPLE_SHEET);
  return {
    initiatives: evaluation.initiatives.map((e) => ({
      id: e.id,
      name: workbook.initiatives.find((i) => i.id === e.id)?.name ?? "",
      gate: e.gate,
    })),
    decider: deciderFor(workbook, people ? grids[people] : undefined, signedIn),
  };
}

/**
 * Red and amber hand-offs, worst first (Red before Amber, then most days late, then most
 * initiatives blocked), with the teams on each side and where the trouble starts.
 */
export function handoffsAtRisk(workbook: Workbook, evaluation: Evaluation): PaneHandoff[] {
  const layout = workbook.layout.handoffs;
  if (!layout) return [];
  const team = new Map(workbook.initiatives.map((i) => [i.id, i.team]));
  // The evaluation lists hand-offs in sheet order, one per row, like the workbook.
  return evaluation.handoffs
    .map((e, index) => ({ e, h: workbook.handoffs[index]! }))
    .filter(({ e }) => e.status === "Red" || e.status === "Amber")
    .sort((a, b) => worstHandoffFirst(a.e, b.e))
    .map(({ e, h }) => ({
      id: e.id,
      deliverable: h.deliverable ?? "",
      status: e.status,
      daysLate: e.daysLate,
      from: h.from ?? "",
      fromTeam: (h.from && team.get(h.from)) || null,
      to: h.to ?? "",
      toTeam: (h.to && team.get(h.to)) || null,
      owner: h.owner,
      rootCauses: e.rootCauses,
      reasons: e.reasons.map(describeReason),
      sheet: layout.name,
      cell: locate("handoffs", layout, e.row, "id").cell,
    }));
}

/** Initiatives by status. */
export function initiativeCounts(evaluation: Evaluation): Partial<Record<PaneStatus, number>> {
  const counts: Partial<Record<PaneStatus, number>> = {};
  for (const i of evaluation.initiatives) counts[i.status] = (counts[i.status] ?? 0) + 1;
  return counts;
}

export interface PaneInput {
  readonly grids: Grids;
  /** The instant the pane is drawn; the as-of date is its day in the workbook's zone. */
  readonly now: Date;
  /** Actions this host offers. Without the template only setting it up is offered. */
  readonly actions: readonly PaneAction[];
  /** The signed-in user's email address, where the host can say (Google Sheets). */
  readonly signedIn?: string | null;
}

/**
 * The pane's state from the workbook's grids, as of today in the workbook's zone: issues,
 * and (with the template in place) the statuses the engine computes.
 */
export function paneState({ grids, now, actions, signedIn }: PaneInput): PaneState {
  const validation = validateGrids(grids, [], { now });
  const hasTemplate = !validation.issues.some((i) => i.code === "missing-sheet");
  const asOf = todayIn(validation.workbook.settings.timeZone, now);
  if (!hasTemplate)
    return paneStateOf({ validation, asOf, actions: actions.filter((a) => a === "setUpTemplate") });
  const evaluation = evaluate(validation.workbook, { asOf });
  // The form needs a sheet to append to: a version 1 workbook is upgraded first.
  const gates = validation.workbook.layout.gateDecisions !== undefined;
  const offered = actions.filter(
    (a) => a !== "setUpTemplate" && (a !== "recordGateDecision" || gates),
  );
  return paneStateOf({
    validation,
    asOf,
    actions: offered,
    atRisk: handoffsAtRisk(validation.workbook, evaluation),
    initiativeCounts: initiativeCounts(evaluation),
    ...(offered.includes("recordGateDecision")
      ? { gateForm: gateFormOf(validation.workbook, evaluation, grids, signedIn) }
      : {}),
  });
}
