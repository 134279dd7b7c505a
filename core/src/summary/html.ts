/**
 * The board summary as one self-contained HTML page: inline CSS, inline SVG charts, no script,
 * no external font, image or link, so it opens offline, in a mail client or from a file share,
 * and prints on A4 with its colours. A Content-Security-Policy that allows nothing but inline
 * styles backs up the escaping: every string that may carry text from cells is escaped, and
 * even if one were not, nothing in it could load or run.
 */
import { STATUS_FILL } from "../ports/plan.ts";
import type { Status } from "../engine/reasons.ts";
import { STATUSES, type BoardSummary, type CountLine, type SummaryList } from "./model.ts";
import { escapeHtml as esc } from "./escape.ts";
import { numberForPeople } from "../cells/precision.ts";
import { gateFunnelSvg, kpiTrendSvg, statusByObjectiveSvg } from "./chart.ts";
import { VALUE_WORDS, plannedText, unitText, valueDecimals, type ValueSection } from "./value.ts";
import {
  ASK,
  CHANGE,
  ENTITY,
  HEADLINE_ROWS,
  SECTION,
  TITLE,
  countsText,
  deltaText,
  headlineText,
  lateText,
  moreText,
  noneText,
  percentText,
  reasonsText,
  subtitle,
  title,
  total,
} from "./words.ts";

const cls = (s: Status) => `s-${s.toLowerCase()}`;

const STATUS_CSS = STATUSES.map(
  (s) => `.${cls(s)}{background:${STATUS_FILL[s].fill};color:${STATUS_FILL[s].fontColor}}`,
).join("\n");

const CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#F4F6FA;color:#1B2433;font:14px/1.45 "Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 32px 40px;background:#FFFFFF}
header.top{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:3px solid #1F3864;padding-bottom:12px;margin-bottom:16px}
.kicker{margin:0;color:#4A5A78;font-size:12px;letter-spacing:.08em;text-transform:uppercase}
h1{margin:2px 0 0;font-size:28px;color:#1F3864}
.sub{margin:4px 0 0;color:#4A5A78;font-size:13px}
.lede{font-size:16px;margin:0 0 18px;color:#1B2433}
h2{font-size:17px;color:#1F3864;margin:26px 0 10px;padding-bottom:4px;border-bottom:1px solid #D9E1F2}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.tile{border:1px solid #D9E1F2;border-radius:8px;padding:10px 12px}
.tile h3{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#4A5A78}
.tile .big{font-size:24px;font-weight:600;margin:2px 0}
.tile .big .r{color:${STATUS_FILL.Red.fontColor}}
.tile .big .a{color:${STATUS_FILL.Amber.fontColor}}
.tile .of{font-size:13px;color:#4A5A78;font-weight:400}
.stack{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#EEF1F6;margin:6px 0}
.stack span{display:block;height:100%}
.delta{font-size:12px;color:#4A5A78}
ol.decisions{margin:0;padding:0;list-style:none;counter-reset:d}
ol.decisions li{counter-increment:d;border-left:5px solid ${STATUS_FILL.Red.fontColor};background:#FFF5F6;border-radius:0 6px 6px 0;padding:8px 12px 8px 14px;margin:0 0 8px}
ol.decisions li .what{font-weight:600}
ol.decisions li .who{color:#4A5A78;font-size:13px}
ol.decisions li .ask{margin-top:2px}
.charts{display:grid;grid-template-columns:1fr;gap:8px}
figure{margin:0}
figcaption{font-size:12px;color:#4A5A78;margin-top:2px}
svg{max-width:100%;height:auto}
svg text{font-family:inherit;fill:#1B2433}
svg .legend,svg .tick{font-size:11px;fill:#4A5A78}
svg .label{font-size:12.5px}
svg .id{font-weight:600;fill:#1F3864}
svg .count{font-size:11px;font-weight:600}
svg .muted{font-size:11px;fill:#7A869A}
svg .kpi-title{font-size:12px}
svg .axis{stroke:#B8C2D3;stroke-width:1}
svg .target{stroke:#1F3864;stroke-width:1;stroke-dasharray:4 3}
svg .forecast{stroke-width:1.4;stroke-dasharray:2 3;fill:none}
svg .actual{stroke:#2F5597;stroke-width:2;fill:none}
svg .dot{fill:#2F5597}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 18px}
table{width:100%;border-collapse:collapse;font-size:13px}
th{background:#1F3864;color:#FFFFFF;text-align:left;font-weight:600;padding:6px 8px}
td{padding:5px 8px;border-bottom:1px solid #E4E9F2;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
td.why{color:#4A5A78;font-size:12.5px}
td.nowrap{white-space:nowrap}
.id{font-weight:600;color:#1F3864;white-space:nowrap}
.pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.bar{display:inline-block;vertical-align:middle;width:70px;height:8px;background:#EEF1F6;border-radius:4px;overflow:hidden;margin-right:6px}
.bar span{display:block;height:100%;background:#2F5597}
.none,.more{color:#4A5A78;font-style:italic}
footer{margin-top:28px;color:#7A869A;font-size:12px;border-top:1px solid #E4E9F2;padding-top:8px}
${STATUS_CSS}
@media (max-width:760px){.tiles{grid-template-columns:repeat(2,1fr)}main{padding:16px}}
@media print{
  @page{size:A4;margin:12mm}
  body{background:#FFFFFF;font-size:11.5px}
  main{max-width:none;padding:0}
  section,figure,tr,li,.tile{break-inside:avoid}
  h2{break-after:avoid}
  .trends{grid-template-columns:repeat(3,1fr)}
}
`;

const pill = (s: Status | null) => (s === null ? "" : `<span class="pill ${cls(s)}">${s}</span>`);
const id = (text: string) => `<span class="id">${esc(text)}</span>`;
const named = (i: string, name: string | null) => (name ? `${id(i)} ${esc(name)}` : id(i));
const text = (v: string | null | undefined) => (v ? esc(v) : "");

function stack(c: CountLine["now"]): string {
  const n = total(c);
  if (n === 0) return `<div class="stack"></div>`;
  return `<div class="stack">${STATUSES.filter((s) => c[s] > 0)
    .map(
      (s) =>
        `<span class="${cls(s)}" style="width:${((c[s] / n) * 100).toFixed(2)}%" title="${c[s]} ${s}"></span>`,
    )
    .join("")}</div>`;
}

function tile(label: string, line: CountLine, since: string): string {
  const c = line.now;
  return (
    `<div class="tile"><h3>${label}</h3>` +
    `<div class="big"><span class="r">${c.Red}</span> / <span class="a">${c.Amber}</span> <span class="of">Red / Amber of ${total(c)}</span></div>` +
    stack(c) +
    `<div class="delta">${esc(countsText(c))}. Since ${esc(since)}: ${esc(deltaText(line))}.</div></div>`
  );
}

interface Column<T> {
  readonly head: string;
  readonly cell: (entry: T) => string;
  readonly className?: string;
}

function table<T>(columns: readonly Column<T>[], entries: readonly T[]): string {
  const head = columns
    .map((c) => `<th${c.className === "n" ? ' class="n"' : ""}>${esc(c.head)}</th>`)
    .join("");
  const rows = entries
    .map(
      (e) =>
        `<tr>${columns.map((c) => `<td${c.className ? ` class="${c.className}"` : ""}>${c.cell(e)}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function progressCell(p: number | null): string {
  if (p === null) return "";
  const w = Math.max(0, Math.min(1, p)) * 100;
  return `<span class="bar"><span style="width:${w.toFixed(1)}%"></span></span>${esc(percentText(p))}`;
}

/**
 * The summary as a complete HTML document: the title and headline sentence, then each section
 * in the order a board reads them, then the footer. An empty summary has no sections.
 */
export function summaryHtml(s: BoardSummary): string {
  const body = top(s);
  if (!s.empty) for (const section of SECTIONS) body.push(...section(s));
  body.push(footer(s));
  return page(s, body);
}

function top(s: BoardSummary): string[] {
  return [
    `<header class="top"><div><p class="kicker">Baton · ${esc(TITLE)}</p><h1>${esc(title(s))}</h1><p class="sub">${esc(subtitle(s))}</p></div></header>`,
    `<p class="lede">${esc(headlineText(s))}</p>`,
  ];
}

function footer(s: BoardSummary): string {
  return `<footer>Made by Baton from the workbook's own rows, as of ${esc(s.asOf)}. Statuses follow Baton's rules; reasons name the rows they come from.</footer>`;
}

/** The document around the body: the policy that allows nothing but inline styles, and the CSS. */
function page(s: BoardSummary, body: readonly string[]): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title(s))}</title>`,
    `<style>${CSS}</style></head>`,
    `<body><main>${body.join("\n")}</main></body></html>`,
    "",
  ].join("\n");
}

/**
 * A section: its heading, then its body, or for a list with no entries the line saying so;
 * a list cut at its limit says how many more there are. The body is made only when shown.
 */
function section(
  s: BoardSummary,
  heading: string,
  list: SummaryList | null,
  count: number,
  html: () => string,
): string[] {
  const out = [`<section><h2>${esc(heading)}</h2>`];
  if (list && count === 0) out.push(`<p class="none">${esc(noneText(list, s))}</p>`);
  else {
    out.push(html());
    if (list && s.omitted[list] > 0)
      out.push(`<p class="more">${esc(moreText(s.omitted[list]))}</p>`);
  }
  out.push(`</section>`);
  return out;
}

/** One tile per headline row: Red and Amber of the total, a status bar, the change. */
function headlineSection(s: BoardSummary): string[] {
  return [
    `<section class="tiles" aria-label="${esc(SECTION.headline)}">${HEADLINE_ROWS.map(([key, label]) => tile(label, s.headline[key], s.since.period)).join("")}</section>`,
  ];
}

/** The decisions asked of the board: each Red hand-off, who owes whom, what to decide. */
function decisionsSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.decisions,
    "decisions",
    s.decisions.length,
    () =>
      `<ol class="decisions">${s.decisions
        .map(
          (d) =>
            `<li><div class="what">${id(d.handoffId)} ${text(d.deliverable)}</div>` +
            `<div class="who">${text(d.owner) || "Its owner"}${d.providerTeam ? ` (${esc(d.providerTeam)})` : ""} owes ${text(d.waitingTeam) || "the waiting team"}` +
            `${d.waiting ? ` for ${named(d.waiting.id, d.waiting.name)}` : ""} · ${esc(lateText(d))}` +
            `${d.blocks > 0 ? ` · holds up ${d.blocks} initiative${d.blocks === 1 ? "" : "s"}` : ""}</div>` +
            `<div class="ask"><strong>Decide:</strong> ${esc(ASK[d.ask])}.</div></li>`,
        )
        .join("")}</ol>`,
  );
}

/** The chart of each objective's initiatives by status. */
function chartSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.chart,
    "objectives",
    s.objectives.length,
    () =>
      `<div class="charts"><figure>${statusByObjectiveSvg(s.objectives)}<figcaption>Initiatives under each objective, by status.</figcaption></figure></div>`,
  );
}

/** What changed since the previous period. */
function changesSection(s: BoardSummary): string[] {
  return section(s, SECTION.changes(s), "changes", s.changes.length, () =>
    table(
      [
        {
          head: "Change",
          cell: (c) =>
            esc(
              CHANGE[c.kind] +
                (c.deliveredOn
                  ? ` on ${c.deliveredOn}`
                  : c.kind === "became-late" && c.daysLate !== null
                    ? `, ${c.daysLate} days`
                    : ""),
            ),
        },
        { head: "Item", cell: (c) => `${esc(ENTITY[c.entity])} ${named(c.id, c.name)}` },
        { head: "Was", cell: (c) => pill(c.was) },
        { head: "Now", cell: (c) => pill(c.now) },
      ],
      s.changes,
    ),
  );
}

function objectivesSection(s: BoardSummary): string[] {
  return section(s, SECTION.objectives, "objectives", s.objectives.length, () =>
    table(
      [
        { head: "Objective", cell: (o) => named(o.id, o.name) },
        { head: "Owner", cell: (o) => text(o.owner) },
        { head: "Target date", cell: (o) => text(o.targetDate), className: "n" },
        { head: "Status", cell: (o) => pill(o.status) },
        { head: "Initiatives", cell: (o) => esc(countsText(o.initiatives)) },
        { head: "Why", cell: (o) => esc(reasonsText(o.reasons)), className: "why" },
      ],
      s.objectives,
    ),
  );
}

/** A trend chart per KPI, then the KPIs' numbers to each KPI's own precision. */
function kpisSection(s: BoardSummary): string[] {
  return section(
    s,
    SECTION.kpis,
    "kpis",
    s.kpis.length,
    () =>
      `<div class="trends">${s.kpis.map((k) => `<figure>${kpiTrendSvg(k)}</figure>`).join("")}</div>` +
      `<p class="more">Solid line: Actuals by period. Dashed: the Target. Ring: the forecast at Target Date, in the KPI's status colour.</p>` +
      table(
        [
          {
            head: "KPI",
            cell: (k) =>
              named(k.id, k.name) + (k.unit ? ` <span class="why">(${esc(k.unit)})</span>` : ""),
          },
          {
            head: "Baseline",
            cell: (k) => esc(numberForPeople(k.baseline, k.decimals)),
            className: "n",
          },
          {
            head: "Latest",
            cell: (k) => esc(numberForPeople(k.latest, k.decimals)),
            className: "n",
          },
          {
            head: "Target",
            cell: (k) => esc(numberForPeople(k.target, k.decimals)),
            className: "n",
          },
          { head: "Target date", cell: (k) => text(k.targetDate), className: "n" },
          {
            head: "Forecast",
            cell: (k) => esc(numberForPeople(k.forecast, k.decimals)),
            className: "n",
          },
          { head: "Progress", cell: (k) => progressCell(k.progress), className: "nowrap" },
          { head: "Status", cell: (k) => pill(k.status) },
        ],
        s.kpis,
      ),
  );
}

/** Red and Amber hand-offs with their root causes. */
function handoffsSection(s: BoardSummary): string[] {
  return section(s, SECTION.handoffs, "handoffs", s.handoffs.length, () =>
    table(
      [
        { head: "Hand-off", cell: (h) => named(h.id, h.deliverable) },
        { head: "Status", cell: (h) => pill(h.status) },
        { head: "Provider team", cell: (h) => text(h.provider?.team) },
        { head: "Waiting team", cell: (h) => text(h.waiting?.team) },
        { head: "Owner", cell: (h) => text(h.owner) },
        {
          head: "Days late",
          cell: (h) => (h.daysLate === null ? "" : String(h.daysLate)),
          className: "n",
        },
        { head: "Blocks", cell: (h) => String(h.blocks), className: "n" },
        {
          head: "Root cause",
          cell: (h) =>
            h.rootCauses
              .map((c) => named(c.id, c.name) + (c.team ? ` (${esc(c.team)})` : ""))
              .join("<br>"),
        },
        { head: "Why", cell: (h) => esc(reasonsText(h.reasons)), className: "why" },
      ],
      s.handoffs,
    ),
  );
}

/** Initiatives whose check-ins are stale. */
function staleSection(s: BoardSummary): string[] {
  return section(s, SECTION.stale, "stale", s.stale.length, () =>
    table(
      [
        { head: "Initiative", cell: (i) => named(i.id, i.name) },
        { head: "Team", cell: (i) => text(i.team) },
        { head: "Owner", cell: (i) => text(i.owner) },
        { head: "Last check-in", cell: (i) => esc(i.lastCheckin ?? "none") },
        { head: "Status", cell: (i) => pill(i.status) },
      ],
      s.stale,
    ),
  );
}

/** Reported green, evidence says otherwise: its own block. */
function falseGreensSection(s: BoardSummary): string[] {
  return section(s, SECTION.falseGreens, "falseGreens", s.falseGreens.length, () =>
    table(
      [
        { head: "Initiative", cell: (f) => named(f.id, f.name) },
        { head: "Team", cell: (f) => text(f.team) },
        { head: "Owner", cell: (f) => text(f.owner) },
        { head: "Reported in", cell: (f) => esc(f.period) },
        { head: "Status", cell: (f) => pill(f.status) },
        {
          head: "Evidence says",
          cell: (f) => f.evidence.map((e) => esc(e.text)).join("<br>"),
          className: "why",
        },
      ],
      s.falseGreens,
    ),
  );
}

/** Value and the gate funnel: only on a workbook that has gates and value. */
function valueSection(s: BoardSummary): string[] {
  return s.value ? [valueHtml(s.value)] : [];
}

/** The sections in the order a board reads them. */
const SECTIONS: readonly ((s: BoardSummary) => string[])[] = [
  headlineSection,
  decisionsSection,
  chartSection,
  changesSection,
  objectivesSection,
  kpisSection,
  handoffsSection,
  staleSection,
  falseGreensSection,
  valueSection,
];

/** Value per unit over the workbook and per objective, then the gate funnel as a chart and a table. */
function valueHtml(v: ValueSection): string {
  const dp = valueDecimals(v);
  const n = (x: number) => esc(numberForPeople(x, dp));
  const lines = [
    ...v.total.map((u) => ({ label: esc(VALUE_WORDS.whole), u })),
    ...v.objectives.flatMap((o) => o.byUnit.map((u) => ({ label: named(o.id, o.name), u }))),
  ];
  const figures =
    lines.length === 0
      ? `<p class="none">${esc(VALUE_WORDS.noValue)}</p>`
      : table(
          [
            { head: "Objective", cell: (e) => e.label },
            { head: "Unit", cell: (e) => esc(unitText(e.u.unit)) },
            { head: "Planned", cell: (e) => n(e.u.planned), className: "n" },
            { head: "Confirmed", cell: (e) => n(e.u.confirmed), className: "n" },
            {
              head: "At risk",
              cell: (e) =>
                e.u.atRisk > 0 ? `<span class="pill ${cls("Red")}">${n(e.u.atRisk)}</span>` : n(0),
              className: "n",
            },
          ],
          lines,
        ) +
        `<p class="more">${esc(VALUE_WORDS.atRisk)}</p>` +
        (v.omitted.objectives > 0
          ? `<p class="more">${esc(moreText(v.omitted.objectives))}</p>`
          : "") +
        (v.omitted.units > 0
          ? `<p class="more">${esc(VALUE_WORDS.unitsOmitted(v.omitted.units))}</p>`
          : "");
  const funnel =
    `<div class="charts"><figure>${gateFunnelSvg(v.funnel, dp)}<figcaption>Initiatives at each gate, with their planned value.</figcaption></figure></div>` +
    table(
      [
        { head: "Gate", cell: (g) => `${id(String(g.gate))} ${esc(g.name)}` },
        { head: "Initiatives", cell: (g) => String(g.initiatives), className: "n" },
        { head: "Planned value", cell: (g) => esc(plannedText(g, dp)) },
      ],
      v.funnel,
    );
  return (
    `<section class="value"><h2>${esc(VALUE_WORDS.section)}</h2>${figures}</section>` +
    `<section class="funnel"><h2>${esc(VALUE_WORDS.funnel)}</h2>${funnel}</section>`
  );
}
