/**
 * The board summary as Markdown (CommonMark with GitHub tables), for a chat message, a wiki
 * page or a terminal. Every string that may carry text from cells goes through
 * `escapeMarkdown`, so a cell cannot add markup, a link, an image or raw HTML.
 */
import { STATUSES, type BoardSummary, type SummaryList } from "./model.ts";
import { escapeMarkdown as md } from "./escape.ts";
import { evidenceText } from "./false-greens.ts";
import { numberForPeople } from "../cells/precision.ts";
import { VALUE_WORDS, plannedText, unitText, valueDecimals } from "./value.ts";
import {
  CHANGE,
  ENTITY,
  HEADLINE_ROWS,
  SECTION,
  countsText,
  decisionText,
  deltaText,
  headlineText,
  moreText,
  named,
  noneText,
  percentText,
  reasonsText,
  subtitle,
  title,
  total,
} from "./words.ts";

/** A table cell: text to escape, a number, nothing, or Markdown Baton wrote itself. */
type Cell = string | number | null | { readonly markdown: string };

const cellOf = (v: Cell) =>
  v === null ? "" : typeof v === "number" ? String(v) : typeof v === "string" ? md(v) : v.markdown;

function table(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  numeric: readonly number[] = [],
): string[] {
  const align = headers.map((_, i) => (numeric.includes(i) ? "---:" : "---"));
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers.map(md)), line(align), ...rows.map((r) => line(r.map(cellOf)))];
}

/** A status word, Red in bold. */
const status = (s: string | null): Cell => (s === "Red" ? { markdown: "**Red**" } : s);

/**
 * The summary top to bottom: title, subtitle and the headline sentence, then each section in
 * the order a board reads them. An empty summary stops after the headline sentence.
 */
export function summaryMarkdown(s: BoardSummary): string {
  const out = top(s);
  if (!s.empty) for (const section of SECTIONS) out.push(...section(s));
  return out.join("\n").replace(/\n+$/, "\n");
}

function top(s: BoardSummary): string[] {
  return [`# ${md(title(s))}`, "", `_${md(subtitle(s))}_`, "", md(headlineText(s)), ""];
}

/**
 * A section: its heading, then its body, or for a list with no entries the line saying so;
 * a list cut at its limit says how many more there are. Ends with a blank line.
 */
function section(
  s: BoardSummary,
  heading: string,
  list: SummaryList | null,
  body: string[],
  count: number,
): string[] {
  const out = [`## ${md(heading)}`, ""];
  if (list && count === 0) out.push(md(noneText(list, s)));
  else {
    out.push(...body);
    if (list && s.omitted[list] > 0) out.push("", md(moreText(s.omitted[list])));
  }
  out.push("");
  return out;
}

/** Counts by status now, with the change since the previous period. */
function headlineSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.headline,
    null,
    table(
      ["", `Since ${s.since.period}`, ...STATUSES, "Total"],
      HEADLINE_ROWS.map(([key, label]) => {
        const line = s.headline[key];
        return [label, deltaText(line), ...STATUSES.map((st) => line.now[st]), total(line.now)];
      }),
      [2, 3, 4, 5, 6, 7],
    ),
    1,
  );
}

/** The decisions asked of the board, numbered. */
function decisionsSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.decisions,
    "decisions",
    s.decisions.map((d, i) => `${i + 1}. ${md(decisionText(d))}`),
    s.decisions.length,
  );
}

/** What changed since the previous period. */
function changesSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.changes(s),
    "changes",
    table(
      ["Change", "Item", "Was", "Now"],
      s.changes.map((c) => [
        CHANGE[c.kind] +
          (c.deliveredOn
            ? ` on ${c.deliveredOn}`
            : c.kind === "became-late" && c.daysLate !== null
              ? `, ${c.daysLate} days`
              : ""),
        `${ENTITY[c.entity]} ${named(c.id, c.name)}`,
        status(c.was),
        status(c.now),
      ]),
    ),
    s.changes.length,
  );
}

function objectivesSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.objectives,
    "objectives",
    table(
      ["Objective", "Owner", "Target date", "Status", "Initiatives", "Why"],
      s.objectives.map((o) => [
        named(o.id, o.name),
        o.owner,
        o.targetDate,
        status(o.status),
        countsText(o.initiatives),
        reasonsText(o.reasons),
      ]),
    ),
    s.objectives.length,
  );
}

