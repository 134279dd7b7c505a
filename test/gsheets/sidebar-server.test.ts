/**
 * The sidebar's server functions, called by name as `google.script.run` calls them: they answer
 * in plain JSON (dates as ISO strings), select the cells the pane points at, and run actions
 * without ever throwing at the pane.
 */
import { describe, expect, it } from "vitest";
import { SHEET, validateGrids, type ActionOutcome, type PaneState } from "@baton/core";
import { loadProject } from "./support/bundle.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

const TEMPLATE = Object.values(SHEET);
const withIssues = () =>
  workbookGrids(
    smallWorkbook({
      checkins: [checkin("2026-W47", "INI-1", { RAG: "Red" }), checkin("2026-W47", "INI-8")],
    }),
  );

describe("the pane's state is plain JSON built from the spreadsheet", () => {
  it("lists the issues validation finds, with their cells", () => {
    const p = loadProject(withIssues());
    const s = p.call("batonPaneState") as PaneState;
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const expected = validateGrids(sheetsHost(p.book, p).readSheets(TEMPLATE)).issues;
    expect(expected.length).toBeGreaterThan(0);
    expect(s.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(
      expected.map((i) => `${i.code} ${i.sheet}!${i.cell}`),
    );
    expect(s.hasTemplate).toBe(true);
    expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.actions).toContain("validate");
    expect(s.actions).not.toContain("setUpTemplate");
  });

  it("offers only to set the template up when it is missing", () => {
    const p = loadProject({ Sheet1: [["a"]] });
    const s = p.call("batonPaneState") as PaneState;
    expect(s.hasTemplate).toBe(false);
    // Gate Decisions is not missing: a workbook works without it (Set up adds it all the same).
    expect(s.missingSheets).toEqual(TEMPLATE.filter((n) => n !== SHEET.gateDecisions));
    expect(s.actions).toEqual(["setUpTemplate"]);
  });
});

describe("a click in the pane selects the cell", () => {
  it("activates the cell of an issue", () => {
    const p = loadProject(withIssues());
    expect(p.call("batonSelect", SHEET.checkins, "G2")).toBe(true);
    expect(p.book.activeRange?.getSheet().name).toBe(SHEET.checkins);
    expect(p.book.activeRange?.getA1Notation()).toBe("G2");
  });

  it("selects nothing for a sheet that is gone or an address that is not one", () => {
    const p = loadProject(withIssues());
    expect(p.call("batonSelect", "Deleted sheet", "A1")).toBe(false);
    expect(p.call("batonSelect", SHEET.checkins, "=A1")).toBe(false);
    expect(p.book.activeRange).toBeNull();
  });
});

describe("actions answer the pane in words and never throw at it", () => {
  it("runs validation and returns its issues", () => {
    const p = loadProject(withIssues());
    const out = p.call("batonRun", "validate") as ActionOutcome;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/^Baton found \d+ errors?/);
    expect(out.issues?.length).toBeGreaterThan(0);
  });

  it("asks for the template first when it is missing, and sets it up when asked", () => {
    const p = loadProject({ Sheet1: [["a"]] });
    expect(p.call("batonRun", "validate")).toEqual({
      ok: false,
      message: expect.stringMatching(/does not have the Baton template yet .*Set it up first\.$/),
    });
    expect((p.call("batonRun", "setUpTemplate") as ActionOutcome).ok).toBe(true);
    expect(p.book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...TEMPLATE]);
  });

  it("says so for an action this host does not have, and for a failure", () => {
    const p = loadProject(withIssues());
    expect(p.call("batonRun", "teleport")).toEqual({
      ok: false,
      message: 'Baton has no action "teleport".',
    });
    p.lock.heldElsewhere = true;
    p.book.sheets.splice(
      p.book.sheets.findIndex((s) => s.name === SHEET.settings),
      1,
    );
    expect(p.call("batonRun", "setUpTemplate")).toEqual({
      ok: false,
      message:
        "Baton could not set up the template: Another Baton action is running on this spreadsheet. Try again in a minute.",
    });
  });
});
