/**
 * The template as a write plan: sheets, headers, column formats, drop-downs for enumerations,
 * and any rows to start with (the demo, or a migrated tracker).
 */
import { serialFromIso, serialFromLocalDateTime } from "../cells/dates.ts";
import {
  COMPUTED_HEADER_FORMAT,
  HEADER_FORMAT,
  type PlanValue,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { COLUMNS, SHEET, TEMPLATE_VERSION, type Column, type SheetKey } from "./sheets.ts";
import { SETTING_KEYS, type Settings } from "./settings.ts";
import { PEOPLE_HEADERS, PEOPLE_SHEET } from "../rhythm/people.ts";

/** Rows per sheet in template column order (computed columns included, usually null). */
export type SheetRows = readonly (readonly PlanValue[])[];

export interface TemplateContent {
  readonly settings: Partial<Settings>;
  readonly objectives?: SheetRows;
  readonly kpis?: SheetRows;
  readonly initiatives?: SheetRows;
  readonly handoffs?: SheetRows;
  readonly checkins?: SheetRows;
  readonly gateDecisions?: SheetRows;
  /** The optional People sheet's rows (Name, Email, Team, Role); no sheet when absent. */
  readonly people?: SheetRows;
  /**
   * A team's own columns after the template's, by sheet (a migrated tracker keeps the columns
   * no template field takes); each row holds their values after the template columns.
   */
  readonly extraColumns?: Partial<Record<Exclude<SheetKey, "settings">, readonly string[]>>;
}

/** Rows below the data that still get the column's format and drop-down, for new entries. */
const HEADROOM = 500;

/** ISO text in date columns becomes a serial, so hosts store real dates. */
function toCell(value: PlanValue, column: Column): PlanValue {
  if (typeof value !== "string") return value;
  if (column.kind.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return serialFromIso(value);
  if (column.kind.type === "datetime" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value))
    return serialFromLocalDateTime(value);
  return value;
}

/** The plan that lays out one template sheet (header, formats, drop-downs) with these rows. */
export function sheetOps(
  key: Exclude<SheetKey, "settings">,
  rows: SheetRows,
  extra: readonly string[] = [],
): WriteOp[] {
  const sheet = SHEET[key];
  const columns = COLUMNS[key] as readonly Column[];
  const ops: WriteOp[] = [{ op: "addSheet", sheet }];
  ops.push({
    op: "values",
    sheet,
    row: 1,
    column: 1,
    values: [[...columns.map((c) => c.header), ...extra]],
  });
  const inputs = columns.filter((c) => !c.computed).length;
  ops.push({
    op: "format",
    sheet,
    range: { row: 1, column: 1, rows: 1, columns: inputs },
    format: HEADER_FORMAT,
  });
  if (inputs < columns.length)
    ops.push({
      op: "format",
      sheet,
      range: { row: 1, column: inputs + 1, rows: 1, columns: columns.length - inputs },
      format: COMPUTED_HEADER_FORMAT,
    });
  const span = rows.length + HEADROOM;
  columns.forEach((c, i) => {
    if (c.numberFormat)
      ops.push({
        op: "format",
        sheet,
        range: { row: 2, column: i + 1, rows: span, columns: 1 },
        format: { numberFormat: c.numberFormat },
      });
    if (c.kind.type === "enum")
      ops.push({
        op: "listValidation",
        sheet,
        range: { row: 2, column: i + 1, rows: span, columns: 1 },
        values: c.kind.values,
      });
  });
  if (rows.length)
    ops.push({
      op: "values",
      sheet,
      row: 2,
      column: 1,
      values: rows.map((r) => [
        ...columns.map((c, i) => toCell(r[i] ?? null, c)),
        ...extra.map((_, j) => r[columns.length + j] ?? null),
      ]),
    });
  if (extra.length)
    ops.push({
      op: "format",
      sheet,
      range: { row: 1, column: columns.length + 1, rows: 1, columns: extra.length },
      format: { bold: true },
    });
  ops.push({ op: "freeze", sheet, rows: 1, columns: 1 });
  ops.push({
    op: "columnWidths",
    sheet,
    widths: [
      ...columns.map((c) => c.width),
      ...extra.map((h) => Math.min(40, Math.max(12, h.length + 4))),
    ],
  });
  return ops;
}

function settingsOps(settings: Partial<Settings>): WriteOp[] {
  const sheet = SHEET.settings;
  const rows: PlanValue[][] = [["Key", "Value"]];
  const s = { ...settings, templateVersion: TEMPLATE_VERSION };
  for (const key of Object.keys(SETTING_KEYS) as (keyof Settings)[]) {
    const label = SETTING_KEYS[key];
    const value = s[key];
    // Closers is written by the first signed close, with the closer's key.
    if (key === "closers") continue;
    if (key === "holidays") {
      const days = (value as string[] | undefined) ?? [];
      if (!days.length) rows.push([label, null]);
      for (const d of days) rows.push([label, serialFromIso(d)]);
    } else rows.push([label, value === undefined ? null : (value as PlanValue)]);
  }
  const ops: WriteOp[] = [
    { op: "addSheet", sheet },
    { op: "values", sheet, row: 1, column: 1, values: rows },
    {
      op: "format",
      sheet,
      range: { row: 1, column: 1, rows: 1, columns: 2 },
      format: HEADER_FORMAT,
    },
    { op: "columnWidths", sheet, widths: [18, 24] },
  ];
  rows.forEach((r, i) => {
    if (r[0] === SETTING_KEYS.holidays)
      ops.push({
        op: "format",
        sheet,
        range: { row: i + 1, column: 2, rows: 1, columns: 1 },
        format: { numberFormat: "yyyy-mm-dd" },
      });
    if (r[0] === SETTING_KEYS.currentPeriod)
      ops.push({
        op: "format",
        sheet,
        range: { row: i + 1, column: 2, rows: 1, columns: 1 },
        format: { numberFormat: "@" },
      });
  });
  return ops;
}

/** The plan that lays out the template with the given content. */
export function templatePlan(content: TemplateContent): WritePlan {
  return {
    ops: [
      ...sheetOps("objectives", content.objectives ?? [], content.extraColumns?.objectives),
      ...sheetOps("kpis", content.kpis ?? [], content.extraColumns?.kpis),
      ...sheetOps("initiatives", content.initiatives ?? [], content.extraColumns?.initiatives),
      ...sheetOps("handoffs", content.handoffs ?? [], content.extraColumns?.handoffs),
      ...sheetOps("checkins", content.checkins ?? [], content.extraColumns?.checkins),
      ...settingsOps(content.settings),
      // After Settings, so that a version 1 workbook's sheets keep their order when upgraded.
      ...sheetOps("gateDecisions", content.gateDecisions ?? []),
      ...(content.people ? peopleOps(content.people) : []),
    ],
  };
}

/** The People sheet with its header and rows. */
function peopleOps(rows: SheetRows): WriteOp[] {
  const sheet = PEOPLE_SHEET;
  return [
    { op: "addSheet", sheet },
    { op: "values", sheet, row: 1, column: 1, values: [[...PEOPLE_HEADERS], ...rows] },
    {
      op: "format",
      sheet,
      range: { row: 1, column: 1, rows: 1, columns: PEOPLE_HEADERS.length },
      format: HEADER_FORMAT,
    },
    { op: "columnWidths", sheet, widths: [20, 30, 16, 20] },
    { op: "freeze", sheet, rows: 1, columns: 0 },
  ];
}
