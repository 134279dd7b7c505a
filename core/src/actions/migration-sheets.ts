/**
 * Migration inside a spreadsheet: the mapping as a sheet a person corrects (the spreadsheet's
 * counterpart of the command line's mapping file), and the import report as a sheet listing
 * every source row with its outcome and reason, so nothing is lost out of sight.
 *
 * The mapping sheet:
 *
 *   Key         | Value            (Sheet, Header Row, Kind, Date Order, Decimal)
 *   …
 *   Column      | Letter | Field | Confidence | Lands in
 *   Owner       | C      | owner | 0.9        | Initiatives: Owner
 *
 * A blank Field keeps the column as an extra column; a blank setting is detected again.
 */
import { a1 } from "../cells/a1.ts";
import { isBlank, describeValue, type CellValue, type Grid } from "../cells/values.ts";
import { HEADER_FORMAT, type PlanValue, type WriteOp, type WritePlan } from "../ports/plan.ts";
import { parseMappingFile, type MappingFile, type MappingColumn } from "../migrate/mapping-file.ts";
import type { MigrationReport } from "../migrate/report.ts";
import { KINDS } from "../migrate/kinds.ts";
import { FIELD, FIELD_KEYS, type FieldKey } from "../migrate/vocabulary.ts";

export const MAPPING_SHEET = "Baton Mapping";
export const IMPORT_REPORT_SHEET = "Baton Import Report";

const SETTINGS = [
  ["sheet", "Sheet"],
  ["headerRow", "Header Row"],
  ["kind", "Kind"],
  ["dateOrder", "Date Order"],
  ["decimal", "Decimal"],
] as const;
const COLUMN_HEADERS = ["Column", "Letter", "Field", "Confidence", "Lands in"] as const;
const TABLE_ROW = SETTINGS.length + 3;

/** Clears what an earlier version of a sheet held, so nothing of it is left below the new one. */
function clearOps(sheet: string, previous: Grid | undefined): WriteOp[] {
  if (!previous?.length) return [];
  const columns = previous.reduce((w, r) => Math.max(w, r.length), 0);
  return columns
    ? [{ op: "clear", sheet, range: { row: 1, column: 1, rows: previous.length, columns } }]
    : [];
}

/** The mapping sheet for a migration's mapping; `previous` is the sheet's grid when it exists. */
export function mappingSheetPlan(mapping: MappingFile, previous?: Grid): WritePlan {
  const sheet = MAPPING_SHEET;
  const settings: PlanValue[][] = [
    ["Key", "Value"],
    ...SETTINGS.map(([key, label]) => [label, (mapping[key] ?? null) as PlanValue]),
  ];
  const columns = mapping.columns ?? [];
  const table: PlanValue[][] = [
    [...COLUMN_HEADERS],
    ...columns.map((c) => [
      c.column,
      c.letter ?? null,
      c.field ?? null,
      c.confidence ?? null,
      c.field ? FIELD[c.field].lands : "kept as an extra column",
    ]),
  ];
  const ops: WriteOp[] = [
    { op: "addSheet", sheet },
    ...clearOps(sheet, previous),
    { op: "values", sheet, row: 1, column: 1, values: settings },
    {
      op: "format",
      sheet,
      range: { row: 1, column: 1, rows: 1, columns: 2 },
      format: HEADER_FORMAT,
    },
    {
      op: "listValidation",
      sheet,
      range: { row: 4, column: 2, rows: 1, columns: 1 },
      values: [...KINDS],
    },
    {
      op: "listValidation",
      sheet,
      range: { row: 5, column: 2, rows: 1, columns: 1 },
      values: ["dmy", "mdy"],
    },
    {
      op: "listValidation",
      sheet,
      range: { row: 6, column: 2, rows: 1, columns: 1 },
      values: ["point", "comma"],
    },
    { op: "values", sheet, row: TABLE_ROW, column: 1, values: table },
    {
      op: "format",
      sheet,
      range: { row: TABLE_ROW, column: 1, rows: 1, columns: COLUMN_HEADERS.length },
      format: HEADER_FORMAT,
    },
    {
      op: "format",
      sheet,
      range: { row: TABLE_ROW + 1, column: 4, rows: Math.max(1, columns.length), columns: 1 },
      format: { numberFormat: "0%" },
    },
    { op: "columnWidths", sheet, widths: [28, 10, 14, 12, 60] },
  ];
  if (columns.length)
    ops.push({
      op: "listValidation",
      sheet,
      range: { row: TABLE_ROW + 1, column: 3, rows: columns.length, columns: 1 },
      values: [...FIELD_KEYS],
    });
  return { ops };
}

