/**
 * Value, kept apart from activity (DESIGN.md "Governance"): per initiative its Planned Value,
 * the value its controller confirmed at gate 5, and its unit; per objective the sums of its
 * initiatives (Cancelled ones aside): planned, confirmed, and at risk (the planned value of its
 * Red initiatives).
 *
 * Sums are only ever taken within one unit (units compared ignoring case and spacing). An
 * objective whose initiatives use several units has `value: null` and one entry per unit in
 * `valueByUnit`, and validation warns once on the Value Unit cell where the second unit
 * appears. An objective none of whose initiatives has a value has `value: null` and an empty
 * `valueByUnit`. An initiative with a value and a blank Value Unit counts under the unit null.
 */
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { locate, type Workbook } from "../workbook/read.ts";
import type { Initiative } from "../template/sheets.ts";
import type { Status } from "../engine/reasons.ts";
import type { GateStanding } from "./gates.ts";

export interface InitiativeValue {
  readonly planned: number | null;
  /** Confirmed by the controller at gate 5; null before. */
  readonly confirmed: number | null;
  readonly unit: string | null;
}

export interface ObjectiveValue {
  readonly planned: number;
  readonly confirmed: number;
  /** The planned value of its Red initiatives. */
  readonly atRisk: number;
  readonly unit: string | null;
}

export const unitKey = (unit: string | null) => (unit ?? "").toLowerCase().replace(/\s+/g, "");
const unitOf = (i: Initiative) => (i.valueUnit?.trim() ? i.valueUnit.trim() : null);

export function initiativeValue(i: Initiative, standing: GateStanding): InitiativeValue {
  return { planned: i.plannedValue, confirmed: standing.confirmedValue, unit: unitOf(i) };
}

/** The initiatives that carry value into their objective's sums. */
const carriesValue = (i: Initiative, v: InitiativeValue) =>
  i.stage !== "Cancelled" && (v.planned !== null || v.confirmed !== null);

/** Each objective's value, by unit, from its initiatives' values and statuses (in sheet order). */
export function objectiveValues(
  initiatives: readonly Initiative[],
  values: readonly InitiativeValue[],
  statuses: readonly Status[],
): Map<string, ObjectiveValue[]> {
  const out = new Map<
    string,
    Map<string, { -readonly [K in keyof ObjectiveValue]: ObjectiveValue[K] }>
  >();
  initiatives.forEach((i, n) => {
    const v = values[n]!;
    if (!i.objectiveId || !carriesValue(i, v)) return;
    let units = out.get(i.objectiveId);
    if (!units) out.set(i.objectiveId, (units = new Map()));
    const key = unitKey(v.unit);
    let sum = units.get(key);
    if (!sum) units.set(key, (sum = { planned: 0, confirmed: 0, atRisk: 0, unit: v.unit }));
    sum.planned += v.planned ?? 0;
    sum.confirmed += v.confirmed ?? 0;
    if (statuses[n] === "Red") sum.atRisk += v.planned ?? 0;
  });
  return new Map([...out].map(([id, units]) => [id, [...units.values()]]));
}

/** One warning per objective whose initiatives count value in several units, on the first cell that differs. */
export function unitIssues(wb: Workbook): ValidationIssue[] {
  const layout = wb.layout.initiatives;
  if (!layout) return [];
  const first = new Map<string, string | null>();
  const units = new Map<string, (string | null)[]>();
  const at = new Map<string, Initiative>();
  for (const i of wb.initiatives) {
    const v = { planned: i.plannedValue, confirmed: null, unit: unitOf(i) };
    if (!i.objectiveId || i.stage === "Cancelled" || v.planned === null) continue;
    const seen = units.get(i.objectiveId) ?? [];
    if (!first.has(i.objectiveId)) first.set(i.objectiveId, v.unit);
    if (!seen.some((u) => unitKey(u) === unitKey(v.unit))) {
      seen.push(v.unit);
      if (seen.length === 2) at.set(i.objectiveId, i);
    }
    units.set(i.objectiveId, seen);
  }
  return [...at].map(([objective, i]) =>
    makeIssue(locate("initiatives", layout, i.row, "valueUnit"), {
      code: "value-units-differ",
      objective,
      units: units.get(objective)!.map((u) => u ?? "no unit"),
    }),
  );
}
