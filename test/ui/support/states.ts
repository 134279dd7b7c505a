/**
 * Pane states for the stand-in backend. Issues come from the real core (a small workbook with
 * a few honest mistakes, validated and turned into pane state as every backend does); the
 * hand-offs at risk are written out, since statuses are the engine's and not the pane's.
 */
import { validateGrids } from "@baton/core";
import type { PaneHandoff, PaneState } from "@baton/core";
import { paneStateOf } from "@baton/core";
import { workbookGrids, smallWorkbook, initiative, handoff, checkin } from "../../support/grids.ts";

export const ALL_ACTIONS = [
  "refreshStatus",
  "writeSummary",
  "closePeriod",
  "verify",
  "validate",
] as const;

/** A workbook with mistakes on three sheets. */
export function stateWithIssues(extra: Partial<PaneState> = {}): PaneState {
  const grids = workbookGrids(
    smallWorkbook({
      initiatives: [initiative("INI-3", "OBJ-1", { Stage: "Blocked", Due: "next Friday" })],
      handoffs: [handoff("DEP-2", "INI-2", "INI-9")],
      checkins: [checkin("2026-W48", "INI-1", { RAG: "Amber" })],
    }),
  );
  return {
    ...paneStateOf({ validation: validateGrids(grids), asOf: "2026-11-26", actions: ALL_ACTIONS }),
    ...extra,
  };
}

export const routingApi: PaneHandoff = {
  id: "DEP-1",
  deliverable: "Routing API endpoint in staging",
  status: "Red",
  daysLate: 10,
  from: "INI-5",
  fromTeam: "Development",
  to: "INI-1",
  toTeam: "IT Support",
  owner: "Jonas Weber",
  rootCauses: ["DEP-1"],
  reasons: ["Needed by 2026-11-16 and not delivered"],
  sheet: "Hand-offs",
  cell: "A2",
};

export const identityTenant: PaneHandoff = {
  id: "DEP-5",
  deliverable: "Identity provider tenant for the portal",
  status: "Amber",
  daysLate: null,
  from: "INI-9",
  fromTeam: "Infrastructure",
  to: "INI-7",
  toTeam: "Development",
  owner: "Ravi Patel",
  rootCauses: ["INI-9"],
  reasons: ["Needed within 3 business days and still Requested"],
  sheet: "Hand-offs",
  cell: "A6",
};

/** Issues plus computed statuses, as a host with the engine will send. */
export function stateWithStatuses(extra: Partial<PaneState> = {}): PaneState {
  return stateWithIssues({
    atRisk: [routingApi, identityTenant],
    initiativeCounts: { Red: 2, Amber: 3, Green: 7, Done: 1, Paused: 1 },
    ...extra,
  });
}

/** A workbook with none of the template's sheets. */
export function stateWithoutTemplate(): PaneState {
  return paneStateOf({
    validation: validateGrids({ Sheet1: [["Task", "Owner"]] }),
    asOf: "2026-11-26",
    actions: ["setUpTemplate"],
  });
}
