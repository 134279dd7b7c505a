import { describe, expect, it } from "vitest";
import { SHEET, validateGrids } from "@baton/core";
import { issueJson, paneStateOf } from "@baton/core";
import { createDemoBackend } from "@baton/ui/demo-backend";
import { workbookGrids, smallWorkbook, initiative } from "../support/grids.ts";

describe("the pane's state comes from the core's validation", () => {
  it("carries every issue as plain JSON with its cell, message and fix", () => {
    const validation = validateGrids(
      workbookGrids(
        smallWorkbook({ initiatives: [initiative("INI-3", "OBJ-1", { Stage: "Blocked" })] }),
      ),
    );
    const state = paneStateOf({ validation, asOf: "2026-11-26", actions: ["validate"] });
    expect(state.issues).toHaveLength(validation.issues.length);
    const [issue] = validation.issues;
    expect(state.issues[0]).toEqual({
      code: issue!.code,
      severity: issue!.severity,
      sheet: issue!.sheet,
      row: issue!.row,
      column: issue!.column,
      cell: issue!.cell,
      message: issue!.message,
      fix: issue!.fix,
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("has the template when no template sheet is missing, and names the ones that are", () => {
    const full = validateGrids(workbookGrids(smallWorkbook()));
    expect(paneStateOf({ validation: full, asOf: "2026-11-26", actions: [] })).toMatchObject({
      hasTemplate: true,
      missingSheets: [],
      currentPeriod: "2026-W48",
    });
    const grids = workbookGrids(smallWorkbook());
    delete grids[SHEET.checkins];
    delete grids[SHEET.settings];
    expect(
      paneStateOf({ validation: validateGrids(grids), asOf: "2026-11-26", actions: [] }),
    ).toMatchObject({
      hasTemplate: false,
      missingSheets: [SHEET.checkins, SHEET.settings],
    });
  });

  it("leaves out a fix the core did not give", () => {
    const issue = validateGrids({}).issues[0]!;
    expect(issueJson(issue).fix).toBe(issue.fix);
    expect("fix" in issueJson({ ...issue, fix: undefined })).toBe(false);
  });
});

describe("the demo backend runs the real core and offers only what it can do", () => {
  const options = { today: "2026-11-26", timeZone: "UTC" } as const;

  it("offers the actions that change nothing outside the page, and set-up only without the template", async () => {
    expect((await createDemoBackend(options).state()).actions).toEqual([
      "validate",
      "refreshStatus",
      "writeSummary",
      "verify",
      // Into the page's own workbook, like every other action here.
      "recordGateDecision",
    ]);
    expect((await createDemoBackend({ ...options, empty: true }).state()).actions).toEqual([
      "setUpTemplate",
    ]);
  });

  it("sets the template up once, with the demo plan, as every host does", async () => {
    const backend = createDemoBackend({ ...options, empty: true });
    expect((await backend.run("setUpTemplate")).ok).toBe(true);
    expect((await backend.state()).issues.length).toBeGreaterThan(0);
    expect(await backend.run("setUpTemplate")).toEqual({
      ok: true,
      message: "This workbook already has every Baton sheet; nothing was changed.",
    });
  });

  it("reports validation errors as a failure, as every host does", async () => {
    const outcome = await createDemoBackend(options).run("validate");
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Baton found \d+ errors?/);
    expect(outcome.issues?.length).toBeGreaterThan(0);
  });

  it("selects cells of sheets that exist and rejects others with a reason", async () => {
    const seen: string[] = [];
    const backend = createDemoBackend({ ...options, onSelect: (s, c) => seen.push(`${s}!${c}`) });
    await backend.select(SHEET.checkins, "G40");
    await expect(backend.select("Budget", "A1")).rejects.toThrow(
      "The workbook has no sheet named Budget.",
    );
    expect(seen).toEqual(["Check-ins!G40"]);
  });
});
