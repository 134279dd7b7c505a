/**
 * The "Baton Portfolio" add-on as Apps Script runs it: its own built project in a `node:vm`
 * context, over a portfolio spreadsheet whose Portfolio sheet lists member spreadsheets by URL
 * or ID. It reads each member in a constant number of calls, judges them as one graph, and
 * writes the portfolio summary here; its manifest asks for the full spreadsheets scope, which
 * the team add-on never does.
 */
import { readFileSync, statSync } from "node:fs";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_WORKBOOKS,
  MemoryHost,
  SHEET,
  demoPortfolioContent,
  portfolioSheetName,
  templatePlan,
  type TemplateContent,
} from "@baton/core";
import { buildGsheets, BUDGET_BYTES, PORTFOLIO_OUT } from "../../scripts/build-gsheets.mjs";
import { FakeBook } from "../../fakes/sheets/spreadsheet.ts";
import { appsScript } from "../../fakes/sheets/services.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { ABSENT_GLOBALS, loadProject, projectCode } from "./support/bundle.ts";
import { DEMO_NOW, DEMO_TODAY, DEMO_ZONE } from "./support/demo.ts";

const SUPPORT_ID = "1supportAbCdEfGhIjKlMnOpQrStUvWxYz0123456";
const DEV_ID = "1devAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab";
const NOT_SHARED_ID = "1notSharedAbCdEfGhIjKlMnOpQrStUvWxYz01234";
const PERIOD = "2026-W48";

beforeAll(async () => {
  await buildGsheets();
});

const demo = () => demoPortfolioContent({ today: DEMO_TODAY, timeZone: DEMO_ZONE });

/** A member spreadsheet holding `content`, written by the team add-on's own host. */
function member(name: string, content: TemplateContent): FakeBook {
  const book = new FakeBook({ name, zone: DEMO_ZONE });
  sheetsHost(book, appsScript(book)).apply(templatePlan(content));
  book.calls.clear();
  return book;
}

/** The portfolio spreadsheet, its Portfolio sheet listing `rows` in column A. */
function portfolioBook(rows: readonly string[]): FakeBook {
  return FakeBook.fromGrids(
    { Portfolio: [["Spreadsheet (URL or ID)", "Note"], ...rows.map((r) => [r, null])] },
    { name: "Portfolio HQ", zone: DEMO_ZONE },
  );
}

function load(book: FakeBook, members: Record<string, FakeBook>) {
  const p = loadProject(book, {
    project: "portfolio",
    now: DEMO_NOW,
    spreadsheets: new Map(Object.entries(members)),
  });
  // The members' dates must be the script's own Dates, as Apps Script's are.
  const realmDate = vm.runInContext("Date", p.context) as DateConstructor;
  for (const m of Object.values(members)) m.realmDate = realmDate;
  return p;
}

const textOf = (book: FakeBook, sheet: string) =>
  book
    .sheet(sheet)
    .getDataRange()
    .getValues()
    .flat()
    .filter((v) => v !== "" && v !== null)
    .map(String);

describe("the portfolio add-on is its own project", () => {
  it("is one plain script within the budget, with a manifest asking for the full spreadsheets scope", () => {
    const code = readFileSync(`${PORTFOLIO_OUT}/Code.js`, "utf8");
    expect(code).toBe(projectCode("portfolio"));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(statSync(`${PORTFOLIO_OUT}/Code.js`).size).toBeLessThanOrEqual(BUDGET_BYTES);
    const manifest = JSON.parse(readFileSync(`${PORTFOLIO_OUT}/appsscript.json`, "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets",
      "https://www.googleapis.com/auth/script.container.ui",
    ]);
  });

  it("loads without what Apps Script lacks, and its menu calls its own top-level functions", () => {
    const p = load(portfolioBook([]), {});
    for (const g of ABSENT_GLOBALS)
      expect(vm.runInContext(`typeof ${g}`, p.context), g).toBe("undefined");
    p.call("onOpen", { authMode: "FULL" });
    const items = p.ui.menus.flatMap((m) => m.allItems());
    expect(p.ui.menus.map((m) => m.caption)).toEqual(["Baton Portfolio"]);
    expect(items.map((i) => i.caption)).toEqual([
      "Set up the Portfolio sheet",
      "Refresh the portfolio summary",
    ]);
    for (const i of items) expect(p.functions()).toContain(i.functionName);
  });
});

