/**
 * What people were last told, kept in the workbook's hidden Baton sheet under the key "Told"
 * so that it travels with the file: the as-of day of the last notification and one short mark
 * per thing told about. A hand-off or initiative is marked with the status last told (R, A, D,
 * P, or X for a declined hand-off; Green is the absence of a mark), a check-in request with
 * the period asked for (`ask:INI-4` → `2026-W48`). Sources of events added later keep their
 * own keys beside these (`gate:INI-2`).
 */
import type { Grid } from "../cells/values.ts";
import type { IsoDate } from "../cells/dates.ts";
import { stateValueIn, stateWrites } from "../ledger/state.ts";
import type { WriteOp } from "../ports/plan.ts";

export const TOLD_KEY = "Told";

export interface Told {
  /** The as-of day people were last told about; null before the first notification. */
  readonly at: IsoDate | null;
  /** Key → mark, as described above. */
  readonly marks: Readonly<Record<string, string>>;
}

export const NOTHING_TOLD: Told = { at: null, marks: {} };

/**
 * The told state in a Baton sheet's grid. A value Baton cannot read (edited by hand) counts as
 * nothing told: people hear about every Red and Amber again rather than about nothing.
 */
export function toldIn(grid: Grid | undefined | null): Told {
  return parseTold(stateValueIn(grid ?? undefined, TOLD_KEY));
}

/** Told state from its text, as `toldText` writes it; anything else counts as nothing told. */
export function parseTold(raw: string | null | undefined): Told {
  if (!raw) return NOTHING_TOLD;
  try {
    const v = JSON.parse(raw) as { at?: unknown; marks?: unknown };
    const marks: Record<string, string> = {};
    if (v.marks && typeof v.marks === "object")
      for (const [k, m] of Object.entries(v.marks as Record<string, unknown>))
        if (typeof m === "string") marks[k] = m;
    return { at: typeof v.at === "string" ? v.at : null, marks };
  } catch {
    return NOTHING_TOLD;
  }
}

/** Told state as text; sorted keys, so the same state is always the same text. */
export function toldText(told: Told): string {
  const marks = Object.fromEntries(
    Object.keys(told.marks)
      .sort()
      .map((k) => [k, told.marks[k]!]),
  );
  return JSON.stringify({ at: told.at, marks });
}

/** The plan that records `told` in the Baton sheet. */
export function toldWrites(grid: Grid | undefined | null, told: Told): WriteOp[] {
  return stateWrites(grid ?? undefined, TOLD_KEY, toldText(told));
}
