/**
 * "Since you last looked" in Excel: the backend offers it, remembers what this user saw in the
 * add-in's own storage (never in the workbook), and the built task pane opens on it in headless
 * Chromium, where a reload after "Mark all as seen" shows nothing new.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { BATON_SHEET, SHEET, type CellValue, type Grids } from "@baton/core";
import { excelBackend } from "../../excel-addin/src/backend.ts";
import { seenKey, type UserStore } from "../../excel-addin/src/seen-store.ts";
import { buildExcel } from "../../excel-addin/scripts/build.mjs";
import { distHandler, OFFICE_JS_CDN } from "../../excel-addin/scripts/serve.mjs";
import { workbookGrids } from "../support/grids.ts";
import { requireTool } from "../support/tools.ts";
import { PEOPLE, TUESDAY, plan } from "../rhythm/support.ts";
import { fakeExcel } from "./support.ts";

const grids = (): Grids => ({
  ...workbookGrids(plan({ "Needed By": "2026-11-20" })),
  People: PEOPLE as CellValue[][],
});

class MemoryStore implements UserStore {
  readonly values = new Map<string, string>();
  get(key: string) {
    return Promise.resolve(this.values.get(key) ?? null);
  }
  set(key: string, value: string) {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe("the Excel backend's since and markSeen", () => {
  const NOW = new Date(`${TUESDAY}T12:00:00Z`);
  const key = seenKey("https://contoso.sharepoint.com/plan.xlsx");

  it("tells what happened, keeps what was seen for this user only, and writes nothing to the workbook", async () => {
    const { excel, run } = fakeExcel(grids());
    const store = new MemoryStore();
    const backend = excelBackend({ run, now: () => NOW, seen: { store, key } });
    const names = excel.state.sheets.map((s) => s.name);
    const first = await backend.since!();
    expect(first.items.map((x) => `${x.kind} ${x.id}`)).toContain("handoff-red DEP-1");
    expect(first.mails.map((m) => m.email)).toEqual(["hana@example.com", "ines@example.com"]);
    await backend.markSeen!(first.seen);
    expect(store.values.get(key)).toBe(first.seen);
    const again = await backend.since!();
    expect(again.items).toEqual([]);
    expect(again.lastLooked).toBe(TUESDAY);
    // Another user (another store) still sees it all.
    const other = excelBackend({ run, now: () => NOW, seen: { store: new MemoryStore(), key } });
    expect((await other.since!()).items).toEqual(first.items);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(names);
  });

  it("a workbook is told apart by its URL; unsaved ones share one key", () => {
    expect(seenKey("https://a/x.xlsx")).not.toBe(seenKey("https://a/y.xlsx"));
    expect(seenKey(undefined)).toBe(seenKey(""));
  });

  it("is not offered without a store", () => {
    const { run } = fakeExcel(grids());
    const backend = excelBackend({ run });
    expect(backend.since).toBeUndefined();
    expect(backend.markSeen).toBeUndefined();
  });
});

const executable = requireTool("chromium");
let browser: Browser;
let standInScript: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  if (!executable) return;
  mkdirSync("test-artifacts", { recursive: true });
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
  server = createServer(distHandler(resolve("excel-addin/dist"), { localOfficeJs: false }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({
    executablePath: executable,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
});

describe("the task pane in Excel opens on Since you last looked", () => {
  it("lists the late hand-off with ready emails, and after Mark all as seen a reload shows nothing new", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => void (m.type() === "error" && errors.push(`console: ${m.text()}`)));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      if (url === OFFICE_JS_CDN)
        return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
      return route.abort();
    });
    // Today is whatever day the test runs: DEP-1 was needed long before it.
    await page.addInitScript(`window.__batonSeed = ${JSON.stringify(grids())};`);
    await page.addInitScript(standInScript);
    await page.goto(`${origin}/taskpane.html`);
    const section = "#baton section[aria-labelledby=baton-since-title]";
    await page.waitForSelector(`${section} .since-item >> text=DEP-1`);
    const hrefs = await page.$$eval(`${section} a.mail-link`, (as) =>
      as.map((a) => a.getAttribute("href") ?? ""),
    );
    expect(hrefs.map((h) => h.slice(0, h.indexOf("?")))).toEqual([
      "mailto:hana@example.com",
      "mailto:ines@example.com",
    ]);
    await page.screenshot({ path: "test-artifacts/excel-since.png", fullPage: true });
    await page.click(`${section} button:has-text("Mark all as seen")`);
    await page.waitForSelector(`${section} >> text=Nothing new since you last looked`);
    await page.reload();
    await page.waitForSelector(`${section} >> text=Nothing new since you last looked`);
    const sheets = await page.evaluate(() =>
      (
        window as never as { __office: { excel: { state: { sheets: { name: string }[] } } } }
      ).__office.excel.state.sheets.map((s) => s.name),
    );
    expect(sheets).not.toContain(BATON_SHEET);
    expect(sheets).toContain(SHEET.handoffs);
    expect(errors).toEqual([]);
    await context.close();
  });
});
