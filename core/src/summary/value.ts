/**
 * The board summary's value section (DESIGN.md "Governance"): planned, confirmed and at risk
 * over the whole workbook and per objective, and the gate funnel (initiatives and their
 * planned value at each gate), all from the engine's gates and values.
 *
 * - Sums are taken only within one unit (units matched as governance/value.ts matches them);
 *   every figure is a list with one entry per unit, never one number across units.
 * - Cancelled initiatives are left out everywhere, the funnel included, as value.ts leaves
 *   them out of objectives: a cancelled measure neither delivers nor waits at a gate.
 * - A workbook without the Gate Decisions sheet and the value columns (template version 1)
 *   has no value section at all (`null`), not an empty one.
 * - Units and objective lines are capped (`VALUE_LIMITS`) so the summary sheet has a known
 *   size; what is left out is counted.
 */
import type { Evaluation } from "../engine/evaluate.ts";
import { FIRST_GATE, LAST_GATE } from "../governance/gates.ts";
import { unitKey } from "../governance/value.ts";
import { mostDecimals, numberForPeople } from "../cells/precision.ts";
import type { Workbook } from "../workbook/read.ts";

export const VALUE_LIMITS = { units: 6, objectives: 40 } as const;

export const GATE_NAMES: Readonly<Record<number, string>> = {
  1: "Identified",
  2: "Evaluated",
  3: "Approved",
  4: "Implemented",
  5: "Realised",
};

/** Value in one unit; `unit` null is value given without a Value Unit. */
export interface UnitValue {
  readonly unit: string | null;
  readonly planned: number;
  readonly confirmed: number;
  /** The planned value of Red initiatives. */
  readonly atRisk: number;
}

export interface ObjectiveValueLine {
  readonly id: string;
  readonly name: string | null;
  /** One entry per unit its initiatives use, in order of first appearance. */
  readonly byUnit: readonly UnitValue[];
}

export interface GateStep {
  readonly gate: number;
  readonly name: string;
  readonly initiatives: number;
  /** The planned value of the initiatives at this gate, one entry per unit. */
  readonly planned: readonly { readonly unit: string | null; readonly planned: number }[];
}

