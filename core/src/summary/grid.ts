/**
 * The board summary as a sheet: a write plan that adds `Board Summary <period>` and fills it
 * with the headline, the decisions, what changed, objectives, KPIs, red and amber hand-offs and
 * stale initiatives, formatted for reading (a title bar, section bands, status colours).
 *
 * - Earlier periods' sheets are left as they are. A second summary in the same period replaces
 *   the contents of that period's sheet (matched ignoring case, as spreadsheets name sheets)
 *   instead of adding another: the plan clears the area a summary can cover
 *   (`SUMMARY_MAX_ROWS` × `SUMMARY_WIDTH`, known because every list is capped), then writes.
 * - Text from cells goes out as plan strings; every host keeps a string that starts with
 *   `=`, `+`, `-` or `@` as text (see `WritePlan`), so no cell becomes a formula.
 * - The sheet's chart of status by objective is the objectives table itself: each objective's
 *   initiatives counted by status in status-coloured columns. A write plan has no chart
 *   operation, and the HTML page draws the bars.
 * - Everything is written as one block of values, then the formats, so a host makes few calls.
 */
import { serialFromIso } from "../cells/dates.ts";
import { numberFormatFor } from "../cells/precision.ts";
import { type Status } from "../engine/reasons.ts";
import {
  HEADER_FORMAT,
  STATUS_FILL,
  type CellFormat,
  type PlanValue,
  type Rect,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { BOARD_SUMMARY_PREFIX, DATE_FORMAT } from "../template/sheets.ts";
import { STATUSES, SUMMARY_LIMITS, type BoardSummary, type SummaryList } from "./model.ts";
import { evidenceText } from "./false-greens.ts";
import {
  VALUE_MAX_ROWS,
  VALUE_WORDS,
  plannedAt,
  unitText,
  valueDecimals,
  valueUnits,
} from "./value.ts";
import {
  ASK,
  CHANGE,
  ENTITY,
  HEADLINE_ROWS,
  NOTHING_TO_REPORT,
  SECTION,
  deltaText,
  headlineText,
  moreText,
  noneText,
  reasonsText,
  subtitle,
  title,
  total,
} from "./words.ts";

/** Columns A to K. */
export const SUMMARY_WIDTH = 11;

/** Rows above the lists (title, subtitle, blank) and the headline section (band, header, four rows, sentence, blank). */
const TOP_ROWS = 3;
const HEADLINE_SECTION_ROWS = 8;
/** The most rows a summary sheet can use: each list adds a band, a header, its entries, a "more" line and a blank. */
export const SUMMARY_MAX_ROWS =
  TOP_ROWS +
  HEADLINE_SECTION_ROWS +
  Object.values(SUMMARY_LIMITS).reduce((n, limit) => n + limit + 4, 0) +
  VALUE_MAX_ROWS;

const WIDTHS = [11, 40, 13, 13, 13, 13, 13, 13, 13, 13, 48];

const TITLE_FORMAT: CellFormat = { bold: true, fill: "#1F3864", fontColor: "#FFFFFF" };
const SUBTITLE_FORMAT: CellFormat = { italic: true, fontColor: "#595959" };
const BAND_FORMAT: CellFormat = { bold: true, fill: "#D9E1F2", fontColor: "#1F3864" };
const NOTE_FORMAT: CellFormat = { italic: true, fontColor: "#595959" };
const PERCENT: CellFormat = { numberFormat: "0%" };
const DATE: CellFormat = { numberFormat: DATE_FORMAT };

/** The name of the summary sheet of a period: `Board Summary 2026-W48`. */
export function summarySheetName(period: string): string {
  return `${BOARD_SUMMARY_PREFIX} ${period}`;
}

/**
 * The most characters a cell holds in Excel (Sheets holds more): longer text from a tracker's
 * cells would make the sheet unreadable there, so it ends with an ellipsis at the limit.
 */
export const CELL_TEXT_LIMIT = 32_767;

const fitted = (v: PlanValue): PlanValue =>
  typeof v === "string" && v.length > CELL_TEXT_LIMIT ? v.slice(0, CELL_TEXT_LIMIT - 1) + "…" : v;

const dateCell = (iso: string | null): PlanValue => (iso === null ? null : serialFromIso(iso));
const fill = (s: Status): CellFormat => ({ ...STATUS_FILL[s] });

/** Rows and the formats of their cells, built top to bottom. */
class Layout {
  readonly rows: PlanValue[][] = [];
  /** Formats of whole rectangles, in order. */
  readonly spans: { range: Rect; format: CellFormat }[] = [];
  /** Formats of single cells by column, merged into vertical runs at the end. */
  readonly cells = new Map<string, CellFormat>();

  get next(): number {
    return this.rows.length + 1;
  }

  row(values: readonly PlanValue[]): number {
    const r: PlanValue[] = new Array(SUMMARY_WIDTH).fill(null);
    values.forEach((v, i) => (r[i] = fitted(v ?? null)));
    this.rows.push(r);
    return this.rows.length;
  }

  span(row: number, column: number, columns: number, format: CellFormat): void {
    this.spans.push({ range: { row, column, rows: 1, columns }, format });
  }

  cell(row: number, column: number, format: CellFormat): void {
    this.cells.set(`${row},${column}`, format);
  }

  blank(): void {
    this.row([]);
  }

  band(text: string): void {
    this.span(this.row([text]), 1, SUMMARY_WIDTH, BAND_FORMAT);
  }

  header(headers: readonly (string | null)[]): number {
    const r = this.row(headers);
    this.span(r, 1, SUMMARY_WIDTH, HEADER_FORMAT);
    return r;
  }

  note(text: string): void {
    this.span(this.row([text]), 1, 1, NOTE_FORMAT);
  }

  /** A list section: band, header and rows, or a line saying there is none; then a blank row. */
  list<T>(
    s: BoardSummary,
    list: SummaryList,
    band: string,
    headers: readonly (string | null)[],
    entries: readonly T[],
    write: (entry: T, row: number) => void,
  ): void {
    this.band(band);
    if (entries.length === 0) this.note(noneText(list, s));
    else {
      this.header(headers);
      for (const e of entries) write(e, this.next);
      if (s.omitted[list] > 0) this.note(moreText(s.omitted[list]));
    }
    this.blank();
  }

  /** Cell formats merged into vertical runs of equal formats, column by column. */
  runs(): { range: Rect; format: CellFormat }[] {
    const byColumn = new Map<number, { row: number; key: string; format: CellFormat }[]>();
    for (const [at, format] of this.cells) {
      const [row, column] = at.split(",").map(Number) as [number, number];
      const list = byColumn.get(column) ?? [];
      if (!byColumn.has(column)) byColumn.set(column, list);
      list.push({ row, key: JSON.stringify(format), format });
    }
    const out: { range: Rect; format: CellFormat }[] = [];
    for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
      const list = byColumn.get(column)!.sort((a, b) => a.row - b.row);
      for (let i = 0; i < list.length;) {
        let j = i + 1;
        while (
          j < list.length &&
          list[j]!.row === list[j - 1]!.row + 1 &&
          list[j]!.key === list[i]!.key
        )
          j++;
        out.push({
          range: { row: list[i]!.row, column, rows: j - i, columns: 1 },
          format: list[i]!.format,
        });
        i = j;
      }
    }
    return out;
  }
}

