/**
 * The task pane's backend over Excel: the pane's state from the core, a workbook without the
 * template offered the set-up, actions run against the workbook, and every failure a message.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type Grids } from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";
import { excelBackend } from "../../excel-addin/src/backend.ts";
import { FakeOfficeError } from "../../fakes/excel/errors.ts";
import { fakeExcel } from "./support.ts";

const NOW = new Date("2026-11-26T10:00:00Z");
const backendOver = (grids: Grids) => {
  const f = fakeExcel(grids);
  return {
    ...f,
    backend: excelBackend({ run: f.run, now: () => NOW, timeZone: () => "Europe/Berlin" }),
  };
};

describe("a workbook without the template is offered the set-up", () => {
  it("says which sheets are missing and offers only setting up", async () => {
    const { backend } = backendOver({ Sheet1: [["my own data"]] });
    const state = await backend.state();
    expect(state.hasTemplate).toBe(false);
    // Gate Decisions is not missing: a workbook works without it (Set up adds it all the same).
    expect(state.missingSheets).toEqual(
      Object.values(SHEET).filter((s) => s !== SHEET.gateDecisions),
    );
    expect(state.actions).toEqual(["setUpTemplate"]);
  });

  it("sets the template up next to the team's own sheet, in the user's time zone", async () => {
    const { backend, excel } = backendOver({ Sheet1: [["my own data"]] });
    const outcome = await backend.run("setUpTemplate");
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining("Check-ins") });
    expect(excel.grid("Sheet1")).toEqual([["my own data"]]);
    expect(excel.grid(SHEET.settings)).toContainEqual(["Time Zone", "Europe/Berlin"]);
    const state = await backend.state();
    expect(state.hasTemplate).toBe(true);
    expect(state.actions).toEqual(expect.arrayContaining(["validate"]));
    expect(state.actions).not.toContain("setUpTemplate");
  });

  it("adds only the missing sheets to a half-set-up workbook and leaves the others untouched", async () => {
    const grids = workbookGrids(smallWorkbook());
    delete (grids as Record<string, unknown>)[SHEET.handoffs];
    const { backend, excel } = backendOver(grids);
    const outcome = await backend.run("setUpTemplate");
    expect(outcome.message).toBe(
      `Baton added ${SHEET.handoffs}. Sheets that were already here were left as they were.`,
    );
    expect(excel.grid(SHEET.initiatives)).toEqual(
      grids[SHEET.initiatives]!.map((r) => r.map((v) => v ?? null)),
    );
  });
});

describe("the pane's state comes from the core, over the workbook as it is", () => {
  it("lists the workbook's issues and its as-of date in the workbook's zone", async () => {
    const { backend } = backendOver(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-1")] })),
    );
    const state = await backend.state();
    expect(state.asOf).toBe("2026-11-26");
    expect(state.currentPeriod).toBe("2026-W48");
    expect(state.issues.map((i) => i.code)).toContain("duplicate-checkin");
  });
});

describe("Validate lists the issues and marks the check-in cells", () => {
  it("reports errors with their cells and marks them on Check-ins", async () => {
    const { backend, excel } = backendOver(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    const outcome = await backend.run("validate");
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe("Baton found 1 error.");
    expect(outcome.issues?.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "unknown-reference Check-ins!B5",
    ]);
    expect(
      excel.sheet(SHEET.checkins).conditionalFormats.filter((f) => f.type === "Custom"),
    ).toHaveLength(1);
  });

  it("says the workbook is valid when it is", async () => {
    const { backend } = backendOver(workbookGrids(smallWorkbook()));
    expect(await backend.run("validate")).toEqual({
      ok: true,
      message: "No issues in 2 initiatives, 1 hand-off and 3 check-ins.",
      issues: [],
    });
  });
});

describe("Refresh status writes every status into the computed columns", () => {
  it("fills Status and Days Late of a late hand-off, and the pane shows it at risk", async () => {
    // DEP-1 of the small workbook is needed by 2027-01-15: on 2027-01-20 it is five days late.
    const f = fakeExcel(workbookGrids(smallWorkbook()));
    const backend = excelBackend({ run: f.run, now: () => new Date("2027-01-20T12:00:00Z") });
    const outcome = await backend.run("refreshStatus");
    expect(outcome).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Statuses as of 2027-01-20\. Initiatives: .*Hand-offs: 1 Red\./,
      ),
    });
    expect(f.excel.value(SHEET.handoffs, "J2")).toBe("Red");
    expect(f.excel.value(SHEET.handoffs, "K2")).toBe(5);
    const state = await backend.state();
    expect(state.atRisk.map((h) => [h.id, h.status, h.daysLate])).toEqual([["DEP-1", "Red", 5]]);
    expect(state.actions).toEqual(expect.arrayContaining(["refreshStatus", "validate"]));
  });
});

describe("Board summary writes this period's summary sheet and shows it", () => {
  it("adds Board Summary 2026-W48, leaves the earlier one, and selects the new sheet", async () => {
    const grids = {
      ...workbookGrids(smallWorkbook()),
      "Board Summary 2026-W47": [["last week's summary"]],
    };
    const { backend, excel } = backendOver(grids);
    const outcome = await backend.run("writeSummary");
    expect(outcome).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Wrote "Board Summary 2026-W48"\. /),
    });
    expect(excel.grid("Board Summary 2026-W48").length).toBeGreaterThan(5);
    expect(excel.grid("Board Summary 2026-W47")).toEqual([["last week's summary"]]);
    expect(excel.state.active?.name).toBe("Board Summary 2026-W48");
  });

  it("rewrites this period's sheet on a second click instead of adding another", async () => {
    const { backend, excel } = backendOver(workbookGrids(smallWorkbook()));
    await backend.run("writeSummary");
    const first = excel.grid("Board Summary 2026-W48");
    await backend.run("writeSummary");
    expect(excel.state.sheets.filter((s) => s.name.startsWith("Board Summary"))).toHaveLength(1);
    expect(excel.grid("Board Summary 2026-W48")).toEqual(first);
  });
});

describe("closing a period seals its check-ins in Excel, and Verify finds any change", () => {
  const spec = () =>
    workbookGrids(
      smallWorkbook({ checkins: [checkin("2026-W46", "INI-1"), checkin("2026-W48", "INI-2")] }),
    );

  it("seals, locks the sealed rows, keeps the open ones editable and stores the anchor", async () => {
    const { backend, excel } = backendOver(spec());
    const outcome = await backend.run("closePeriod", "2026-W47");
    expect(outcome).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Closed 2026-W46 to 2026-W47: 4 check-ins sealed\. Check-ins rows 2 to 5 are sealed and locked\..* Current Period is now 2026-W48\./,
      ),
    });
    expect(excel.sheet(SHEET.checkins).protection.protected).toBe(true);
    expect(excel.sheet("_baton").visibility).toBe("VeryHidden");
    expect(excel.value("_baton", "B1")).toMatch(/"through":"2026-W47"/);
    expect(excel.state.settings.has("baton.sealAnchor")).toBe(false);
    await expect(excel.userEdit(SHEET.checkins, "C2", "Red")).rejects.toMatchObject({
      code: "AccessDenied",
    });
    await excel.userEdit(SHEET.checkins, "C6", "Amber");
    expect(await backend.run("verify")).toEqual({
      ok: true,
      message:
        "The history is intact: 4 sealed check-ins through 2026-W47 match their seals and the anchor.",
    });
  });

  it("names the row whose sealed content was changed behind the protection", async () => {
    const { backend, excel } = backendOver(spec());
    await backend.run("closePeriod", "2026-W47");
    // Someone unprotected the sheet and changed a sealed cell.
    const sheet = excel.sheet(SHEET.checkins);
    sheet.protection = { protected: false, options: {}, password: null };
    await excel.userEdit(SHEET.checkins, "D3", 0.9);
    const outcome = await backend.run("verify");
    expect(outcome.ok).toBe(false);
    expect(outcome.issues?.[0]).toMatchObject({
      code: "sealed-row-edited",
      sheet: SHEET.checkins,
      row: 3,
      column: "Seal",
      cell: "J3",
    });
  });

  it("refuses a close while validation finds errors, and lists them", async () => {
    const { backend, excel } = backendOver(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    const outcome = await backend.run("closePeriod", "2026-W47");
    expect(outcome.ok).toBe(false);
    expect(outcome.issues?.map((i) => i.code)).toContain("unknown-reference");
    expect(excel.sheet(SHEET.checkins).protection.protected).toBe(false);
  });
});

describe("a click on an issue selects its cell", () => {
  it("activates the sheet and selects the cell", async () => {
    const { backend, excel } = backendOver(workbookGrids(smallWorkbook()));
    await backend.select(SHEET.checkins, "B5");
    expect(excel.state.active?.name).toBe(SHEET.checkins);
    expect(excel.state.selection).toEqual({
      sheet: SHEET.checkins,
      box: { r0: 4, c0: 1, rows: 1, cols: 1 },
    });
  });

  it("says so when the sheet is gone", async () => {
    const { backend } = backendOver(workbookGrids(smallWorkbook()));
    await expect(backend.select("Deleted sheet", "A1")).rejects.toThrow(
      "A sheet Baton needs was renamed or deleted while it worked. Try again.",
    );
  });
});

describe("failures reach the pane as messages", () => {
  it("still lists the issues when a protected sheet cannot be marked, and says so", async () => {
    const { backend, excel } = backendOver(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    const ctx = excel.context();
    ctx.workbook.worksheets
      .getItem(SHEET.checkins)
      .protection.protect({ allowFormatCells: false }, "pw");
    await ctx.sync();
    const outcome = await backend.run("validate");
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.message).toMatch(
      /^Baton found 1 error\. The cells on Check-ins could not be marked: Excel refused the change/,
    );
  });

  it("rejects state() with words, not a stack or a code", async () => {
    const failing = excelBackend({
      run: () => Promise.reject(new FakeOfficeError("InvalidOperation", "x") as unknown as Error),
    });
    await expect(failing.state()).rejects.toThrow(/^Excel reported InvalidOperation: x\.$/);
    const busy = excelBackend({
      run: () =>
        Promise.reject(
          Object.assign(new Error("edit mode"), { code: "InvalidOperationInCellEditMode" }),
        ),
    });
    await expect(busy.state()).rejects.toThrow(
      "A cell is being edited. Press Enter or Esc, then try again.",
    );
    expect(await busy.run("validate")).toEqual({
      ok: false,
      message: "A cell is being edited. Press Enter or Esc, then try again.",
    });
  });
});
