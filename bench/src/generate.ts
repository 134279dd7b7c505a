/**
 * The benchmark's workbooks, generated from a seed: the same bytes on every machine.
 *
 * They are shaped like the trackers Baton is for. Initiatives sit in programmes of twenty under
 * one objective each and belong to teams drawn at random, so nearly every hand-off crosses
 * teams; hand-offs run forward inside a programme (an initiative provides to one a few places
 * after it), which gives chains several hand-offs deep and no cycles. Most hand-offs are
 * delivered or on time, about one in ten of the open ones is late, a few are declined or
 * committed after they are needed. Check-ins are weekly, one per initiative and KPI and period
 * with a few skipped, over as many weeks as the size needs, ending with the current week
 * partly reported; a few initiatives stopped reporting weeks ago (stale). KPIs get Actuals
 * that trend toward their target, some too slowly.
 */
import {
  daysFromIso,
  formatPeriod,
  isoFromDays,
  periodEnd,
  periodOf,
  previousPeriod,
  type Period,
  type PlanValue,
  type TemplateContent,
} from "@baton/core";
import { seeded, type Random } from "./random.ts";

export type SizeName = "S" | "M" | "L";

export interface Size {
  readonly name: SizeName;
  readonly objectives: number;
  readonly initiatives: number;
  readonly handoffs: number;
  readonly kpis: number;
  readonly checkins: number;
}

/** Initiatives per programme (one objective each). */
export const PROGRAMME = 20;

export const SIZES: Readonly<Record<SizeName, Size>> = {
  S: { name: "S", objectives: 5, initiatives: 100, handoffs: 300, kpis: 20, checkins: 2_000 },
  M: {
    name: "M",
    objectives: 50,
    initiatives: 1_000,
    handoffs: 3_000,
    kpis: 200,
    checkins: 20_000,
  },
  L: {
    name: "L",
    objectives: 500,
    initiatives: 10_000,
    handoffs: 30_000,
    kpis: 2_000,
    checkins: 250_000,
  },
};

/** The day every figure is judged as of: a Thursday, in the current (partly reported) week. */
export const AS_OF = "2026-11-26";
export const TIME_ZONE = "Europe/Berlin";

const FIRST = [
  "Aisha",
  "Ben",
  "Chen",
  "Dana",
  "Elif",
  "Femi",
  "Greta",
  "Hiro",
  "Ines",
  "Jonas",
  "Kofi",
  "Lena",
  "Marco",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tomas",
];
const LAST = [
  "Khan",
  "Okafor",
  "Becker",
  "Weber",
  "Demir",
  "Rossi",
  "Fischer",
  "Nair",
  "Silva",
  "Novak",
  "Tanaka",
  "Moreau",
  "Larsen",
  "Costa",
  "Haddad",
];
const VERBS = [
  "Automate",
  "Migrate",
  "Launch",
  "Retire",
  "Consolidate",
  "Redesign",
  "Harden",
  "Roll out",
  "Pilot",
  "Standardise",
];
const NOUNS = [
  "ticket routing",
  "billing service",
  "customer portal",
  "data warehouse",
  "identity platform",
  "release pipeline",
  "network edge",
  "reporting suite",
  "mobile app",
  "vendor onboarding",
  "asset register",
  "service catalogue",
];
const DELIVERABLES = [
  "API contract",
  "test environment",
  "data extract",
  "security review",
  "signed-off design",
  "load test report",
  "firewall change",
  "schema migration",
  "runbook",
  "SSO configuration",
  "vendor quote",
  "training material",
];
const COMMENTS = [
  "On plan for this week.",
  "Waiting on the vendor's answer.",
  "Testing took longer than planned.",
  "Scope agreed with the business.",
  "Two people out sick this week.",
  "Pilot group gave good feedback.",
  "Cut-over rehearsed successfully.",
  "Budget approval still pending.",
];
const PATHS = [
  "Escalated to the steering group; decision due Friday.",
  "Extra tester from the platform team for two weeks.",
  "Descoped the reporting module to the next release.",
  "Vendor committed a fix date; tracking daily.",
];
const UNITS = ["%", "hours", "tickets", "customers", "services", "EUR k"];

