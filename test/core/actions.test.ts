import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  SHEET,
  checkinEditIssues,
  liveContext,
  paneState,
  setUpTemplatePlan,
  validateGrids,
} from "@baton/core";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

describe("setting up the template", () => {
  it("adds only the sheets a workbook lacks and leaves the team's own data alone", async () => {
    const host = new MemoryHost({
      Initiatives: [
        ["ID", "Initiative"],
        ["INI-1", "Ours"],
      ],
      Notes: [["keep me"]],
    });
    await host.apply(setUpTemplatePlan(await host.sheetNames(), "Europe/Paris"));
    expect((await host.sheetNames()).sort()).toEqual([...Object.values(SHEET), "Notes"].sort());
    expect(host.grid("Initiatives")).toEqual([
      ["ID", "Initiative"],
      ["INI-1", "Ours"],
    ]);
    expect(host.grid("Notes")).toEqual([["keep me"]]);
    const settings = host.grid(SHEET.settings);
    expect(settings).toContainEqual(["Time Zone", "Europe/Paris"]);
  });
  it("does nothing on a workbook that has the template", async () => {
    expect(setUpTemplatePlan(Object.values(SHEET), "UTC").ops).toEqual([]);
  });
});

describe("live validation of an edited check-in row", () => {
  it("gives the same issues for the row as validating the whole workbook", () => {
    const spec = smallWorkbook({
      checkins: [
        checkin("2026-W48", "INI-1", { RAG: "Red" }),
        checkin("2026-W48", "INI-9"),
        checkin("2026-W47", "INI-1"),
        checkin("2026-W48", "KPI-1", { Actual: "n/a" }),
      ],
    });
    const grids = workbookGrids(spec);
    const full = validateGrids(grids);
    const context = liveContext(full.workbook);
    const rows = [5, 6, 7, 8];
    const live = checkinEditIssues(context, grids[SHEET.checkins]!, rows);
    const expected = full.issues.filter((i) => i.sheet === SHEET.checkins && rows.includes(i.row));
    expect(live.map((i) => `${i.code} ${i.cell}`).sort()).toEqual(
      expected.map((i) => `${i.code} ${i.cell}`).sort(),
    );
    expect(live.length).toBe(4);
  });
  it("checks a row typed after the context was built", () => {
    const grids = workbookGrids(smallWorkbook());
    const context = liveContext(validateGrids(grids).workbook);
    const typed = ["2026-W48", "INI-2", "amber", 0.4, null, "Vendor late", null, "Rae", null, null];
    const issues = checkinEditIssues(context, [...grids[SHEET.checkins]!, typed], [5]);
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["missing-path-to-green G5"]);
  });
});

describe("the sidebar's state", () => {
  it("offers only set-up on a workbook without the template", () => {
    const state = paneState({
      grids: { Sheet1: [["a"]] },
      now: new Date("2026-11-26T10:00:00Z"),
      actions: ["validate", "setUpTemplate"],
    });
    expect(state).toMatchObject({ hasTemplate: false, actions: ["setUpTemplate"] });
    // Gate Decisions is not missing: a workbook works without it (Set up adds it all the same).
    expect(state.missingSheets).toEqual(
      Object.values(SHEET).filter((s) => s !== SHEET.gateDecisions),
    );
    expect(state.issues.every((i) => i.code === "missing-sheet")).toBe(true);
  });
  it("lists the workbook's issues and the as-of date in the workbook's zone", () => {
    const grids = workbookGrids(
      smallWorkbook({
        settings: { "Time Zone": "Pacific/Auckland" },
        checkins: [checkin("2026-W48", "INI-1", { RAG: "Amber" })],
      }),
    );
    const state = paneState({
      grids,
      now: new Date("2026-11-26T12:30:00Z"),
      actions: ["validate", "setUpTemplate"],
    });
    expect(state.actions).toEqual(["validate"]);
    expect(state.asOf).toBe("2026-11-27");
    expect(state.issues.map((i) => i.code)).toEqual(["missing-path-to-green"]);
    expect(state.currentPeriod).toBe("2026-W48");
  });
});

describe("the sidebar's hand-offs at risk", () => {
  it("lists the demo's late development hand-off first, with the waiting team and root cause", async () => {
    const { demoContent, templatePlan } = await import("@baton/core");
    const host = new MemoryHost();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "UTC" })));
    const grids = await host.readSheets(Object.values(SHEET));
    const state = paneState({
      grids,
      now: new Date("2026-11-26T09:00:00Z"),
      actions: ["validate"],
    });
    const first = state.atRisk[0]!;
    // DEP-1 was needed 10 days ago and is not delivered: Red, 10 days late, the worst.
    expect(first).toMatchObject({
      id: "DEP-1",
      status: "Red",
      daysLate: 10,
      from: "INI-5",
      fromTeam: "Development",
      to: "INI-1",
      toTeam: "IT Support",
      sheet: "Hand-offs",
      cell: "A2",
    });
    expect(first.rootCauses).toEqual(["DEP-1"]);
    expect(first.reasons.join(" ")).toMatch(/Needed By/);
    // Red ones come before Amber ones.
    const ranks = state.atRisk.map((h) => (h.status === "Red" ? 0 : 1));
    expect([...ranks].sort()).toEqual(ranks);
    const total = Object.values(state.initiativeCounts).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(15);
  });
});
