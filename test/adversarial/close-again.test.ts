/**
 * A careless user closing what is closed, or what has nothing in it: closing an already-closed
 * period is success with nothing written (close is idempotent, so a script can run it every
 * week), and a first close of a period before any check-in is refused with what to close instead.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baton, tempDir } from "../support/cli.ts";

const dir = tempDir("baton-close-again-");
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function demo(name: string): string {
  const file = join(dir, name);
  const r = baton([
    "init",
    file,
    "--demo",
    "--as-of",
    "2026-11-26",
    "--time-zone",
    "Europe/Berlin",
  ]);
  expect(r.code, r.stderr).toBe(0);
  return file;
}

describe("closing again", { timeout: 240_000 }, () => {
  it("says the period is already closed, exits 0 and leaves the file byte for byte", () => {
    const file = demo("again.xlsx");
    expect(baton(["close", file, "--period", "2026-W47", "--as-of", "2026-11-26"]).code).toBe(0);
    const before = digest(file);
    for (const period of ["2026-W47", "2026-W45"]) {
      const r = baton(["close", file, "--period", period, "--as-of", "2026-11-26"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${period} is already closed`);
    }
    const j = baton(["close", file, "--period", "2026-W47", "--json"]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({ closed: true, alreadyClosed: true });
    expect(digest(file)).toBe(before);
  });

  it("refuses a first close before the first check-in, naming the first period, and changes nothing", () => {
    const file = demo("early.xlsx");
    const before = digest(file);
    const r = baton(["close", file, "--period", "2026-W30", "--as-of", "2026-11-26"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2026-W30 is before the first check-in, which is for 2026-W43");
    expect(digest(file)).toBe(before);
  });
});
