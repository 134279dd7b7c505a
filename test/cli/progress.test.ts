/**
 * Progress shows on stderr only when it is a terminal and the output is not `--json`. The
 * two-second wait is set to zero here (BATON_PROGRESS_AFTER_MS), so a small file shows it.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BATON, baton, tempDir } from "../support/cli.ts";

const dir = tempDir("baton-progress-");
const file = join(dir, "demo.xlsx");
const now = { BATON_PROGRESS_AFTER_MS: "0" };

/** Runs baton with a terminal for stdout and stderr (util-linux `script`), answering all it printed. */
function inTerminal(args: readonly string[]): string {
  const r = spawnSync(
    "script",
    ["-qec", [process.execPath, BATON, ...args].map((a) => `'${a}'`).join(" "), "/dev/null"],
    {
      encoding: "utf8",
      env: { ...process.env, ...now, NO_COLOR: "1" },
    },
  );
  expect(r.error).toBeUndefined();
  return r.stdout;
}

describe("progress on stderr", () => {
  it("a terminal sees what the command is doing, cleared before the output", () => {
    expect(baton(["init", file, "--demo", "--as-of", "2026-11-26"]).code).toBe(0);
    const seen = inTerminal(["validate", file]);
    expect(seen).toMatch(/\r\x1b\[2Kbaton: evaluating \d+/);
    // The line is cleared before the table is printed, never left in front of it.
    expect(seen).toMatch(/\r\x1b\[2K(\x1b\[1m)?Cell/);
  });

  it("nothing extra when stderr is piped, or with --json", () => {
    const piped = baton(["validate", file], { env: now });
    expect(piped.stderr).not.toMatch(/evaluating|reading|\x1b\[2K/);
    expect(inTerminal(["validate", file, "--json"])).not.toMatch(/evaluating|reading|\x1b\[2K/);
  });
});
