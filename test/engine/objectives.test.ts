/** DESIGN.md "Status rules", Objective: the worst of its initiatives (Done and Paused aside) and its KPIs; Done when all its initiatives are Done. */
import { describe, expect, it } from "vitest";
import { checkin, kpi, objective } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, evaluated, find, ini, plus } from "./world.ts";

const amber = (id: string) => checkin(THIS_WEEK, id, { RAG: "Amber", "Path to Green": "A plan" });
const onTrack = (id: string) => [
  checkin("2026-W46", id, { Actual: 10 }),
  checkin("2026-W47", id, { Actual: 20 }),
];
const falling = (id: string) => [
  checkin("2026-W46", id, { Actual: 10 }),
  checkin("2026-W47", id, { Actual: 5 }),
];

describe("the worst of its initiatives and its KPIs", () => {
  it("is Red when any initiative is Red, naming the Red ones only", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1", { Due: plus(AS_OF, -1) }), ini("INI-2"), ini("INI-3")],
      checkins: [amber("INI-2")],
    });
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Red",
      reasons: [{ code: "initiative-red", refs: ["INI-1"] }],
    });
  });
  it("is Amber when the worst below it is Amber, naming initiatives and KPIs", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1")],
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: [amber("INI-1")],
    });
    // KPI-1 has no Actuals: Amber (no-data).
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Amber",
      reasons: [
        { code: "initiative-amber", refs: ["INI-1"] },
        { code: "kpi-amber", refs: ["KPI-1"] },
      ],
    });
  });
  it("is Red when a KPI is Red though every initiative is Green", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1")],
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: falling("KPI-1"),
    });
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Red",
      reasons: [{ code: "kpi-red", refs: ["KPI-1"] }],
    });
  });
  it("sets Done and Paused initiatives aside", () => {
    const { ev } = evaluated({
      initiatives: [
        ini("INI-1"),
        ini("INI-2", { Stage: "Done", Due: plus(AS_OF, -9) }),
        ini("INI-3", { Stage: "On hold", Due: plus(AS_OF, -9) }),
      ],
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: onTrack("KPI-1"),
    });
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({ status: "Green", reasons: [] });
  });
  it("rolls up each objective from its own rows only", () => {
    const { ev } = evaluated({
      objectives: [objective("OBJ-1"), objective("OBJ-2")],
      initiatives: [
        ini("INI-1", { Due: plus(AS_OF, -1) }),
        ini("INI-2", { "Objective ID": "OBJ-2" }),
      ],
    });
    expect(find(ev, "objectives", "OBJ-2").status).toBe("Green");
  });
});

describe("Done when all its initiatives are Done", () => {
  it("is Done, whatever its KPIs say", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1", { Stage: "Done" }), ini("INI-2", { Stage: "Done" })],
      kpis: [kpi("KPI-1", "OBJ-1")],
      checkins: falling("KPI-1"),
    });
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Done",
      reasons: [{ code: "all-done" }],
    });
  });
  it("leaves Cancelled initiatives out of the count, but needs one Done", () => {
    const done = evaluated({
      initiatives: [ini("INI-1", { Stage: "Done" }), ini("INI-2", { Stage: "Cancelled" })],
    }).ev;
    expect(find(done, "objectives", "OBJ-1").status).toBe("Done");
    const cancelled = evaluated({ initiatives: [ini("INI-1", { Stage: "Cancelled" })] }).ev;
    expect(find(cancelled, "objectives", "OBJ-1")).toMatchObject({
      status: "Paused",
      reasons: [{ code: "all-paused" }],
    });
  });
  it("is not Done while one initiative is still open", () => {
    const { ev } = evaluated({ initiatives: [ini("INI-1", { Stage: "Done" }), ini("INI-2")] });
    expect(find(ev, "objectives", "OBJ-1").status).toBe("Green");
  });
});

describe("an objective with nothing under it", () => {
  it("is Green with no reasons", () => {
    expect(find(evaluated({}).ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Green",
      reasons: [],
    });
  });
});
