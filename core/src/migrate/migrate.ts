/**
 * Migration: a foreign sheet becomes the Baton template, with nothing lost.
 *
 * The header row is found below any title block; every column is mapped to a field with a
 * confidence (or carried as the team's own column); values are normalised (status words, dates
 * in any order with ambiguous ones decided by the rest of the sheet, numbers with either
 * decimal mark, percentages in any form); the kind of tracker decides which template sheets the
 * rows fill; free-text dependencies become hand-offs between the right initiatives. Every
 * non-blank source row below the header appears once in the report, and the source grid is
 * only read.
 *
 * Baton never invents a value the source does not hold: a required cell the source left blank
 * stays blank (validation then names it), and the report says which. Values Baton derives by a
 * stated rule (a hand-off's Needed By from the waiting initiative's Start, its Owner from the
 * providing initiative) are documented in docs/MIGRATION.md.
 */
import { isBlank, isErrorValue, describeValue, type CellValue, type Grid } from "../cells/values.ts";
import { isoFromInstant, type IsoDate } from "../cells/dates.ts";
import { COLUMNS, type SheetKey, type Stage, type Rag, type HandoffState, type Direction } from "../template/sheets.ts";
import { formatPeriod, parsePeriod, periodOf, type Cadence } from "../template/periods.ts";
import type { TemplateContent } from "../template/write.ts";
import type { PlanValue } from "../ports/plan.ts";
import { unmerge, filled, textOf, letterOf, type MigrationSource } from "./source.ts";
import { findHeaderRow } from "./header.ts";
import { mapColumns, type ColumnInfo, type ColumnMapping } from "./mapping.ts";
import { profileColumn, type ColumnProfile } from "./profile.ts";
import { detectKind, type MigrationKind } from "./kinds.ts";
import { readDateCell, dateIn, type DateOrder, type DateReading } from "./dates.ts";
import { readNumber, readPercentParts, toFraction, denoise, type Decimal } from "./numbers.ts";
import { statusOf, raidTypeOf, responseOf, directionOf, handoffStateOf, isTotalLabel } from "./lookups.ts";
import { parseDependencyList, parseDependencyProse, type Dependency } from "./dependencies.ts";
import { RAID_OUTCOME, type FieldKey, type RaidType } from "./vocabulary.ts";
import { fold } from "./words.ts";
import type { MappingFile } from "./mapping-file.ts";
import type { Created, MigrationReport, MigrationWarning, RowReport } from "./report.ts";

export interface MigrateOptions {
  /** The day of the migration: status read from the sheet becomes a check-in for its period. */
  readonly asOf: IsoDate;
  /** The workbook's time zone (Settings), and the zone date cells given as instants are read in. */
  readonly timeZone?: string;
  /** Names the objective that holds rows with none of their own, when the sheet has no title. */
  readonly title?: string;
  /** Corrections: sheet, header row, kind, columns, date order, decimal mark. */
  readonly mapping?: MappingFile;
  /** Called every few thousand rows and at the end, for progress on large sheets. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Migration {
  readonly report: MigrationReport;
  /** The template's content, for `templatePlan`. */
  readonly content: TemplateContent;
  /** The mapping used, to write beside the output for correcting and re-running. */
  readonly mapping: MappingFile;
}

type Row = readonly CellValue[];
type Sheet = Exclude<SheetKey, "settings">;

interface Section {
  readonly r: number;
  readonly text: string;
  objective?: ObjectiveRec;
  items: number;
}

interface Item {
  readonly r: number;
  readonly row: Row;
  readonly ordinal: number;
  readonly indent: number;
  readonly section: Section | undefined;
  readonly report: RowReport;
  readonly notes: string[];
  parent?: Item;
  children: Item[];
  objective?: ObjectiveRec;
  initiative?: InitiativeRec;
  /** The objective this row itself became (a top-level summary, an OKR objective row). */
  asObjective?: ObjectiveRec;
}

interface ObjectiveRec {
  readonly id: string;
  readonly name: string;
  owner: string | null;
  targetDate: IsoDate | null;
  notes: string | null;
  readonly owners: Set<string>;
}

interface InitiativeRec {
  readonly id: string;
  readonly objective: ObjectiveRec;
  readonly name: string;
  readonly team: string | null;
  readonly owner: string | null;
  readonly start: IsoDate | null;
  readonly due: IsoDate | null;
  readonly stage: Stage | null;
  readonly item?: Item;
  readonly extras: Map<number, PlanValue>;
}

interface HandoffRec {
  readonly id: string;
  readonly from: InitiativeRec;
  readonly to: InitiativeRec;
  readonly deliverable: string;
  readonly neededBy: IsoDate | null;
  readonly committed: IsoDate | null;
  readonly delivered: IsoDate | null;
  readonly state: HandoffState | null;
  readonly owner: string | null;
  readonly extras: Map<number, PlanValue>;
}

const PROFILE_SAMPLE = 3000;
const PROGRESS_EVERY = 2000;
const TITLE_MAX = 120;

const USED_FIELDS: Readonly<Record<MigrationKind, ReadonlySet<FieldKey>>> = {
  initiatives: new Set(["objective", "name", "team", "owner", "start", "due", "stage", "rag", "progress", "dependsOn", "comment", "pathToGreen", "period"]),
  plan: new Set(["objective", "name", "team", "owner", "start", "due", "stage", "rag", "progress", "dependsOn", "comment", "pathToGreen", "period"]),
  okr: new Set(["objective", "name", "keyResult", "owner", "due", "unit", "baseline", "target", "actual", "direction", "comment", "period"]),
  raid: new Set(["objective", "name", "team", "owner", "start", "due", "stage", "rag", "progress", "dependsOn", "comment", "pathToGreen", "period", "type", "from", "to"]),
};
/** Fields kept in an extra column of their own (normalised where they can be): the source ID, a RAID type, a risk's numbers and response. */
const KEPT_FIELDS: ReadonlySet<FieldKey> = new Set(["id", "probability", "impact", "response", "type"]);

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;

