/**
 * The Apps Script project is one global script that runs where Apps Script runs it: no
 * modules, no Node or browser globals, its entry points top-level functions, within its size
 * budget, with least-privilege scopes.
 */
import { readFileSync, statSync } from "node:fs";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { SHEET } from "@baton/core";
import { buildGsheets, BUDGET_BYTES, CHECKIN_OUT } from "../../scripts/build-gsheets.mjs";
import { ABSENT_GLOBALS, CODE, DIST, loadProject, projectCode } from "./support/bundle.ts";

beforeAll(async () => {
  await buildGsheets();
});

describe("the bundle is one plain script within its budget", () => {
  it("has no import or export and stays under its budget", () => {
    const code = readFileSync(CODE, "utf8");
    expect(code).toBe(projectCode());
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(statSync(CODE).size).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(() => new vm.Script(code)).not.toThrow();
  });

  it("ships the manifest with the V8 runtime and only the scopes Baton needs", () => {
    const manifest = JSON.parse(readFileSync(`${DIST}/appsscript.json`, "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    // Mail and triggers for alerts only: asked for when alerts are turned on (granular consent).
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
      // Who is signed in, so a gate decision from the sidebar is recorded in their name.
      "https://www.googleapis.com/auth/userinfo.email",
      "https://www.googleapis.com/auth/script.send_mail",
      "https://www.googleapis.com/auth/script.scriptapp",
    ]);
  });

  it("leaves the check-in form to a web app of its own, the one project with the full spreadsheets scope", () => {
    const manifest = JSON.parse(readFileSync(`${CHECKIN_OUT}/appsscript.json`, "utf8"));
    expect(manifest.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets"]);
    // It runs as the person who deployed it; the token in the link decides the rest.
    expect(manifest.webapp).toEqual({ executeAs: "USER_DEPLOYING", access: "ANYONE" });
    expect(readFileSync(`${CHECKIN_OUT}/Form.html`, "utf8")).toMatch(/^<!DOCTYPE html>/);
    const code = readFileSync(`${CHECKIN_OUT}/Code.js`, "utf8");
    expect(code).toBe(projectCode("checkin"));
    expect(statSync(`${CHECKIN_OUT}/Code.js`).size).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe("it runs without what Apps Script lacks", () => {
  it("loads in a context with ECMAScript and Intl only, none of Node's or the browser's globals", () => {
    const p = loadProject();
    for (const g of ABSENT_GLOBALS)
      expect(vm.runInContext(`typeof ${g}`, p.context), g).toBe("undefined");
    expect(vm.runInContext("typeof Intl.DateTimeFormat", p.context)).toBe("function");
  });

  it("reads date cells in the spreadsheet's time zone, whatever zone Settings names", () => {
    // Auckland is 13 hours ahead of UTC in November, Los Angeles 8 hours behind: read in the
    // wrong zone, a date cell of Auckland is the day before.
    const p = loadProject({}, { zone: "Pacific/Auckland" });
    p.call("batonSetUpTemplate");
    const owner = p.book.owner;
    p.book.sheet(SHEET.settings).userEdit(2, 2, "America/Los_Angeles", owner);
    const row = [
      "INI-1",
      "OBJ-1",
      "Routing",
      "IT Support",
      "Sam",
      "'2026-11-26",
      "2026-11-26",
      "In progress",
    ];
    row.forEach((v, i) => p.book.sheet(SHEET.initiatives).userEdit(2, i + 1, v, owner));
    const due = p.book.sheet(SHEET.initiatives).getRange(2, 7).getValues()[0]![0] as Date;
    expect(due.toISOString()).toBe("2026-11-25T11:00:00.000Z");
    p.ui.shown.length = 0;
    p.call("batonValidate");
    // Start (text) and Due (a date cell) are the same day: no start-after-due.
    const text = p.ui.alerts().join("\n");
    expect(text).toContain("OBJ-1 does not match any row of Objectives");
    expect(text).not.toContain("is after Due");
  });
});

describe("every entry point is a top-level function", () => {
  it("declares the triggers and every menu item's handler as global functions", () => {
    const p = loadProject();
    const globals = p.functions();
    expect(globals).toEqual(expect.arrayContaining(["onOpen", "onEdit", "onInstall"]));
    p.call("onOpen", { authMode: "FULL" });
    const items = p.ui.menus.flatMap((m) => m.allItems());
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(globals, item.caption).toContain(item.functionName);
  });
});