/**
 * The plan that writes a summary to its period's sheet. `existingSheetNames` are the
 * workbook's sheet names (`Host.sheetNames()`): they decide whether the sheet is added or its
 * contents replaced.
 */
export function summaryPlan(
  summary: BoardSummary,
  existingSheetNames: readonly string[],
): WritePlan {
  const wanted = summarySheetName(summary.period);
  const existing = existingSheetNames.find((n) => n.toLowerCase() === wanted.toLowerCase());
  const sheet = existing ?? wanted;
  const l = layout(summary);
  // Each section ends with a blank row; the last one would only widen the sheet's used range.
  while (l.rows.length && l.rows[l.rows.length - 1]!.every((v) => v === null)) l.rows.pop();

  const ops: WriteOp[] = [{ op: "addSheet", sheet }];
  if (existing)
    ops.push({
      op: "clear",
      sheet,
      range: { row: 1, column: 1, rows: SUMMARY_MAX_ROWS, columns: SUMMARY_WIDTH },
    });
  ops.push({ op: "values", sheet, row: 1, column: 1, values: l.rows });
  for (const { range, format } of [...l.spans, ...l.runs()])
    ops.push({ op: "format", sheet, range, format });
  ops.push({ op: "columnWidths", sheet, widths: WIDTHS });
  ops.push({ op: "freeze", sheet, rows: 1, columns: 0 });
  return { ops };
}

/**
 * The sheet top to bottom: title and subtitle, then each section in the order a board reads
 * them. An empty summary says so under the title and has no sections.
 */
