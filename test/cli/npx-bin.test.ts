/**
 * `npx baton` in a clone after `npm install`: the root package and the cli workspace expose the
 * bin, a launcher committed in the repository, which builds the bundle on first use.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../support/cli.ts";

const ROOT = resolve(__dirname, "../..");
const pkg = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8"));

describe("the baton bin", () => {
  it("is a committed, executable launcher named by the root package and the cli workspace", () => {
    const launcher = join(ROOT, pkg("package.json").bin.baton);
    expect(launcher).toBe(join(ROOT, "cli/bin/baton.js"));
    expect(join(ROOT, "cli", pkg("cli/package.json").bin.baton)).toBe(launcher);
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    const tracked = spawnSync("git", ["ls-files", "--error-unmatch", "cli/bin/baton.js"], {
      cwd: ROOT,
    });
    expect(tracked.status).toBe(0);
  });

  it("runs from the repository root with npx once npm has linked it", () => {
    const r = spawnSync("npx", ["--offline", "--no-install", "baton", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: baton <command> FILE");
  });

  it("builds the command line on first use when cli/dist is not there", () => {
    // A clone without cli/dist: its sources, scripts and installed packages are the repository's.
    const clone = tempDir("baton-clone-");
    for (const part of ["node_modules", "core", "scripts", "package.json"])
      symlinkSync(join(ROOT, part), join(clone, part));
    mkdirSync(join(clone, "cli/bin"), { recursive: true });
    symlinkSync(join(ROOT, "cli/src"), join(clone, "cli/src"));
    copyFileSync(join(ROOT, "cli/bin/baton.js"), join(clone, "cli/bin/baton.js"));
    const first = spawnSync(process.execPath, [join(clone, "cli/bin/baton.js"), "--help"], {
      cwd: clone,
      encoding: "utf8",
    });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain("building the command line");
    expect(first.stdout).toContain("Usage: baton <command> FILE");
    expect(existsSync(join(clone, "cli/dist/baton.js"))).toBe(true);
    const second = spawnSync(process.execPath, [join(clone, "cli/bin/baton.js"), "--version"], {
      cwd: clone,
      encoding: "utf8",
    });
    expect(second.status).toBe(0);
    expect(second.stderr).toBe("");
  });
});
