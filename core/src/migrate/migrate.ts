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
 * stated rule are listed in docs/MIGRATION.md.
 */
import { isBlank, type CellValue, type Grid } from "../cells/values.ts";
import type { IsoDate } from "../cells/dates.ts";
import type { Direction, Rag } from "../template/sheets.ts";
import { formatPeriod, periodOf, type Cadence } from "../template/periods.ts";
import type { TemplateContent } from "../template/write.ts";
import type { PlanValue } from "../ports/plan.ts";
import { unmerge, filled, textOf, letterOf, type MigrationSource } from "./source.ts";
import { findHeaderRow } from "./header.ts";
import { mapColumns, type ColumnInfo, type ColumnMapping } from "./mapping.ts";
import { profileColumn, type ColumnProfile } from "./profile.ts";
import { detectKind, type MigrationKind } from "./kinds.ts";
import { toFraction } from "./numbers.ts";
import { raidTypeOf, responseOf, directionOf, handoffStateOf } from "./lookups.ts";
import { parseDependencyList, parseDependencyProse, type Dependency } from "./dependencies.ts";
import { RAID_OUTCOME, type FieldKey, type RaidType } from "./vocabulary.ts";
import { fold } from "./words.ts";
import { layoutOf, indentOf, stripIndent, linkHierarchy, filledSummary } from "./layout.ts";
import { conventionsOf } from "./conventions.ts";
import { cellReader, normaliseOwner, plainOf } from "./cells.ts";
import { linkDependencies } from "./links.ts";
import { contentOf } from "./content.ts";
import {
  countLeaves,
  initiativeIds,
  topOf,
  type HandoffRec,
  type InitiativeRec,
  type Item,
  type ObjectiveRec,
  type Section,
} from "./model.ts";
import type { MappingFile } from "./mapping-file.ts";
import type { Created, MigrationReport, MigrationWarning, RowReport } from "./report.ts";
import { plural } from "../text/plural.ts";

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

const PROFILE_SAMPLE = 3000;
const PROGRESS_EVERY = 2000;
const TITLE_MAX = 120;

const INITIATIVE_FIELDS: readonly FieldKey[] = [
  "objective",
  "name",
  "team",
  "owner",
  "start",
  "due",
  "stage",
  "rag",
  "progress",
  "dependsOn",
  "comment",
  "pathToGreen",
  "period",
];
const USED_FIELDS: Readonly<Record<MigrationKind, ReadonlySet<FieldKey>>> = {
  initiatives: new Set(INITIATIVE_FIELDS),
  plan: new Set(INITIATIVE_FIELDS),
  okr: new Set([
    "objective",
    "name",
    "keyResult",
    "owner",
    "due",
    "unit",
    "baseline",
    "target",
    "actual",
    "direction",
    "comment",
    "period",
  ]),
  raid: new Set([...INITIATIVE_FIELDS, "type", "from", "to"]),
};
/** Fields kept in an extra column of their own (normalised where they can be): the source ID, a RAID type, a risk's numbers and response. */
const KEPT_FIELDS: ReadonlySet<FieldKey> = new Set([
  "id",
  "probability",
  "impact",
  "response",
  "type",
]);

