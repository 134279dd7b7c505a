/**
 * Grids → typed records that remember where they came from.
 *
 * `readWorkbook` takes the template sheets as grids (header row 1, data from row 2), finds the
 * columns by header (in any order; extra columns are the team's own and are left alone), reads
 * Settings first (the time zone and cadence decide how dates and periods are read), then every
 * data row. A row that cannot be keyed (no valid ID, or for a check-in no period) is reported
 * and left out of the records; any other unreadable cell becomes an issue and a null value.
 */
import { a1 } from "../cells/a1.ts";
import {
  isBlank,
  isBlankRow,
  isErrorValue,
  describeValue,
  type CellValue,
  type Grid,
  type Grids,
} from "../cells/values.ts";
import { isValidZone } from "../cells/dates.ts";
import { coerceDate, coerceNumber, coerceValue, Unreadable, type CoerceContext } from "./coerce.ts";
import { makeIssue, type IssueLocation, type ValidationIssue } from "../issues/issues.ts";
import {
  COLUMNS,
  CHECKIN_COLUMNS,
  SHEET,
  type Column,
  type SheetKey,
  type Objective,
  type Kpi,
  type Initiative,
  type Handoff,
  type Checkin,
  type GateDecision,
  OPTIONAL_SHEETS,
} from "../template/sheets.ts";
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  settingKeyOf,
  type Settings,
  type SettingKey,
} from "../template/settings.ts";
import { parsePeriod, formatPeriod } from "../template/periods.ts";
import { WORKBOOK_NAME } from "../template/ids.ts";

/** Where a sheet's columns are: record key → 1-based column number. */
export interface SheetLayout {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  readonly columns: Readonly<Record<string, number>>;
  /** Number of rows in the grid, header included. */
  readonly rowCount: number;
  /** Width of the header row (the last non-blank header's column). */
  readonly headerWidth: number;
}

export interface Workbook {
  readonly settings: Settings;
  readonly objectives: readonly Objective[];
  readonly kpis: readonly Kpi[];
  readonly initiatives: readonly Initiative[];
  readonly handoffs: readonly Handoff[];
  readonly checkins: readonly Checkin[];
  /** Gate Decisions rows (template version 2; none where the sheet is absent). */
  readonly gateDecisions: readonly GateDecision[];
  /** Layout of each template sheet found; absent sheets are missing. */
  readonly layout: Readonly<Partial<Record<SheetKey, SheetLayout>>>;
}

