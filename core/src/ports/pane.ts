/**
 * The contract between the shared sidebar (one web UI for the Google Sheets sidebar and the
 * Excel task pane) and the host it runs in.
 *
 * In Excel the backend runs the core inside the task pane over Office.js; in Google Sheets it
 * calls server functions through `google.script.run` (which cannot carry a Date: every date
 * here is an ISO string). Everything crossing this boundary is plain JSON.
 */

import type { IssueCode } from "../issues/issues.ts";

/**
 * A validation issue as plain JSON: the same fields as the core's ValidationIssue, without the
 * details that made its message. The pane lists it and `baton ... --json` prints it.
 */
export interface PaneIssue {
  readonly code: IssueCode;
  readonly severity: "error" | "warning" | "info";
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly cell: string;
  readonly message: string;
  readonly fix?: string;
}

export type PaneStatus = "Green" | "Amber" | "Red" | "Done" | "Paused";

/** A red or amber hand-off, with where its trouble starts. */
export interface PaneHandoff {
  readonly id: string;
  readonly deliverable: string;
  readonly status: PaneStatus;
  readonly daysLate: number | null;
  /** The initiative that provides the deliverable, and its team. */
  readonly from: string;
  readonly fromTeam: string | null;
  /** The initiative that waits for it, and its team. */
  readonly to: string;
  readonly toTeam: string | null;
  readonly owner: string | null;
  /** IDs (hand-offs or initiatives) where the trouble starts. */
  readonly rootCauses: readonly string[];
  /** Plain-language reasons. */
  readonly reasons: readonly string[];
  /** Where the row is, so a click selects it. */
  readonly sheet: string;
  readonly cell: string;
}

export interface PaneState {
  /** False when the workbook lacks the template: the pane offers to set it up. */
  readonly hasTemplate: boolean;
  /** Template sheets that are missing, by name. */
  readonly missingSheets: readonly string[];
  /** ISO date the statuses are computed as of, in the workbook's zone. */
  readonly asOf: string;
  readonly currentPeriod: string | null;
  readonly issues: readonly PaneIssue[];
  /** Red and amber hand-offs, worst first; empty until statuses are computed by the host. */
  readonly atRisk: readonly PaneHandoff[];
  /** Counts of initiatives by status. */
  readonly initiativeCounts: Readonly<Partial<Record<PaneStatus, number>>>;
  /** Which actions this host offers now (an action is left out until it works there). */
  readonly actions: readonly PaneAction[];
  /**
   * What the gate-decision form offers, where the workbook keeps gate decisions (template
   * version 2) and the host offers `recordGateDecision`.
   */
  readonly gateForm?: PaneGateForm;
}

/** The gate-decision form's choices: the initiatives with their gate, and who is deciding. */
export interface PaneGateForm {
  readonly initiatives: readonly {
    readonly id: string;
    readonly name: string;
    readonly gate: number;
  }[];
  /** The signed-in person's name, where the host can say who that is; else typed. */
  readonly decider: string | null;
}

/**
 * A gate decision as the form sends it (JSON, as `recordGateDecision`'s argument). Gate and
 * Confirmed Value come as typed; the core checks them by the same rules as a typed row.
 */
export interface GateDecisionForm {
  readonly id: string;
  readonly gate: number | string;
  readonly decision: string;
  readonly decidedBy: string;
  readonly evidence: string;
  readonly confirmedValue?: number | string | null;
}

export type PaneAction =
  | "setUpTemplate"
  | "validate"
  | "refreshStatus"
  | "writeSummary"
  | "closePeriod"
  | "verify"
  | "migrate"
  | "notify"
  | "upgradeTemplate"
  | "recordGateDecision";

/** What an action did, in words for the user, never a stack trace. */
export interface ActionOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** Issues that stopped the action (for example, a close refused by validation errors). */
  readonly issues?: readonly PaneIssue[];
  /** The cell to show the user once the plan is applied (the new summary sheet, the report). */
  readonly select?: { readonly sheet: string; readonly cell: string };
  /**
   * A question to put to the user before anything is written (a migration's review); the
   * plan is empty, and the action runs again with the answer.
   */
  readonly ask?: Question;
}

/** A yes / no / cancel question, with what each answer does in its text. */
export interface Question {
  readonly title: string;
  readonly text: string;
}

export interface Backend {
  /** The pane's state now: issues, hand-offs at risk, what can be done. */
  state(): Promise<PaneState>;
  /** Selects a cell in the workbook (`sheet`, A1 `cell`). */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Runs one action. `closePeriod` takes the period to close (`2026-W48`);
   * `recordGateDecision` a `GateDecisionForm` as JSON.
   */
  run(action: PaneAction, arg?: string): Promise<ActionOutcome>;
}