export interface ValueSection {
  /** The whole workbook, one entry per unit. */
  readonly total: readonly UnitValue[];
  readonly objectives: readonly ObjectiveValueLine[];
  /** Gates 1 to 5, each present even when no initiative stands there. */
  readonly funnel: readonly GateStep[];
  /** Units and objective lines left out by `VALUE_LIMITS`. */
  readonly omitted: { readonly units: number; readonly objectives: number };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Adds into the sum for `unit`, creating it in order of first appearance. */
function sumInto(sums: Map<string, Mutable<UnitValue>>, unit: string | null): Mutable<UnitValue> {
  const key = unitKey(unit);
  let s = sums.get(key);
  if (!s) sums.set(key, (s = { unit, planned: 0, confirmed: 0, atRisk: 0 }));
  return s;
}

/** True when the workbook is of a template that carries gates and value (version 2 on). */
export function hasGovernance(wb: Workbook): boolean {
  return (
    wb.layout.gateDecisions !== undefined ||
    wb.layout.initiatives?.columns.plannedValue !== undefined
  );
}

export function valueSection(wb: Workbook, now: Evaluation): ValueSection | null {
  if (!hasGovernance(wb)) return null;
  const total = new Map<string, Mutable<UnitValue>>();
  const steps = Array.from({ length: LAST_GATE - FIRST_GATE + 1 }, (_, i) => ({
    gate: FIRST_GATE + i,
    initiatives: 0,
    planned: new Map<string, Mutable<UnitValue>>(),
  }));
  now.initiatives.forEach((e, i) => {
    if (wb.initiatives[i]!.stage === "Cancelled") return;
    const step = steps[Math.min(LAST_GATE, Math.max(FIRST_GATE, e.gate)) - FIRST_GATE]!;
    step.initiatives++;
    const v = e.value;
    if (v.planned === null && v.confirmed === null) return;
    const sum = sumInto(total, v.unit);
    sum.planned += v.planned ?? 0;
    sum.confirmed += v.confirmed ?? 0;
    if (e.status === "Red") sum.atRisk += v.planned ?? 0;
    if (v.planned !== null) sumInto(step.planned, v.unit).planned += v.planned;
  });

  // Units beyond the limit are left out of every figure alike, so the tables line up.
  const units = [...total.keys()];
  const kept = new Set(units.slice(0, VALUE_LIMITS.units));
  const keep = <T extends { readonly unit: string | null }>(list: readonly T[]) =>
    list.filter((u) => kept.has(unitKey(u.unit)));

  const objectives: ObjectiveValueLine[] = [];
  now.objectives.forEach((e, i) => {
    const byUnit = keep(e.valueByUnit);
    if (byUnit.length > 0)
      objectives.push({ id: e.id, name: wb.objectives[i]!.name, byUnit: byUnit.map(unitValue) });
  });
  let lines = 0;
  let cut = objectives.length;
  for (let o = 0; o < objectives.length; o++) {
    lines += objectives[o]!.byUnit.length;
    if (lines > VALUE_LIMITS.objectives) {
      cut = o;
      break;
    }
  }

  return {
    total: keep([...total.values()]).map(unitValue),
    objectives: objectives.slice(0, cut),
    funnel: steps.map((s) => ({
      gate: s.gate,
      name: GATE_NAMES[s.gate]!,
      initiatives: s.initiatives,
      planned: keep([...s.planned.values()]).map((u) => ({ unit: u.unit, planned: u.planned })),
    })),
    omitted: {
      units: Math.max(0, units.length - VALUE_LIMITS.units),
      objectives: objectives.length - cut,
    },
  };
}

const unitValue = (u: UnitValue): UnitValue => ({
  unit: u.unit,
  planned: u.planned,
  confirmed: u.confirmed,
  atRisk: u.atRisk,
});

/** A unit as people read it: blank Value Unit shown as "no unit". */
export const unitText = (unit: string | null): string => unit ?? "no unit";

/** The most rows the value section takes in the summary sheet (see grid.ts `valueBlock`). */
export const VALUE_MAX_ROWS =
  // band, header, totals, objective lines, two notes, blank
  2 +
  VALUE_LIMITS.units +
  VALUE_LIMITS.objectives +
  3 +
  // band, header, a row per gate, blank
  2 +
  (LAST_GATE - FIRST_GATE + 1) +
  1;

/** Decimals that show every figure of the section as it is (at most `MAX_DECIMALS`). */
export function valueDecimals(v: ValueSection): number {
  return mostDecimals([
    ...v.total.flatMap((u) => [u.planned, u.confirmed, u.atRisk]),
    ...v.objectives.flatMap((o) => o.byUnit.flatMap((u) => [u.planned, u.confirmed, u.atRisk])),
    ...v.funnel.flatMap((g) => g.planned.map((u) => u.planned)),
  ]);
}

/** The units of the section in order, the funnel's columns. */
export const valueUnits = (v: ValueSection): (string | null)[] => v.total.map((u) => u.unit);

/** A step's planned value in `unit`, 0 when none of its initiatives plans value in it. */
export const plannedAt = (step: GateStep, unit: string | null): number =>
  step.planned.find((u) => unitKey(u.unit) === unitKey(unit))?.planned ?? 0;

/** The section's words, shared by the sheet, the Markdown and the HTML page. */
export const VALUE_WORDS = {
  section: "Value: planned, confirmed, at risk",
  funnel: "Gate funnel",
  whole: "Whole workbook",
  noValue: "No initiative has a Planned Value yet.",
  atRisk: "At risk is the planned value of Red initiatives. Sums are never taken across units.",
  unitsOmitted: (n: number) => `… and ${n} more unit${n === 1 ? "" : "s"}, not shown.`,
} as const;

/** A step's planned value in every unit: `120,000 EUR; 300 hours`, or "none". */
export function plannedText(step: GateStep, decimals: number): string {
  return (
    step.planned
      .map((u) => `${numberForPeople(u.planned, decimals)}${u.unit === null ? "" : ` ${u.unit}`}`)
      .join("; ") || "none"
  );
}