export interface ReadResult {
  readonly workbook: Workbook;
  readonly issues: ValidationIssue[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Finds a template sheet among a workbook's sheet names, as the workbook spells it: exact,
 * else ignoring case and spacing.
 */
export function findSheet(sheetNames: readonly string[], name: string): string | undefined {
  if (sheetNames.includes(name)) return name;
  const n = norm(name);
  return sheetNames.find((k) => norm(k) === n);
}

/** The names of the sheets a read holds a grid for. */
export function sheetsOf(grids: Grids): string[] {
  return Object.keys(grids).filter((k) => grids[k]);
}

/** A1 location of a record's cell, for issues and write plans. */
export function locate(
  sheet: SheetKey,
  layout: SheetLayout,
  row: number,
  key: string,
): IssueLocation {
  const column = layout.columns[key];
  const spec = (COLUMNS[sheet] as readonly Column[]).find((c) => c.key === key);
  return { sheet: layout.name, row, column: spec?.header ?? key, cell: a1(row, column ?? 1) };
}

interface Collector {
  issues: ValidationIssue[];
}

function headerLayout(key: SheetKey, name: string, grid: Grid, out: Collector): SheetLayout {
  const header = grid[0] ?? [];
  const columns: Record<string, number> = {};
  const seen = new Map<string, number>();
  let width = 0;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (isBlank(v)) continue;
    width = c + 1;
    const text = typeof v === "string" ? norm(v) : norm(String(v));
    const first = seen.get(text);
    if (first !== undefined) {
      const spec = COLUMNS[key].find((s: Column) => norm(s.header) === text);
      if (spec) {
        out.issues.push(
          makeIssue(
            { sheet: name, row: 1, column: spec.header, cell: a1(1, c + 1) },
            { code: "duplicate-column", firstCell: a1(1, first) },
          ),
        );
      }
      continue;
    }
    seen.set(text, c + 1);
  }
  let nextFree = width + 1;
  for (const spec of COLUMNS[key] as readonly Column[]) {
    const at = seen.get(norm(spec.header));
    if (at !== undefined) columns[spec.key] = at;
    else if (!spec.computed && spec.since === undefined) {
      out.issues.push(
        makeIssue(
          { sheet: name, row: 1, column: spec.header, cell: a1(1, nextFree++) },
          { code: "missing-column" },
        ),
      );
    }
  }
  return { name, columns, rowCount: grid.length, headerWidth: width };
}

function readSettings(
  grid: Grid | undefined,
  layout: SheetLayout | undefined,
  out: Collector,
): Settings {
  const settings: { -readonly [K in keyof Settings]: Settings[K] } = {
    ...DEFAULT_SETTINGS,
    holidays: [],
  };
  if (!grid || !layout) return settings;
  const keyCol = layout.columns.key;
  const valueCol = layout.columns.value;
  if (!keyCol || !valueCol) return settings;
  const firstRow = new Map<SettingKey, number>();
  const zoneForDates = () => settings.timeZone;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r]!;
    const rawKey = row[keyCol - 1];
    if (isBlank(rawKey) || isErrorValue(rawKey)) continue;
    const label = String(rawKey);
    const sheetRow = r + 1;
    const keyLoc: IssueLocation = {
      sheet: layout.name,
      row: sheetRow,
      column: "Key",
      cell: a1(sheetRow, keyCol),
    };
    const loc: IssueLocation = {
      sheet: layout.name,
      row: sheetRow,
      column: "Value",
      cell: a1(sheetRow, valueCol),
    };
    const key = settingKeyOf(label);
    if (!key) {
      out.issues.push(
        makeIssue(keyLoc, {
          code: "unknown-setting",
          key: describeValue(rawKey, 30).replace(/^"|"$/g, ""),
        }),
      );
      continue;
    }
    const value = row[valueCol - 1];
    const shownKey = SETTING_KEYS[key];
    if (key !== "holidays" && key !== "closers") {
      const first = firstRow.get(key);
      if (first !== undefined) {
        out.issues.push(
          makeIssue(keyLoc, { code: "duplicate-setting", key: shownKey, firstRow: first }),
        );
        continue;
      }
      firstRow.set(key, sheetRow);
    }
    if (isBlank(value)) continue;
    const bad = (expected: string) =>
      out.issues.push(
        makeIssue(loc, {
          code: "invalid-setting",
          key: shownKey,
          value: describeValue(value),
          expected,
        }),
      );
    if (isErrorValue(value)) {
      out.issues.push(makeIssue(loc, { code: "cell-error", value: String(value).toUpperCase() }));
      continue;
    }
    switch (key) {
      case "timeZone": {
        const zone = typeof value === "string" ? value.trim() : "";
        if (zone && isValidZone(zone)) settings.timeZone = zone;
        else bad("an IANA time zone such as Europe/Berlin or America/New_York");
        break;
      }
      case "cadence": {
        const t = typeof value === "string" ? value.trim().toLowerCase() : "";
        if (t === "weekly" || t === "monthly")
          settings.cadence = t === "weekly" ? "Weekly" : "Monthly";
        else bad("Weekly or Monthly");
        break;
      }
      case "amberWindow":
      case "staleAfter":
      case "templateVersion": {
        const n = coerceNumber(value);
        const min = key === "templateVersion" ? 1 : 0;
        if (n !== undefined && Number.isInteger(n) && n >= min && n <= 520) settings[key] = n;
        else
          bad(
            key === "templateVersion"
              ? "a version number such as 1"
              : "a whole number of days or periods, 0 or more",
          );
        break;
      }
      case "holidays": {
        const parts =
          typeof value === "string"
            ? value
                .split(/[,;\n]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : [value];
        for (const part of parts) {
          const d = coerceDate(part as CellValue, zoneForDates());
          if (d) settings.holidays.push(d);
          else bad("a date, or dates separated by commas (YYYY-MM-DD)");
        }
        break;
      }
      case "closers": {
        if (typeof value === "string") settings.closers.push(value);
        else bad("public keys as name:hex, separated by commas");
        break;
      }
      case "workbook": {
        const name = typeof value === "string" ? value.trim() : "";
        if (WORKBOOK_NAME.test(name)) settings.workbook = name;
        else bad("a short name of letters, digits and dashes, such as support or dev-team");
        break;
      }
      case "currentPeriod": {
        const p = typeof value === "string" ? parsePeriod(value) : undefined;
        if (p) settings.currentPeriod = formatPeriod(p);
        else bad("a period such as 2026-W48 or 2026-11");
        break;
      }
    }
  }
  settings.holidays.sort();
  return settings;
}