/** Migrates one foreign sheet. Never throws on any cell value; bad arguments throw RangeError. */
export function migrate(source: MigrationSource, options: MigrateOptions): Migration {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new RangeError(`asOf must be an ISO date, got ${options.asOf}`);
  const zone = options.timeZone ?? "UTC";
  const file = options.mapping ?? {};
  const warnings: MigrationWarning[] = [];
  const warn = (code: string, message: string, rows?: readonly number[]) => warnings.push({ code, message, ...(rows?.length ? { rows: rows.slice(0, 50) } : {}) });

  const grid: Grid = unmerge(source);
  const headerIndex = file.headerRow !== undefined ? file.headerRow - 1 : findHeaderRow(grid);
  const created: Created = { objectives: 0, kpis: 0, initiatives: 0, handoffs: 0, checkins: 0 };
  const asOfPeriodWeekly = formatPeriod(periodOf(options.asOf, "Weekly"));

  if (headerIndex === undefined || headerIndex >= grid.length || filled(grid[headerIndex]) === 0) {
    if (headerIndex !== undefined && file.headerRow !== undefined) warn("no-header", `Row ${file.headerRow} of the mapping file is blank or beyond the sheet; nothing was imported.`);
    const rows: RowReport[] = [];
    if (headerIndex === undefined) warn("empty-sheet", `${source.sheet} has no values: nothing to import.`);
    else for (let r = 0; r < grid.length; r++) if (filled(grid[r]) > 0) rows.push({ sourceRow: r + 1, outcome: "rejected", reason: "no header row to read it by", ids: [] });
    const report: MigrationReport = { kind: file.kind ?? "initiatives", sheet: source.sheet, headerRow: null, mapping: [], rows, created, warnings };
    return { report, content: { settings: { timeZone: zone, cadence: "Weekly", currentPeriod: asOfPeriodWeekly } }, mapping: { version: 1, sheet: source.sheet } };
  }

  // ---- Title block: rows above the header say what the tracker is.
  const titleLines: string[] = [];
  for (let r = 0; r < headerIndex; r++) {
    const cells = (grid[r] ?? []).filter((v) => !isBlank(v) && !isErrorValue(v)).map((v) => textOf(v).trim());
    if (cells.length) titleLines.push(cells.join(" "));
  }
  if (titleLines.length) warn("title-block", `Rows 1-${headerIndex} above the header are the sheet's title block: ${titleLines.map((t) => `"${t.slice(0, 60)}"`).join(", ")}.`);

  // ---- Columns and structural rows.
  const header = grid[headerIndex]!;
  let width = header.length;
  for (let r = headerIndex + 1; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(textOf(header[c]).trim().replace(/\s+/g, " "));
  const foldedHeader = headers.map((h) => fold(h));
  const headerCells = foldedHeader.filter(Boolean).length;

  type Kind = "blank" | "data" | "section" | "header" | "total";
  const kinds: Kind[] = [];
  const counts: number[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) counts.push(filled(grid[r]));
  const dataCounts = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const typical = dataCounts[Math.floor(dataCounts.length / 2)] ?? 0;
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const k = counts[r - headerIndex - 1]!;
    if (k === 0) {
      kinds.push("blank");
      continue;
    }
    let same = 0;
    let first: CellValue = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (first === null) first = v;
      if (typeof v === "string" && foldedHeader[c] && Math.abs(v.length - headers[c]!.length) <= 4 && fold(v) === foldedHeader[c]) same++;
    }
    if (headerCells >= 2 && same >= Math.max(2, Math.ceil(headerCells * 0.8))) kinds.push("header");
    else if (typeof first === "string" && isTotalLabel(first) && k <= Math.max(2, typical)) kinds.push("total");
    else if (k === 1 && typical >= 3 && typeof first === "string" && !isErrorValue(first) && readDateCell(first, zone) === undefined && readNumber(first, "point") === undefined) kinds.push("section");
    else kinds.push("data");
  }
  const dataRows: number[] = [];
  kinds.forEach((k, i) => k === "data" && dataRows.push(headerIndex + 1 + i));

  const sampleStep = Math.max(1, Math.ceil(dataRows.length / PROFILE_SAMPLE));
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const values: CellValue[] = [];
    for (let i = 0; i < dataRows.length; i += sampleStep) values.push(grid[dataRows[i]!]![c]);
    columns.push({ index: c, letter: letterOf(c), header: headers[c]!, profile: profileColumn(values, zone) });
  }
  const nonEmpty = new Array<boolean>(width).fill(false);
  for (const r of dataRows) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) if (!nonEmpty[c] && !isBlank(row[c])) nonEmpty[c] = true;
  }

  // ---- Mapping: the file's decisions first, then detection.
  const fixed = new Map<number, FieldKey | null>();
  for (const m of file.columns ?? []) {
    const byHeader = columns.filter((c) => fold(c.header) === fold(m.column) && !fixed.has(c.index));
    const target = (m.letter ? byHeader.find((c) => c.letter === m.letter) : undefined) ?? byHeader[0] ?? (m.letter ? columns.find((c) => c.letter === m.letter) : undefined);
    if (target) fixed.set(target.index, m.field);
    else warn("mapping-column-missing", `The mapping file names a column "${m.column}"${m.letter ? ` (${m.letter})` : ""} that the sheet does not have; it is ignored.`);
  }
  const mapping: ColumnMapping[] = mapColumns(columns, fixed).map((m) => (nonEmpty[m.index] || fixed.has(m.index) ? m : { ...m, field: null, confidence: 0, by: null }));
  const colOf = new Map<FieldKey, number>();
  for (const m of mapping) if (m.field && nonEmpty[m.index] && !colOf.has(m.field)) colOf.set(m.field, m.index);
  const profiles = new Map<FieldKey, ColumnProfile>();
  for (const [f, c] of colOf) profiles.set(f, columns[c]!.profile);
  const kind: MigrationKind = file.kind ?? detectKind(profiles);
  const used = USED_FIELDS[kind];
  const label = (c: number) => headers[c] || `Column ${letterOf(c)}`;
  const fieldLabel = (f: FieldKey) => `${label(colOf.get(f)!)}`;

  for (const m of mapping)
    if (m.field && m.by === "position") warn("guessed-column", `Column "${label(m.index)}" was taken as ${m.field} from its values and place alone (confidence ${m.confidence}); correct it in the mapping file if that is wrong.`);
  if (!colOf.has("name") && !colOf.has("keyResult") && !(kind === "raid" && (colOf.has("from") || colOf.has("to"))))
    warn("no-name-column", colOf.has("id") ? `No column names the rows; each row is named by its ${fieldLabel("id")} value.` : "No column names the rows, and there is no ID column: rows cannot be imported until the mapping file names one (field \"name\").");

  // ---- Sheet-wide reading conventions.
  let comma = 0;
  let point = 0;
  for (const c of columns) {
    comma += c.profile.decimal.comma;
    point += c.profile.decimal.point;
  }
  const decimal: Decimal = file.decimal ?? (comma > point ? "comma" : "point");
  const other: Decimal = decimal === "comma" ? "point" : "comma";
  // The sheet's mark decides what is ambiguous (1,234); a value only the other mark can read (3.2 in a comma sheet) is read so.
  const percentParts = (v: CellValue) => readPercentParts(v, decimal) ?? readPercentParts(v, other);
  const numberOf = (v: CellValue) => readNumber(v, decimal) ?? readNumber(v, other);
  if (!file.decimal && comma > 0 && point > 0) warn("decimal-mixed", `Numbers are written with both decimal marks (${comma} with a comma, ${point} with a point); read with a ${decimal} as the decimal mark.`);

  const dateFields: FieldKey[] = ["start", "due", "period"];
  const readings = new Map<string, DateReading | undefined>();
  const readingOf = (v: CellValue): DateReading | undefined => {
    if (typeof v !== "string") return readDateCell(v, zone);
    const cached = readings.get(v);
    if (cached !== undefined || readings.has(v)) return cached;
    const d = readDateCell(v, zone);
    if (readings.size < 100000) readings.set(v, d);
    return d;
  };
  let dmyProof = 0;
  let mdyProof = 0;
  const proofRow: Record<DateOrder, number | undefined> = { dmy: undefined, mdy: undefined };
  for (const f of dateFields) {
    const c = colOf.get(f);
    if (c === undefined || !used.has(f)) continue;
    for (const r of dataRows) {
      const d = readingOf(grid[r]![c]);
      if (d && "fixed" in d && d.proves) {
        if (d.proves === "dmy") dmyProof++;
        else mdyProof++;
        proofRow[d.proves] ??= r + 1;
      }
    }
  }
  const dateOrder: DateOrder = file.dateOrder ?? (mdyProof > dmyProof ? "mdy" : "dmy");
  const ambiguous: number[] = [];
  let ambiguousCount = 0;
  let ambiguousExample = "";

  const percentPoints = new Map<number, boolean>();
  for (const f of ["progress", "probability", "impact"] as FieldKey[]) {
    const c = colOf.get(f);
    if (c === undefined) continue;
    let points = false;
    for (const r of dataRows) {
      const p = percentParts(grid[r]![c]);
      if (p && !p.sign && p.n > 1) {
        points = true;
        break;
      }
    }
    percentPoints.set(c, points);
  }

  // ---- Cell readers: each notes on the row what it could not read.
  const cell = (row: Row, f: FieldKey): CellValue => {
    const c = colOf.get(f);
    return c === undefined ? undefined : row[c];
  };
  const text = (item: Item, f: FieldKey): string | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    if (isErrorValue(v)) {
      item.notes.push(`${fieldLabel(f)} holds the error ${String(v)}; left blank`);
      return null;
    }
    if (v instanceof Date) return isoFromInstant(v, zone) ?? null;
    return textOf(v).trim().replace(/\s+/g, " ");
  };
  const date = (item: Item, f: FieldKey): IsoDate | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    const d = isErrorValue(v) ? undefined : readingOf(v);
    if (!d) {
      item.notes.push(`${fieldLabel(f)} ${describeValue(v)} is not a date; left blank`);
      return null;
    }
    if (!("fixed" in d)) {
      ambiguousCount++;
      if (ambiguous.length < 50) ambiguous.push(item.r + 1);
      if (!ambiguousExample) ambiguousExample = `${textOf(v).trim()} (row ${item.r + 1}, ${fieldLabel(f)})`;
    } else if (d.proves && d.proves !== dateOrder) item.notes.push(`${fieldLabel(f)} ${describeValue(v)} can only be read ${d.proves === "dmy" ? "day first" : "month first"}, unlike the rest of the sheet`);
    return dateIn(d, dateOrder);
  };
  const number = (item: Item, f: FieldKey): { n: number; percent: boolean } | null => {
    const v = cell(item.row, f);
    if (isBlank(v)) return null;
    const p = isErrorValue(v) ? undefined : percentParts(v);
    if (!p) {
      item.notes.push(`${fieldLabel(f)} ${describeValue(v)} is not a number; left blank`);
      return null;
    }
    return { n: denoise(p.n), percent: p.sign };
  };
  const fraction = (item: Item, f: FieldKey): number | null => {
    const c = colOf.get(f);
    const v = cell(item.row, f);
    if (c === undefined || isBlank(v)) return null;
    const p = isErrorValue(v) ? undefined : percentParts(v);
    const x = p ? toFraction(p, percentPoints.get(c) ?? false) : undefined;
    if (x === undefined || x < 0 || x > 1) {
      item.notes.push(`${fieldLabel(f)} ${describeValue(v)} is not a percentage from 0% to 100%; left blank`);
      return null;
    }
    return x;
  };
  const status = (item: Item): { stage: Stage | null; rag: Rag | null } => {
    let stage: Stage | null = null;
    let rag: Rag | null = null;
    const s = text(item, "stage");
    if (s) {
      const m = statusOf(s, true);
      if (m) {
        stage = m.stage ?? null;
        rag = m.rag ?? null;
      } else item.notes.push(`${fieldLabel("stage")} "${s.slice(0, 40)}" is not a status Baton knows; Stage left blank`);
    }
    const g = text(item, "rag");
    if (g) {
      const m = statusOf(g, true);
      if (m?.rag) {
        rag = m.rag;
        stage ??= m.stage ?? null;
      } else if (m?.stage && !stage) stage = m.stage;
      else item.notes.push(`${fieldLabel("rag")} "${g.slice(0, 40)}" is not Green, Amber or Red; no RAG read`);
    }
    return { stage, rag };
  };
  let monthly = 0;
  let weekly = 0;
  const periodOfItem = (item: Item): string | null => {
    const v = cell(item.row, "period");
    if (isBlank(v)) return null;
    if (typeof v === "string") {
      const p = parsePeriod(v.trim());
      if (p) return formatPeriod(p);
      const wk = /(?:week|wk|kw|woche|semaine|semana|w)\s*(\d{1,2})(?:\D+(\d{4}))?/i.exec(v);
      if (wk) {
        const year = wk[2] ?? options.asOf.slice(0, 4);
        const p2 = parsePeriod(`${year}-W${wk[1]!.padStart(2, "0")}`);
        if (p2) return formatPeriod(p2);
      }
    }
    const d = date(item, "period");
    return d ? formatPeriod(periodOf(d, "Weekly")) : null;
  };

  // ---- Rows: sections, items, hierarchy.
  const reports: RowReport[] = [];
  const items: Item[] = [];
  const sections: Section[] = [];
  let section: Section | undefined;
  const total = kinds.length;
  const nameCol = colOf.get("name");
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    const r = headerIndex + 1 + i;
    if (options.onProgress && i % PROGRESS_EVERY === 0 && i > 0) options.onProgress(i, total);
    if (k === "blank") continue;
    const report: RowReport = { sourceRow: r + 1, outcome: "skipped", reason: "", ids: [] };
    reports.push(report);
    const row = grid[r]!;
    if (k === "header") report.reason = "repeats the header row";
    else if (k === "total") report.reason = `a total row ("${textOf(row.find((v) => !isBlank(v))).trim().slice(0, 40)}")`;
    else if (k === "section") {
      section = { r, text: textOf(row.find((v) => !isBlank(v))).trim(), items: 0 };
      sections.push(section);
      report.reason = "section heading";
    } else {
      const rawName = nameCol === undefined ? undefined : row[nameCol];
      const indent = typeof rawName === "string" ? indentOf(rawName) : 0;
      const item: Item = { r, row, ordinal: items.length + 1, indent, section, report, notes: [], children: [] };
      if (section) section.items++;
      items.push(item);
    }
  }
  const sectionReports = new Map<number, RowReport>();
  for (const rep of reports) sectionReports.set(rep.sourceRow - 1, rep);

  const hierarchical = (kind === "initiatives" || kind === "plan") && items.some((it) => it.indent > 0) && items.some((it) => it.indent === 0);
  if (hierarchical) {
    let stack: Item[] = [];
    let lastSection: Section | undefined;
    for (const it of items) {
      if (it.section !== lastSection) {
        stack = [];
        lastSection = it.section;
      }
      while (stack.length && stack[stack.length - 1]!.indent >= it.indent) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        it.parent = parent;
        parent.children.push(it);
      }
      stack.push(it);
    }
  }

  // ---- Objectives.
  const objectives: ObjectiveRec[] = [];
  const objectiveByKey = new Map<string, ObjectiveRec>();
  const newObjective = (name: string): ObjectiveRec => {
    const o: ObjectiveRec = { id: `OBJ-${objectives.length + 1}`, name, owner: null, targetDate: null, notes: null, owners: new Set() };
    objectives.push(o);
    return o;
  };
  const objectiveNamed = (name: string): ObjectiveRec => {
    const key = fold(name) || name;
    let o = objectiveByKey.get(key);
    if (!o) {
      o = newObjective(name);
      objectiveByKey.set(key, o);
    }
    return o;
  };
  let fallback: ObjectiveRec | undefined;
  const defaultTitle = (titleLines[0]?.slice(0, TITLE_MAX) || options.title || source.sheet).trim() || source.sheet;
  const defaultObjective = () => (fallback ??= objectiveNamed(defaultTitle));

  let filledDown = 0;
  const filledRows: number[] = [];
  let lastObjective: { name: string; section: Section | undefined } | undefined;
  const objectiveText = (item: Item): string | null => {
    const own = text(item, "objective");
    if (own) {
      lastObjective = { name: own, section: item.section };
      return own;
    }
    // A grouped list names its objective once, on the first of its rows.
    if (lastObjective && lastObjective.section === item.section && colOf.has("objective")) {
      filledDown++;
      if (filledRows.length < 50) filledRows.push(item.r + 1);
      return lastObjective.name;
    }
    return null;
  };
  const top = (it: Item): Item => {
    let t = it;
    while (t.parent) t = t.parent;
    return t;
  };
  const sectionObjective = (s: Section): ObjectiveRec => {
    if (!s.objective) {
      s.objective = objectiveNamed(s.text);
      const rep = sectionReports.get(s.r)!;
      rep.outcome = "imported";
      rep.reason = `section heading: objective ${s.objective.id}`;
      rep.ids.push(s.objective.id);
    }
    return s.objective;
  };
  const objectiveFor = (it: Item): ObjectiveRec => {
    const named = objectiveText(it);
    if (named) return objectiveNamed(named);
    const t = top(it);
    if (t !== it && t.asObjective) return t.asObjective;
    if (it.section) return sectionObjective(it.section);
    return defaultObjective();
  };

  // ---- Carried columns: every non-empty column no field of this kind takes.
  const carried: number[] = [];
  const keptAs = new Map<number, FieldKey>();
  for (const m of mapping) {
    if (!nonEmpty[m.index]) continue;
    if (m.field && KEPT_FIELDS.has(m.field)) {
      carried.push(m.index);
      keptAs.set(m.index, m.field);
    } else if (!m.field || !used.has(m.field) || colOf.get(m.field) !== m.index) carried.push(m.index);
  }
  const unusedMapped = mapping.filter((m) => m.field && !KEPT_FIELDS.has(m.field) && nonEmpty[m.index] && !used.has(m.field));
  if (unusedMapped.length)
    warn("carried-columns", `A ${kind} sheet has no place for ${unusedMapped.map((m) => `"${label(m.index)}" (${m.field})`).join(", ")}; they are kept as extra columns.`);
  const numericText = new Map<number, boolean>();
  for (const c of carried) {
    let all = true;
    let any = false;
    for (const r of dataRows) {
      const v = grid[r]![c];
      if (isBlank(v)) continue;
      if (typeof v === "number") continue;
      if (typeof v !== "string" || numberOf(v) === undefined) {
        all = false;
        break;
      }
      any = true;
    }
    numericText.set(c, all && any);
  }
  /** Mapped columns whose values some rows could not place (progress without a RAG), kept as extras there. */
  const demoted = new Set<number>();
  const extrasOf = (item: Item): Map<number, PlanValue> => {
    const out = new Map<number, PlanValue>();
    for (const c of carried) {
      const v = item.row[c];
      if (isBlank(v)) continue;
      const kept = keptAs.get(c);
      if (kept === "probability" || kept === "impact") {
        const p = percentParts(v);
        out.set(c, p ? toFraction(p, percentPoints.get(c) ?? false) : textOf(v));
      } else if (kept === "response" && typeof v === "string") out.set(c, responseOf(v) ?? v);
      else out.set(c, plainOf(v, numericText.get(c) ?? false, numberOf, zone));
    }
    return out;
  };

  // ---- Records.
  const initiatives: InitiativeRec[] = [];
  const initiativeByName = new Map<string, InitiativeRec>();
  const kpis: PlanValue[][] = [];
  const kpiExtras: Map<number, PlanValue>[] = [];
  const checkins: PlanValue[][] = [];
  const handoffs: HandoffRec[] = [];
  const handoffKeys = new Set<string>();
  const initiativeIds = initiativeIdPlan(items, colOf.get("id"));
  let nextIni = 1;
  const takeIniId = (item?: Item): string => {
    const kept = item ? initiativeIds?.get(item) : undefined;
    if (kept) return kept;
    while (initiativeIds?.used.has(String(nextIni))) nextIni++;
    return `INI-${nextIni++}`;
  };
  const pendingDeps: { item: Item; deps: Dependency[] }[] = [];

  const addCheckin = (item: Item, id: string, values: { rag?: Rag | null; progress?: number | null; actual?: number | null; comment?: string | null; pathToGreen?: string | null }) => {
    const period = periodOfItem(item) ?? asOfPeriodWeekly;
    if (/^\d{4}-\d{2}$/.test(period)) monthly++;
    else weekly++;
    checkins.push([period, id, values.rag ?? null, values.progress ?? null, values.actual ?? null, values.comment ?? null, values.pathToGreen ?? null, null, null, null]);
    created.checkins++;
    return period;
  };

  const makeInitiative = (item: Item, name: string, objective: ObjectiveRec, extraNotes: string[] = []): InitiativeRec => {
    const { stage: st, rag } = status(item);
    const progress = fraction(item, "progress");
    let stage = st;
    if (!stage && rag) stage = "In progress";
    if (!stage && progress !== null && !colOf.has("stage")) stage = progress >= 1 ? "Done" : progress === 0 ? "Not started" : "In progress";
    const owner = normaliseOwner(text(item, "owner"));
    const ini: InitiativeRec = {
      id: takeIniId(item),
      objective,
      name,
      team: text(item, "team"),
      owner,
      start: date(item, "start"),
      due: date(item, "due"),
      stage,
      item,
      extras: extrasOf(item),
    };
    if (owner) objective.owners.add(owner);
    initiatives.push(ini);
    if (kind === "raid" && !initiativeByName.has(fold(name))) initiativeByName.set(fold(name), ini);
    created.initiatives++;
    item.initiative = ini;
    item.report.outcome = "imported";
    item.report.ids.push(ini.id);
    const said = [`initiative ${ini.id}${objective ? ` under ${objective.id}` : ""}`, ...extraNotes];
    const comment = text(item, "comment");
    const pathToGreen = text(item, "pathToGreen");
    if (rag) {
      const period = addCheckin(item, ini.id, { rag, progress, comment, pathToGreen });
      said.push(`a ${rag} check-in for ${period}`);
    } else if (progress !== null || comment || pathToGreen) {
      // A check-in needs a RAG; without one the values stay on the row, in extra columns.
      for (const f of ["progress", "comment", "pathToGreen"] as FieldKey[]) {
        const c = colOf.get(f);
        if (c !== undefined && !isBlank(item.row[c])) {
          ini.extras.set(c, f === "progress" ? (progress ?? textOf(item.row[c])) : textOf(item.row[c]).trim());
          demoted.add(c);
        }
      }
      said.push("no RAG, so no check-in: progress and comment kept in extra columns");
    }
    const deps: Dependency[] = [];
    const depText = text(item, "dependsOn");
    if (depText) deps.push(...parseDependencyList(depText));
    if (comment) deps.push(...parseDependencyProse(comment));
    if (deps.length) pendingDeps.push({ item, deps });
    item.report.reason = said.join("; ");
    return ini;
  };

  const nameOf = (item: Item, f: FieldKey = "name"): string | null => {
    const own = text(item, f);
    if (own) return own;
    if (f === "name" && !colOf.has("name") && !colOf.has("keyResult")) return text(item, "id");
    return null;
  };

  const reject = (item: Item, why: string) => {
    item.report.outcome = "rejected";
    item.report.reason = why;
  };

  // Top-level summaries become objectives before their tasks need them.
  if (hierarchical)
    for (const it of items)
      if (!it.parent && it.children.length && !colOf.has("objective")) {
        const name = nameOf(it);
        if (!name) continue;
        const o = objectiveNamed(name);
        o.owner ??= normaliseOwner(text(it, "owner"));
        o.targetDate ??= date(it, "due");
        it.asObjective = o;
        it.report.outcome = "imported";
        it.report.ids.push(o.id);
        it.report.reason = `a summary task over ${plural(countLeaves(it), "task")}: objective ${o.id}`;
      }

  const raidTypeCol = colOf.get("type");
  const parties = new Map<string, InitiativeRec>();
  const partyInitiative = (name: string, item: Item): InitiativeRec => {
    const key = fold(name);
    const existing = initiativeByName.get(key) ?? parties.get(key);
    if (existing) return existing;
    const o = item.objective ?? defaultObjective();
    const ini: InitiativeRec = { id: takeIniId(), objective: o, name, team: null, owner: null, start: null, due: null, stage: null, extras: new Map() };
    initiatives.push(ini);
    parties.set(key, ini);
    created.initiatives++;
    return ini;
  };
  const raidDependencies: Item[] = [];

  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.asObjective) continue;
    if (kind === "okr") {
      const krName = colOf.has("keyResult") ? text(it, "keyResult") : nameOf(it);
      const objText = objectiveText(it);
      if (!krName) {
        if (objText) {
          const o = objectiveNamed(objText);
          o.owner ??= normaliseOwner(text(it, "owner"));
          o.targetDate ??= date(it, "due");
          it.report.outcome = "imported";
          it.report.ids.push(o.id);
          it.report.reason = `an objective row: objective ${o.id}`;
        } else reject(it, `no key result: ${colOf.has("keyResult") ? fieldLabel("keyResult") : "the name"} is blank`);
        continue;
      }
      const o = objText ? objectiveNamed(objText) : it.section ? sectionObjective(it.section) : defaultObjective();
      it.objective = o;
      addKpi(it, krName, o);
      continue;
    }
    if (hierarchical && it.children.length) {
      const leaves = countLeaves(it);
      it.report.outcome = "skipped";
      it.report.reason = `a summary task over ${plural(leaves, "task")}; its name leads theirs`;
      continue;
    }
    let raidType: RaidType | undefined;
    if (kind === "raid") {
      if (raidTypeCol !== undefined) {
        const t = text(it, "type");
        raidType = t ? raidTypeOf(t) : undefined;
        if (!raidType) {
          reject(it, t ? `type "${t.slice(0, 30)}" is not a risk, assumption, issue, dependency, action or decision` : `${fieldLabel("type")} is blank: not known whether this is a risk, an issue or a dependency`);
          continue;
        }
      } else raidType = "risk";
      const outcome = RAID_OUTCOME[raidType];
      if (outcome === "skip") {
        it.report.outcome = "skipped";
        it.report.reason = `${raidType === "assumption" ? "an assumption" : "a decision"}: the template has no sheet for ${raidType}s (the row stays in the source)`;
        continue;
      }
      if (outcome === "handoff") {
        it.objective = colOf.has("objective") || it.section ? objectiveFor(it) : undefined;
        raidDependencies.push(it);
        continue;
      }
    }
    const own = nameOf(it);
    if (!own) {
      const what = filledSummary(it.row, headers);
      reject(it, `nothing names this row (${colOf.has("name") ? `${fieldLabel("name")} is blank` : "no name column"}): ${what}`);
      continue;
    }
    const name = stripIndent(own);
    const prefix: string[] = [];
    for (let p = it.parent; p; p = p.parent) if (!p.asObjective) prefix.unshift(stripIndent(nameOf(p) ?? ""));
    const objective = objectiveFor(it);
    it.objective = objective;
    makeInitiative(it, [...prefix.filter(Boolean), name].join(": "), objective, raidType && raidType !== "risk" ? [`from a RAID ${raidType}`] : []);
  }

  function addKpi(it: Item, name: string, o: ObjectiveRec): void {
    const id = `KPI-${kpis.length + 1}`;
    const baseline = number(it, "baseline");
    const target = number(it, "target");
    const actual = number(it, "actual");
    let unit = text(it, "unit");
    if (!unit && (baseline?.percent || target?.percent || actual?.percent)) unit = "%";
    let direction: Direction | null = null;
    const dirText = text(it, "direction");
    if (dirText) {
      direction = directionOf(dirText) ?? null;
      if (!direction) it.notes.push(`${fieldLabel("direction")} "${dirText.slice(0, 30)}" is not Increase or Decrease`);
    }
    if (!direction && baseline && target) {
      if (target.n > baseline.n) direction = "Increase";
      else if (target.n < baseline.n) direction = "Decrease";
      else it.notes.push("Baseline equals Target, so no Direction can be told");
    }
    const owner = normaliseOwner(text(it, "owner"));
    if (owner) o.owners.add(owner);
    kpis.push([id, o.id, name, unit, direction, baseline?.n ?? null, target?.n ?? null, date(it, "due"), owner, null, null, null]);
    kpiExtras.push(extrasOf(it));
    created.kpis++;
    it.report.outcome = "imported";
    it.report.ids.push(id);
    const said = [`KPI ${id} under ${o.id}`];
    if (!dirText && direction) said.push(`Direction ${direction} from Baseline and Target`);
    if (actual) {
      const period = addCheckin(it, id, { actual: actual.n, comment: text(it, "comment") });
      said.push(`an Actual of ${actual.n} for ${period}`);
    }
    it.report.reason = said.join("; ");
  }

  // ---- RAID dependencies: who provides and who waits, found or created by name.
  for (const it of raidDependencies) {
    const deliverable = nameOf(it) ?? text(it, "comment");
    let fromName = text(it, "from");
    let toName = text(it, "to");
    if (!fromName && deliverable) {
      const parsed = parseDependencyProse(deliverable).find((d) => d.ref.kind === "name");
      if (parsed && parsed.ref.kind === "name") fromName = parsed.ref.name;
    }
    if (!fromName || !toName) {
      reject(it, `a dependency needs who provides it and who waits for it: ${!fromName ? "no provider" : "no one waiting"} (${filledSummary(it.row, headers)})`);
      continue;
    }
    const from = partyInitiative(fromName, it);
    const to = partyInitiative(toName, it);
    if (from === to) {
      reject(it, `a dependency of "${fromName}" on itself`);
      continue;
    }
    const stateText = text(it, "stage");
    const state = stateText ? (handoffStateOf(stateText) ?? null) : "Requested";
    if (stateText && !state) it.notes.push(`${fieldLabel("stage")} "${stateText.slice(0, 30)}" is not a hand-off state; State left blank`);
    const id = `DEP-${handoffs.length + 1}`;
    handoffs.push({ id, from, to, deliverable: deliverable ?? `Dependency of ${to.name} on ${from.name}`, neededBy: date(it, "due"), committed: null, delivered: null, state, owner: normaliseOwner(text(it, "owner")), extras: extrasOf(it) });
    handoffKeys.add(`${from.id}>${to.id}`);
    created.handoffs++;
    it.report.outcome = "imported";
    for (const x of [from, to]) if (!it.report.ids.includes(x.id) && parties.get(fold(x.name)) === x) it.report.ids.push(x.id);
    it.report.ids.unshift(id);
    it.report.reason = `hand-off ${id} from ${from.id} (${from.name}) to ${to.id} (${to.name})`;
  }

  // ---- Free-text dependencies between imported rows.
  resolveDependencies();

  function resolveDependencies(): void {
    if (!pendingDeps.length) return;
    const idCol = colOf.get("id");
    const bySourceId = new Map<string, Item>();
    const byNumber = new Map<number, Item>();
    for (const it of items) {
      if (idCol !== undefined) {
        const v = it.row[idCol];
        if (isBlank(v)) continue;
        const t = textOf(v).trim();
        bySourceId.set(fold(t), it);
        const num = /^#?\s*0*(\d+)$/.exec(t);
        if (num) byNumber.set(Number(num[1]), it);
      } else byNumber.set(it.ordinal, it);
    }
    const byTemplateId = new Map<string, InitiativeRec>();
    for (const ini of initiatives) byTemplateId.set(ini.id.toLowerCase(), ini);
    // Names are indexed only when some dependency names a row: folding 50k names costs.
    let names: Map<string, InitiativeRec[]> | undefined;
    const byName = () => {
      if (names) return names;
      names = new Map();
      for (const ini of initiatives)
        for (const key of new Set([fold(ini.name), ini.item ? fold(stripIndent(textOf(cell(ini.item.row, "name")))) : ""])) {
          if (!key) continue;
          const list = names.get(key) ?? [];
          list.push(ini);
          names.set(key, list);
        }
      return names;
    };
    const unresolved: number[] = [];
    for (const { item, deps } of pendingDeps) {
      const to = item.initiative!;
      for (const dep of deps) {
        let target: Item | undefined;
        let ini: InitiativeRec | undefined;
        const ref = dep.ref;
        if (ref.kind === "number") target = byNumber.get(ref.n);
        else if (ref.kind === "id") {
          target = bySourceId.get(fold(ref.id));
          ini = target ? undefined : byTemplateId.get(ref.id.toLowerCase().replace(/\s+/g, ""));
          if (!target && !ini) {
            const digits = /(\d+)$/.exec(ref.id);
            if (digits && idCol === undefined && /^(row|item|task|line|#)/i.test(ref.id)) target = byNumber.get(Number(digits[1]));
          }
        } else {
          const exact = byName().get(fold(ref.name));
          if (exact?.length === 1) ini = exact[0];
          else if (!exact && !dep.weak) {
            const key = fold(ref.name);
            const near = key.length >= 4 ? initiatives.filter((i) => fold(i.name).includes(key)) : [];
            if (near.length === 1) ini = near[0];
          }
        }
        ini ??= target?.initiative;
        if (!ini) {
          if (dep.weak && ref.kind === "name") continue;
          const why = target?.asObjective ? `refers to the summary row ${target.r + 1}, not a task` : target ? `refers to row ${target.r + 1}, which was not imported as an initiative` : "matches no imported row";
          item.notes.push(`dependency "${dep.text.slice(0, 40)}" ${why}; no hand-off`);
          unresolved.push(item.r + 1);
          continue;
        }
        if (ini === to) {
          item.notes.push(`dependency "${dep.text.slice(0, 40)}" is the row itself; no hand-off`);
          continue;
        }
        const key = `${ini.id}>${to.id}`;
        if (handoffKeys.has(key)) continue;
        handoffKeys.add(key);
        const id = `DEP-${handoffs.length + 1}`;
        const committed = ini.due;
        const state: HandoffState = ini.stage === "Done" ? "Delivered" : committed ? "Accepted" : "Requested";
        const linkNote = dep.link && dep.link !== "finish-to-start" ? ` (${dep.link})` : "";
        handoffs.push({
          id,
          from: ini,
          to,
          deliverable: dep.deliverable ?? `${ini.name}${linkNote}`,
          neededBy: to.start ?? to.due,
          committed,
          delivered: null,
          state,
          owner: ini.owner,
          extras: new Map(),
        });
        created.handoffs++;
        item.report.ids.push(id);
        item.notes.unshift(`hand-off ${id} from ${ini.id}`);
      }
    }
    if (unresolved.length) warn("unresolved-dependency", `${plural(unresolved.length, "dependency", "dependencies")} matched no imported row and became no hand-off; see the rows' reasons.`, [...new Set(unresolved)]);
  }

  // ---- Objectives: an owner shared by all their rows is theirs.
  for (const o of objectives) if (!o.owner && o.owners.size === 1) o.owner = [...o.owners][0]!;
  if (fallback) {
    const n = initiatives.filter((i) => i.objective === fallback).length + kpis.filter((k) => k[1] === fallback!.id).length;
    warn("default-objective", `${plural(n, "row")} with no objective of their own are under ${fallback.id} "${fallback.name}"${titleLines[0] ? ", named after the sheet's title" : ""}.`);
  }
  if (filledDown) warn("objective-filled-down", `${plural(filledDown, "row")} with a blank ${fieldLabel("objective")} took the objective of the row above, as in a grouped list.`, filledRows);
  for (const s of sections) {
    if (s.objective) continue;
    const rep = sectionReports.get(s.r)!;
    rep.reason = s.items ? `section heading "${s.text.slice(0, 40)}"; its rows have objectives of their own` : `a note with no rows under it: "${s.text.slice(0, 60)}"`;
  }
  if (ambiguousCount)
    warn(
      "ambiguous-dates",
      `${plural(ambiguousCount, "date")} such as ${ambiguousExample} could be day/month or month/day; read ${dateOrder === "dmy" ? "day first" : "month first"} ` +
        (file.dateOrder
          ? "as the mapping file says."
          : dmyProof + mdyProof
            ? `because ${plural(dateOrder === "dmy" ? dmyProof : mdyProof, "date")} in the sheet can only be read so (first in row ${proofRow[dateOrder]})${dmyProof && mdyProof ? `, against ${dateOrder === "dmy" ? mdyProof : dmyProof} the other way` : ""}.`
            : `for want of any date that decides it; set "dateOrder": "mdy" in the mapping file if they are month first.`),
      ambiguous,
    );

  // ---- Finish row reasons.
  for (const it of items) {
    if (!it.notes.length) continue;
    it.report.reason = [it.report.reason, ...it.notes].filter(Boolean).join("; ");
  }
  reports.sort((a, b) => a.sourceRow - b.sourceRow);
  options.onProgress?.(total, total);

  // ---- Content.
  const cadence: Cadence = monthly > weekly ? "Monthly" : "Weekly";
  const currentPeriod = cadence === "Monthly" ? formatPeriod(periodOf(options.asOf, "Monthly")) : asOfPeriodWeekly;
  if (cadence === "Monthly" && weekly) warn("mixed-periods", `Check-ins have both weekly and monthly periods; the workbook's cadence is Monthly and validation will name the weekly ones.`);
  const extraSheets: Partial<Record<Sheet, number[]>> = {};
  const extraHeader = (sheet: Sheet, cols: number[]): string[] => {
    const taken = new Set((COLUMNS[sheet] as readonly { header: string }[]).map((c) => fold(c.header)));
    return cols.map((c) => {
      const kept = keptAs.get(c);
      let h = kept === "id" ? `Source ${label(c)}` : label(c);
      if (kept === "response" && !fold(h).includes("response")) h = `${h} (response)`;
      let candidate = h;
      for (let k = 2; taken.has(fold(candidate)); k++) candidate = `${h} (source${k > 2 ? ` ${k - 1}` : ""})`;
      taken.add(fold(candidate));
      return candidate;
    });
  };
  const withExtras = (sheet: Sheet, rows: { values: PlanValue[]; extras: Map<number, PlanValue> }[]): PlanValue[][] => {
    const cols = [...new Set([...carried, ...demoted])].filter((c) => rows.some((r) => r.extras.has(c))).sort((a, b) => a - b);
    if (cols.length) extraSheets[sheet] = cols;
    return rows.map((r) => [...r.values, ...cols.map((c) => r.extras.get(c) ?? null)]);
  };
  const iniRows = withExtras(
    "initiatives",
    initiatives.map((i) => ({ values: [i.id, i.objective.id, i.name, i.team, i.owner, i.start, i.due, i.stage, null, null, null], extras: i.extras })),
  );
  const kpiRows = withExtras("kpis", kpis.map((values, i) => ({ values, extras: kpiExtras[i]! })));
  const depRows = withExtras(
    "handoffs",
    handoffs.map((h) => ({ values: [h.id, h.from.id, h.to.id, h.deliverable, h.neededBy, h.committed, h.delivered, h.state, h.owner, null, null, null], extras: h.extras })),
  );
  created.objectives = objectives.length;
  const extraColumns: Partial<Record<Sheet, string[]>> = {};
  for (const s of Object.keys(extraSheets) as Sheet[]) extraColumns[s] = extraHeader(s, extraSheets[s]!);
  const content: TemplateContent = {
    settings: { timeZone: zone, cadence, currentPeriod },
    objectives: objectives.map((o) => [o.id, o.name, o.owner, o.targetDate, o.notes, null, null]),
    kpis: kpiRows,
    initiatives: iniRows,
    handoffs: depRows,
    checkins,
    ...(Object.keys(extraColumns).length ? { extraColumns } : {}),
  };

  const report: MigrationReport = {
    kind,
    sheet: source.sheet,
    headerRow: headerIndex + 1,
    mapping: mapping.filter((m) => nonEmpty[m.index] || m.field).map((m) => ({ column: label(m.index), field: m.field, confidence: m.confidence })),
    rows: reports,
    created,
    warnings,
  };
  const used_: MappingFile = {
    version: 1,
    sheet: source.sheet,
    headerRow: headerIndex + 1,
    kind,
    dateOrder,
    decimal,
    columns: mapping.filter((m) => nonEmpty[m.index] || m.field).map((m) => ({ column: m.header, letter: m.letter, field: m.field, confidence: m.confidence, by: m.by })),
  };
  return { report, content, mapping: used_ };
}

/** Leading spaces of a name (a tab counts four): the only hierarchy some plans have. */
function indentOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === " " || ch === "\u00a0") n++;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

