/**
 * The Baton menu in a spreadsheet, driven through the project's global functions over a fake
 * SpreadsheetApp: what appears, what each item does to the spreadsheet, and what the user is
 * told, in plain words, whatever happens.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SHEET, demoContent, templatePlan, validateGrids, MemoryHost } from "@baton/core";
import { loadProject, sidebarDir } from "./support/bundle.ts";
import { FakeBook } from "../../fakes/sheets/spreadsheet.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { workbookGrids, smallWorkbook } from "../support/grids.ts";

const TEMPLATE = Object.values(SHEET);
let htmlDir = "";
beforeAll(async () => {
  htmlDir = await sidebarDir();
});

describe("the Baton menu appears when the spreadsheet opens", () => {
  it("offers the actions that work, each calling a global function", () => {
    const p = loadProject();
    p.call("onOpen", { authMode: "FULL" });
    expect(p.ui.menus.map((m) => m.caption)).toEqual(["Baton"]);
    expect(p.ui.menus[0]!.allItems()).toEqual([
      { caption: "Open the sidebar", functionName: "batonOpenSidebar" },
      { caption: "Set up the template in this spreadsheet", functionName: "batonSetUpTemplate" },
      { caption: "Validate", functionName: "batonValidate" },
      { caption: "Refresh statuses", functionName: "batonRefreshStatuses" },
      { caption: "Board summary", functionName: "batonBoardSummary" },
      { caption: "Close a period…", functionName: "batonClosePeriod" },
      { caption: "Verify history", functionName: "batonVerifyHistory" },
      { caption: "Migrate a sheet…", functionName: "batonMigrateSheet" },
      { caption: "Upgrade the template", functionName: "batonUpgradeTemplate" },
      { caption: "Turn on alerts", functionName: "batonTurnOnAlerts" },
      { caption: "Turn off alerts", functionName: "batonTurnOffAlerts" },
    ]);
  });
});

describe("setting up the template adds the missing sheets and changes nothing else", () => {
  it("adds every template sheet to a spreadsheet that has none, under the document lock", () => {
    const p = loadProject(
      {
        "Old tracker": [
          ["Task", "Who"],
          ["Fix routing", "Jonas"],
        ],
      },
      { zone: "Asia/Kolkata" },
    );
    p.call("batonSetUpTemplate");
    expect(p.book.sheets.map((s) => s.name)).toEqual(["Old tracker", ...TEMPLATE]);
    expect(p.book.sheet("Old tracker").display(2, 1)).toBe("Fix routing");
    expect(p.book.sheet(SHEET.settings).display(2, 1)).toBe("Time Zone");
    expect(p.book.sheet(SHEET.settings).display(2, 2)).toBe("Asia/Kolkata");
    expect(p.book.sheet(SHEET.checkins).frozenRows).toBe(1);
    expect(p.book.writesOutsideLock).toBe(0);
    expect(p.lock.acquired).toBe(1);
    expect(p.book.toasts.at(-1)!.message).toBe(
      `Baton added ${TEMPLATE.slice(0, -1).join(", ")} and ${TEMPLATE.at(-1)}. Sheets that were already here were left as they were.`,
    );
  });

  it("leaves a template sheet that is already there as it is", () => {
    const grids = workbookGrids(smallWorkbook());
    const { [SHEET.handoffs]: _dropped, ...rest } = grids;
    const p = loadProject(rest);
    const before = p.book.sheet(SHEET.initiatives).cells.map((r) => r.map((c) => c?.value));
    p.call("batonSetUpTemplate");
    expect(p.book.sheets.map((s) => s.name).sort()).toEqual([...TEMPLATE].sort());
    expect(p.book.sheet(SHEET.initiatives).cells.map((r) => r.map((c) => c?.value))).toEqual(
      before,
    );
    expect(p.book.toasts.at(-1)!.message).toMatch(/^Baton added Hand-offs\./);
    p.call("batonSetUpTemplate");
    expect(p.book.toasts.at(-1)!.message).toBe(
      "This spreadsheet already has every Baton sheet; nothing was changed.",
    );
  });
});

describe("an action on a spreadsheet without the template offers to set it up", () => {
  it("sets the template up when the user says yes", () => {
    const p = loadProject({ Sheet1: [["anything"]] });
    p.ui.answers.push({ button: "YES" });
    p.call("batonValidate");
    expect(p.ui.shown[0]!.buttons).toBe("YES_NO");
    expect(p.ui.shown[0]!.prompt).toContain(
      "missing: Objectives, KPIs, Initiatives, Hand-offs, Check-ins and Settings",
    );
    expect(p.book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...TEMPLATE]);
  });

  it("changes nothing when the user says no or closes the question", () => {
    for (const button of ["NO", "CLOSE"] as const) {
      const p = loadProject({ Sheet1: [["anything"]] });
      p.ui.answers.push({ button });
      p.call("batonValidate");
      expect(p.book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(p.book.writesOutsideLock + p.lock.acquired).toBe(0);
    }
  });
});

describe("the sidebar opens from the menu", () => {
  it("shows the built sidebar page", () => {
    const p = loadProject(workbookGrids(smallWorkbook()), { htmlDir });
    p.call("batonOpenSidebar");
    expect(p.ui.html).toEqual([
      {
        kind: "sidebar",
        title: "Baton",
        content: readFileSync(join(htmlDir, "Sidebar.html"), "utf8"),
      },
    ]);
  });

  it("says why when the page is not in the project", () => {
    const p = loadProject(workbookGrids(smallWorkbook()));
    p.call("batonOpenSidebar");
    expect(p.ui.alerts()).toEqual([
      "Baton could not open the sidebar: No HTML file named Sidebar was found.",
    ]);
  });
});

describe("validate says what it found, cell by cell", () => {
  it("opens the sidebar on the issues, and says how many there are", () => {
    const grids = workbookGrids(
      smallWorkbook({ checkins: [{ Period: "2026-W47", ID: "INI-1", RAG: "Red" }] }),
    );
    const errors = validateGrids(grids).issues.filter((i) => i.severity === "error").length;
    expect(errors).toBeGreaterThan(1);
    const p = loadProject(grids, { htmlDir });
    p.call("batonValidate");
    expect(p.ui.html.map((h) => h.kind)).toEqual(["sidebar"]);
    expect(p.ui.alerts()).toEqual([]);
    expect(p.book.toasts.at(-1)!.message).toBe(
      `Baton found ${errors} errors. The sidebar lists them with their fixes.`,
    );
  });

  it("lists the demo's issues with their cells in an alert when the sidebar cannot open", async () => {
    const plan = templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" }));
    const reference = new MemoryHost();
    await reference.apply(plan);
    const expected = validateGrids(await reference.readSheets(TEMPLATE)).issues;
    expect(expected.length).toBeGreaterThan(0);

    // The demo's rows, written into the spreadsheet by the Sheets host itself.
    const demo = loadProject(new FakeBook({ zone: "Europe/Berlin" }));
    sheetsHost(demo.book, demo).apply(plan);
    demo.call("batonValidate");
    const alert = demo.ui.alerts().at(-1)!;
    const errors = expected.filter((i) => i.severity === "error").length;
    expect(alert).toMatch(new RegExp(`^Baton found ${errors} errors?`));
    for (const issue of expected.slice(0, 10))
      expect(alert).toContain(`• ${issue.sheet}!${issue.cell}: ${issue.message}`);
  });

  it("says so in a toast when there is nothing to fix", () => {
    const p = loadProject(workbookGrids(smallWorkbook()));
    p.call("batonValidate");
    expect(p.ui.alerts()).toEqual([]);
    expect(p.book.toasts.at(-1)!.message).toMatch(
      /^No issues in \d+ initiatives?, \d+ hand-offs? and \d+ check-ins?\.$/,
    );
  });
});

describe("failures are told in plain words, never as a stack trace", () => {
  it("asks to try again when another Baton action holds the spreadsheet", () => {
    const p = loadProject({ Sheet1: [["anything"]] });
    p.lock.heldElsewhere = true;
    p.call("batonSetUpTemplate");
    expect(p.ui.alerts()).toEqual([
      "Baton could not set up the template: Another Baton action is running on this spreadsheet. Try again in a minute.",
    ]);
    expect(p.book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("turns a failing service call into one sentence", () => {
    const p = loadProject(workbookGrids(smallWorkbook()));
    p.book.getSheets = () => {
      throw new Error(
        "Exception: Service Spreadsheets timed out while accessing document with id fake.\n    at readSheets (Code:1:2)",
      );
    };
    p.call("batonValidate");
    expect(p.ui.alerts()).toEqual([
      "Baton could not validate this spreadsheet: Service Spreadsheets timed out while accessing document with id fake.",
    ]);
  });
});
