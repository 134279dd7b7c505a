/**
 * The built task pane in headless Chromium, served from 127.0.0.1 as the dev server serves it:
 * with the real office.js outside Office it says to open it in Excel; with the fake Excel
 * standing in for Office.js it works on the workbook: set-up, Validate, live validation, the
 * ribbon's commands and the custom functions, all in the page's one runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { MemoryHost, SHEET, demoContent, templatePlan, type Grids } from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";
import { buildExcel } from "../../excel-addin/scripts/build.mjs";
import { distHandler, OFFICE_JS_CDN } from "../../excel-addin/scripts/serve.mjs";
import { requireTool } from "../support/tools.ts";

const ARTIFACTS = "test-artifacts";
let browser: Browser;
let standInScript: string;
const servers: Server[] = [];
const executable = requireTool("chromium");

async function serve(localOfficeJs: boolean): Promise<string> {
  const server = createServer(distHandler(resolve("excel-addin/dist"), { localOfficeJs }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

/** A page that may reach only `origin`; it records uncaught errors and console errors. */
async function newPage(origin: string, { fakeOffice }: { fakeOffice: boolean }) {
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => void (m.type() === "error" && errors.push(`console: ${m.text()}`)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    // In Excel the CDN's office.js would be here; the fake already stands in for it.
    if (fakeOffice && url === OFFICE_JS_CDN)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    return route.abort();
  });
  return { page, errors };
}

async function openInFakeExcel(grids: Grids) {
  const origin = await serve(false);
  const { page, errors } = await newPage(origin, { fakeOffice: true });
  await page.addInitScript(`window.__batonSeed = ${JSON.stringify(grids)};`);
  await page.addInitScript(standInScript);
  await page.goto(`${origin}/taskpane.html`);
  return { page, errors };
}

const sheetNames = (page: Page) =>
  page.evaluate(() =>
    (
      window as never as { __office: { excel: { state: { sheets: { name: string }[] } } } }
    ).__office.excel.state.sheets.map((s) => s.name),
  );