const norm = (v: CellValue) => (typeof v === "string" ? v.trim().toLowerCase() : "");
const text = (v: CellValue) => (isBlank(v) ? undefined : String(v).trim());

/** Reads a mapping sheet back: the mapping, or the problems with it, each naming its cell. */
export function readMappingSheet(
  grid: Grid,
): { ok: true; mapping: MappingFile } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const at = (row: number, column: number) => `${MAPPING_SHEET}!${a1(row, column)}`;
  const file: Record<string, unknown> = { version: 1 };
  let tableRow = -1;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const label = norm(row[0]);
    if (label === "column") {
      tableRow = r;
      break;
    }
    const setting = SETTINGS.find(([, l]) => l.toLowerCase() === label);
    if (!setting) continue;
    const [key] = setting;
    const value = row[1];
    if (isBlank(value)) continue;
    if (key === "headerRow") {
      const n = typeof value === "number" ? value : Number(text(value));
      if (Number.isInteger(n) && n >= 1) file.headerRow = n;
      else
        problems.push(
          `${at(r + 1, 2)}: Header Row must be a row number such as 1, not ${describeValue(value)}.`,
        );
    } else if (key === "kind") {
      const k = norm(value);
      if ((KINDS as readonly string[]).includes(k)) file.kind = k;
      else
        problems.push(
          `${at(r + 1, 2)}: Kind must be one of ${KINDS.join(", ")}, not ${describeValue(value)}.`,
        );
    } else if (key === "dateOrder" || key === "decimal") {
      const allowed = key === "dateOrder" ? ["dmy", "mdy"] : ["point", "comma"];
      const v = norm(value);
      if (allowed.includes(v)) file[key] = v;
      else
        problems.push(
          `${at(r + 1, 2)}: ${setting[1]} must be ${allowed.join(" or ")}, or blank to detect it, not ${describeValue(value)}.`,
        );
    } else file.sheet = text(value);
  }
  if (tableRow < 0)
    return {
      ok: false,
      problems: [...problems, `${MAPPING_SHEET} has no "Column" header row above its columns.`],
    };
  const columns: MappingColumn[] = [];
  for (let r = tableRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.slice(0, 3).every(isBlank)) break;
    const field = norm(row[2]);
    const letter = text(row[1])?.toUpperCase();
    if (
      field &&
      !(FIELD_KEYS as readonly string[]).includes(field) &&
      !FIELD_KEYS.some((k) => k.toLowerCase() === field)
    ) {
      problems.push(
        `${at(r + 1, 3)}: ${describeValue(row[2])} is not a field; choose one from the drop-down (${FIELD_KEYS.join(", ")}), or leave it blank to keep the column.`,
      );
      continue;
    }
    const key = FIELD_KEYS.find((k) => k.toLowerCase() === field) as FieldKey | undefined;
    if (letter !== undefined && !/^[A-Z]{1,3}$/.test(letter)) {
      problems.push(`${at(r + 1, 2)}: ${describeValue(row[1])} is not a column letter such as C.`);
      continue;
    }
    columns.push({ column: text(row[0]) ?? "", ...(letter ? { letter } : {}), field: key ?? null });
  }
  file.columns = columns;
  if (problems.length) return { ok: false, problems };
  const parsed = parseMappingFile(file);
  return parsed.ok
    ? parsed
    : { ok: false, problems: parsed.problems.map((p) => `${MAPPING_SHEET}: ${p}`) };
}

/** The import report: every source row with its outcome and reason, then the warnings. */
export function importReportPlan(report: MigrationReport, previous?: Grid): WritePlan {
  const sheet = IMPORT_REPORT_SHEET;
  const rows: PlanValue[][] = [
    ["Source Row", "Outcome", "Reason", "Baton IDs"],
    ...report.rows.map((r) => [r.sourceRow, r.outcome, r.reason || null, r.ids.join(", ") || null]),
  ];
  if (report.warnings.length)
    rows.push([], ["Warning", "Message"], ...report.warnings.map((w) => [w.code, w.message]));
  const width = 4;
  const ops: WriteOp[] = [
    { op: "addSheet", sheet },
    ...clearOps(sheet, previous),
    {
      op: "values",
      sheet,
      row: 1,
      column: 1,
      values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
    },
    {
      op: "format",
      sheet,
      range: { row: 1, column: 1, rows: 1, columns: width },
      format: HEADER_FORMAT,
    },
    { op: "freeze", sheet, rows: 1, columns: 0 },
    { op: "columnWidths", sheet, widths: [12, 12, 70, 24] },
  ];
  if (report.warnings.length)
    ops.push({
      op: "format",
      sheet,
      range: { row: report.rows.length + 3, column: 1, rows: 1, columns: 2 },
      format: HEADER_FORMAT,
    });
  return { ops };
}
