/**
 * The ledger runs where Apps Script runs it: the core bundled into one script, executed in a
 * bare JavaScript context without TextEncoder, crypto, setTimeout, Buffer or any Node or DOM
 * global, seals exactly as it does here.
 */
import { describe, expect, it } from "vitest";
import { createContext, runInContext } from "node:vm";
import { resolve } from "node:path";
import { build } from "esbuild";
import * as core from "@baton/core";
import { checkin } from "../support/grids.ts";
import { ledgerWorkbook } from "./support.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("sealing without platform services", () => {
  it("gives the same seals and anchor in a context that has only the language's own globals", async () => {
    const bundle = await build({
      entryPoints: [resolve(ROOT, "core/src/index.ts")],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "Baton",
      platform: "neutral",
      target: "es2020",
      mainFields: ["module", "main"],
      logLevel: "silent",
    });
    const context = createContext({});
    expect(
      runInContext(
        "[typeof TextEncoder, typeof crypto, typeof setTimeout, typeof Buffer, typeof process]",
        context,
      ),
    ).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);
    runInContext(bundle.outputFiles[0]!.text, context);
    const grids = ledgerWorkbook(
      [
        checkin("2026-W46", "INI-1", { Comment: "Ünïcödé 😀 \ud800 lone" }),
        checkin("2026-W47", "KPI-1", { Actual: 0.1 + 0.2 }),
      ],
      [checkin("2026-W48", "INI-1")],
    );
    context.grids = JSON.parse(JSON.stringify(grids));
    const there = runInContext(
      `(() => { const r = Baton.closePeriod({ grids, anchor: null, period: "2026-W47" }); return JSON.stringify(r.ok ? { anchor: r.anchor, ops: r.plan.ops } : r); })()`,
      context,
    );
    const here = core.closePeriod({ grids, anchor: null, period: "2026-W47" });
    expect(here.ok).toBe(true);
    expect(JSON.parse(there)).toEqual(
      here.ok ? JSON.parse(JSON.stringify({ anchor: here.anchor, ops: here.plan.ops })) : null,
    );
  });
});
