/** DESIGN.md "Status rules", KPI: forecast at Target Date by least squares over Actuals by period end date. */
import { describe, expect, it } from "vitest";
import { daysFromIso } from "@baton/core";
import { checkin, kpi, type RowSpec } from "../support/grids.ts";
import { codes, evaluated, find } from "./world.ts";

/** Last day (Sunday) of each ISO week of November 2026. */
const WEEK_END: Record<string, string> = {
  "2026-W45": "2026-11-08",
  "2026-W46": "2026-11-15",
  "2026-W47": "2026-11-22",
  "2026-W48": "2026-11-29",
};

function judged(
  fields: RowSpec,
  actuals: [string, number][],
  extra: { settings?: Record<string, string> } = {},
) {
  const { ev } = evaluated({
    kpis: [kpi("KPI-1", "OBJ-1", fields)],
    checkins: actuals.map(([period, actual]) => checkin(period, "KPI-1", { Actual: actual })),
    ...extra,
  });
  return find(ev, "kpis", "KPI-1");
}

/** Ordinary least squares through (x, y), evaluated at x0. */
function fitAt(points: [number, number][], x0: number): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return my + (sxy / sxx) * (x0 - mx);
}

describe("the forecast is the least-squares value at Target Date over Actuals placed at their period's end", () => {
  it("fits a line through uneven Actuals", () => {
    const actuals: [string, number][] = [
      ["2026-W45", 12],
      ["2026-W46", 15],
      ["2026-W47", 21],
      ["2026-W48", 22],
    ];
    const k = judged({ Baseline: 0, Target: 100, "Target Date": "2027-03-31" }, actuals);
    const expected = fitAt(
      actuals.map(([p, y]) => [daysFromIso(WEEK_END[p]!)!, y]),
      daysFromIso("2027-03-31")!,
    );
    expect(k.forecast).toBeCloseTo(expected, 6);
    expect(k.latest).toBe(22);
  });
  it("places monthly Actuals at the last day of their month", () => {
    const k = judged(
      { Baseline: 0, Target: 100, "Target Date": "2027-06-30" },
      [
        ["2026-09", 10],
        ["2026-10", 30],
        ["2026-11", 31],
      ],
      {
        settings: { Cadence: "Monthly", "Current Period": "2026-11" },
      },
    );
    const ends: [number, number][] = [
      [daysFromIso("2026-09-30")!, 10],
      [daysFromIso("2026-10-31")!, 30],
      [daysFromIso("2026-11-30")!, 31],
    ];
    expect(k.forecast).toBeCloseTo(fitAt(ends, daysFromIso("2027-06-30")!), 6);
  });
  it("takes Latest from the latest period, not the last row", () => {
    expect(
      judged({}, [
        ["2026-W47", 40],
        ["2026-W46", 30],
      ]).latest,
    ).toBe(40);
  });
});

describe("Green when the forecast meets Target in the KPI's Direction", () => {
  // A flat series forecasts its own level at any date, so each case below is read off directly.
  const flat = (level: number): [string, number][] => [
    ["2026-W46", level],
    ["2026-W47", level],
  ];
  it("meets an Increase target at or above it", () => {
    expect(judged({ Direction: "Increase", Baseline: 0, Target: 50 }, flat(50))).toMatchObject({
      status: "Green",
      reasons: [],
      forecast: 50,
    });
  });
  it("meets a Decrease target at or below it", () => {
    expect(judged({ Direction: "Decrease", Baseline: 100, Target: 50 }, flat(48)).status).toBe(
      "Green",
    );
  });
});

