/**
 * The core runs where Apps Script runs: bundled for a neutral platform, loaded in a bare V8
 * context without TextEncoder, setTimeout, crypto, URL, fetch, process or require, it reads and
 * validates the demo workbook and gives the same issues as in Node.
 */
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import vm from "node:vm";
import { MemoryHost, SHEET, demoContent, templatePlan, validateGrids } from "@baton/core";

describe("the core is pure", () => {
  it("bundles with no Node built-ins and runs in a context that lacks what Apps Script lacks", async () => {
    const result = await build({
      stdin: {
        contents: `import * as core from "@baton/core"; globalThis.core = core;`,
        resolveDir: process.cwd(),
        loader: "ts",
      },
      bundle: true,
      platform: "neutral",
      mainFields: ["module", "main"],
      format: "iife",
      target: "es2020",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(["']|from ["']node:/);

    const context = vm.createContext({ Intl, console: { log() {} } });
    for (const missing of [
      "TextEncoder",
      "TextDecoder",
      "setTimeout",
      "crypto",
      "URL",
      "fetch",
      "process",
      "require",
      "window",
      "document",
    ])
      expect(vm.runInContext(`typeof ${missing}`, context)).toBe("undefined");
    vm.runInContext(code, context);

    const grids = vm.runInContext(
      `(async () => {
        const host = new core.MemoryHost();
        await host.apply(core.templatePlan(core.demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
        const grids = await host.readSheets(Object.values(core.SHEET));
        return JSON.stringify(core.validateGrids(grids).issues.map((i) => i.code + " " + i.cell));
      })()`,
      context,
    );
    const host = new MemoryHost();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
    const expected = validateGrids(await host.readSheets(Object.values(SHEET))).issues.map(
      (i) => i.code + " " + i.cell,
    );
    expect(JSON.parse(await grids)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