function stripIndent(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

function countLeaves(it: Item): number {
  if (!it.children.length) return 1;
  let n = 0;
  for (const c of it.children) n += countLeaves(c);
  return n;
}

/** "Charley,Bex" and "Arun ; Bex" read as "Charley, Bex". */
function normaliseOwner(owner: string | null): string | null {
  if (!owner) return owner;
  return owner
    .split(/\s*[,;/&]\s*|\s+and\s+/)
    .filter(Boolean)
    .join(", ");
}

/** A short rendering of a row's cells for a rejection reason. */
function filledSummary(row: Row, headers: readonly string[]): string {
  const parts: string[] = [];
  for (let c = 0; c < row.length && parts.length < 4; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    parts.push(`${headers[c] || letterOf(c)}=${describeValue(v, 30)}`);
  }
  return parts.length ? parts.join(", ") : "no values";
}

/** A carried cell as a value to write: numbers stay numbers (numeric text too, float noise gone), dates ISO text. */
function plainOf(v: CellValue, numeric: boolean, numberOf: (v: CellValue) => number | undefined, zone: string): PlanValue {
  if (v instanceof Date) return isoFromInstant(v, zone) ?? null;
  if (typeof v === "number") return Number.isFinite(v) ? denoise(v) : null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    if (numeric) {
      const n = numberOf(v);
      if (n !== undefined) return n;
    }
    return v;
  }
  return null;
}

/**
 * Keeps the source's numbers as initiative IDs (row 4 becomes INI-4) when every row that
 * becomes an initiative has a plain, unique number, so "#4" and INI-4 name the same thing.
 */
function initiativeIdPlan(items: readonly Item[], idCol: number | undefined): (Map<Item, string> & { used: Set<string> }) | undefined {
  if (idCol === undefined) return undefined;
  const map = new Map<Item, string>() as Map<Item, string> & { used: Set<string> };
  map.used = new Set();
  for (const it of items) {
    const v = it.row[idCol];
    const t = textOf(v).trim();
    const m = /^(?:#|INI-)?0*(\d{1,9})$/i.exec(t);
    if (!m) return undefined;
    if (map.used.has(m[1]!)) return undefined;
    map.used.add(m[1]!);
    map.set(it, `INI-${m[1]}`);
  }
  return map;
}