function layout(s: BoardSummary): Layout {
  const l = new Layout();
  l.span(l.row([title(s)]), 1, SUMMARY_WIDTH, TITLE_FORMAT);
  l.span(l.row([subtitle(s)]), 1, 1, SUBTITLE_FORMAT);
  l.blank();
  if (s.empty) {
    l.note(NOTHING_TO_REPORT);
    return l;
  }
  for (const section of SECTIONS) section(l, s);
  return l;
}

/** Counts by status now, with the change since the previous period, and the headline sentence. */
function headlineBlock(l: Layout, s: BoardSummary): void {
  l.band(SECTION.headline);
  const h = l.header([null, `Since ${s.since.period}`, ...STATUSES, "Total"]);
  STATUSES.forEach((st, i) => l.cell(h, 3 + i, fill(st)));
  for (const [key, label] of HEADLINE_ROWS) {
    const line = s.headline[key];
    const r = l.row([
      label,
      deltaText(line),
      ...STATUSES.map((st) => line.now[st]),
      total(line.now),
    ]);
    if (line.now.Red > 0) l.cell(r, 3, fill("Red"));
    if (line.now.Amber > 0) l.cell(r, 4, fill("Amber"));
  }
  l.row([headlineText(s)]);
  l.blank();
}

/** The decisions asked of the board: each Red hand-off, its owner and the team waiting. */
function decisionsBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "decisions",
    SECTION.decisions,
    [
      "Hand-off",
      "Deliverable",
      "Owner",
      "Provider team",
      "Waiting team",
      "Waiting",
      "Days late",
      "Blocks",
      "Needed by",
      "Committed",
      "Decide",
    ],
    s.decisions,
    (d, r) => {
      l.row([
        d.handoffId,
        d.deliverable,
        d.owner,
        d.providerTeam,
        d.waitingTeam,
        d.waiting?.id ?? null,
        d.daysLate,
        d.blocks,
        dateCell(d.neededBy),
        dateCell(d.committedDate),
        ASK[d.ask],
      ]);
      l.cell(r, 1, fill("Red"));
      l.cell(r, 9, DATE);
      l.cell(r, 10, DATE);
    },
  );
}

/** What changed since the previous period: newly Red or Amber, recovered, late or delivered. */
function changesBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "changes",
    SECTION.changes(s),
    ["ID", "Name", "Kind", "Change", "Was", "Now", "Days late", "Delivered on"],
    s.changes,
    (c, r) => {
      l.row([
        c.id,
        c.name,
        ENTITY[c.entity],
        CHANGE[c.kind],
        c.was,
        c.now,
        c.daysLate,
        dateCell(c.deliveredOn),
      ]);
      if (c.was) l.cell(r, 5, fill(c.was));
      l.cell(r, 6, fill(c.now));
      l.cell(r, 8, DATE);
    },
  );
}

/** Objectives with their initiatives counted by status: the sheet's chart of status by objective. */
function objectivesBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "objectives",
    `${SECTION.objectives}, with their initiatives by status`,
    ["Objective", "Name", "Owner", "Target date", "Status", ...STATUSES, "Why"],
    s.objectives,
    (o, r) => {
      l.row([
        o.id,
        o.name,
        o.owner,
        dateCell(o.targetDate),
        o.status,
        ...STATUSES.map((st) => o.initiatives[st]),
        reasonsText(o.reasons) || null,
      ]);
      l.cell(r, 4, DATE);
      l.cell(r, 5, fill(o.status));
      STATUSES.forEach((st, i) => {
        if (o.initiatives[st] > 0) l.cell(r, 6 + i, fill(st));
      });
    },
  );
}

/** KPIs against target, each number in the KPI's own precision. */
function kpisBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "kpis",
    SECTION.kpis,
    [
      "KPI",
      "Name",
      "Objective",
      "Baseline",
      "Latest",
      "Target",
      "Target date",
      "Forecast",
      "Progress",
      "Status",
      "Why",
    ],
    s.kpis,
    (k, r) => {
      const name = k.name === null ? null : k.unit ? `${k.name} (${k.unit})` : k.name;
      l.row([
        k.id,
        name,
        k.objectiveId,
        k.baseline,
        k.latest,
        k.target,
        dateCell(k.targetDate),
        k.forecast,
        k.progress,
        k.status,
        reasonsText(k.reasons) || null,
      ]);
      // Full values for formulas; the format shows the KPI's own precision.
      const shown = { numberFormat: numberFormatFor(k.decimals) };
      for (const c of [4, 5, 6, 8]) l.cell(r, c, shown);
      l.cell(r, 7, DATE);
      l.cell(r, 9, PERCENT);
      l.cell(r, 10, fill(k.status));
    },
  );
}

