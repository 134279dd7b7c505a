/**
 * The board summary's words, shared by every renderer so the sheet, the Markdown and the HTML
 * page say the same thing. Reasons are not worded here: they come from the engine's one table
 * (`describeReason`). Strings returned here may carry text from cells; each renderer makes the
 * whole string inert for its page.
 */
import { describeReason, type Reason } from "../engine/reasons.ts";
import {
  STATUSES,
  type Ask,
  type BoardSummary,
  type ChangeKind,
  type CountLine,
  type Decision,
  type Entity,
  type StatusCounts,
  type SummaryList,
} from "./model.ts";
import { plural } from "../text/plural.ts";

export const TITLE = "Board summary";

export function title(s: BoardSummary): string {
  return `${TITLE} ${s.period}`;
}

export function subtitle(s: BoardSummary): string {
  return `As of ${s.asOf}. Changes are counted from ${s.since.asOf}, the last day of ${s.since.period}.`;
}

export const NOTHING_TO_REPORT =
  "Nothing to report: the workbook holds no objectives, KPIs, initiatives or hand-offs yet.";

export const SECTION = {
  headline: "Headline",
  decisions: "Decisions needed",
  changes: (s: BoardSummary) => `What changed since ${s.since.period}`,
  objectives: "Objectives",
  chart: "Status by objective",
  kpis: "KPIs against target",
  handoffs: "Red and amber hand-offs",
  stale: "Stale initiatives",
  falseGreens: "Reported green, evidence says otherwise",
} as const;

/** What a list says when it has nothing in it. */
export function noneText(list: SummaryList, s: BoardSummary): string {
  switch (list) {
    case "decisions":
      return "No hand-off is Red: nothing waits on a decision.";
    case "changes":
      return `No status changed since ${s.since.period}.`;
    case "objectives":
      return "No objectives yet.";
    case "kpis":
      return "No KPIs yet.";
    case "handoffs":
      return "No hand-off is Red or Amber.";
    case "stale":
      return "Every active initiative has a recent check-in.";
    case "falseGreens":
      return "No Green check-in is contradicted by the workbook's own data.";
  }
}

export function moreText(n: number): string {
  return `… and ${n} more, not shown (the worst come first).`;
}

export const ENTITY: Readonly<Record<Entity, string>> = {
  objective: "Objective",
  kpi: "KPI",
  initiative: "Initiative",
  handoff: "Hand-off",
};

export const HEADLINE_ROWS = [
  ["objectives", "Objectives"],
  ["initiatives", "Initiatives"],
  ["handoffs", "Hand-offs"],
  ["kpis", "KPIs"],
] as const;

export const CHANGE: Readonly<Record<ChangeKind, string>> = {
  "newly-red": "Newly Red",
  "became-late": "Became late",
  "newly-amber": "Newly Amber",
  recovered: "Recovered",
  delivered: "Delivered",
};

/** A count of changes of one kind, for the headline sentence. */
const CHANGE_COUNT: Readonly<Record<ChangeKind, (n: number) => string>> = {
  "newly-red": (n) => `${n} newly Red`,
  "became-late": (n) => `${plural(n, "hand-off")} became late`,
  "newly-amber": (n) => `${n} newly Amber`,
  recovered: (n) => `${n} recovered`,
  delivered: (n) => `${plural(n, "hand-off")} delivered`,
};

export const ASK: Readonly<Record<Ask, string>> = {
  "set-date": "A committed delivery date, or a re-plan of the work waiting on it",
  "find-provider": "Who provides it instead, or a re-plan of the work waiting on it",
  "accept-or-expedite": "Accept the later committed date, or bring it forward",
};

export function reasonsText(reasons: readonly Reason[]): string {
  return reasons.map(describeReason).join("; ");
}

/** `3 Red, 1 Amber, 2 Green`: the statuses present, worst first. */
export function countsText(c: StatusCounts): string {
  return (
    STATUSES.filter((s) => c[s] > 0)
      .map((s) => `${c[s]} ${s}`)
      .join(", ") || "none"
  );
}

export function total(c: StatusCounts): number {
  return STATUSES.reduce((n, s) => n + c[s], 0);
}

/** `Red +1, Amber −1`, or `no change`. */
export function deltaText(line: CountLine): string {
  const parts = STATUSES.filter((s) => line.now[s] !== line.before[s]).map((s) => {
    const d = line.now[s] - line.before[s];
    return `${s} ${d > 0 ? "+" : "\u2212"}${Math.abs(d)}`;
  });
  return parts.join(", ") || "no change";
}

/** The headline in a sentence or three. */
export function headlineText(s: BoardSummary): string {
  if (s.empty) return NOTHING_TO_REPORT;
  const o = s.headline.objectives.now;
  const h = s.headline.handoffs.now;
  const objectives = total(o);
  const parts: string[] = [];
  if (objectives === 0) parts.push("No objectives yet.");
  else if (o.Red + o.Amber === 0)
    parts.push(
      objectives === 1
        ? "The objective is neither Red nor Amber."
        : `None of the ${objectives} objectives is Red or Amber.`,
    );
  else {
    const [first, firstStatus, second] =
      o.Red > 0 ? [o.Red, "Red", o.Amber] : [o.Amber, "Amber", 0];
    const and = second > 0 ? ` and ${second} Amber` : "";
    parts.push(
      `${first} of ${plural(objectives, "objective")} ${first === 1 ? "is" : "are"} ${firstStatus}${and}.`,
    );
  }
  if (h.Red > 0)
    parts.push(
      `${plural(h.Red, "hand-off")} ${h.Red === 1 ? "is" : "are"} Red, each a decision for the board.`,
    );
  const counted = new Map<ChangeKind, number>();
  for (const c of s.changes) counted.set(c.kind, (counted.get(c.kind) ?? 0) + 1);
  const changed = [...counted].map(([kind, n]) => CHANGE_COUNT[kind](n));
  if (s.omitted.changes) changed.push(`${s.omitted.changes} more`);
  parts.push(
    changed.length
      ? `Since ${s.since.period}: ${changed.join(", ")}.`
      : `No status changed since ${s.since.period}.`,
  );
  return parts.join(" ");
}

/** How late or why a Red hand-off is Red, in a few words. */
export function lateText(d: Decision): string {
  if (d.ask === "find-provider") return "declined";
  if (d.ask === "accept-or-expedite") return "committed after it is needed";
  return d.daysLate === null ? "late" : `${plural(d.daysLate, "day")} late`;
}

/** One decision as a sentence: who owes what to whom, how late, what it holds up, what to decide. */
export function decisionText(d: Decision): string {
  const who = `${d.owner ?? "Its owner"}${d.providerTeam ? ` (${d.providerTeam})` : ""}`;
  const to = d.waitingTeam ?? d.waiting?.id ?? "the waiting initiative";
  const what = d.deliverable ? `\u201C${d.deliverable}\u201D` : "its deliverable";
  const holds = d.blocks > 0 ? `, holding up ${plural(d.blocks, "initiative")}` : "";
  return `${d.handoffId}: ${who} owes ${to} ${what}, ${lateText(d)}${holds}. Decide: ${ASK[d.ask].toLowerCase()}.`;
}

/** Six significant digits, as the status columns show numbers. */
export function percentText(x: number | null): string {
  return x === null ? "" : `${Math.round(x * 100)}%`;
}

/** An ID with its name: `INI-1 Automate ticket triage`. */
export function named(id: string, name: string | null): string {
  return name ? `${id} ${name}` : id;
}