/** Migrates one foreign sheet. Never throws on any cell value; bad arguments throw RangeError. */
export function migrate(source: MigrationSource, options: MigrateOptions): Migration {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new RangeError(`asOf must be an ISO date, got ${options.asOf}`);
  const zone = options.timeZone ?? "UTC";
  const file = options.mapping ?? {};
  const warnings: MigrationWarning[] = [];
  const warn = (code: string, message: string, rows?: readonly number[]) =>
    warnings.push({ code, message, ...(rows?.length ? { rows: rows.slice(0, 50) } : {}) });

  const grid: Grid = unmerge(source);
  const headerIndex = file.headerRow !== undefined ? file.headerRow - 1 : findHeaderRow(grid);
  const created: Created = { objectives: 0, kpis: 0, initiatives: 0, handoffs: 0, checkins: 0 };
  const asOfWeek = formatPeriod(periodOf(options.asOf, "Weekly"));

  if (headerIndex === undefined || headerIndex >= grid.length || filled(grid[headerIndex]) === 0) {
    const rows: RowReport[] = [];
    if (headerIndex === undefined)
      warn("empty-sheet", `${source.sheet} has no values: nothing to import.`);
    else {
      warn(
        "no-header",
        `Row ${headerIndex + 1}, named as the header by the mapping file, is blank or beyond the sheet; nothing was imported.`,
      );
      for (let r = 0; r < grid.length; r++)
        if (filled(grid[r]) > 0)
          rows.push({
            sourceRow: r + 1,
            outcome: "rejected",
            reason: "no header row to read it by",
            ids: [],
          });
    }
    const report: MigrationReport = {
      kind: file.kind ?? "initiatives",
      sheet: source.sheet,
      headerRow: null,
      mapping: [],
      rows,
      created,
      warnings,
    };
    return {
      report,
      content: { settings: { timeZone: zone, cadence: "Weekly", currentPeriod: asOfWeek } },
      mapping: { version: 1, sheet: source.sheet },
    };
  }

  // ---- Rows and columns.
  const { headers, width, kinds, dataRows, titleLines } = layoutOf(grid, headerIndex, zone);
  if (titleLines.length)
    warn(
      "title-block",
      `Rows 1-${headerIndex} above the header are the sheet's title block: ${titleLines.map((t) => `"${t.slice(0, 60)}"`).join(", ")}.`,
    );
  const sampleStep = Math.max(1, Math.ceil(dataRows.length / PROFILE_SAMPLE));
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const values: CellValue[] = [];
    for (let i = 0; i < dataRows.length; i += sampleStep) values.push(grid[dataRows[i]!]![c]);
    columns.push({
      index: c,
      letter: letterOf(c),
      header: headers[c]!,
      profile: profileColumn(values, zone),
    });
  }
  const nonEmpty = new Array<boolean>(width).fill(false);
  for (const r of dataRows) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) if (!nonEmpty[c] && !isBlank(row[c])) nonEmpty[c] = true;
  }

  // ---- Mapping: the file's decisions first, then detection.
  const fixed = new Map<number, FieldKey | null>();
  for (const m of file.columns ?? []) {
    const byHeader = columns.filter(
      (c) => fold(c.header) === fold(m.column) && !fixed.has(c.index),
    );
    const target =
      (m.letter ? byHeader.find((c) => c.letter === m.letter) : undefined) ??
      byHeader[0] ??
      (m.letter ? columns.find((c) => c.letter === m.letter) : undefined);
    if (target) fixed.set(target.index, m.field);
    else
      warn(
        "mapping-column-missing",
        `The mapping file names a column "${m.column}"${m.letter ? ` (${m.letter})` : ""} that the sheet does not have; it is ignored.`,
      );
  }
  const mapping: ColumnMapping[] = mapColumns(columns, fixed).map((m) =>
    nonEmpty[m.index] || fixed.has(m.index) ? m : { ...m, field: null, confidence: 0, by: null },
  );
  const colOf = new Map<FieldKey, number>();
  for (const m of mapping)
    if (m.field && nonEmpty[m.index] && !colOf.has(m.field)) colOf.set(m.field, m.index);
  const profiles = new Map<FieldKey, ColumnProfile>();
  for (const [f, c] of colOf) profiles.set(f, columns[c]!.profile);
  const kind: MigrationKind = file.kind ?? detectKind(profiles);
  const used = USED_FIELDS[kind];

  const conv = conventionsOf({
    grid,
    dataRows,
    columns,
    colOf,
    zone,
    dateColumns: (["start", "due", "period"] as FieldKey[])
      .filter((f) => used.has(f) && colOf.has(f))
      .map((f) => colOf.get(f)!),
    ...(file.decimal ? { decimal: file.decimal } : {}),
    ...(file.dateOrder ? { dateOrder: file.dateOrder } : {}),
  });
  const read = cellReader(colOf, headers, conv, zone, options.asOf);
  const { text, date, number, fraction, status, label, fieldLabel } = read;

  for (const m of mapping)
    if (m.field && m.by === "position")
      warn(
        "guessed-column",
        `Column "${label(m.index)}" was taken as ${m.field} from its values and place alone (confidence ${m.confidence}); correct it in the mapping file if that is wrong.`,
      );
  if (
    !colOf.has("name") &&
    !colOf.has("keyResult") &&
    !(kind === "raid" && (colOf.has("from") || colOf.has("to")))
  )
    warn(
      "no-name-column",
      colOf.has("id")
        ? `No column names the rows; each row is named by its ${fieldLabel("id")} value.`
        : 'No column names the rows, and there is no ID column: rows cannot be imported until the mapping file names one (field "name").',
    );
  if (!file.decimal && conv.marks.comma > 0 && conv.marks.point > 0)
    warn(
      "decimal-mixed",
      `Numbers are written with both decimal marks (${conv.marks.comma} with a comma, ${conv.marks.point} with a point); read with a ${conv.decimal} as the decimal mark, and the others as only they can be read.`,
    );

  // ---- Items, sections and hierarchy.
  const reports: RowReport[] = [];
  const reportAt = new Map<number, RowReport>();
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
    reportAt.set(r, report);
    const row = grid[r]!;
    const firstText = () => textOf(row.find((v) => !isBlank(v))).trim();
    if (k === "header") report.reason = "repeats the header row";
    else if (k === "total") report.reason = `a total row ("${firstText().slice(0, 40)}")`;
    else if (k === "section") {
      section = { r, text: firstText(), items: 0 };
      sections.push(section);
      report.reason = "section heading";
    } else {
      const rawName = nameCol === undefined ? undefined : row[nameCol];
      const indent = typeof rawName === "string" ? indentOf(rawName) : 0;
      items.push({
        r,
        row,
        ordinal: items.length + 1,
        indent,
        section,
        report,
        notes: [],
        children: [],
      });
      if (section) section.items++;
    }
  }
  const hierarchical = (kind === "initiatives" || kind === "plan") && linkHierarchy(items);

  // ---- Objectives: from an objective column, a summary task, a section, or the sheet's title.
  const objectives: ObjectiveRec[] = [];
  const objectiveByKey = new Map<string, ObjectiveRec>();
  const objectiveNamed = (name: string): ObjectiveRec => {
    const key = fold(name) || name;
    let o = objectiveByKey.get(key);
    if (!o) {
      o = {
        id: `OBJ-${objectives.length + 1}`,
        name,
        owner: null,
        targetDate: null,
        notes: null,
        owners: new Set(),
      };
      objectives.push(o);
      objectiveByKey.set(key, o);
    }
    return o;
  };
  let fallback: ObjectiveRec | undefined;
  const defaultTitle =
    (titleLines[0]?.slice(0, TITLE_MAX) || options.title || source.sheet).trim() || source.sheet;
  const defaultObjective = () => (fallback ??= objectiveNamed(defaultTitle));
  const filledRows: number[] = [];
  let filledDown = 0;
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
  const sectionObjective = (s: Section): ObjectiveRec => {
    if (!s.objective) {
      s.objective = objectiveNamed(s.text);
      const rep = reportAt.get(s.r)!;
      rep.outcome = "imported";
      rep.reason = `section heading: objective ${s.objective.id}`;
      rep.ids.push(s.objective.id);
    }
    return s.objective;
  };
  const objectiveFor = (it: Item): ObjectiveRec => {
    const named = objectiveText(it);
    if (named) return objectiveNamed(named);
    const t = topOf(it);
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
    } else if (!m.field || !used.has(m.field) || colOf.get(m.field) !== m.index)
      carried.push(m.index);
  }
  const unusedMapped = mapping.filter(
    (m) => m.field && !KEPT_FIELDS.has(m.field) && nonEmpty[m.index] && !used.has(m.field),
  );
  if (unusedMapped.length)
    warn(
      "carried-columns",
      `A ${kind} sheet has no place for ${unusedMapped.map((m) => `"${label(m.index)}" (${m.field})`).join(", ")}; they are kept as extra columns.`,
    );
  const numericText = new Map<number, boolean>();
  for (const c of carried) {
    let all = true;
    let any = false;
    for (const r of dataRows) {
      const v = grid[r]![c];
      if (isBlank(v) || typeof v === "number") continue;
      if (typeof v !== "string" || conv.numberOf(v) === undefined) {
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
        const p = conv.percentParts(v);
        out.set(c, p ? toFraction(p, conv.percentPoints.get(c) ?? false) : textOf(v));
      } else if (kept === "response" && typeof v === "string") out.set(c, responseOf(v) ?? v);
      else out.set(c, plainOf(v, numericText.get(c) ?? false, conv.numberOf, zone));
    }
    return out;
  };

  // ---- Records.
  const initiatives: InitiativeRec[] = [];
  const initiativeByName = new Map<string, InitiativeRec>();
  const kpis: { values: PlanValue[]; extras: Map<number, PlanValue> }[] = [];
  const checkins: PlanValue[][] = [];
  const handoffs: HandoffRec[] = [];
  const handoffKeys = new Set<string>();
  const nextInitiativeId = initiativeIds(items, colOf.get("id"));
  const pending: { item: Item; deps: Dependency[] }[] = [];
  let monthly = 0;
  let weekly = 0;

  const addCheckin = (
    item: Item,
    id: string,
    v: {
      rag?: Rag | null;
      progress?: number | null;
      actual?: number | null;
      comment?: string | null;
      pathToGreen?: string | null;
    },
  ) => {
    const period = read.period(item) ?? asOfWeek;
    if (/^\d{4}-\d{2}$/.test(period)) monthly++;
    else weekly++;
    checkins.push([
      period,
      id,
      v.rag ?? null,
      v.progress ?? null,
      v.actual ?? null,
      v.comment ?? null,
      v.pathToGreen ?? null,
      null,
      null,
      null,
    ]);
    created.checkins++;
    return period;
  };

  const makeInitiative = (
    item: Item,
    name: string,
    objective: ObjectiveRec,
    extraNotes: string[] = [],
  ): InitiativeRec => {
    const { stage: st, rag } = status(item);
    const progress = fraction(item, "progress");
    let stage = st;
    if (!stage && rag) stage = "In progress";
    if (!stage && progress !== null && !colOf.has("stage"))
      stage = progress >= 1 ? "Done" : progress === 0 ? "Not started" : "In progress";
    const owner = normaliseOwner(text(item, "owner"));
    const ini: InitiativeRec = {
      id: nextInitiativeId(item),
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
    const said = [`initiative ${ini.id} under ${objective.id}`, ...extraNotes];
    const comment = text(item, "comment");
    const pathToGreen = text(item, "pathToGreen");
    if (rag)
      said.push(
        `a ${rag} check-in for ${addCheckin(item, ini.id, { rag, progress, comment, pathToGreen })}`,
      );
    else if (progress !== null || comment || pathToGreen) {
      // A check-in needs a RAG; without one the values stay on the row, in extra columns.
      for (const f of ["progress", "comment", "pathToGreen"] as FieldKey[]) {
        const c = colOf.get(f);
        if (c !== undefined && !isBlank(item.row[c])) {
          ini.extras.set(
            c,
            f === "progress" ? (progress ?? textOf(item.row[c])) : textOf(item.row[c]).trim(),
          );
          demoted.add(c);
        }
      }
      said.push("no RAG, so no check-in: progress and comment kept in extra columns");
    }
    const deps: Dependency[] = [];
    const depText = text(item, "dependsOn");
    if (depText) deps.push(...parseDependencyList(depText));
    if (comment) deps.push(...parseDependencyProse(comment));
    if (deps.length) pending.push({ item, deps });
    item.report.reason = said.join("; ");
    return ini;
  };

  const addKpi = (it: Item, name: string, o: ObjectiveRec): void => {
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
      if (!direction)
        it.notes.push(
          `${fieldLabel("direction")} "${dirText.slice(0, 30)}" is not Increase or Decrease`,
        );
    }
    if (!direction && baseline && target) {
      if (target.n > baseline.n) direction = "Increase";
      else if (target.n < baseline.n) direction = "Decrease";
      else it.notes.push("Baseline equals Target, so no Direction can be told");
    }
    const owner = normaliseOwner(text(it, "owner"));
    if (owner) o.owners.add(owner);
    kpis.push({
      values: [
        id,
        o.id,
        name,
        unit,
        direction,
        baseline?.n ?? null,
        target?.n ?? null,
        date(it, "due"),
        owner,
        null,
        null,
        null,
      ],
      extras: extrasOf(it),
    });
    created.kpis++;
    it.report.outcome = "imported";
    it.report.ids.push(id);
    const said = [`KPI ${id} under ${o.id}`];
    if (!dirText && direction) said.push(`Direction ${direction} from Baseline and Target`);
    if (actual)
      said.push(
        `an Actual of ${actual.n} for ${addCheckin(it, id, { actual: actual.n, comment: text(it, "comment") })}`,
      );
    it.report.reason = said.join("; ");
  };

  const nameOf = (item: Item): string | null =>
    text(item, "name") ?? (!colOf.has("name") && !colOf.has("keyResult") ? text(item, "id") : null);
  const reject = (item: Item, why: string) => {
    item.report.outcome = "rejected";
    item.report.reason = why;
  };
  const parties = new Map<string, InitiativeRec>();
  const partyInitiative = (name: string, item: Item): InitiativeRec => {
    const key = fold(name);
    const existing = initiativeByName.get(key) ?? parties.get(key);
    if (existing) return existing;
    const ini: InitiativeRec = {
      id: nextInitiativeId(),
      objective: item.objective ?? defaultObjective(),
      name,
      team: null,
      owner: null,
      start: null,
      due: null,
      stage: null,
      extras: new Map(),
    };
    initiatives.push(ini);
    parties.set(key, ini);
    created.initiatives++;
    return ini;
  };

  // Top-level summaries become objectives before their tasks need them.
  if (hierarchical && !colOf.has("objective"))
    for (const it of items) {
      const name = !it.parent && it.children.length ? nameOf(it) : null;
      if (!name) continue;
      const o = objectiveNamed(stripIndent(name));
      o.owner ??= normaliseOwner(text(it, "owner"));
      o.targetDate ??= date(it, "due");
      it.asObjective = o;
      it.report.outcome = "imported";
      it.report.ids.push(o.id);
      it.report.reason = `a summary task over ${plural(countLeaves(it), "task")}: objective ${o.id}`;
    }

  const raidDependencies: Item[] = [];
  for (const it of items) {
    if (it.asObjective) continue;
    if (kind === "okr") {
      const krName = colOf.has("keyResult") ? text(it, "keyResult") : nameOf(it);
      const objText = objectiveText(it);
      if (krName) {
        const o = objText
          ? objectiveNamed(objText)
          : it.section
            ? sectionObjective(it.section)
            : defaultObjective();
        it.objective = o;
        addKpi(it, krName, o);
      } else if (objText) {
        const o = objectiveNamed(objText);
        o.owner ??= normaliseOwner(text(it, "owner"));
        o.targetDate ??= date(it, "due");
        it.report.outcome = "imported";
        it.report.ids.push(o.id);
        it.report.reason = `an objective row: objective ${o.id}`;
      } else
        reject(
          it,
          `no key result: ${colOf.has("keyResult") ? fieldLabel("keyResult") : "the name"} is blank`,
        );
      continue;
    }
    if (hierarchical && it.children.length) {
      it.report.reason = `a summary task over ${plural(countLeaves(it), "task")}; its name leads theirs`;
      continue;
    }
    let raidType: RaidType | undefined;
    if (kind === "raid") {
      const t = colOf.has("type") ? text(it, "type") : null;
      raidType = colOf.has("type") ? (t ? raidTypeOf(t) : undefined) : "risk";
      if (!raidType) {
        reject(
          it,
          t
            ? `type "${t.slice(0, 30)}" is not a risk, assumption, issue, dependency, action or decision`
            : `${fieldLabel("type")} is blank: not known whether this is a risk, an issue or a dependency`,
        );
        continue;
      }
      const outcome = RAID_OUTCOME[raidType];
      if (outcome === "skip") {
        it.report.reason = `${raidType === "assumption" ? "an assumption" : "a decision"}: the template has no sheet for ${raidType}s (the row stays in the source)`;
        continue;
      }
      if (outcome === "handoff") {
        if (colOf.has("objective") || it.section) it.objective = objectiveFor(it);
        raidDependencies.push(it);
        continue;
      }
    }
    const own = nameOf(it);
    if (!own) {
      reject(
        it,
        `nothing names this row (${colOf.has("name") ? `${fieldLabel("name")} is blank` : "no name column"}): ${filledSummary(it.row, headers)}`,
      );
      continue;
    }
    const prefix: string[] = [];
    for (let p = it.parent; p; p = p.parent)
      if (!p.asObjective) prefix.unshift(stripIndent(nameOf(p) ?? ""));
    const objective = objectiveFor(it);
    it.objective = objective;
    makeInitiative(
      it,
      [...prefix.filter(Boolean), stripIndent(own)].join(": "),
      objective,
      raidType && raidType !== "risk" ? [`from a RAID ${raidType}`] : [],
    );
  }

  // ---- RAID dependencies: who provides and who waits, found or created by name.
  for (const it of raidDependencies) {
    const deliverable = nameOf(it) ?? text(it, "comment");
    let fromName = text(it, "from");
    const toName = text(it, "to");
    if (!fromName && deliverable) {
      const named = parseDependencyProse(deliverable).find((d) => d.ref.kind === "name");
      if (named?.ref.kind === "name") fromName = named.ref.name;
    }
    if (!fromName || !toName) {
      reject(
        it,
        `a dependency needs who provides it and who waits for it: ${!fromName ? "no provider" : "no one waiting"} (${filledSummary(it.row, headers)})`,
      );
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
    if (stateText && !state)
      it.notes.push(
        `${fieldLabel("stage")} "${stateText.slice(0, 30)}" is not a hand-off state; State left blank`,
      );
    const id = `DEP-${handoffs.length + 1}`;
    handoffs.push({
      id,
      from,
      to,
      deliverable: deliverable ?? `Dependency of ${to.name} on ${from.name}`,
      neededBy: date(it, "due"),
      committed: null,
      delivered: null,
      state,
      owner: normaliseOwner(text(it, "owner")),
      extras: extrasOf(it),
    });
    handoffKeys.add(`${from.id}>${to.id}`);
    it.report.outcome = "imported";
    it.report.ids.push(id);
    for (const x of [from, to])
      if (!it.report.ids.includes(x.id) && parties.get(fold(x.name)) === x)
        it.report.ids.push(x.id);
    it.report.reason = `hand-off ${id} from ${from.id} (${from.name}) to ${to.id} (${to.name})`;
  }

  // ---- Free-text dependencies between imported rows.
  const unresolved = linkDependencies({
    items,
    initiatives,
    pending,
    idCol: colOf.get("id"),
    nameCol,
    handoffs,
    keys: handoffKeys,
  });
  if (unresolved.length)
    warn(
      "unresolved-dependency",
      `${plural(unresolved.length, "row")} name a dependency that matches no imported row and became no hand-off; see their reasons.`,
      unresolved,
    );
  created.handoffs = handoffs.length;

  // ---- Objectives: an owner shared by all their rows is theirs.
  for (const o of objectives) if (!o.owner && o.owners.size === 1) o.owner = [...o.owners][0]!;
  created.objectives = objectives.length;
  if (fallback) {
    const n =
      initiatives.filter((i) => i.objective === fallback).length +
      kpis.filter((k) => k.values[1] === fallback!.id).length;
    warn(
      "default-objective",
      `${plural(n, "row")} with no objective of their own are under ${fallback.id} "${fallback.name}"${titleLines[0] ? ", named after the sheet's title" : ""}.`,
    );
  }
  if (filledDown)
    warn(
      "objective-filled-down",
      `${plural(filledDown, "row")} with a blank ${fieldLabel("objective")} took the objective of the row above, as in a grouped list.`,
      filledRows,
    );
  for (const s of sections)
    if (!s.objective)
      reportAt.get(s.r)!.reason = s.items
        ? `section heading "${s.text.slice(0, 40)}"; its rows have objectives of their own`
        : `a note with no rows under it: "${s.text.slice(0, 60)}"`;
  const amb = read.ambiguous;
  if (amb.count) {
    const { dmy, mdy, firstRow } = conv.proofs;
    const order = conv.dateOrder;
    const why = file.dateOrder
      ? "as the mapping file says."
      : dmy + mdy
        ? `because ${plural(order === "dmy" ? dmy : mdy, "date")} in the sheet can only be read so (first in row ${firstRow[order]})${dmy && mdy ? `, against ${order === "dmy" ? mdy : dmy} the other way` : ""}.`
        : 'for want of any date that decides it; set "dateOrder": "mdy" in the mapping file if they are month first.';
    warn(
      "ambiguous-dates",
      `${plural(amb.count, "date")} such as ${amb.example} could be day/month or month/day; read ${order === "dmy" ? "day first" : "month first"} ${why}`,
      amb.rows,
    );
  }

  for (const it of items)
    if (it.notes.length)
      it.report.reason = [it.report.reason, ...it.notes].filter(Boolean).join("; ");
  options.onProgress?.(total, total);

  // ---- Content, report and the mapping used.
  const cadence: Cadence = monthly > weekly ? "Monthly" : "Weekly";
  if (cadence === "Monthly" && weekly)
    warn(
      "mixed-periods",
      "Check-ins have both weekly and monthly periods; the workbook's cadence is Monthly and validation will name the weekly ones.",
    );
  const currentPeriod =
    cadence === "Monthly" ? formatPeriod(periodOf(options.asOf, "Monthly")) : asOfWeek;
  const content = contentOf({
    settings: { timeZone: zone, cadence, currentPeriod },
    objectives,
    initiatives,
    kpis,
    handoffs,
    checkins,
    extraColumns: [...carried, ...demoted],
    keptAs,
    label,
  });
  const listed = mapping.filter((m) => nonEmpty[m.index] || m.field);
  const report: MigrationReport = {
    kind,
    sheet: source.sheet,
    headerRow: headerIndex + 1,
    mapping: listed.map((m) => ({
      column: label(m.index),
      field: m.field,
      confidence: m.confidence,
    })),
    rows: reports,
    created,
    warnings,
  };
  const mappingUsed: MappingFile = {
    version: 1,
    sheet: source.sheet,
    headerRow: headerIndex + 1,
    kind,
    dateOrder: conv.dateOrder,
    decimal: conv.decimal,
    columns: listed.map((m) => ({
      column: m.header,
      letter: m.letter,
      field: m.field,
      confidence: m.confidence,
      by: m.by,
    })),
  };
  return { report, content, mapping: mappingUsed };
}
