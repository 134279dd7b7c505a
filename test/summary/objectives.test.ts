/**
 * Objectives with their status and initiatives by status; KPIs with their progress against
 * target and their trend.
 */
import { describe, expect, it } from "vitest";
import { formatPeriod, periodOf } from "@baton/core";
import { checkin, kpi, objective } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, THIS_WEEK, ini, plus, summarized } from "./support.ts";

describe("objectives with status, worst first", () => {
  it("counts each objective's initiatives by status and lists its KPIs", () => {
    const { summary } = summarized({
      objectives: [
        objective("OBJ-1", { Objective: "Grow", Owner: "Ana", "Target Date": "2027-06-30" }),
        objective("OBJ-2"),
        objective("OBJ-3"),
      ],
      initiatives: [
        ini("INI-1", { Due: plus(AS_OF, -1) }),
        ini("INI-2"),
        ini("INI-3", { Stage: "Done" }),
        ini("INI-4", { "Objective ID": "OBJ-2", Stage: "Done" }),
        ini("INI-5", { "Objective ID": "OBJ-3" }),
      ],
      kpis: [kpi("KPI-1", "OBJ-3"), kpi("KPI-2", "OBJ-3")],
    });
    // OBJ-1 is Red (INI-1 overdue); OBJ-3 Amber (its KPIs have no Actuals); OBJ-2 Done.
    expect(summary.objectives.map((o) => [o.id, o.status])).toEqual([
      ["OBJ-1", "Red"],
      ["OBJ-3", "Amber"],
      ["OBJ-2", "Done"],
    ]);
    expect(summary.objectives[0]).toMatchObject({
      name: "Grow",
      owner: "Ana",
      targetDate: "2027-06-30",
      initiatives: { Red: 1, Amber: 0, Green: 1, Done: 1, Paused: 0 },
      kpis: [],
      reasons: [{ code: "initiative-red", refs: ["INI-1"] }],
    });
    expect(summary.objectives[1]!.kpis).toEqual(["KPI-1", "KPI-2"]);
  });
});

describe("KPI progress against target", () => {
  const progress = (row: Parameters<typeof kpi>[2], actuals: number[]) =>
    summarized({
      kpis: [kpi("KPI-1", "OBJ-1", row)],
      checkins: actuals.map((a, i) =>
        checkin(i === 0 ? LAST_WEEK : THIS_WEEK, "KPI-1", { Actual: a }),
      ),
    }).summary.kpis[0]!;

  it("is the share of the change from Baseline to Target the latest Actual has made, whichever the direction", () => {
    expect(
      progress({ Direction: "Decrease", Baseline: 40, Target: 20 }, [39, 38]).progress,
    ).toBeCloseTo((38 - 40) / (20 - 40), 12);
    expect(progress({ Baseline: 0, Target: 200 }, [20, 50]).progress).toBeCloseTo(0.25, 12);
  });

  it("is negative when the KPI moved away from its Target", () => {
    expect(progress({ Baseline: 100, Target: 200 }, [95, 90]).progress).toBeCloseTo(-0.1, 12);
  });

  it("is unknown without an Actual, or when Target equals Baseline", () => {
    expect(progress({}, []).progress).toBeNull();
    expect(progress({ Baseline: 5, Target: 5 }, [5, 6]).progress).toBeNull();
  });

  it("carries the engine's latest, forecast, status and reasons", () => {
    // Actuals sit at their week's last day: 10 on Sunday 2026-11-22, 20 on 2026-11-29, ten a
    // week, so 120 ten weeks after the 29th.
    const k = progress(
      { Baseline: 0, Target: 100, "Target Date": plus("2026-11-29", 70) },
      [10, 20],
    );
    expect(k).toMatchObject({ latest: 20, forecast: 120, status: "Green", reasons: [] });
  });
});

const YEAR_OF_WEEKS = 52;

describe("KPI trend", () => {
  it("has one Actual per period up to the as-of day, oldest first, at the period's last day; the row entered last wins a period", () => {
    const { summary } = summarized({
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: [
        checkin(LAST_WEEK, "KPI-1", { Actual: 30 }),
        checkin("2026-W46", "KPI-1", { Actual: 10 }),
        checkin(LAST_WEEK, "KPI-1", { Actual: 35 }),
        checkin(THIS_WEEK, "KPI-1", { Actual: 40 }),
        // Next week has not started.
        checkin("2026-W49", "KPI-1", { Actual: 99 }),
        // Another KPI's check-in, and an initiative's.
        checkin(THIS_WEEK, "KPI-2", { Actual: 1 }),
        checkin(THIS_WEEK, "INI-1"),
      ],
    });
    expect(summary.kpis[0]!.trend).toEqual([
      { period: "2026-W46", end: "2026-11-15", actual: 10 },
      { period: LAST_WEEK, end: "2026-11-22", actual: 35 },
      { period: THIS_WEEK, end: "2026-11-29", actual: 40 },
    ]);
    expect(summary.kpis[0]!.latest).toBe(40);
  });

  it(`keeps the latest ${YEAR_OF_WEEKS} periods: a year of weeks`, () => {
    const weeks = 60;
    const checkins = Array.from({ length: weeks }, (_, i) => {
      // This week and the 59 before it.
      const thursday = plus(AS_OF, -7 * (weeks - 1 - i));
      return {
        thursday,
        row: checkin(formatPeriod(periodOf(thursday, "Weekly")), "KPI-1", { Actual: i }),
      };
    });
    const { summary } = summarized({
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: checkins.map((c) => c.row),
    });
    const trend = summary.kpis[0]!.trend;
    expect(trend).toHaveLength(YEAR_OF_WEEKS);
    expect(trend.map((p) => p.actual)).toEqual(
      Array.from({ length: YEAR_OF_WEEKS }, (_, i) => weeks - YEAR_OF_WEEKS + i),
    );
  });
});
