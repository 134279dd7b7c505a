/**
 * Commands that read or patch a workbook never load exceljs (the workbook model): loading it
 * alone costs about half a second of every command. Only a command that needs the model
 * (a new workbook from `baton init`) loads it. Seen from inside the process through a probe
 * preloaded with NODE_OPTIONS that reports, at exit, whether exceljs was loaded.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { baton, tempDir } from "../support/cli.ts";

const dir = tempDir("baton-lazy-");
const probe = join(dir, "probe.cjs");
writeFileSync(
  probe,
  `process.on("exit", () => {
  const loaded = Object.keys(require("module")._cache).some((k) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(k));
  process.stderr.write("exceljs-loaded:" + loaded + "\\n");
});`,
);
const probed = (args: string[]) => {
  const r = baton(args, { env: { NODE_OPTIONS: `--require ${probe}` } });
  return { ...r, loaded: /exceljs-loaded:(true|false)/.exec(r.stderr)?.[1] };
};

describe("the workbook model is loaded only when a command needs it", () => {
  it("is not loaded to validate, report, write statuses, close or verify", () => {
    const file = join(dir, "demo.xlsx");
    const init = probed(["init", file, "--demo", "--as-of", "2026-11-26", "--time-zone", "UTC"]);
    expect(init.code, init.stderr).toBe(0);
    // A new workbook is written from the model: the probe sees it loaded.
    expect(init.loaded).toBe("true");
    for (const args of [
      ["validate", file, "--json"],
      ["status", file, "--as-of", "2026-11-26", "--json"],
      ["status", file, "--as-of", "2026-11-26", "--write"],
      ["summary", file, "--as-of", "2026-11-26", "--out", join(dir, "summary.md")],
      ["close", file, "--period", "2026-W47"],
      ["verify", file, "--json"],
    ]) {
      const r = probed(args);
      expect([0, 1], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      expect(r.loaded, args.join(" ")).toBe("false");
    }
  }, 240_000);
});