type AnyRecord = Record<string, string | number | null> & { row: number };

/**
 * Keys of a record whose cell held something unreadable (reported already). Rules that check
 * for a blank value consult it, so "not a number" is not followed by "has no Actual".
 */
const unreadable = new WeakMap<object, Set<string>>();

/** True when the record's cell for `key` held a value that could not be read. */
export function wasUnreadable(record: object, key: string): boolean {
  return unreadable.get(record)?.has(key) ?? false;
}

/** The columns of a sheet that are read, with their 0-based grid positions. */
interface ReadColumns {
  readonly specs: readonly Column[];
  readonly cols: readonly number[];
  /** For each column read, whether a row without its value cannot be a record. */
  readonly isKey: readonly boolean[];
  /**
   * A record of the sheet with every column read still null, in the order the columns are
   * read: each row's record is a copy, made whole at once rather than grown key by key.
   */
  readonly blank: AnyRecord;
}

function readColumns(key: SheetKey, layout: SheetLayout, keys: readonly string[]): ReadColumns {
  const specs = (COLUMNS[key] as readonly Column[]).filter(
    (c) => c.kind.type !== "computed" && layout.columns[c.key] !== undefined,
  );
  const blank: AnyRecord = { row: 0 };
  for (const c of specs) blank[c.key] = null;
  return {
    specs,
    cols: specs.map((c) => layout.columns[c.key]! - 1),
    isKey: specs.map((c) => keys.includes(c.key)),
    blank,
  };
}

/**
 * Reads one data row. The key columns (`isKey`) are those without which a row cannot be a
 * record (the ID; for check-ins the period and the ID): such a row is reported and yields no
 * record.
 */
function readRow(
  read: ReadColumns,
  cells: readonly CellValue[],
  sheetRow: number,
  layout: SheetLayout,
  ctx: CoerceContext,
  out: Collector,
): AnyRecord | undefined {
  const { specs, cols, isKey } = read;
  const record: AnyRecord = { ...read.blank };
  record.row = sheetRow;
  let keyed = true;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const value = coerceValue(cells[cols[i]!], spec.kind, ctx);
    if (!(value instanceof Unreadable)) {
      if (value !== null) record[spec.key] = value;
      else {
        if (isKey[i]) keyed = false;
        if (spec.required)
          out.issues.push(
            makeIssue(cellAt(layout.name, sheetRow, spec.header, cols[i]!), { code: "required" }),
          );
      }
    } else {
      if (isKey[i]) keyed = false;
      out.issues.push(
        makeIssue(cellAt(layout.name, sheetRow, spec.header, cols[i]!), value.details),
      );
      const bad = unreadable.get(record);
      if (bad) bad.add(spec.key);
      else unreadable.set(record, new Set([spec.key]));
    }
  }
  return keyed ? record : undefined;
}

const ROW_KEYS: Record<Exclude<SheetKey, "settings">, readonly string[]> = {
  objectives: ["id"],
  kpis: ["id"],
  initiatives: ["id"],
  handoffs: ["id"],
  checkins: ["period", "id"],
  gateDecisions: ["id"],
};

function readRows(
  key: Exclude<SheetKey, "settings">,
  grid: Grid,
  layout: SheetLayout,
  ctx: CoerceContext,
  out: Collector,
): AnyRecord[] {
  const read = readColumns(key, layout, ROW_KEYS[key]);
  const records: AnyRecord[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || isBlankRow(cells)) continue;
    const record = readRow(read, cells, r + 1, layout, ctx, out);
    if (record) records.push(record);
  }
  return records;
}

/**
 * Reads one Check-ins row of a workbook already read (for live validation of an edit): the
 * record, or none when the row is blank or cannot be keyed, and the row's own cell issues.
 */
