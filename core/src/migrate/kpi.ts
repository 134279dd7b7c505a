/**
 * A key result becomes a KPI under its objective: unit (% when its numbers are percentages),
 * direction (as written, else from Baseline and Target), owner, and a check-in of its Actual.
 */
import type { Direction } from "../template/sheets.ts";
import { normaliseOwner } from "./cells.ts";
import { directionOf } from "./lookups.ts";
import type { Item, ObjectiveRec } from "./model.ts";
import { addCheckin, type Run } from "./records.ts";

export function addKpi(run: Run, it: Item, name: string, o: ObjectiveRec): void {
  const { records, extras } = run;
  const { text, date, number, fieldLabel } = run.sheet.read;
  const id = `KPI-${records.kpis.length + 1}`;
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
  records.kpis.push({
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
    extras: extras.of(it),
  });
  records.created.kpis++;
  it.report.outcome = "imported";
  it.report.ids.push(id);
  const said = [`KPI ${id} under ${o.id}`];
  if (!dirText && direction) said.push(`Direction ${direction} from Baseline and Target`);
  if (actual)
    said.push(
      `an Actual of ${actual.n} for ${addCheckin(run, it, id, { actual: actual.n, comment: text(it, "comment") })}`,
    );
  it.report.reason = said.join("; ");
}
