/**
 * Builds template workbooks as grids for tests: rows are given by header name, so a test says
 * only what matters to its rule. Every template sheet is present with its full header row.
 */
import {
  COLUMNS,
  SHEET,
  SETTING_KEYS,
  type CellValue,
  type Grids,
  type SheetKey,
  type Settings,
  type Column,
  TEMPLATE_VERSION,
} from "@baton/core";

export type RowSpec = Record<string, CellValue>;

export interface WorkbookSpec {
  objectives?: RowSpec[];
  kpis?: RowSpec[];
  initiatives?: RowSpec[];
  handoffs?: RowSpec[];
  checkins?: RowSpec[];
  gateDecisions?: RowSpec[];
  /** Settings by label ("Time Zone") or record key ("timeZone"). */
  settings?: Record<string, CellValue | CellValue[]>;
}

function sheet(
  key: Exclude<SheetKey, "settings">,
  rows: RowSpec[] = [],
  version = TEMPLATE_VERSION,
): CellValue[][] {
  const headers = (COLUMNS[key] as readonly Column[])
    .filter((c) => (c.since ?? 1) <= version)
    .map((c) => c.header);
  for (const r of rows)
    for (const h of Object.keys(r))
      if (!headers.includes(h)) throw new Error(`no column "${h}" in ${SHEET[key]}`);
  return [headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h]! : null)))];
}

/**
 * A workbook as grids; Settings default to UTC, weekly. It has the current template's sheets
 * and columns, and no Template Version (which validation does not need when nothing is missing).
 */
export function workbookGrids(spec: WorkbookSpec = {}): Record<string, CellValue[][]> {
  const settings: CellValue[][] = [["Key", "Value"]];
  const given = { "Time Zone": "UTC", Cadence: "Weekly", ...spec.settings };
  for (const [k, v] of Object.entries(given)) {
    const label = (SETTING_KEYS as Record<string, string>)[k] ?? k;
    for (const value of Array.isArray(v) ? v : [v]) settings.push([label, value]);
  }
  return {
    [SHEET.objectives]: sheet("objectives", spec.objectives),
    [SHEET.kpis]: sheet("kpis", spec.kpis),
    [SHEET.initiatives]: sheet("initiatives", spec.initiatives),
    [SHEET.handoffs]: sheet("handoffs", spec.handoffs),
    [SHEET.checkins]: sheet("checkins", spec.checkins),
    [SHEET.settings]: settings,
    [SHEET.gateDecisions]: sheet("gateDecisions", spec.gateDecisions),
  };
}

/**
 * A workbook of template version 1, as `baton init` wrote it before Governance: no Gate
 * Decisions sheet, no column a later version added, Template Version 1 in Settings.
 */
export function version1Grids(spec: WorkbookSpec = {}): Record<string, CellValue[][]> {
  const settings = { "Template Version": 1, ...spec.settings };
  const grids = workbookGrids({ ...spec, settings });
  for (const key of ["objectives", "kpis", "initiatives", "handoffs", "checkins"] as const)
    grids[SHEET[key]] = sheet(key, spec[key], 1);
  delete grids[SHEET.gateDecisions];
  return grids;
}

/** Shorthands for well-formed rows, to be overridden field by field. */
export const objective = (id: string, o: RowSpec = {}): RowSpec => ({
  ID: id,
  Objective: `Objective ${id}`,
  Owner: "Olivia",
  ...o,
});
export const kpi = (id: string, objectiveId: string, o: RowSpec = {}): RowSpec => ({
  ID: id,
  "Objective ID": objectiveId,
  KPI: `KPI ${id}`,
  Direction: "Increase",
  Baseline: 0,
  Target: 100,
  "Target Date": "2027-06-30",
  ...o,
});
export const initiative = (id: string, objectiveId: string, o: RowSpec = {}): RowSpec => ({
  ID: id,
  "Objective ID": objectiveId,
  Initiative: `Initiative ${id}`,
  Team: "Team A",
  Owner: "Ines",
  Start: "2026-09-01",
  Due: "2027-03-31",
  Stage: "In progress",
  ...o,
});
export const handoff = (id: string, from: string, to: string, o: RowSpec = {}): RowSpec => ({
  ID: id,
  "From Initiative": from,
  "To Initiative": to,
  Deliverable: `Deliverable ${id}`,
  "Needed By": "2027-01-15",
  State: "Accepted",
  Owner: "Hana",
  ...o,
});
export const checkin = (period: string, id: string, o: RowSpec = {}): RowSpec => ({
  Period: period,
  ID: id,
  ...(id.startsWith("KPI") ? { Actual: 10 } : { RAG: "Green", "Progress %": 0.5 }),
  "Reported By": "Rae",
  ...o,
});

/** A small valid workbook: one objective, two initiatives, one hand-off, one KPI, check-ins. */
export function smallWorkbook(extra: WorkbookSpec = {}): WorkbookSpec {
  return {
    objectives: [objective("OBJ-1"), ...(extra.objectives ?? [])],
    kpis: [kpi("KPI-1", "OBJ-1"), ...(extra.kpis ?? [])],
    initiatives: [
      initiative("INI-1", "OBJ-1"),
      initiative("INI-2", "OBJ-1", { Team: "Team B" }),
      ...(extra.initiatives ?? []),
    ],
    handoffs: [handoff("DEP-1", "INI-1", "INI-2"), ...(extra.handoffs ?? [])],
    checkins: [
      checkin("2026-W47", "INI-1"),
      checkin("2026-W47", "INI-2"),
      checkin("2026-W47", "KPI-1"),
      ...(extra.checkins ?? []),
    ],
    settings: { "Current Period": "2026-W48", ...extra.settings },
  };
}

export type { Settings, Grids };
