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
    // Signed with a key handed in as bytes, as a host reads it from its own storage.
    const there = runInContext(
      `(() => { const key = { secretKey: new Uint8Array(32).fill(3) }; const r = Baton.closePeriod({ grids, anchor: null, period: "2026-W47", key, keyName: "pmo" }); if (!r.ok) return JSON.stringify(r); return JSON.stringify({ anchor: r.anchor, ops: r.plan.ops, signed: Baton.anchorSignatureValid(Baton.parseAnchor(r.anchor)) }); })()`,
      context,
    );
    const key = { secretKey: new Uint8Array(32).fill(3) };
    const here = core.closePeriod({ grids, anchor: null, period: "2026-W47", key, keyName: "pmo" });
    expect(here.ok).toBe(true);
    expect(JSON.parse(there)).toEqual(
      here.ok
        ? JSON.parse(JSON.stringify({ anchor: here.anchor, ops: here.plan.ops, signed: true }))
        : null,
    );
  });
});
