/**
 * The sidebar page as Google Sheets shows it, in headless Chromium, over the real project
 * through a stand-in google.script.run: it lists the spreadsheet's issues and selects a cell
 * on a click, runs actions and shows what they did, and sets the template up when it is
 * missing. A screenshot of it is kept in test-artifacts/.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { BATON_SHEET, SHEET, validateGrids } from "@baton/core";
import { loadProject, sidebarDir } from "./support/bundle.ts";
import { DEMO_NOW, demoEvaluation, demoProject } from "./support/demo.ts";
import { ANCHOR_PROPERTY } from "../../gsheets/src/host.ts";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { launch, openSidebar } from "./support/sidebar-page.ts";
import { requireTool } from "../support/tools.ts";

const TEMPLATE = Object.values(SHEET);
/** The sheets the banner names as missing: Gate Decisions is optional (Set up adds it all the same). */
const REQUIRED = TEMPLATE.filter((s) => s !== SHEET.gateDecisions);
let browser: Browser;
let htmlDir = "";
const executable = requireTool("chromium");

beforeAll(async () => {
  if (!executable) return;
  htmlDir = await sidebarDir();
  browser = await launch(executable);
});
afterAll(async () => {
  await browser?.close();
});

const demo = () => demoProject({ htmlDir });

describe("the sidebar lists the spreadsheet's issues, and a click selects the cell", () => {
  it("shows every issue validation finds, and goes to the cell of the one clicked", async () => {
    const p = demo();
    const expected = validateGrids(sheetsHost(p.book, p).readSheets(TEMPLATE)).issues;
    expect(expected.length).toBeGreaterThan(0);
    const { page, problems, calls } = await openSidebar(browser, p, htmlDir);
    await page.waitForSelector("#baton button.issue");
    const text = (await page.textContent("#baton"))!;
    for (const i of expected.slice(0, 3)) expect(text).toContain(`${i.sheet}!${i.cell}`);

    const first = expected[0]!;
    await page.click(`#baton button.issue[title="Go to ${first.sheet}!${first.cell}"]`);
    await expect.poll(() => p.book.activeRange?.getA1Notation()).toBe(first.cell);
    expect(p.book.activeRange!.getSheet().name).toBe(first.sheet);
    expect(calls).toEqual(["batonPaneState", "batonSelect"]);

    mkdirSync("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/gsheets-sidebar.png", fullPage: true });
    expect(problems).toEqual([]);
  });
});

describe("the sidebar shows the hand-offs at risk, worst first, with their root causes", () => {
  it("lists every red and amber hand-off the core finds, and goes to its row on a click", async () => {
    const ev = await demoEvaluation();
    const atRisk = ev.handoffs.filter((h) => h.status === "Red" || h.status === "Amber");
    expect(atRisk.length).toBeGreaterThan(0);
    const p = demo();
    const { page, problems } = await openSidebar(browser, p, htmlDir);
    await page.waitForSelector("#baton button.issue");
    const text = (await page.textContent("#baton"))!;
    for (const h of atRisk) expect(text).toContain(h.id);
    const worst = atRisk.find((h) => h.status === "Red")!;
    expect(text).toContain(worst.rootCauses[0]!);
    expect(problems).toEqual([]);
  });
});

describe("an action runs on the server and the sidebar shows what it did", () => {
  it("validates and shows the outcome, then the state read again", async () => {
    const p = demo();
    const { page, problems, calls } = await openSidebar(browser, p, htmlDir);
    await page.waitForSelector("#baton .toolbar button");
    await page.click("#baton .toolbar button:has-text('Validate')");
    await page.waitForSelector("#baton [role=status] .tone-error");
    expect(await page.textContent("#baton [role=status]")).toMatch(
      /Not done: Baton found \d+ errors?/,
    );
    expect(calls).toEqual(["batonPaneState", "batonRun", "batonPaneState"]);
    expect(problems).toEqual([]);
  });
});

describe("a period closed from the sidebar is sealed in the spreadsheet", () => {
  it("closes the period typed in the pane's form, after its confirmation", async () => {
    const grids = workbookGrids(smallWorkbook({ checkins: [checkin("2026-W48", "INI-1")] }));
    const p = loadProject(grids, { htmlDir, now: DEMO_NOW });
    const { page, problems } = await openSidebar(browser, p, htmlDir);
    await page.click("#baton .toolbar button:has-text('Close period')");
    await page.fill("#baton-close-period", "2026-W47");
    await page.click("#baton #baton-close button[type=submit]");
    await page.click("#baton button:has-text('Close 2026-W47')");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect(await page.textContent("#baton [role=status]")).toMatch(
      /Done: Closed 2026-W47: 3 check-ins sealed\./,
    );
    expect(p.book.sheet(BATON_SHEET).display(1, 2)).toMatch(/2026-W47/);
    expect(p.documentProperties.store.has(ANCHOR_PROPERTY)).toBe(false);
    expect(p.book.sheet(SHEET.checkins).protections).toHaveLength(1);
    expect(await page.textContent("#baton .meta")).toContain("Period 2026-W48");
    expect(problems).toEqual([]);
  });
});

describe("a spreadsheet without the template is offered the set-up", () => {
  it("sets the template up from the sidebar and then shows the empty template", async () => {
    const p = loadProject({ Sheet1: [["Our old list"]] }, { htmlDir });
    const { page, problems } = await openSidebar(browser, p, htmlDir);
    await page.waitForSelector("#baton .setup button");
    expect(await page.textContent("#baton .setup")).toContain(REQUIRED.join(", "));
    await page.click("#baton .setup button");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect(p.book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...TEMPLATE]);
    expect(await page.$("#baton .setup")).toBeNull();
    expect(await page.textContent("#baton")).toContain("No validation issues.");
    expect(problems).toEqual([]);
  });
});