beforeAll(async () => {
  if (!executable) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildExcel();
  const bundled = await build({
    entryPoints: ["test/excel/browser/stand-in-entry.ts"],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "warning",
  });
  standInScript = bundled.outputFiles[0]!.text;
  browser = await chromium.launch({
    executablePath: executable,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe("outside Excel, with the real office.js, the pane says to open it in Excel", () => {
  it("shows the message, not a blank page or an error", async () => {
    const origin = await serve(true);
    const { page, errors } = await newPage(origin, { fakeOffice: false });
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector("text=Open this in Excel", { timeout: 30_000 });
    expect(await page.textContent("#baton")).toContain("sideload manifest.xml");
    expect(errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/excel-outside-office.png` });
    await page.close();
  });
});

describe("when Office.js cannot be reached, the pane says so", () => {
  it("shows that Baton could not start, not a pane stuck on loading", async () => {
    const origin = await serve(false);
    const { page } = await newPage(origin, { fakeOffice: false });
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector("text=Baton could not start");
    expect(await page.textContent("#baton")).toMatch(/Check the connection and reopen the pane\.$/);
    await page.close();
  });
});

describe("in Excel, a workbook without the template is offered the set-up", () => {
  it("sets the template up from the pane's button", async () => {
    const { page, errors } = await openInFakeExcel({ Sheet1: [["our own list"]] });
    await page.waitForSelector("text=Set up Baton in this workbook");
    await page.click("#baton button:has-text('Set up the template')");
    await page.waitForSelector("#baton .toolbar button:has-text('Validate')");
    expect(await sheetNames(page)).toEqual(["Sheet1", ...Object.values(SHEET)]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/excel-pane-set-up.png` });
    await page.close();
  });
});

describe("in Excel, Validate lists the issues and marks the cells", () => {
  it("shows the error with its cell and puts a mark on it", async () => {
    const { page, errors } = await openInFakeExcel(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    await page.click("#baton .toolbar button:has-text('Validate')");
    await page.waitForSelector("#baton [role=status] >> text=Baton found 1 error.");
    expect(await page.textContent("#baton")).toContain("Check-ins!B5");
    const marks = await page.evaluate(
      () =>
        (
          window as never as {
            __office: { excel: { sheet(n: string): { conditionalFormats: { type: string }[] } } };
          }
        ).__office.excel
          .sheet("Check-ins")
          .conditionalFormats.filter((f) => f.type === "Custom").length,
    );
    expect(marks).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/excel-pane.png` });
    await page.close();
  });
});

describe("in Excel, the pane shows the hand-offs at risk and refreshes the statuses", () => {
  it("lists the demo's late hand-off first and writes the statuses on a click", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const memory = new MemoryHost();
    await memory.apply(templatePlan(demoContent({ today, timeZone: "UTC" })));
    const { page, errors } = await openInFakeExcel(await memory.readSheets(Object.values(SHEET)));
    await page.waitForSelector("#baton >> text=DEP-1");
    await page.click("#baton .toolbar button:has-text('Refresh statuses')");
    await page.waitForSelector("#baton [role=status] >> text=Statuses as of");
    const status = await page.evaluate(() =>
      (
        window as never as { __office: { excel: { value(s: string, a: string): unknown } } }
      ).__office.excel.value("Hand-offs", "J2"),
    );
    expect(status).toBe("Red");
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/excel-pane-statuses.png`, fullPage: true });
    await page.close();
  });
});

describe("in Excel, a click on Board summary writes the sheet", () => {
  it("adds this period's summary sheet, shows it, and says what it holds", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const memory = new MemoryHost();
    await memory.apply(templatePlan(demoContent({ today, timeZone: "UTC" })));
    const { page, errors } = await openInFakeExcel(await memory.readSheets(Object.values(SHEET)));
    await page.click("#baton .toolbar button:has-text('Board summary')");
    await page.waitForSelector('#baton [role=status] >> text=Wrote "Board Summary');
    const written = await page.evaluate(() => {
      const excel = (
        window as never as {
          __office: {
            excel: { state: { active: { name: string } | null }; grid(n: string): unknown[][] };
          };
        }
      ).__office.excel;
      const name = excel.state.active!.name;
      return { name, rows: excel.grid(name).length };
    });
    expect(written.name).toMatch(/^Board Summary \d{4}-W\d{2}$/);
    expect(written.rows).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/excel-board-summary.png`, fullPage: true });
    await page.close();
  });
});

describe("in Excel, a user's edit of Check-ins shows in the pane at once", () => {
  it("lists the new issue after the edit, with no click", async () => {
    const { page, errors } = await openInFakeExcel(workbookGrids(smallWorkbook()));
    await page.waitForSelector("#baton .toolbar");
    expect(await page.textContent("#baton")).not.toContain("Check-ins!G2");
    await page.evaluate(() =>
      (
        window as never as {
          __office: { excel: { userEdit(s: string, a: string, v: string): Promise<void> } };
        }
      ).__office.excel.userEdit("Check-ins", "C2", "Amber"),
    );
    await page.waitForSelector("#baton >> text=Check-ins!G2");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("in Excel, the ribbon's commands and the custom functions run in the pane's runtime", () => {
  it("sets the template up from the ribbon in one click, and completes the command", async () => {
    const { page, errors } = await openInFakeExcel({ Sheet1: [["x"]] });
    await page.waitForSelector("text=Set up Baton in this workbook");
    const completed = await page.evaluate(async () => {
      const office = (
        window as never as {
          __office: { commands: Map<string, (e: { completed(): void }) => Promise<void>> };
        }
      ).__office;
      let done = false;
      await office.commands.get("setUpTemplate")!({ completed: () => (done = true) });
      return done;
    });
    expect(completed).toBe(true);
    expect(await sheetNames(page)).toContain(SHEET.checkins);
    await page.waitForSelector("#baton-notice >> text=Added");
    await page.waitForSelector("#baton .toolbar");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("answers =BATON.ISSUES() from the workbook", async () => {
    const { page } = await openInFakeExcel(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    );
    await page.waitForSelector("#baton .toolbar");
    const count = await page.evaluate(() =>
      (
        window as never as { __office: { functions: Map<string, () => Promise<number>> } }
      ).__office.functions.get("ISSUES")!(),
    );
    expect(count).toBe(1);
    await page.close();
  });
});
