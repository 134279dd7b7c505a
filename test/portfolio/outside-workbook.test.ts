/**
 * DESIGN.md "Portfolio": a workbook names itself in Settings (Workbook) and a hand-off may name
 * another workbook's initiative as `dev:INI-7`. Alone, such a workbook tells it as an info and
 * judges the hand-off by its own row.
 */
import { describe, expect, it } from "vitest";
import { hasErrors, runAction, validateGrids } from "@baton/core";
import { handoff, workbookGrids } from "../support/grids.ts";
import { AS_OF, evaluated, find, ini, plus, world } from "../engine/world.ts";

const waitingOnDev = (fields = {}) => ({
  initiatives: [ini("INI-1", { Team: "IT Support" })],
  handoffs: [handoff("DEP-1", "dev:INI-7", "INI-1", { "Needed By": plus(AS_OF, 20), ...fields })],
  settings: { Workbook: "support" },
});

describe("Settings: Workbook", () => {
  it("reads a short name of letters, digits and dashes", () => {
    const { workbook, issues } = evaluated(waitingOnDev());
    expect(workbook.settings.workbook).toBe("support");
    expect(issues.filter((i) => i.code === "invalid-setting")).toEqual([]);
  });
  it("refuses any other name at its cell, saying what a name may hold", () => {
    const { issues } = evaluated({ settings: { Workbook: "IT support" } });
    const bad = issues.find((i) => i.code === "invalid-setting")!;
    expect(bad).toMatchObject({ sheet: "Settings", column: "Value", severity: "error" });
    expect(bad.message).toContain("letters, digits and dashes");
  });
});

describe("a hand-off end in another workbook", () => {
  it("is an info naming the cell, never an error", () => {
    const { issues } = evaluated(waitingOnDev());
    const info = issues.filter((i) => i.code === "outside-workbook");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      severity: "info",
      sheet: "Hand-offs",
      row: 2,
      column: "From Initiative",
      cell: "B2",
    });
    expect(info[0]!.message).toContain("dev:INI-7");
    expect(hasErrors(issues)).toBe(false);
  });
  it("is read with the spaces around its colon left out", () => {
    const { workbook } = evaluated(waitingOnDev({ "From Initiative": " dev : INI-7 " }));
    expect(workbook.handoffs[0]!.from).toBe("dev:INI-7");
  });
  it("still refuses text that is neither an ID nor a qualified one", () => {
    const { issues } = evaluated(waitingOnDev({ "From Initiative": "dev team:INI-7" }));
    expect(issues.find((i) => i.code === "invalid-reference")?.cell).toBe("B2");
  });
  it("names this workbook's own initiative when qualified by its own name", () => {
    const { workbook, issues } = evaluated(
      waitingOnDev({ "From Initiative": "Support:INI-1", "To Initiative": "INI-1" }),
    );
    expect(workbook.handoffs[0]!.from).toBe("INI-1");
    expect(issues.some((i) => i.code === "outside-workbook")).toBe(false);
  });
  it("leaves the status unknown: the hand-off is judged by its own row, not Red", () => {
    const { ev } = evaluated(waitingOnDev());
    expect(find(ev, "handoffs", "DEP-1").status).toBe("Green");
    expect(find(ev, "initiatives", "INI-1").status).toBe("Green");
  });
  it("still turns Red by its own row when late", () => {
    const { ev } = evaluated(waitingOnDev({ "Needed By": plus(AS_OF, -3) }));
    expect(find(ev, "handoffs", "DEP-1").status).toBe("Red");
    expect(find(ev, "initiatives", "INI-1").rootCauses).toEqual(["DEP-1"]);
  });
  it("does not fail validation: the action is ok and counts it as a note", () => {
    const grids = workbookGrids(world(waitingOnDev()));
    const { outcome } = runAction(
      "validate",
      { sheetNames: Object.keys(grids), grids },
      { now: new Date(`${AS_OF}T12:00:00Z`) },
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain("1 note");
    expect(outcome.message).not.toContain("warning");
    expect(validateGrids(grids).issues.map((i) => i.severity)).toContain("info");
  });
});