/** Red and amber hand-offs with their root cause. */
function handoffsBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "handoffs",
    SECTION.handoffs,
    [
      "Hand-off",
      "Deliverable",
      "Status",
      "Provider team",
      "Waiting team",
      "Owner",
      "Days late",
      "Blocks",
      "Needed by",
      "Root cause",
      "Why",
    ],
    s.handoffs,
    (h, r) => {
      l.row([
        h.id,
        h.deliverable,
        h.status,
        h.provider?.team ?? null,
        h.waiting?.team ?? null,
        h.owner,
        h.daysLate,
        h.blocks,
        dateCell(h.neededBy),
        h.rootCauses.map((c) => c.id).join(", ") || null,
        reasonsText(h.reasons) || null,
      ]);
      l.cell(r, 3, fill(h.status));
      l.cell(r, 9, DATE);
    },
  );
}

/** Initiatives with no recent check-in, worst first. */
function staleBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "stale",
    SECTION.stale,
    ["Initiative", "Name", "Team", "Owner", "Last check-in", "Status"],
    s.stale,
    (i, r) => {
      l.row([i.id, i.name, i.team, i.owner, i.lastCheckin ?? "none", i.status]);
      l.cell(r, 6, fill(i.status));
    },
  );
}

const SECTIONS: readonly ((l: Layout, s: BoardSummary) => void)[] = [
  headlineBlock,
  decisionsBlock,
  changesBlock,
  objectivesBlock,
  kpisBlock,
  handoffsBlock,
  staleBlock,
  falseGreenBlock,
  valueBlock,
];

/**
 * Value per unit, over the workbook and per objective, then the gate funnel with one column of
 * planned value per unit (so no cell sums across units). Nothing on a version 1 workbook.
 */
function valueBlock(l: Layout, s: BoardSummary): void {
  const v = s.value;
  if (!v) return;
  const shown: CellFormat = { numberFormat: numberFormatFor(valueDecimals(v)) };
  l.band(VALUE_WORDS.section);
  if (v.total.length === 0) l.note(VALUE_WORDS.noValue);
  else {
    l.header(["Objective", "Name", "Unit", "Planned", "Confirmed", "At risk"]);
    const line = (id: string, name: string | null, u: (typeof v.total)[number]) => {
      const r = l.row([id, name, unitText(u.unit), u.planned, u.confirmed, u.atRisk]);
      for (const c of [4, 5, 6]) l.cell(r, c, shown);
      if (u.atRisk > 0) l.cell(r, 6, fill("Red"));
    };
    for (const u of v.total) line("All", VALUE_WORDS.whole, u);
    for (const o of v.objectives) for (const u of o.byUnit) line(o.id, o.name, u);
    if (v.omitted.objectives > 0) l.note(moreText(v.omitted.objectives));
    if (v.omitted.units > 0) l.note(VALUE_WORDS.unitsOmitted(v.omitted.units));
  }
  l.blank();

  l.band(VALUE_WORDS.funnel);
  const units = valueUnits(v);
  l.header(["Gate", "Name", "Initiatives", ...units.map((u) => `Planned ${unitText(u)}`)]);
  for (const g of v.funnel) {
    const r = l.row([g.gate, g.name, g.initiatives, ...units.map((u) => plannedAt(g, u))]);
    units.forEach((_, i) => l.cell(r, 4 + i, shown));
  }
  l.blank();
}

/** "Reported green, evidence says otherwise": the Green check-in, its period, the evidence. */
function falseGreenBlock(l: Layout, s: BoardSummary): void {
  l.list(
    s,
    "falseGreens",
    SECTION.falseGreens,
    // The evidence in the wide last column, as the other lists put their "Why".
    [
      "Initiative",
      "Name",
      "Team",
      "Owner",
      "Reported in",
      "Status",
      null,
      null,
      null,
      "Refs",
      "Evidence",
    ],
    s.falseGreens,
    (f, r) => {
      l.row([
        f.id,
        f.name,
        f.team,
        f.owner,
        f.period,
        f.status,
        null,
        null,
        null,
        [...new Set(f.evidence.flatMap((e) => e.refs))].join(", "),
        evidenceText(f),
      ]);
      l.cell(r, 6, fill(f.status));
    },
  );
}
