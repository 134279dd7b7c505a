/**
 * Recording a gate decision from the Sheets sidebar, through the built bundle in node:vm: the
 * server function runs the core action under the document lock, in the signed-in person's
 * name (matched through People), and a decision that breaks a rule changes nothing.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type ActionOutcome, type PaneState } from "@baton/core";
import { loadProject } from "./support/bundle.ts";
import { initiative, smallWorkbook, workbookGrids } from "../support/grids.ts";

const grids = () => ({
  ...workbookGrids({
    ...smallWorkbook({
      initiatives: [initiative("INI-3", "OBJ-1", { Sponsor: "Sam Okafor", Controller: "Cora" })],
    }),
    gateDecisions: [
      {
        Date: "2026-10-01",
        ID: "INI-3",
        Gate: 2,
        Decision: "Approved",
        "Decided By": "Ines",
        Role: "Owner",
        Evidence: "Business case v1",
      },
    ],
  }),
  People: [
    ["Name", "Email"],
    ["Sam Okafor", "sam@example.com"],
  ],
});

const form = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: "INI-3",
    gate: "3",
    decision: "Approved",
    decidedBy: "",
    evidence: "Steering minutes",
    confirmedValue: "",
    ...o,
  });

type Project = ReturnType<typeof loadProject>;

/** A sheet's cells as shown, row by row. */
const shown = (p: Project, sheet: string) => {
  const s = p.book.sheet(sheet);
  return Array.from({ length: s.lastRow() }, (_, r) =>
    Array.from({ length: s.lastColumn() }, (_, c) => s.display(r + 1, c + 1)),
  );
};

const column = (p: Project, sheet: string, header: string) =>
  shown(p, sheet)[0]!.indexOf(header) + 1;

describe("the sidebar records a gate decision", () => {
  it("offers the form with the signed-in person as decider, and records in their name under the lock", () => {
    const p = loadProject(grids(), { user: "sam@example.com", now: "2026-11-26T10:00:00Z" });
    const state = p.call("batonPaneState") as PaneState;
    expect(state.actions).toContain("recordGateDecision");
    expect(state.gateForm?.decider).toBe("Sam Okafor");
    expect(state.gateForm?.initiatives.find((i) => i.id === "INI-3")?.gate).toBe(2);

    const unlocked = p.book.writesOutsideLock;
    const outcome = p.call("batonRun", "recordGateDecision", form()) as ActionOutcome;
    expect(outcome).toMatchObject({
      ok: true,
      message:
        "Recorded on Gate Decisions row 3: INI-3 gate 3 approved by Sam Okafor (Sponsor). INI-3 is at gate 3.",
    });
    expect(p.book.writesOutsideLock).toBe(unlocked);
    const gd = p.book.sheet(SHEET.gateDecisions);
    const at = (header: string) => gd.display(3, column(p, SHEET.gateDecisions, header));
    expect(["Date", "ID", "Gate", "Decided By", "Role", "Evidence"].map(at)).toEqual([
      "2026-11-26",
      "INI-3",
      "3",
      "Sam Okafor",
      "Sponsor",
      "Steering minutes",
    ]);
    const ini = p.book.sheet(SHEET.initiatives);
    const gate = column(p, SHEET.initiatives, "Gate");
    expect(ini.cell(4, gate)?.value).toBe(3);
    expect((p.call("batonPaneState") as PaneState).gateForm?.initiatives.at(-1)?.gate).toBe(3);
  });

  it("refuses the Owner signing the Sponsor's gate: nothing written, the issue at its cell", () => {
    const p = loadProject(grids(), { user: "ines@example.com", now: "2026-11-26T10:00:00Z" });
    // Ines is not in People, but her address names an Owner.
    expect((p.call("batonPaneState") as PaneState).gateForm?.decider).toBe("Ines");
    const before = shown(p, SHEET.gateDecisions);
    const outcome = p.call("batonRun", "recordGateDecision", form()) as ActionOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.issues?.map((i) => [i.sheet, i.cell.replace(/\d+$/, ""), i.column])).toEqual([
      [SHEET.gateDecisions, "E", "Decided By"],
    ]);
    expect(shown(p, SHEET.gateDecisions)).toEqual(before);
  });

  it("answers a form it cannot read in words, never an exception", () => {
    const p = loadProject(grids());
    expect(p.call("batonRun", "recordGateDecision", "{")).toEqual({
      ok: false,
      message: expect.stringMatching(/^The gate decision could not be read/),
    });
    expect(p.call("batonRun", "recordGateDecision")).toMatchObject({ ok: false });
  });
});