export interface Generated {
  readonly size: Size;
  readonly content: TemplateContent;
  /** Periods that have check-ins, oldest first; the last is the current one. */
  readonly periods: readonly string[];
}

const person = (r: Random) => `${r.pick(FIRST)} ${r.pick(LAST)}`;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The workbook of a size, as template content (rows in template column order). */
export function generate(size: Size, seed = 20261126): Generated {
  const r = seeded(seed ^ size.initiatives);
  const T = daysFromIso(AS_OF)!;
  const d = (offset: number) => isoFromDays(T + offset);
  const teams = Math.max(4, Math.round(size.initiatives / 40));
  const teamName = (i: number) => `Team ${String(i + 1).padStart(3, "0")}`;

  const objectives: PlanValue[][] = [];
  for (let o = 1; o <= size.objectives; o++)
    objectives.push([
      `OBJ-${o}`,
      `${r.pick(VERBS)} the ${r.pick(NOUNS)} estate (${o})`,
      person(r),
      d(r.int(60, 400)),
      r.chance(0.3) ? "Board priority" : null,
      null,
      null,
    ]);

  const kpiInfo: { id: string; baseline: number; target: number; pace: number }[] = [];
  const kpis: PlanValue[][] = [];
  for (let k = 1; k <= size.kpis; k++) {
    const increase = r.chance(0.6);
    const baseline = r.int(10, 200);
    const change = r.int(10, 100);
    const target = increase ? baseline + change : Math.max(0, baseline - change);
    // Most KPIs move fast enough to meet target; some stall halfway.
    const pace =
      r.weighted({ fast: 6, slow: 3, flat: 1 }) === "fast" ? 1.1 : r.chance(0.5) ? 0.85 : 0.3;
    kpiInfo.push({ id: `KPI-${k}`, baseline, target, pace });
    kpis.push([
      `KPI-${k}`,
      `OBJ-${1 + ((k - 1) % size.objectives)}`,
      `${r.pick(NOUNS)} ${r.pick(["adoption", "cost", "uptime", "lead time", "backlog"])}`,
      r.pick(UNITS),
      increase ? "Increase" : "Decrease",
      baseline,
      target,
      d(r.int(60, 420)),
      person(r),
      null,
      null,
      null,
    ]);
  }

  const initiatives: PlanValue[][] = [];
  const owners: string[] = [];
  const stages: string[] = [];
  for (let i = 0; i < size.initiatives; i++) {
    const stage = r.weighted({
      "Not started": 8,
      "In progress": 72,
      "On hold": 4,
      Done: 13,
      Cancelled: 3,
    });
    const start = -r.int(20, 300);
    const due = stage === "Done" ? start + r.int(30, Math.max(31, -start)) : start + r.int(90, 480);
    const owner = person(r);
    owners.push(owner);
    stages.push(stage);
    initiatives.push([
      `INI-${i + 1}`,
      `OBJ-${1 + Math.floor(i / PROGRAMME)}`,
      `${r.pick(VERBS)} ${r.pick(NOUNS)}`,
      teamName(r.int(0, teams - 1)),
      owner,
      d(start),
      d(due),
      stage,
      null,
      null,
      null,
    ]);
  }

  const handoffs: PlanValue[][] = [];
  const programmes = Math.ceil(size.initiatives / PROGRAMME);
  for (let h = 0; h < size.handoffs; h++) {
    const base = (h % programmes) * PROGRAMME;
    const span = Math.min(PROGRAMME, size.initiatives - base);
    const from = r.int(0, span - 2);
    const to = r.int(from + 1, Math.min(span - 1, from + 6));
    let state = r.weighted({
      Requested: 12,
      Accepted: 20,
      "In progress": 25,
      Delivered: 40,
      Declined: 3,
    });
    let needed = r.int(-90, 120);
    // Open hand-offs are mostly still ahead of their date; about one in ten is late.
    if (state !== "Delivered" && needed < 0 && r.chance(0.75)) needed = r.int(1, 120);
    if (state === "Delivered" && needed > 20) state = r.chance(0.5) ? "Delivered" : "In progress";
    const deliveredOn = state === "Delivered" ? d(Math.min(0, needed + r.int(-15, 5))) : null;
    const committed =
      (state === "Accepted" || state === "In progress") && r.chance(0.5)
        ? d(needed + (r.chance(0.1) ? r.int(1, 20) : -r.int(0, 10)))
        : null;
    handoffs.push([
      `DEP-${h + 1}`,
      `INI-${base + from + 1}`,
      `INI-${base + to + 1}`,
      `${r.pick(DELIVERABLES)} for ${r.pick(NOUNS)}`,
      d(needed),
      committed,
      deliveredOn,
      state,
      person(r),
      null,
      null,
      null,
    ]);
  }

  // Weekly check-ins, built from the current week backwards until there are enough; the
  // current week is then cut to the count, as a week still being reported is.
  const ids = [
    ...initiatives.map((row, i) => ({ id: row[0] as string, initiative: i })),
    ...kpiInfo.map((k, j) => ({ id: k.id, kpi: j })),
  ];
  const current = periodOf(AS_OF, "Weekly");
  // A few initiatives stopped reporting some weeks ago: they are stale.
  const silentFor = initiatives.map(() => (r.chance(0.05) ? r.int(3, 12) : 0));
  const rag = initiatives.map(() => "Green");
  const buckets: PlanValue[][][] = [];
  const periods: Period[] = [];
  let total = 0;
  for (
    let back = 0, period = current;
    total < size.checkins;
    back++, period = previousPeriod(period)
  ) {
    const name = formatPeriod(period);
    const friday = Math.min(T, daysFromIso(periodEnd(period))! - 2);
    // How far along the work is in that week: all of it half a year from now.
    const progress = Math.max(0.02, 0.75 - back / 40);
    const rows: PlanValue[][] = [];
    for (const who of ids) {
      if (!r.chance(0.93)) continue;
      const reportedAt = `${isoFromDays(friday - r.int(0, 2))}T${String(r.int(8, 18)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}:00`;
      if ("initiative" in who) {
        const i = who.initiative;
        if (back < silentFor[i]! || stages[i] === "Not started") continue;
        if (!r.chance(0.75)) rag[i] = r.weighted({ Green: 70, Amber: 20, Red: 10 });
        const g = rag[i]!;
        rows.push([
          name,
          who.id,
          g,
          round(Math.min(1, (progress * r.int(70, 110)) / 100), 2),
          null,
          r.pick(COMMENTS),
          g === "Green" ? null : r.pick(PATHS),
          owners[i]!,
          reportedAt,
          null,
        ]);
      } else {
        const k = kpiInfo[who.kpi]!;
        const actual =
          k.baseline + ((k.target - k.baseline) * progress * k.pace * r.int(90, 110)) / 100;
        rows.push([
          name,
          k.id,
          null,
          null,
          round(actual, 1),
          null,
          null,
          person(r),
          reportedAt,
          null,
        ]);
      }
    }
    buckets.push(rows);
    periods.unshift(period);
    total += rows.length;
  }
  const excess = total - size.checkins;
  if (excess < buckets[0]!.length) buckets[0]!.length -= excess;
  else buckets[buckets.length - 1]!.splice(0, excess);
  const checkins = buckets.reverse().flat();

  return {
    size,
    periods: periods.map(formatPeriod),
    content: {
      settings: {
        timeZone: TIME_ZONE,
        cadence: "Weekly",
        amberWindow: 5,
        staleAfter: 1,
        holidays: ["2026-12-24", "2026-12-25", "2026-12-31"],
        currentPeriod: formatPeriod(current),
      },
      objectives,
      kpis,
      initiatives,
      handoffs,
      checkins,
    },
  };
}
