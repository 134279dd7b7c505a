/**
 * Ribbon commands run without the pane and always tell Office they are done; custom functions
 * answer from the workbook and share one read per recalculation; their metadata is generated
 * from the JSDoc of the functions the entry associates.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { IMPORT_REPORT_SHEET, SHEET } from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";
import { ribbonCommands } from "../../excel-addin/src/commands/ribbon.ts";
import { workbookFunctions } from "../../excel-addin/src/functions/workbook-functions.ts";
import { functionsMetadata } from "../../excel-addin/scripts/build.mjs";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { fakeExcel } from "./support.ts";
import { fixture } from "../migrate/support.ts";

function ui() {
  const log: string[] = [];
  return {
    log,
    notify: (message: string, tone: string) => void log.push(`${tone}: ${message}`),
    refreshPane: async () => void log.push("refresh"),
    showPane: async () => void log.push("show"),
  };
}

describe("a ribbon command runs in one click and always completes", () => {
  it("writes the board summary with the pane closed, and completes", async () => {
    const { run, excel } = fakeExcel(workbookGrids(smallWorkbook()));
    const u = ui();
    let completed = 0;
    await ribbonCommands(run, u).writeSummary({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(excel.state.sheets.some((s) => /^Board Summary \d{4}-W\d{2}$/.test(s.name))).toBe(true);
    expect(u.log).toEqual([expect.stringMatching(/^ok: Wrote "Board Summary /), "refresh"]);
  });

  it("sets up the template with the pane closed, says so, and completes", async () => {
    const { run, excel } = fakeExcel({ Sheet1: [["x"]] });
    const u = ui();
    let completed = 0;
    await ribbonCommands(run, u).setUpTemplate({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(Object.values(SHEET)),
    );
    expect(u.log).toEqual([expect.stringMatching(/^ok: Baton added /), "refresh"]);
  });

  it("opens the pane when Validate finds errors", async () => {
    const { run } = fakeExcel(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    const u = ui();
    let completed = 0;
    await ribbonCommands(run, u).validate({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(u.log).toEqual(["error: Baton found 1 error.", "refresh", "show"]);
  });

  it("completes when everything fails", async () => {
    const u = {
      notify: () => {
        throw new Error("no notice area");
      },
      refreshPane: () => Promise.reject(new Error("x")),
      showPane: () => Promise.reject(new Error("y")),
    };
    let completed = 0;
    const done = ribbonCommands(() => Promise.reject(new Error("Excel is gone")), u).validate({
      completed: () => void completed++,
    });
    await expect(done).rejects.toThrow("no notice area");
    expect(completed).toBe(1);
  });
});

describe("custom functions answer from the workbook", () => {
  const invalid = (message: string) => new Error(message);

  it("counts the errors of the workbook and of one sheet", async () => {
    const { excel } = fakeExcel(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    const fns = workbookFunctions({
      newContext: () => excel.context() as unknown as Excel.RequestContext,
      invalid,
    });
    expect(await fns.issues()).toBe(1);
    expect(await fns.issues("check-ins")).toBe(1);
    expect(await fns.issues("KPIs")).toBe(0);
    await expect(fns.issues("Nope")).rejects.toThrow('There is no template sheet named "Nope".');
  });

  it("gives the status the engine computes for an ID, in any case", async () => {
    // DEP-1 in the small workbook is needed by 2027-01-15: as of 2027-01-20 it is five days late.
    const { excel } = fakeExcel(workbookGrids(smallWorkbook()));
    const fns = workbookFunctions({
      newContext: () => excel.context() as unknown as Excel.RequestContext,
      invalid,
      now: () => new Date("2027-01-20T12:00:00Z"),
    });
    expect(await fns.status("DEP-1")).toBe("Red");
    expect(await fns.status("ini-2")).toBe("Red");
    await expect(fns.status("INI-99")).rejects.toThrow(
      'No objective, KPI, initiative or hand-off has the ID "INI-99".',
    );
  });

  it("gives the period of a date, by the workbook's cadence or the one given", async () => {
    const { excel } = fakeExcel(workbookGrids(smallWorkbook()));
    const fns = workbookFunctions({
      newContext: () => excel.context() as unknown as Excel.RequestContext,
      invalid,
    });
    // 2026-11-26 is serial 46352, a Thursday of ISO week 48.
    expect(await fns.period(46352)).toBe("2026-W48");
    expect(await fns.period(46352, "monthly")).toBe("2026-11");
    await expect(fns.period(46352, "daily")).rejects.toThrow("Cadence is Weekly or Monthly");
    await expect(fns.period(Number.NaN)).rejects.toThrow("Give a date");
  });

  it("shares one read among the calls of one recalculation", async () => {
    const { excel } = fakeExcel(workbookGrids(smallWorkbook()));
    const fns = workbookFunctions({
      newContext: () => excel.context() as unknown as Excel.RequestContext,
      invalid,
    });
    const before = excel.syncCount;
    await Promise.all([
      fns.issues(),
      fns.issues("KPIs"),
      fns.period(46352),
      fns.issues("Check-ins"),
    ]);
    expect(excel.syncCount - before).toBe(2);
  });
});

describe("the functions' metadata comes from their JSDoc", () => {
  it("describes exactly the functions the entry associates, with their parameters", async () => {
    const { functions } = await functionsMetadata();
    const source = readFileSync("excel-addin/src/functions/functions.ts", "utf8");
    const associated = [...source.matchAll(/CustomFunctions\.associate\("([A-Z.]+)"/g)].map(
      (m) => m[1],
    );
    expect(functions.map((f) => f.id).sort()).toEqual(associated.sort());
    expect(
      functions
        .find((f) => f.id === "PERIOD")
        ?.parameters.map((p) => [p.name, p.optional ?? false]),
    ).toEqual([
      ["date", false],
      ["cadence", true],
    ]);
  });
});

describe("a tracker on the active sheet is imported from the ribbon, and the sheet is left as it was", () => {
  it("imports a real project plan beside it and lists what could not be imported", async () => {
    const file = await XlsxHost.fromBuffer(
      readFileSync(fixture("09_project_plan_gantt_packt.xlsx")),
    );
    const [name] = await file.sheetNames();
    const source = (await file.readSheets([name!]))[name!]!;
    const { run, excel } = fakeExcel({ [name!]: source });
    excel.state.active = excel.sheet(name!);
    const before = excel.grid(name!);
    const u = ui();
    let completed = 0;
    await ribbonCommands(run, u).migrate({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(u.log[0]).toMatch(
      new RegExp(
        `^ok: Imported \\d+ of \\d+ rows of "${name}", which is unchanged\\. The sheet "${IMPORT_REPORT_SHEET}" lists every row`,
      ),
    );
    expect(excel.grid(name!)).toEqual(before);
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      name,
      ...Object.values(SHEET),
      IMPORT_REPORT_SHEET,
    ]);
    expect(excel.state.active?.name).toBe(IMPORT_REPORT_SHEET);
    expect(excel.grid(SHEET.initiatives).length).toBeGreaterThan(1);
  });

  it("refuses a workbook whose template already holds data", async () => {
    const { run, excel } = fakeExcel({
      ...workbookGrids(smallWorkbook()),
      Tracker: [
        ["Task", "Owner"],
        ["Fix routing", "Jonas"],
      ],
    });
    excel.state.active = excel.sheet("Tracker");
    const u = ui();
    await ribbonCommands(run, u).migrate({ completed: () => {} });
    expect(u.log[0]).toMatch(
      /^error: This workbook already holds Baton data \(Objectives has 1 row\)/,
    );
  });
});
