/**
 * Each data row finds its place, by the kind of sheet: in an OKR sheet a key result becomes a
 * KPI and a row with only an objective names it; in a plan a top-level summary task becomes an
 * objective and the tasks under it initiatives named after their parents; in a RAID log risks,
 * issues and actions become initiatives, dependencies wait for every initiative to exist, and
 * assumptions and decisions stay in the source. A row nothing names is rejected with its values.
 */
import { normaliseOwner } from "./cells.ts";
import { raidTypeOf } from "./lookups.ts";
import { RAID_OUTCOME, type RaidType } from "./vocabulary.ts";
import { filledSummary, stripIndent } from "./layout.ts";
import { countLeaves, type Item } from "./model.ts";
import { nameOf } from "./reading.ts";
import { reject } from "./items.ts";
import { addInitiative } from "./initiative.ts";
import { addKpi } from "./kpi.ts";
import type { Run } from "./records.ts";
import { plural } from "../text/plural.ts";

/** Places every row; returns the RAID dependencies, to become hand-offs once every initiative exists. */
export function placeRows(run: Run): Item[] {
  const { items, hierarchical } = run.rows;
  // Top-level summaries become objectives before their tasks need them.
  if (hierarchical && !run.sheet.colOf.has("objective")) summaryObjectives(run);
  const raidDependencies: Item[] = [];
  for (const it of items) {
    if (it.asObjective) continue;
    if (run.sheet.kind === "okr") {
      placeKeyResult(run, it);
      continue;
    }
    if (hierarchical && it.children.length) {
      it.report.reason = `a summary task over ${plural(countLeaves(it), "task")}; its name leads theirs`;
      continue;
    }
    let raidType: RaidType | undefined;
    if (run.sheet.kind === "raid") {
      raidType = raidTypeFor(run, it);
      if (!raidType) continue;
      const outcome = RAID_OUTCOME[raidType];
      if (outcome === "skip") {
        it.report.reason = `${raidType === "assumption" ? "an assumption" : "a decision"}: the template has no sheet for ${raidType}s (the row stays in the source)`;
        continue;
      }
      if (outcome === "handoff") {
        if (run.sheet.colOf.has("objective") || it.section) it.objective = run.objectives.of(it);
        raidDependencies.push(it);
        continue;
      }
    }
    placeInitiative(run, it, raidType);
  }
  return raidDependencies;
}

function summaryObjectives(run: Run): void {
  const { text, date } = run.sheet.read;
  for (const it of run.rows.items) {
    const name = !it.parent && it.children.length ? nameOf(run.sheet, it) : null;
    if (!name) continue;
    const o = run.objectives.named(stripIndent(name));
    o.owner ??= normaliseOwner(text(it, "owner"));
    o.targetDate ??= date(it, "due");
    it.asObjective = o;
    it.report.outcome = "imported";
    it.report.ids.push(o.id);
    it.report.reason = `a summary task over ${plural(countLeaves(it), "task")}: objective ${o.id}`;
  }
}

function placeKeyResult(run: Run, it: Item): void {
  const { sheet, objectives } = run;
  const { text, date, fieldLabel } = sheet.read;
  const krName = sheet.colOf.has("keyResult") ? text(it, "keyResult") : nameOf(sheet, it);
  const objText = objectives.nameIn(it);
  if (krName) {
    const o = objText
      ? objectives.named(objText)
      : it.section
        ? objectives.ofSection(it.section)
        : objectives.fallback();
    it.objective = o;
    addKpi(run, it, krName, o);
  } else if (objText) {
    const o = objectives.named(objText);
    o.owner ??= normaliseOwner(text(it, "owner"));
    o.targetDate ??= date(it, "due");
    it.report.outcome = "imported";
    it.report.ids.push(o.id);
    it.report.reason = `an objective row: objective ${o.id}`;
  } else
    reject(
      it,
      `no key result: ${sheet.colOf.has("keyResult") ? fieldLabel("keyResult") : "the name"} is blank`,
    );
}

/** A RAID row's type (a risk when the log has no type column), or undefined with the row rejected. */
function raidTypeFor({ sheet }: Run, it: Item): RaidType | undefined {
  const hasType = sheet.colOf.has("type");
  const t = hasType ? sheet.read.text(it, "type") : null;
  const raidType: RaidType | undefined = hasType ? (t ? raidTypeOf(t) : undefined) : "risk";
  if (!raidType)
    reject(
      it,
      t
        ? `type "${t.slice(0, 30)}" is not a risk, assumption, issue, dependency, action or decision`
        : `${sheet.read.fieldLabel("type")} is blank: not known whether this is a risk, an issue or a dependency`,
    );
  return raidType;
}

/** An initiative named after the row, prefixed by the names of the tasks above it. */
function placeInitiative(run: Run, it: Item, raidType: RaidType | undefined): void {
  const { sheet } = run;
  const own = nameOf(sheet, it);
  if (!own) {
    reject(
      it,
      `nothing names this row (${sheet.colOf.has("name") ? `${sheet.read.fieldLabel("name")} is blank` : "no name column"}): ${filledSummary(it.row, sheet.layout.headers)}`,
    );
    return;
  }
  const prefix: string[] = [];
  for (let p = it.parent; p; p = p.parent)
    if (!p.asObjective) prefix.unshift(stripIndent(nameOf(sheet, p) ?? ""));
  const objective = run.objectives.of(it);
  it.objective = objective;
  addInitiative(
    run,
    it,
    [...prefix.filter(Boolean), stripIndent(own)].join(": "),
    objective,
    raidType && raidType !== "risk" ? [`from a RAID ${raidType}`] : [],
  );
}
