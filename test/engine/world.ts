/**
 * Small workbooks for the status rules, judged as of one Thursday (2026-11-26, ISO week
 * 2026-W48). Initiatives made with `ini` start that day, so none is stale unless a test says
 * so; everything else comes from the shared grid builders.
 */
import { daysFromIso, evaluate, isoFromDays, validateGrids, type Evaluation } from "@baton/core";
import {
  initiative,
  objective,
  workbookGrids,
  type RowSpec,
  type WorkbookSpec,
} from "../support/grids.ts";

export const AS_OF = "2026-11-26";
export const THIS_WEEK = "2026-W48";

/** The ISO date `n` calendar days from `iso`. */
export const plus = (iso: string, n: number) => isoFromDays(daysFromIso(iso)! + n);
/** Calendar days from `a` to `b`. */
export const daysBetween = (a: string, b: string) => daysFromIso(b)! - daysFromIso(a)!;

/** An initiative under OBJ-1 that started on the as-of day. */
export const ini = (id: string, o: RowSpec = {}): RowSpec =>
  initiative(id, "OBJ-1", { Start: AS_OF, ...o });

/** A workbook with OBJ-1 (unless objectives are given) and the rows given. */
export function world(spec: WorkbookSpec): WorkbookSpec {
  return {
    objectives: [objective("OBJ-1")],
    ...spec,
    settings: { "Current Period": THIS_WEEK, ...spec.settings },
  };
}

export function evaluated(spec: WorkbookSpec, asOf = AS_OF) {
  const { workbook, issues } = validateGrids(workbookGrids(world(spec)));
  return { workbook, issues, ev: evaluate(workbook, { asOf }) };
}

type Entities = Omit<Evaluation, "asOf">;
type Entry<K extends keyof Entities> = Entities[K][number];

/** The evaluation of one row by ID (the first with it). */
export function find<K extends keyof Entities>(ev: Evaluation, kind: K, id: string): Entry<K> {
  const found = (ev[kind] as readonly Entry<K>[]).find((e) => e.id === id);
  if (!found) throw new Error(`no ${kind} ${id} in the evaluation`);
  return found;
}

export const codes = (e: { reasons: readonly { code: string }[] }) => e.reasons.map((r) => r.code);
