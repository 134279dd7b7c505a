/** The pane's words: action labels, what an action is doing, counts and dates in English. */
import { STATUSES, type PaneAction, type PaneStatus } from "@baton/core";

export const ACTION_LABEL: Record<PaneAction, string> = {
  setUpTemplate: "Set up the template",
  refreshStatus: "Refresh statuses",
  writeSummary: "Board summary",
  closePeriod: "Close period",
  verify: "Verify history",
  validate: "Validate",
  migrate: "Import a tracker",
  notify: "Tell people",
  upgradeTemplate: "Upgrade the template",
  recordGateDecision: "Record a gate decision",
};

/** The order of the toolbar; set-up is offered on its own, in the banner of a workbook without the template. */
export const TOOLBAR: readonly PaneAction[] = [
  "refreshStatus",
  "writeSummary",
  "closePeriod",
  "verify",
  "validate",
  "migrate",
];

export function doing(action: PaneAction, arg?: string): string {
  switch (action) {
    case "setUpTemplate":
      return "Setting up the template…";
    case "refreshStatus":
      return "Refreshing statuses…";
    case "writeSummary":
      return "Writing the board summary…";
    case "closePeriod":
      return `Closing ${arg ?? "the period"}…`;
    case "verify":
      return "Verifying history…";
    case "validate":
      return "Validating…";
    case "migrate":
      return "Importing the tracker…";
    case "notify":
      return "Finding what to tell people…";
    case "upgradeTemplate":
      return "Upgrading the template…";
    case "recordGateDecision":
      return "Recording the gate decision…";
  }
}

export const STATUS_ORDER: readonly PaneStatus[] = STATUSES;

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-11-26` → `26 Nov 2026`; anything else is shown as it came. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** An ISO week (`2026-W48`) or a month (`2026-11`), the two period forms Baton knows. */
export function looksLikePeriod(text: string): boolean {
  return /^\d{4}-(W(0[1-9]|[1-4]\d|5[0-3])|0[1-9]|1[0-2])$/.test(text);
}

/** A thrown value as words: backends reject with Errors, google.script.run with Error-likes. */
export function errorText(e: unknown): string {
  if (typeof e === "string" && e.trim()) return e;
  if (
    e &&
    typeof e === "object" &&
    "message" in e &&
    typeof e.message === "string" &&
    e.message.trim()
  )
    return e.message;
  return "Something went wrong, and the host gave no reason.";
}
