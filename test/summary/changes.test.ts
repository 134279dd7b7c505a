/**
 * What changed since the previous period (DESIGN.md "Board summary", the headline): the
 * workbook judged as of the last day of last week and as of today, row by row.
 */
import { describe, expect, it } from "vitest";
import { checkin, handoff, kpi, objective } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, LAST_WEEK_END, THIS_WEEK, ini, plus, summarized } from "./support.ts";

const path = { "Path to Green": "A plan" };
/** INI-1 reported `before` last week and `now` this week. */
const reported = (before: string, now: string) => ({
  initiatives: [ini("INI-1")],
  checkins: [
    checkin(LAST_WEEK, "INI-1", { RAG: before, ...path }),
    checkin(THIS_WEEK, "INI-1", { RAG: now, ...path }),
  ],
});
const changes = (spec: Parameters<typeof summarized>[0]) =>
  summarized(spec).summary.changes.map((c) => [c.kind, c.entity, c.id, c.was, c.now]);

describe("newly Red: Red now, not Red then", () => {
  it("lists an initiative that reports Red after Green, and its objective that turns Red with it", () => {
    expect(changes(reported("Green", "Red"))).toEqual([
      ["newly-red", "objective", "OBJ-1", "Green", "Red"],
      ["newly-red", "initiative", "INI-1", "Green", "Red"],
    ]);
  });

  it("lists Amber turning Red too", () => {
    expect(changes(reported("Amber", "Red")).map((c) => c.slice(0, 3))).toEqual([
      ["newly-red", "objective", "OBJ-1"],
      ["newly-red", "initiative", "INI-1"],
    ]);
  });
});

describe("newly Amber: Amber now, neither Red nor Amber then", () => {
  it("lists Green turning Amber", () => {
    expect(changes(reported("Green", "Amber"))).toEqual([
      ["newly-amber", "objective", "OBJ-1", "Green", "Amber"],
      ["newly-amber", "initiative", "INI-1", "Green", "Amber"],
    ]);
  });

  it("does not list Red easing to Amber: it is neither new trouble nor a recovery", () => {
    expect(changes(reported("Red", "Amber"))).toEqual([]);
  });
});

describe("recovered: Red or Amber then, Green or Done now", () => {
  it("lists an initiative back to Green", () => {
    expect(changes(reported("Red", "Green"))).toEqual([
      ["recovered", "objective", "OBJ-1", "Red", "Green"],
      ["recovered", "initiative", "INI-1", "Red", "Green"],
    ]);
  });

  it("lists a KPI that now has the two Actuals it needed to be judged, and is on track", () => {
    const spec = {
      kpis: [kpi("KPI-1", "OBJ-1", { Baseline: 0, Target: 100, "Target Date": "2027-06-30" })],
      checkins: [
        checkin(LAST_WEEK, "KPI-1", { Actual: 50 }),
        checkin(THIS_WEEK, "KPI-1", { Actual: 60 }),
      ],
    };
    expect(changes(spec)).toEqual([
      ["recovered", "objective", "OBJ-1", "Amber", "Green"],
      ["recovered", "kpi", "KPI-1", "Amber", "Green"],
    ]);
  });

  it("does not list an initiative put on hold: Paused is not a recovery", () => {
    const spec = reported("Red", "Red");
    spec.initiatives = [ini("INI-1", { Stage: "On hold" })];
    expect(changes(spec).filter((c) => c[1] === "initiative")).toEqual([]);
  });
});

describe("a hand-off became late: past Needed By now and not then", () => {
  const spec = (neededBy: string) => ({
    initiatives: [ini("INI-1"), ini("INI-2")],
    handoffs: [handoff("DEP-1", "INI-1", "INI-2", { "Needed By": neededBy })],
  });

  it("is listed once, as late, with its days late, and what waits on it turns Red", () => {
    const { summary } = summarized(spec(plus(AS_OF, -2)));
    expect(summary.changes.map((c) => [c.kind, c.id, c.was, c.now, c.daysLate])).toEqual([
      ["newly-red", "OBJ-1", "Green", "Red", null],
      ["newly-red", "INI-2", "Green", "Red", null],
      ["became-late", "DEP-1", "Green", "Red", 2],
    ]);
  });

  it("is not listed when it was late already last week", () => {
    expect(changes(spec(plus(LAST_WEEK_END, -1)))).toEqual([]);
  });
});

describe("delivered: Delivered On after the comparison day, up to today", () => {
  const spec = (deliveredOn: string) => ({
    initiatives: [ini("INI-1"), ini("INI-2")],
    handoffs: [
      handoff("DEP-1", "INI-1", "INI-2", {
        State: "Delivered",
        "Delivered On": deliveredOn,
        "Needed By": plus(AS_OF, -5),
      }),
    ],
  });

  it("lists a hand-off delivered this week with its date (its earlier status is not known: a delivery is read as the sheet states it)", () => {
    const { summary } = summarized(spec(plus(AS_OF, -2)));
    expect(summary.changes).toEqual([
      {
        kind: "delivered",
        entity: "handoff",
        id: "DEP-1",
        name: "Deliverable DEP-1",
        was: null,
        now: "Done",
        daysLate: null,
        deliveredOn: plus(AS_OF, -2),
      },
    ]);
  });

  it("does not list one delivered on or before the comparison day", () => {
    expect(changes(spec(LAST_WEEK_END))).toEqual([]);
  });
});

describe("the order of changes", () => {
  it("is by kind (newly Red, became late, newly Amber, recovered, delivered), then objectives, initiatives, hand-offs, KPIs, then sheet order", () => {
    // OBJ-1 eases from Red (INI-2) to Amber (INI-1) and is not listed; OBJ-2 turns Red with INI-4.
    const { summary } = summarized({
      objectives: [objective("OBJ-1"), objective("OBJ-2")],
      initiatives: [
        ini("INI-1"),
        ini("INI-2"),
        ini("INI-3", { "Objective ID": "OBJ-2" }),
        ini("INI-4", { "Objective ID": "OBJ-2" }),
      ],
      handoffs: [
        handoff("DEP-1", "INI-3", "INI-4", { "Needed By": plus(AS_OF, -1) }),
        handoff("DEP-2", "INI-3", "INI-4", { State: "Delivered", "Delivered On": AS_OF }),
      ],
      checkins: [
        checkin(LAST_WEEK, "INI-1", { RAG: "Green" }),
        checkin(THIS_WEEK, "INI-1", { RAG: "Amber", ...path }),
        checkin(LAST_WEEK, "INI-2", { RAG: "Red", ...path }),
        checkin(THIS_WEEK, "INI-2", { RAG: "Green" }),
      ],
    });
    expect(summary.changes.map((c) => `${c.kind} ${c.id}`)).toEqual([
      "newly-red OBJ-2",
      "newly-red INI-4",
      "became-late DEP-1",
      "newly-amber INI-1",
      "recovered INI-2",
      "delivered DEP-2",
    ]);
  });
});
