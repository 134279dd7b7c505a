/**
 * "Since you last looked" as the real core makes it, over an in-memory workbook: DEP-1 (Hana's)
 * late, holding up INI-2 (Ines's), both W47 check-ins Green.
 */
import {
  MemoryHost,
  SINCE_NEEDS,
  readFor,
  sinceLooked,
  type CellValue,
  type PaneSince,
} from "@baton/core";
import { handoff, workbookGrids, type RowSpec } from "../../support/grids.ts";
import { PEOPLE, TUESDAY, plan } from "../../rhythm/support.ts";

export const LATE = { "Needed By": "2026-11-20" };

/** The workbook of rhythm/support.ts with `dep` over DEP-1's cells and `more` hand-offs. */
export function sinceHost(dep: RowSpec = LATE, more: RowSpec[] = []): MemoryHost {
  const spec = plan(dep, { handoffs: more });
  return new MemoryHost({ ...workbookGrids(spec), People: PEOPLE as CellValue[][] });
}

/** What the pane is shown, as of Tuesday of 2026-W48, after `seen` (null: the first look). */
export async function sinceOf(host: MemoryHost, seen: string | null = null): Promise<PaneSince> {
  const read = await readFor(host, SINCE_NEEDS);
  return sinceLooked(read, { now: new Date(`${TUESDAY}T12:00:00Z`), asOf: TUESDAY }, seen);
}

/** Twenty more late hand-offs Hana owes: her digest is too long for one mail link. */
export const manyLate = (): RowSpec[] =>
  Array.from({ length: 20 }, (_, i) =>
    handoff(`DEP-${i + 2}`, "INI-1", "INI-2", {
      Owner: "Hana Kim",
      Deliverable: `Interface change number ${i + 2} for the support rollout`,
      "Needed By": "2026-11-19",
    }),
  );
