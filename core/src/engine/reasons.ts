/**
 * Why a status is what it is: every reason code, once, with the severity it gives, whether it
 * is *own* (the trouble is here) or *inherited* (the trouble comes from something upstream),
 * and the plain words the sidebar, the command line and the board summary show.
 *
 * A status is the worst severity among the reasons that apply (Green when none does), and the
 * reasons kept are the ones at that severity: a Red initiative lists why it is Red, not also
 * why it would otherwise be Amber. That is what makes the root cause walk honest: an
 * initiative Red because it is overdue, fed by a hand-off that is merely Amber, is itself
 * where its trouble starts; one that is Amber by its own check-in but Red because a late
 * hand-off feeds it lists only the hand-off, so the walk goes upstream (DESIGN.md's example).
 */

export type Status = "Green" | "Amber" | "Red" | "Done" | "Paused";
export type Severity = "Amber" | "Red";

interface ReasonSpec {
  /** The status the reason gives; none for the reasons of Done and Paused. */
  readonly severity: Severity | null;
  readonly inherited: boolean;
  readonly text: (refs: readonly string[]) => string;
}

const list = (refs: readonly string[]) => refs.join(", ");
const plural = (refs: readonly string[], one: string, many: string) =>
  refs.length === 1 ? one : many;

/** The one table of reasons. */
export const REASONS = {
  // Hand-offs, own.
  "handoff-late": {
    severity: "Red",
    inherited: false,
    text: () => "Past its Needed By date and not delivered",
  },
  "handoff-declined": {
    severity: "Red",
    inherited: false,
    text: () => "Declined by the providing team",
  },
  "handoff-committed-late": {
    severity: "Red",
    inherited: false,
    text: () => "Committed Date is after Needed By: a known miss",
  },
  "handoff-requested-in-window": {
    severity: "Amber",
    inherited: false,
    text: () => "Still only Requested, and Needed By is within the Amber Window",
  },
  // Hand-offs, inherited.
  "provider-at-risk": {
    severity: "Amber",
    inherited: true,
    text: (r) => `The initiative that provides it (${list(r)}) is Red or Amber`,
  },
  delivered: { severity: null, inherited: false, text: () => "Delivered" },

  // Initiatives, own.
  overdue: { severity: "Red", inherited: false, text: () => "Past its Due date and not done" },
  "reported-red": { severity: "Red", inherited: false, text: () => "Its latest check-in says Red" },
  "reported-amber": {
    severity: "Amber",
    inherited: false,
    text: () => "Its latest check-in says Amber",
  },
  stale: {
    severity: "Amber",
    inherited: false,
    text: () => "No check-in for more closed periods than Stale After allows",
  },
  cycle: {
    severity: "Red",
    inherited: false,
    text: (r) =>
      `On a hand-off cycle through ${list(r)}: each waits on another, so none can finish`,
  },
  // Initiatives, inherited.
  "handoff-red": {
    severity: "Red",
    inherited: true,
    text: (r) => `Waits on ${plural(r, "a Red hand-off", "Red hand-offs")} (${list(r)})`,
  },
  "handoff-amber": {
    severity: "Amber",
    inherited: true,
    text: (r) => `Waits on ${plural(r, "an Amber hand-off", "Amber hand-offs")} (${list(r)})`,
  },
  "stage-done": { severity: null, inherited: false, text: () => "Stage is Done" },
  // A note, not a severity: the latest check-in says Green and the data says otherwise
  // (engine/false-greens.ts). The status stays what the rules give; the board sees the flag.
  falseGreen: {
    severity: null,
    inherited: false,
    text: (r) => `Its latest check-in says Green, but the evidence says otherwise (${list(r)})`,
  },
  "stage-on-hold": { severity: null, inherited: false, text: () => "Stage is On hold" },
  "stage-cancelled": { severity: null, inherited: false, text: () => "Stage is Cancelled" },

  // KPIs.
  "kpi-no-data": {
    severity: "Amber",
    inherited: false,
    text: () => "Fewer than two Actuals to forecast from",
  },
  "kpi-incomplete": {
    severity: "Amber",
    inherited: false,
    text: () => "Baseline, Target or Target Date is missing, so it cannot be judged",
  },
  "kpi-off-track": {
    severity: "Red",
    inherited: false,
    text: () => "Forecast at Target Date falls short of 90% of the change from Baseline to Target",
  },
  "kpi-behind": {
    severity: "Amber",
    inherited: false,
    text: () => "Forecast at Target Date reaches 90% of the change, but not the Target",
  },
  "kpi-missed": {
    severity: "Red",
    inherited: false,
    text: () =>
      "Target Date has passed and the latest Actual is short of 90% of the change from Baseline to Target",
  },
  "kpi-nearly-met": {
    severity: "Amber",
    inherited: false,
    text: () =>
      "Target Date has passed and the latest Actual reached 90% of the change, but not the Target",
  },

  // Objectives: a rollup of their initiatives and KPIs.
  "initiative-red": {
    severity: "Red",
    inherited: true,
    text: (r) => `${plural(r, "Initiative", "Initiatives")} ${list(r)} Red`,
  },
  "initiative-amber": {
    severity: "Amber",
    inherited: true,
    text: (r) => `${plural(r, "Initiative", "Initiatives")} ${list(r)} Amber`,
  },
  "kpi-red": {
    severity: "Red",
    inherited: true,
    text: (r) => `${plural(r, "KPI", "KPIs")} ${list(r)} Red`,
  },
  "kpi-amber": {
    severity: "Amber",
    inherited: true,
    text: (r) => `${plural(r, "KPI", "KPIs")} ${list(r)} Amber`,
  },
  "all-done": { severity: null, inherited: false, text: () => "All its initiatives are Done" },
  "all-paused": {
    severity: null,
    inherited: false,
    text: () => "Every initiative under it that is not Done is On hold or Cancelled",
  },
} as const satisfies Record<string, ReasonSpec>;

