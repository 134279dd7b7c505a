/**
 * A large workbook for benchmarks, as grids: objectives, KPIs, initiatives, hand-offs and weekly
 * check-ins in the proportions of DESIGN.md's sizing (10k initiatives, 30k hand-offs, 2k KPIs,
 * 250k check-ins). A seeded generator keeps runs comparable.
 */
import {
  COLUMNS,
  SHEET,
  daysFromIso,
  formatPeriod,
  isoFromDays,
  periodOf,
  previousPeriod,
  type CellValue,
  type Period,
} from "@baton/core";

export interface LargeOptions {
  readonly asOf: string;
  readonly initiatives: number;
  readonly handoffs: number;
  readonly kpis: number;
  readonly checkins: number;
  /** "local": hand-offs mostly between nearby initiatives; "random": any earlier to any later one; "cyclic": random, some backwards. */
  readonly shape: "local" | "random" | "cyclic";
  readonly seed?: number;
}

export function largeGrids(o: LargeOptions): Record<string, CellValue[][]> {
  let state = o.seed ?? 42;
  const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const int = (n: number) => Math.floor(rand() * n);
  const today = daysFromIso(o.asOf)!;
  const d = (offset: number) => isoFromDays(today + offset);
  const header = (key: keyof typeof COLUMNS) => COLUMNS[key].map((c) => c.header);

  const objectives = Math.max(1, Math.round(o.initiatives / 50));
  const objectiveRows: CellValue[][] = [header("objectives")];
  for (let k = 1; k <= objectives; k++)
    objectiveRows.push([`OBJ-${k}`, `Objective ${k}`, "Owner", d(200), null, null, null]);

  const kpiRows: CellValue[][] = [header("kpis")];
  for (let k = 1; k <= o.kpis; k++)
    kpiRows.push([
      `KPI-${k}`,
      `OBJ-${1 + int(objectives)}`,
      `KPI ${k}`,
      "units",
      "Increase",
      0,
      100,
      d(60 + int(200)),
      "Owner",
      null,
      null,
      null,
    ]);

  const stages = [
    "In progress",
    "In progress",
    "In progress",
    "In progress",
    "Not started",
    "Done",
    "On hold",
  ];
  const iniRows: CellValue[][] = [header("initiatives")];
  for (let k = 1; k <= o.initiatives; k++)
    iniRows.push([
      `INI-${k}`,
      `OBJ-${1 + int(objectives)}`,
      `Initiative ${k}`,
      `Team ${1 + int(40)}`,
      "Owner",
      d(-150 + int(100)),
      d(-10 + int(200)),
      stages[int(stages.length)]!,
      null,
      null,
      null,
    ]);

  const states = ["Requested", "Accepted", "In progress", "Delivered", "Declined"];
  const handoffRows: CellValue[][] = [header("handoffs")];
  for (let k = 1; k <= o.handoffs; k++) {
    const n = o.initiatives;
    let from = int(n);
    let to: number;
    if (o.shape === "local") to = Math.min(n - 1, from + 1 + int(50));
    else to = int(n);
    if (o.shape !== "cyclic" || rand() > 0.001) {
      if (to < from) [from, to] = [to, from];
      if (to === from) to = Math.min(n - 1, from + 1);
    }
    if (to === from) from = Math.max(0, to - 1);
    const state = states[int(states.length)]!;
    const needed = -30 + int(90);
    handoffRows.push([
      `DEP-${k}`,
      `INI-${from + 1}`,
      `INI-${to + 1}`,
      `Deliverable ${k}`,
      d(needed),
      rand() < 0.3 ? d(needed + int(10) - 3) : null,
      state === "Delivered" ? d(needed) : null,
      state,
      "Owner",
      null,
      null,
      null,
    ]);
  }

  // Weekly check-ins, newest week last, spread over initiatives and KPIs.
  const weeks: Period[] = [periodOf(o.asOf, "Weekly")];
  const perRow = Math.max(1, Math.ceil(o.checkins / (o.initiatives + o.kpis)));
  for (let k = 1; k < perRow; k++) weeks.unshift(previousPeriod(weeks[0]!));
  const rags = ["Green", "Green", "Green", "Green", "Amber", "Red"];
  const checkinRows: CellValue[][] = [header("checkins")];
  outer: for (const week of weeks) {
    const p = formatPeriod(week);
    for (let k = 1; k <= o.initiatives; k++) {
      if (checkinRows.length > o.checkins) break outer;
      const rag = rags[int(rags.length)]!;
      checkinRows.push([
        p,
        `INI-${k}`,
        rag,
        rand(),
        null,
        "Comment",
        rag === "Green" ? null : "Plan",
        "Reporter",
        null,
        null,
      ]);
    }
    for (let k = 1; k <= o.kpis; k++) {
      if (checkinRows.length > o.checkins) break outer;
      checkinRows.push([p, `KPI-${k}`, null, null, int(100), null, null, "Reporter", null, null]);
    }
  }

  const settings: CellValue[][] = [
    ["Key", "Value"],
    ["Time Zone", "UTC"],
    ["Cadence", "Weekly"],
    ["Holidays", d(10)],
    ["Current Period", formatPeriod(weeks.at(-1)!)],
  ];
  return {
    [SHEET.objectives]: objectiveRows,
    [SHEET.kpis]: kpiRows,
    [SHEET.initiatives]: iniRows,
    [SHEET.handoffs]: handoffRows,
    [SHEET.checkins]: checkinRows,
    [SHEET.settings]: settings,
  };
}