describe("Amber when the forecast reaches at least 90% of the required change from Baseline", () => {
  const flat = (level: number): [string, number][] => [
    ["2026-W46", level],
    ["2026-W47", level],
  ];
  it("Increase: 50 of a required 55 is 90.9%: Amber; 50 of 56 is 89.3%: Red", () => {
    expect(judged({ Direction: "Increase", Baseline: 0, Target: 55 }, flat(50))).toMatchObject({
      status: "Amber",
      reasons: [{ code: "kpi-behind" }],
    });
    expect(judged({ Direction: "Increase", Baseline: 0, Target: 56 }, flat(50))).toMatchObject({
      status: "Red",
      reasons: [{ code: "kpi-off-track" }],
    });
  });
  it("Decrease: from 100 to 45 is a required drop of 55; reaching 50 is a drop of 50, 90.9%: Amber", () => {
    expect(judged({ Direction: "Decrease", Baseline: 100, Target: 45 }, flat(50)).status).toBe(
      "Amber",
    );
    expect(judged({ Direction: "Decrease", Baseline: 100, Target: 44 }, flat(50)).status).toBe(
      "Red",
    );
  });
  it("takes the direction from Baseline towards Target when Direction is blank", () => {
    expect(judged({ Direction: null, Baseline: 100, Target: 45 }, flat(50)).status).toBe("Amber");
  });
});

describe("Red otherwise", () => {
  it("is Red when the trend moves away from the target", () => {
    expect(
      judged({ Direction: "Increase", Baseline: 10, Target: 100 }, [
        ["2026-W46", 10],
        ["2026-W47", 8],
      ]).status,
    ).toBe("Red");
  });
});

describe("Amber with reason no-data when it has fewer than two Actuals", () => {
  it("is Amber with one Actual, and shows it as Latest", () => {
    expect(judged({}, [["2026-W47", 30]])).toMatchObject({
      status: "Amber",
      reasons: [{ code: "kpi-no-data", refs: [] }],
      latest: 30,
      forecast: null,
    });
  });
  it("is Amber with none", () => {
    expect(judged({}, [])).toMatchObject({ status: "Amber", latest: null, forecast: null });
  });
  it("needs Actuals in two periods to draw a line", () => {
    expect(
      codes(
        judged({}, [
          ["2026-W47", 30],
          ["2026-W47", 31],
        ]),
      ),
    ).toEqual(["kpi-no-data"]);
  });
});

describe("Actuals count as of the day judged", () => {
  it("leaves out Actuals for periods that start after it", () => {
    const { ev } = evaluated(
      {
        kpis: [kpi("KPI-1", "OBJ-1")],
        checkins: [
          ["2026-W46", 10],
          ["2026-W47", 20],
          ["2026-W48", 1000],
        ].map(([p, y]) => checkin(p as string, "KPI-1", { Actual: y })),
      },
      "2026-11-20",
    );
    expect(find(ev, "kpis", "KPI-1").latest).toBe(20);
  });
});

describe("once Target Date has passed, the KPI is judged on its latest Actual", () => {
  it("shows the latest Actual as the forecast and says the date has passed", () => {
    const k = judged(
      { Direction: "Increase", Baseline: 0, Target: 100, "Target Date": "2026-11-20" },
      [
        ["2026-W45", 10],
        ["2026-W46", 60],
        ["2026-W47", 95],
      ],
    );
    expect(k).toMatchObject({
      status: "Amber",
      forecast: 95,
      reasons: [{ code: "kpi-nearly-met" }],
    });
    const missed = judged(
      { Direction: "Increase", Baseline: 0, Target: 100, "Target Date": "2026-11-20" },
      [
        ["2026-W46", 60],
        ["2026-W47", 80],
      ],
    );
    expect(missed).toMatchObject({ status: "Red", reasons: [{ code: "kpi-missed" }] });
  });
});

describe("a KPI that cannot be judged", () => {
  it("is Amber when Target or Target Date is missing", () => {
    expect(
      codes(
        judged({ Target: null }, [
          ["2026-W46", 1],
          ["2026-W47", 2],
        ]),
      ),
    ).toEqual(["kpi-incomplete"]);
    expect(
      codes(
        judged({ "Target Date": null }, [
          ["2026-W46", 1],
          ["2026-W47", 2],
        ]),
      ),
    ).toEqual(["kpi-incomplete"]);
  });
});
