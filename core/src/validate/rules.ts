/**
 * Cross-row validation rules, one function per rule of DESIGN.md "Validation".
 *
 * Each rule reads the records (which remember their rows) and pushes issues; none throws, and
 * none rescans a sheet per row: lookups go through maps built once, so validation is linear in
 * the size of the workbook.
 */
import { makeIssue, type ValidationIssue } from "./issues.ts";
import { locate, type Workbook, type SheetLayout } from "../workbook/read.ts";
import { SHEET, type SheetKey } from "../template/sheets.ts";
import { idKind } from "../template/ids.ts";
import { parsePeriod, comparePeriods, cadenceOf, formatPeriod, type Period } from "../template/periods.ts";
import { graphOf, cycles } from "../engine/graph.ts";

type Push = (issue: ValidationIssue) => void;

interface Ctx {
  readonly wb: Workbook;
  readonly push: Push;
  readonly at: (sheet: SheetKey, row: number, key: string) => ReturnType<typeof locate>;
}

function rowIndex<T extends { id: string; row: number }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of records) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

/** Unique IDs: every sheet's IDs are unique within it. */
export function uniqueIds(c: Ctx): void {
  const sheets: [SheetKey, readonly { id: string; row: number }[]][] = [
    ["objectives", c.wb.objectives],
    ["kpis", c.wb.kpis],
    ["initiatives", c.wb.initiatives],
    ["handoffs", c.wb.handoffs],
  ];
  for (const [sheet, records] of sheets) {
    const first = new Map<string, number>();
    for (const r of records) {
      const f = first.get(r.id);
      if (f === undefined) first.set(r.id, r.row);
      else c.push(makeIssue(c.at(sheet, r.row, "id"), { code: "duplicate-id", id: r.id, firstRow: f }));
    }
  }
}

/** References exist: objectives of KPIs and initiatives, initiatives of hand-offs, IDs of check-ins. */
export function referencesExist(c: Ctx): void {
  const objectives = rowIndex(c.wb.objectives);
  const initiatives = rowIndex(c.wb.initiatives);
  const kpis = rowIndex(c.wb.kpis);
  for (const k of c.wb.kpis)
    if (k.objectiveId && !objectives.has(k.objectiveId))
      c.push(makeIssue(c.at("kpis", k.row, "objectiveId"), { code: "unknown-reference", id: k.objectiveId, target: SHEET.objectives }));
  for (const i of c.wb.initiatives)
    if (i.objectiveId && !objectives.has(i.objectiveId))
      c.push(makeIssue(c.at("initiatives", i.row, "objectiveId"), { code: "unknown-reference", id: i.objectiveId, target: SHEET.objectives }));
  for (const h of c.wb.handoffs) {
    for (const key of ["from", "to"] as const) {
      const id = h[key];
      if (id && !initiatives.has(id))
        c.push(makeIssue(c.at("handoffs", h.row, key), { code: "unknown-reference", id, target: SHEET.initiatives }));
    }
  }
  for (const ci of c.wb.checkins) {
    const kind = idKind(ci.id);
    const known = kind === "initiative" ? initiatives.has(ci.id) : kind === "kpi" ? kpis.has(ci.id) : false;
    if (!known)
      c.push(
        makeIssue(c.at("checkins", ci.row, "id"), {
          code: "unknown-reference",
          id: ci.id,
          target: kind === "kpi" ? SHEET.kpis : SHEET.initiatives,
        }),
      );
  }
}

/** Start after Due. */
export function startBeforeDue(c: Ctx): void {
  for (const i of c.wb.initiatives)
    if (i.start && i.due && i.start > i.due) c.push(makeIssue(c.at("initiatives", i.row, "start"), { code: "start-after-due", start: i.start, due: i.due }));
}

/** A hand-off from an initiative to itself. */
export function noSelfHandoff(c: Ctx): void {
  for (const h of c.wb.handoffs) if (h.from && h.from === h.to) c.push(makeIssue(c.at("handoffs", h.row, "to"), { code: "self-handoff", id: h.id }));
}

