/**
 * What every source of events uses to name a row and the people told: kept apart from
 * `events.ts` so that sources in their own files import it without a cycle.
 */
import { a1 } from "../cells/a1.ts";
import { daysFromIso, isoFromDays, type IsoDate } from "../cells/dates.ts";
import type { Reason } from "../engine/reasons.ts";
import type { Initiative } from "../template/sheets.ts";
import type { SheetLayout, Workbook } from "../workbook/read.ts";
import { personKey } from "./people.ts";

/** Why a person hears of an event, which decides what is asked of them. */
export type RecipientRole = "owner" | "waiting" | "sponsor" | "controller";

export interface Recipient {
  /** As the workbook spells it in the Owner, Sponsor or Controller cell. */
  readonly name: string;
  readonly role: RecipientRole;
}

export const has = (reasons: readonly Reason[], code: Reason["code"]) =>
  reasons.some((r) => r.code === code);

export const dayAfter = (iso: IsoDate | null): IsoDate | null => {
  const d = iso === null ? undefined : daysFromIso(iso);
  return d === undefined ? null : isoFromDays(d + 1);
};

export const whereIn = (layout: SheetLayout | undefined, fallback: string, row: number) => ({
  sheet: layout?.name ?? fallback,
  cell: a1(row, layout?.columns.id ?? 1),
});

/** Recipients with each person once, in the order given (the first role wins). */
export function recipients(list: readonly (Recipient | null)[]): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const r of list) {
    if (!r || !r.name.trim()) continue;
    const k = personKey(r.name);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/** The first row of each initiative ID, as the engine reads duplicates. */
export function initiativesById(wb: Workbook): Map<string, Initiative> {
  const m = new Map<string, Initiative>();
  for (const i of wb.initiatives) if (!m.has(i.id)) m.set(i.id, i);
  return m;
}