/** KPIs, their numbers to each KPI's own precision. */
function kpisSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.kpis,
    "kpis",
    table(
      [
        "KPI",
        "Objective",
        "Baseline",
        "Latest",
        "Target",
        "Target date",
        "Forecast",
        "Progress",
        "Status",
      ],
      s.kpis.map((k) => [
        named(k.id, k.name) + (k.unit ? ` (${k.unit})` : ""),
        k.objectiveId,
        numberForPeople(k.baseline, k.decimals),
        numberForPeople(k.latest, k.decimals),
        numberForPeople(k.target, k.decimals),
        k.targetDate,
        numberForPeople(k.forecast, k.decimals),
        percentText(k.progress),
        status(k.status),
      ]),
      [2, 3, 4, 6, 7],
    ),
    s.kpis.length,
  );
}

/** Red and Amber hand-offs with their root causes. */
function handoffsSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.handoffs,
    "handoffs",
    table(
      [
        "Hand-off",
        "Status",
        "Provider team",
        "Waiting team",
        "Owner",
        "Days late",
        "Blocks",
        "Root cause",
        "Why",
      ],
      s.handoffs.map((h) => [
        named(h.id, h.deliverable),
        status(h.status),
        h.provider?.team ?? null,
        h.waiting?.team ?? null,
        h.owner,
        h.daysLate,
        h.blocks,
        h.rootCauses.map((c) => named(c.id, c.name) + (c.team ? ` (${c.team})` : "")).join("; "),
        reasonsText(h.reasons),
      ]),
      [5, 6],
    ),
    s.handoffs.length,
  );
}

/** Initiatives whose check-ins are stale. */
function staleSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.stale,
    "stale",
    table(
      ["Initiative", "Team", "Owner", "Last check-in", "Status"],
      s.stale.map((i) => [
        named(i.id, i.name),
        i.team,
        i.owner,
        i.lastCheckin ?? "none",
        status(i.status),
      ]),
    ),
    s.stale.length,
  );
}

/** Reported green, evidence says otherwise: its own block. */
function falseGreensSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.falseGreens,
    "falseGreens",
    table(
      ["Initiative", "Team", "Owner", "Reported in", "Status", "Evidence says"],
      s.falseGreens.map((f) => [
        named(f.id, f.name),
        f.team,
        f.owner,
        f.period,
        status(f.status),
        evidenceText(f),
      ]),
    ),
    s.falseGreens.length,
  );
}

/** Value and the gate funnel: only on a workbook that has gates and value. */
function valueSection(s: BoardSummary): string[] {
  const v = s.value;
  if (!v) return [];
  const out: string[] = [];
  const dp = valueDecimals(v);
  const n = (x: number) => numberForPeople(x, dp);
  const lines = [
    ...v.total.map((u) => ({ label: VALUE_WORDS.whole, u })),
    ...v.objectives.flatMap((o) => o.byUnit.map((u) => ({ label: named(o.id, o.name), u }))),
  ];
  out.push(`## ${md(VALUE_WORDS.section)}`, "");
  if (lines.length === 0) out.push(md(VALUE_WORDS.noValue));
  else {
    out.push(
      ...table(
        ["Objective", "Unit", "Planned", "Confirmed", "At risk"],
        lines.map(({ label, u }) => [
          label,
          unitText(u.unit),
          n(u.planned),
          n(u.confirmed),
          n(u.atRisk),
        ]),
        [2, 3, 4],
      ),
      "",
      md(VALUE_WORDS.atRisk),
    );
    if (v.omitted.objectives > 0) out.push("", md(moreText(v.omitted.objectives)));
    if (v.omitted.units > 0) out.push("", md(VALUE_WORDS.unitsOmitted(v.omitted.units)));
  }
  out.push("", `## ${md(VALUE_WORDS.funnel)}`, "");
  out.push(
    ...table(
      ["Gate", "Initiatives", "Planned value"],
      v.funnel.map((g) => [`${g.gate} ${g.name}`, g.initiatives, plannedText(g, dp)]),
      [1],
    ),
    "",
  );
  return out;
}

/** The sections in the order a board reads them. */
const SECTIONS: readonly ((s: BoardSummary) => string[])[] = [
  headlineSection,
  decisionsSection,
  changesSection,
  objectivesSection,
  kpisSection,
  handoffsSection,
  staleSection,
  falseGreensSection,
  valueSection,
];