/** Hand-off cycles: every hand-off whose two ends sit on one cycle is reported with the cycle. */
export function noHandoffCycles(c: Ctx): void {
  const edges = c.wb.handoffs.filter((h) => h.from && h.to && h.from !== h.to).map((h) => [h.from!, h.to!] as const);
  const graph = graphOf([], edges);
  for (const cycle of cycles(graph)) {
    const members = new Set(cycle.members);
    for (const h of c.wb.handoffs)
      if (h.from && h.to && h.from !== h.to && members.has(h.from) && members.has(h.to))
        c.push(makeIssue(c.at("handoffs", h.row, "from"), { code: "handoff-cycle", path: cycle.path }));
  }
}

/** A KPI's Direction agrees with where Target lies from Baseline. */
export function kpiDirection(c: Ctx): void {
  for (const k of c.wb.kpis) {
    if (k.direction === null || k.baseline === null || k.target === null || k.baseline === k.target) continue;
    const up = k.target > k.baseline;
    if (up !== (k.direction === "Increase"))
      c.push(makeIssue(c.at("kpis", k.row, "direction"), { code: "direction-mismatch", direction: k.direction, baseline: k.baseline, target: k.target }));
  }
}

/**
 * The last closed period: the latest period with a sealed check-in. Periods up to it are closed
 * (the ledger seals every open period up to the one closed, oldest first).
 */
export function closedThrough(wb: Workbook): Period | undefined {
  let last: Period | undefined;
  for (const ci of wb.checkins) {
    if (!ci.seal) continue;
    const p = parsePeriod(ci.period);
    if (p && (!last || comparePeriods(p, last) > 0)) last = p;
  }
  return last;
}

/** Check-in rules: RAG or Actual present, Path to Green on Amber/Red, one per ID and period, open periods only. */
export function checkinRules(c: Ctx): void {
  const { settings } = c.wb;
  const closed = closedThrough(c.wb);
  const current = settings.currentPeriod ? parsePeriod(settings.currentPeriod) : undefined;
  const first = new Map<string, number>();
  for (const ci of c.wb.checkins) {
    const kind = idKind(ci.id);
    if (kind === "initiative" && ci.rag === null) c.push(makeIssue(c.at("checkins", ci.row, "rag"), { code: "missing-rag", id: ci.id }));
    if (kind === "kpi" && ci.actual === null) c.push(makeIssue(c.at("checkins", ci.row, "actual"), { code: "missing-actual", id: ci.id }));
    if (kind === "initiative" && (ci.rag === "Amber" || ci.rag === "Red") && !ci.pathToGreen?.trim())
      c.push(makeIssue(c.at("checkins", ci.row, "pathToGreen"), { code: "missing-path-to-green", rag: ci.rag }));
    const key = `${ci.id}\u0000${ci.period}`;
    const f = first.get(key);
    if (f !== undefined) c.push(makeIssue(c.at("checkins", ci.row, "id"), { code: "duplicate-checkin", id: ci.id, period: ci.period, firstRow: f }));
    else first.set(key, ci.row);
    const p = parsePeriod(ci.period);
    if (!p) continue;
    if (cadenceOf(p) !== settings.cadence) {
      c.push(makeIssue(c.at("checkins", ci.row, "period"), { code: "period-cadence", period: ci.period, cadence: settings.cadence }));
      continue;
    }
    if (!ci.seal && closed && closed.kind === p.kind && comparePeriods(p, closed) <= 0)
      c.push(makeIssue(c.at("checkins", ci.row, "period"), { code: "checkin-closed-period", period: ci.period, closedThrough: formatPeriod(closed) }));
    else if (current && current.kind === p.kind && comparePeriods(p, current) > 0)
      c.push(makeIssue(c.at("checkins", ci.row, "period"), { code: "checkin-future-period", period: ci.period, current: formatPeriod(current) }));
  }
}

export const CROSS_ROW_RULES = [uniqueIds, referencesExist, startBeforeDue, noSelfHandoff, noHandoffCycles, kpiDirection, checkinRules] as const;

export function runCrossRowRules(wb: Workbook, push: Push): void {
  const at = (sheet: SheetKey, row: number, key: string) => locate(sheet, wb.layout[sheet] as SheetLayout, row, key);
  const ctx: Ctx = { wb, push, at };
  for (const rule of CROSS_ROW_RULES) rule(ctx);
}
