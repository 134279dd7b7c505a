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
  /**
   * What happened since this user last looked (a host that cannot tell people in the
   * background offers it; the pane then opens on it).
   */
  since?(): Promise<PaneSince>;
  /** Remembers `seen` (from `since()`) for this user, outside the document. */
  markSeen?(seen: string): Promise<void>;
}

/** One thing that happened since the user last looked, as a digest words it. */
export interface PaneSinceItem {
  readonly kind: string;
  readonly id: string;
  readonly severity: "Red" | "Amber" | "Request" | "Done";
  /** What changed, in plain words. */
  readonly changed: string;
  /** The first day it was true. */
  readonly since: string;
  /** Who is told, by name as the workbook spells it. */
  readonly people: readonly string[];
  /** Where the row is, so a click selects it. */
  readonly sheet: string;
  readonly cell: string;
}

/** One person's digest as a ready email. */
export interface PaneMail {
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  /** A `mailto:` link with the subject and the digest's text. */
  readonly href: string;
  readonly items: number;
  /** Items the link carries whole (fewer than `items` when the link would be too long). */
  readonly carried: number;
  readonly cut: boolean;
}

/** "Since you last looked": the rhythm's events since this user last marked them seen. */
export interface PaneSince {
  readonly asOf: string;
  /** The as-of day the user last marked seen; null the first time. */
  readonly lastLooked: string | null;
  /** Worst first. */
  readonly items: readonly PaneSinceItem[];
  readonly mails: readonly PaneMail[];
  /** Names told of something that People gives no address for, each once. */
  readonly unreached: readonly string[];
  /** What to remember for this user once they mark these seen (opaque to the pane). */
  readonly seen: string;
}
