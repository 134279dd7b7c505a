/**
 * The sidebar's statuses: initiatives counted by status, and the red and amber hand-offs worst
 * first (Red before Amber, the latest first), each with the teams on both sides and where its
 * trouble starts.
 */
import { describe, expect, it } from "vitest";
import { evaluate, handoffsAtRisk, initiativeCounts, paneState, validateGrids } from "@baton/core";
import { checkin, handoff, initiative, objective, workbookGrids } from "../support/grids.ts";

const AS_OF = "2026-11-26";
const grids = workbookGrids({
  objectives: [objective("OBJ-1")],
  initiatives: [
    initiative("INI-1", "OBJ-1"),
    initiative("INI-2", "OBJ-1", { Team: "Team B" }),
    initiative("INI-3", "OBJ-1", { Team: "Team C" }),
  ],
  handoffs: [
    // Six days late: Red.
    handoff("DEP-1", "INI-1", "INI-2", { "Needed By": "2026-11-20" }),
    // Not due for weeks, but its provider INI-2 is Red through DEP-1: Amber, inherited.
    handoff("DEP-2", "INI-2", "INI-3"),
    // Sixteen days late: Red, and the latest.
    handoff("DEP-3", "INI-1", "INI-3", { "Needed By": "2026-11-10" }),
  ],
  checkins: ["INI-1", "INI-2", "INI-3"].map((id) => checkin("2026-W47", id)),
  settings: { "Current Period": "2026-W48" },
});

describe("red and amber hand-offs are listed worst first", () => {
  const { workbook } = validateGrids(grids);
  const evaluation = evaluate(workbook, { asOf: AS_OF });
  const atRisk = handoffsAtRisk(workbook, evaluation);

  it("puts Red before Amber and the latest Red first", () => {
    expect(atRisk.map((h) => [h.id, h.status, h.daysLate])).toEqual([
      ["DEP-3", "Red", 16],
      ["DEP-1", "Red", 6],
      ["DEP-2", "Amber", 0],
    ]);
  });

  it("names the teams on each side, the owner, the cell, and where the trouble starts", () => {
    const dep2 = atRisk.find((h) => h.id === "DEP-2")!;
    expect(dep2).toMatchObject({
      from: "INI-2",
      fromTeam: "Team B",
      to: "INI-3",
      toTeam: "Team C",
      owner: "Hana",
      sheet: "Hand-offs",
      cell: "A3",
      deliverable: "Deliverable DEP-2",
    });
    expect(dep2.rootCauses).toEqual(["DEP-1"]);
    expect(dep2.reasons.length).toBeGreaterThan(0);
  });

  it("counts the initiatives: the two fed by a red hand-off are Red, the provider is Green", () => {
    expect(initiativeCounts(evaluation)).toEqual({ Red: 2, Green: 1 });
  });
});

describe("the pane's state carries the statuses once the template is there", () => {
  it("fills atRisk and the counts as of today in the workbook's zone", () => {
    const state = paneState({ grids, now: new Date(`${AS_OF}T12:00:00Z`), actions: ["validate"] });
    expect(state.atRisk.map((h) => h.id)).toEqual(["DEP-3", "DEP-1", "DEP-2"]);
    expect(state.initiativeCounts).toEqual({ Red: 2, Green: 1 });
  });

  it("has none without the template", () => {
    const state = paneState({
      grids: { Sheet1: [["x"]] },
      now: new Date(`${AS_OF}T12:00:00Z`),
      actions: ["setUpTemplate"],
    });
    expect(state.atRisk).toEqual([]);
    expect(state.initiativeCounts).toEqual({});
  });
});
