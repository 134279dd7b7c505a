/**
 * Notifications over an in-memory workbook: `tell` runs the notify action as a host would
 * (read what it needs, decide) and records what was told only when asked to, as a host does
 * after the digests went out.
 */
import { MemoryHost, NOTIFY_NEEDS, notify, readFor, type CellValue, type Host } from "@baton/core";
import {
  checkin,
  handoff,
  initiative,
  objective,
  workbookGrids,
  type RowSpec,
  type WorkbookSpec,
} from "../support/grids.ts";

/** A Tuesday of 2026-W48: four business days are left in the week, so nobody is asked yet. */
export const TUESDAY = "2026-11-24";
/** The Thursday of the same week: two business days left, check-ins are asked for. */
export const THURSDAY = "2026-11-26";

export const PEOPLE: CellValue[][] = [
  ["Name", "Email", "Team", "Role"],
  ["Hana Kim", "hana@example.com", "Development", "Lead"],
  ["Ines Ortega", "ines@example.com", "IT Support", "Lead"],
  ["Sam Sponsor", "sam@example.com", "Board", "Sponsor"],
];

/**
 * INI-1 (Hana's development work) provides DEP-1 to INI-2 (Ines's support rollout); both
 * reported Green last week. `dep` overrides DEP-1's cells.
 */
export function plan(dep: RowSpec = {}, extra: WorkbookSpec = {}): WorkbookSpec {
  return {
    objectives: [objective("OBJ-1")],
    initiatives: [
      initiative("INI-1", "OBJ-1", { Owner: "Hana Kim", Start: "2026-11-02" }),
      initiative("INI-2", "OBJ-1", { Owner: "Ines Ortega", Start: "2026-11-02" }),
      ...(extra.initiatives ?? []),
    ],
    handoffs: [
      handoff("DEP-1", "INI-1", "INI-2", {
        Owner: "Hana Kim",
        Deliverable: "Routing rules API",
        "Needed By": "2026-12-18",
        ...dep,
      }),
      ...(extra.handoffs ?? []),
    ],
    checkins: [
      checkin("2026-W47", "INI-1"),
      checkin("2026-W47", "INI-2"),
      ...(extra.checkins ?? []),
    ],
    settings: { "Current Period": "2026-W48", ...extra.settings },
  };
}

export function hostOf(spec: WorkbookSpec, people: CellValue[][] | null = PEOPLE): MemoryHost {
  return new MemoryHost({ ...workbookGrids(spec), ...(people ? { People: people } : {}) });
}

/** Runs notify as of `asOf`; `record` applies the plan, as a host does once the digests went. */
export async function tell(host: Host, asOf: string, record = true) {
  const read = await readFor(host, NOTIFY_NEEDS);
  const result = notify(read, { now: new Date(`${asOf}T12:00:00Z`), asOf });
  if (record && result.plan.ops.length) await host.apply(result.plan);
  return result;
}

export const kinds = (r: Awaited<ReturnType<typeof tell>>) =>
  r.notification.events.map((e) => `${e.kind} ${e.id}`);

/** Hand-offs columns, 1-based, as the template orders them. */
export const HANDOFF_COL = { neededBy: 5, deliveredOn: 7, state: 8 } as const;