describe("Refresh the portfolio summary", () => {
  it("names dev's late hand-off as the root cause of support's stalled initiative", () => {
    const content = demo();
    const support = member("Support tracker", content[DEMO_WORKBOOKS.support]);
    const dev = member("Development tracker", content[DEMO_WORKBOOKS.dev]);
    const book = portfolioBook([
      `https://docs.google.com/spreadsheets/d/${SUPPORT_ID}/edit#gid=0`,
      DEV_ID,
    ]);
    const p = load(book, { [SUPPORT_ID]: support, [DEV_ID]: dev });
    p.call("batonPortfolioRefresh");
    expect(p.ui.alerts()).toEqual([]);
    expect(book.toasts.map((t) => t.message).join("\n")).toContain("Portfolio of 2 workbooks");
    const sheet = portfolioSheetName(PERIOD);
    const text = textOf(book, sheet).join("\n");
    expect(text).toContain("dev:DEP-1");
    expect(text).toContain("support:INI-1");
    expect(book.getActiveSheet().getName()).toBe(sheet);
    // Members are only read.
    for (const m of [support, dev])
      expect([...m.calls.keys()].filter((k) => /set|insert|delete|clear|protect/i.test(k))).toEqual(
        [],
      );
  });

  it("reads a member in the same number of calls whatever its size", async () => {
    const calls = async (extraObjectives: number) => {
      const content = demo();
      const dev = member("Development tracker", content[DEMO_WORKBOOKS.dev]);
      const support = member("Support tracker", content[DEMO_WORKBOOKS.support]);
      if (extraObjectives) {
        const host = new MemoryHost();
        await host.apply(templatePlan(content[DEMO_WORKBOOKS.dev]));
        const grid = (await host.readSheets([SHEET.objectives]))[SHEET.objectives]!;
        const rows = Array.from({ length: extraObjectives }, (_, i) => {
          const row = [...grid[1]!];
          row[0] = `OBJ-${500 + i}`;
          return row;
        });
        dev
          .sheet(SHEET.objectives)
          .getRange(grid.length + 1, 1, rows.length, rows[0]!.length)
          .setValues(rows);
        dev.calls.clear();
      }
      const p = load(portfolioBook([SUPPORT_ID, DEV_ID]), {
        [SUPPORT_ID]: support,
        [DEV_ID]: dev,
      });
      p.call("batonPortfolioRefresh");
      return dev.totalCalls();
    };
    const small = await calls(0);
    expect(small).toBeGreaterThan(0);
    expect(await calls(400)).toBe(small);
  });

  it("names each listed row it could not read, and still judges the rest", () => {
    const content = demo();
    const support = member("Support tracker", content[DEMO_WORKBOOKS.support]);
    const dev = member("Development tracker", content[DEMO_WORKBOOKS.dev]);
    const book = portfolioBook([SUPPORT_ID, "the dev tracker", NOT_SHARED_ID, DEV_ID]);
    const p = load(book, { [SUPPORT_ID]: support, [DEV_ID]: dev });
    p.call("batonPortfolioRefresh");
    const alert = p.ui.alerts().join("\n");
    expect(alert).toContain('Portfolio!A3 ("the dev tracker" is not a spreadsheet URL or ID)');
    expect(alert).toContain("Portfolio!A4 (cannot be opened");
    expect(alert).toContain("shared with you");
    expect(textOf(book, portfolioSheetName(PERIOD)).join("\n")).toContain("dev:DEP-1");
  });

  it("asks for the Portfolio sheet when there is none, and sets it up on request", () => {
    const book = FakeBook.fromGrids({ Notes: [["x"]] }, { zone: DEMO_ZONE });
    const p = load(book, {});
    p.call("batonPortfolioRefresh");
    expect(p.ui.alerts().join("\n")).toContain("Set up the Portfolio sheet");
    p.call("batonPortfolioSetUp");
    expect(book.sheet("Portfolio").getRange(1, 1, 1, 2).getValues()).toEqual([
      ["Spreadsheet (URL or ID)", "Note"],
    ]);
    // A second set-up changes nothing.
    p.call("batonPortfolioSetUp");
    expect(book.getSheets().map((s) => s.getName())).toEqual(["Notes", "Portfolio"]);
  });
});
