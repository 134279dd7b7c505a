/**
 * The members of a portfolio as one workbook the engine can judge: every ID qualified with its
 * member's name (`dev:DEP-3`), a hand-off end that names another workbook kept as it names it
 * (its workbook's name spelled as that member spells it), and each member's rows one after the
 * other, so member m's records sit at `offsets[m]` onward in every list.
 *
 * Decision where DESIGN.md is silent: the engine judges one graph by one calendar, so the
 * portfolio uses the Settings (time zone, cadence, amber window, stale after, holidays) of its
 * first member; a member whose rules differ gets one warning per differing setting at its
 * Settings cell, naming the value used. Current Period and Closers stay each member's own
 * business (validation per member already judged them).
 */
import { makeIssue } from "../issues/issues.ts";
import type { Workbook } from "../workbook/read.ts";
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from "../template/settings.ts";
import type {
  Checkin,
  GateDecision,
  Handoff,
  Initiative,
  Kpi,
  Objective,
} from "../template/sheets.ts";
import { qualifiedRef } from "../template/ids.ts";
import type { Member } from "./members.ts";
import { settingsRow } from "./members.ts";

export interface Offsets {
  readonly objectives: number;
  readonly kpis: number;
  readonly initiatives: number;
  readonly handoffs: number;
}

export interface Merged {
  readonly workbook: Workbook;
  /** Per member in the graph (same order as `members`), where its records start. */
  readonly offsets: readonly Offsets[];
  /** The members in the graph. */
  readonly members: readonly Member[];
}

/** Qualifies an ID with a workbook name. */
export const qualify = (name: string, id: string) => `${name}:${id}`;

/** Joins the members in the graph into one workbook of qualified IDs. */
export function mergeMembers(all: readonly Member[]): Merged {
  const members = all.filter((m) => m.inGraph);
  const spelled = new Map(members.map((m) => [m.name.toLowerCase(), m.name]));
  const objectives: Objective[] = [];
  const kpis: Kpi[] = [];
  const initiatives: Initiative[] = [];
  const handoffs: Handoff[] = [];
  const checkins: Checkin[] = [];
  const gateDecisions: GateDecision[] = [];
  const offsets: Offsets[] = [];
  for (const m of members) {
    offsets.push({
      objectives: objectives.length,
      kpis: kpis.length,
      initiatives: initiatives.length,
      handoffs: handoffs.length,
    });
    const q = (id: string) => qualify(m.name, id);
    const qn = (id: string | null) => (id === null ? null : q(id));
    const end = (id: string | null): string | null => {
      if (id === null) return null;
      const remote = qualifiedRef(id);
      if (!remote) return q(id);
      return qualify(spelled.get(remote.workbook.toLowerCase()) ?? remote.workbook, remote.id);
    };
    const wb = m.workbook;
    for (const o of wb.objectives) objectives.push({ ...o, id: q(o.id) });
    for (const k of wb.kpis) kpis.push({ ...k, id: q(k.id), objectiveId: qn(k.objectiveId) });
    for (const i of wb.initiatives)
      initiatives.push({ ...i, id: q(i.id), objectiveId: qn(i.objectiveId) });
    for (const h of wb.handoffs)
      handoffs.push({ ...h, id: q(h.id), from: end(h.from), to: end(h.to) });
    for (const c of wb.checkins) checkins.push({ ...c, id: q(c.id) });
    // Gates and value are judged per initiative, so its decisions travel with it.
    for (const d of wb.gateDecisions) gateDecisions.push({ ...d, id: qn(d.id) });
  }
  const first = members[0];
  const settings: Settings = first ? first.workbook.settings : DEFAULT_SETTINGS;
  if (first)
    members.forEach((m, i) => {
      if (i > 0) differingRules(m, first);
    });
  return {
    workbook: {
      settings,
      objectives,
      kpis,
      initiatives,
      handoffs,
      checkins,
      gateDecisions,
      layout: {},
    },
    offsets,
    members,
  };
}

const RULES = ["timeZone", "cadence", "amberWindow", "staleAfter", "holidays"] as const;

function differingRules(m: Member, first: Member): void {
  for (const key of RULES) {
    const mine = String(m.workbook.settings[key]);
    const used = String(first.workbook.settings[key]);
    if (mine === used) continue;
    const loc = settingsRow(m.grids, m.workbook, key);
    m.issues.push(
      makeIssue(loc, {
        code: "portfolio-settings-differ",
        key: SETTING_KEYS[key],
        value: mine || "(none)",
        used: used || "(none)",
        usedBy: first.name,
      }),
    );
  }
}