export function readCheckinRow(
  workbook: Workbook,
  cells: readonly CellValue[],
  sheetRow: number,
): { record?: Checkin; issues: ValidationIssue[] } {
  const layout = workbook.layout.checkins;
  const out: Collector = { issues: [] };
  if (!layout || isBlankRow(cells)) return out;
  const ctx: CoerceContext = {
    zone: workbook.settings.timeZone,
    cadence: workbook.settings.cadence,
  };
  const record = readRow(
    readColumns("checkins", layout, ROW_KEYS.checkins),
    cells,
    sheetRow,
    layout,
    ctx,
    out,
  );
  if (record)
    for (const c of CHECKIN_COLUMNS)
      if (c.kind.type !== "computed" && !(c.key in record)) record[c.key] = null;
  return record ? { record: record as unknown as Checkin, issues: out.issues } : out;
}

/** Reads the template sheets of a workbook given as grids. Never throws on any cell value. */
export function readWorkbook(grids: Grids): ReadResult {
  const out: Collector = { issues: [] };
  const layout: Partial<Record<SheetKey, SheetLayout>> = {};
  const found: Partial<Record<SheetKey, Grid>> = {};
  const present = sheetsOf(grids);
  for (const key of Object.keys(SHEET) as SheetKey[]) {
    const name = findSheet(present, SHEET[key]);
    const grid = name ? grids[name] : undefined;
    if (!name || !grid) {
      if (OPTIONAL_SHEETS.has(key)) continue;
      out.issues.push(
        makeIssue(
          { sheet: SHEET[key], row: 1, column: "A", cell: "A1" },
          { code: "missing-sheet" },
        ),
      );
      continue;
    }
    found[key] = grid;
    layout[key] = headerLayout(key, name, grid, out);
  }
  const settings = readSettings(found.settings, layout.settings, out);
  const ctx: CoerceContext = {
    zone: settings.timeZone,
    cadence: settings.cadence,
    periods: new Map(),
  };
  const rows = (key: Exclude<SheetKey, "settings">) => {
    const grid = found[key];
    const l = layout[key];
    if (!grid || !l) return [];
    // A sheet missing a key column yields no records; the missing-column issue says why.
    if (ROW_KEYS[key].some((k) => l.columns[k] === undefined)) return [];
    return readRows(key, grid, l, ctx, out);
  };
  const workbook: Workbook = {
    settings,
    objectives: rows("objectives") as unknown as Objective[],
    kpis: rows("kpis") as unknown as Kpi[],
    initiatives: rows("initiatives") as unknown as Initiative[],
    handoffs: rows("handoffs") as unknown as Handoff[],
    checkins: rows("checkins") as unknown as Checkin[],
    gateDecisions: rows("gateDecisions") as unknown as GateDecision[],
    layout,
  };
  fillAbsentColumns(workbook);
  localiseOwnName(workbook);
  return { workbook, issues: out.issues };
}

/** A hand-off naming this workbook's own initiative by its qualified ID (`support:INI-1` in support) names it plainly. */
function localiseOwnName(wb: Workbook): void {
  const own = wb.settings.workbook;
  if (own === null) return;
  // Workbook names are matched ignoring case, as people type them.
  const prefix = `${own.toLowerCase()}:`;
  for (const h of wb.handoffs as unknown as AnyRecord[])
    for (const key of ["from", "to"] as const) {
      const v = h[key];
      if (typeof v === "string" && v.slice(0, prefix.length).toLowerCase() === prefix)
        h[key] = v.slice(prefix.length);
    }
}

/** Records of a sheet that lacks an optional column still carry the key, as null. */
function fillAbsentColumns(wb: Workbook): void {
  const sheets: [SheetKey, readonly AnyRecord[]][] = [
    ["objectives", wb.objectives as unknown as AnyRecord[]],
    ["kpis", wb.kpis as unknown as AnyRecord[]],
    ["initiatives", wb.initiatives as unknown as AnyRecord[]],
    ["handoffs", wb.handoffs as unknown as AnyRecord[]],
    ["checkins", wb.checkins as unknown as AnyRecord[]],
    ["gateDecisions", wb.gateDecisions as unknown as AnyRecord[]],
  ];
  for (const [key, records] of sheets) {
    const absent = (COLUMNS[key] as readonly Column[]).filter(
      (c) => c.kind.type !== "computed" && wb.layout[key]?.columns[c.key] === undefined,
    );
    if (!absent.length) continue;
    for (const r of records) for (const c of absent) r[c.key] = null;
  }
}

/** Where a cell's issue points: its sheet, row, column header and A1 address (`col` 0-based). */
function cellAt(sheet: string, row: number, column: string, col: number) {
  return { sheet, row, column, cell: a1(row, col + 1) };
}