export type ReasonCode = keyof typeof REASONS;

/** A reason: its code and the IDs it points at. */
export interface Reason {
  readonly code: ReasonCode;
  readonly refs: readonly string[];
}

/** True for a reason whose trouble comes from upstream (a provider, a hand-off, a member). */
export function isInherited(code: ReasonCode): boolean {
  return REASONS[code].inherited;
}

/** The status a reason gives on its own, or null for the reasons of Done and Paused. */
export function severityOf(code: ReasonCode): Severity | null {
  return REASONS[code].severity;
}

/** The reason in plain words, as users read it. */
export function describeReason(reason: Reason): string {
  return REASONS[reason.code].text(reason.refs);
}

/** Every status, worst first: the order they are listed in for a reader. */
export const STATUSES: readonly Status[] = ["Red", "Amber", "Green", "Done", "Paused"];

/** A status's place in `STATUSES`, for sorting. */
export const STATUS_ORDER = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Readonly<
  Record<Status, number>
>;

/** "2 Red, 1 Amber, 5 Green", worst first; "none" for an empty list. */
export function countsByStatus(items: readonly { readonly status: Status }[]): string {
  const by = new Map<Status, number>();
  for (const i of items) by.set(i.status, (by.get(i.status) ?? 0) + 1);
  return (
    STATUSES.filter((s) => by.has(s))
      .map((s) => `${by.get(s)} ${s}`)
      .join(", ") || "none"
  );
}

/** Compares by status, worst first. */
export const worstFirst = (
  a: { readonly status: Status },
  b: { readonly status: Status },
): number => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];

/**
 * Hand-offs worst first: by status, then most days late, then most initiatives blocked. The
 * sidebar and the board summary list them in this one order; a stable sort keeps sheet order
 * for ties.
 */
export function worstHandoffFirst(
  a: { readonly status: Status; readonly daysLate: number | null; readonly blocks: number },
  b: { readonly status: Status; readonly daysLate: number | null; readonly blocks: number },
): number {
  return worstFirst(a, b) || (b.daysLate ?? 0) - (a.daysLate ?? 0) || b.blocks - a.blocks;
}

/** Red 2, Amber 1, Green 0; Done and Paused stand apart at 0 as well. */
export function rank(status: Status): number {
  return status === "Red" ? 2 : status === "Amber" ? 1 : 0;
}

/**
 * The status the candidate reasons give, and the reasons that give it: Green with none when
 * none applies, else the worst severity and only the reasons at it.
 */
export function judge(candidates: readonly Reason[]): {
  status: "Green" | Severity;
  reasons: Reason[];
} {
  let worst: "Green" | Severity = "Green";
  for (const r of candidates) {
    const s = REASONS[r.code].severity;
    if (s === "Red") worst = "Red";
    else if (s === "Amber" && worst === "Green") worst = "Amber";
  }
  if (worst === "Green") return { status: worst, reasons: [] };
  return { status: worst, reasons: candidates.filter((r) => REASONS[r.code].severity === worst) };
}
