/**
 * Saving a workbook in a folder others can write to: the temporary file is created
 * exclusively under a name no one can guess, never follows a planted link, keeps the
 * original's mode, and is gone however the command ends. A workbook that is a symbolic link is
 * written through to its target; one with hard links is replaced, and the user is told.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { BATON, baton, batonProcess, tempDir } from "../support/cli.ts";

const AS_OF = "2026-11-26";
let dir: string;
let demo: string;
let pristine: string;

const leftovers = (folder: string) =>
  readdirSync(folder).filter((f) => /\.tmp$|baton-lock/.test(f));

beforeAll(() => {
  pristine = join(tempDir("baton-adv-pristine-"), "pristine.xlsx");
  if (baton(["init", pristine, "--demo", "--as-of", AS_OF, "--time-zone", "UTC"]).code !== 0)
    throw new Error("init failed");
});

beforeEach(() => {
  dir = tempDir("baton-adv-temp-");
  demo = join(dir, "demo.xlsx");
  copyFileSync(pristine, demo);
});

/** Runs baton through a shell that plants links first; `exec` keeps the shell's pid, so `$$` is baton's. */
function withPlantedLinks(victim: string, args: readonly string[]) {
  // Double quotes, so that the shell expands $$.
  const plant = `ln -s "${victim}" "${demo}.baton-$$.tmp"; ln -s "${victim}" "${dir}/.baton-$$.tmp"`;
  const quoted = args.map((a) => `'${a}'`).join(" ");
  return spawnSync("sh", ["-c", `${plant}; exec '${process.execPath}' '${BATON}' ${quoted}`], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

describe("the temporary file", () => {
  for (const args of [
    ["status", "--write", "--as-of", AS_OF],
    ["close", "--period", "2026-W47"],
  ])
    it(`never follows a link planted at a predictable name (${args[0]})`, () => {
      const victim = join(dir, "victim.txt");
      writeFileSync(victim, "precious");
      const r = withPlantedLinks(victim, [args[0]!, demo, ...args.slice(1)]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(victim, "utf8")).toBe("precious");
      expect(lstatSync(demo).isFile()).toBe(true);
      expect(baton(["verify", demo]).code).toBe(0);
    });

  it("keeps the workbook's permission bits", () => {
    chmodSync(demo, 0o640);
    expect(baton(["status", demo, "--write", "--as-of", AS_OF]).code).toBe(0);
    expect(statSync(demo).mode & 0o777).toBe(0o640);
    chmodSync(demo, 0o600);
    expect(baton(["close", demo, "--period", "2026-W47"]).code).toBe(0);
    expect(statSync(demo).mode & 0o777).toBe(0o600);
  });

  it("is gone, with the lock, when the command is interrupted mid-save, and the workbook is whole", async () => {
    const { child, done } = batonProcess(["close", demo, "--period", "2026-W47"]);
    const watcher = watch(dir, (_event, name) => {
      if (name && name.endsWith(".tmp")) child.kill("SIGTERM");
    });
    const r = await done;
    watcher.close();
    expect(leftovers(dir)).toEqual([]);
    // The original or the complete result, never half of one.
    const v = baton(["verify", demo, "--json"]);
    expect(v.code, v.stderr).toBe(0);
    expect(r.stderr).not.toContain("Error:");
  });

  it("lets a workbook whose name is near the file system's limit be saved, and names the target in errors", () => {
    const long = join(dir, "q".repeat(245) + ".xlsx");
    copyFileSync(pristine, long);
    const r = baton(["status", long, "--write", "--as-of", AS_OF]);
    expect(r.stderr).not.toMatch(/\.tmp/);
    expect(r.code, r.stderr).toBe(0);
    const missing = baton(["close", join(dir, "nope", "x.xlsx"), "--period", "2026-W47"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\.tmp/);
  });
});

describe("a workbook that is a symbolic link", () => {
  it("is written through: the link stays a link and its target gets the new content", () => {
    const real = join(dir, "shared");
    mkdirSync(real);
    const target = join(real, "plan.xlsx");
    copyFileSync(pristine, target);
    const link = join(dir, "plan-link.xlsx");
    symlinkSync(target, link);
    const r = baton(["close", link, "--period", "2026-W47"]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(target));
    expect(JSON.parse(baton(["verify", target, "--json"]).stdout).sealedRows).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(real)).toEqual([]);
  });

  it("pointing nowhere is refused rather than created", () => {
    const link = join(dir, "dangling.xlsx");
    symlinkSync(join(dir, "absent.xlsx"), link);
    const r = baton(["init", link, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("symbolic link");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe("a workbook with hard links", () => {
  it("is replaced under the name given; the other names keep the old content, and the user is told", () => {
    const other = join(dir, "other-name.xlsx");
    linkSync(demo, other);
    const before = readFileSync(other);
    const r = baton(["close", demo, "--period", "2026-W47"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("hard link");
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(JSON.parse(baton(["verify", demo, "--json"]).stdout).sealedRows).toBeGreaterThan(0);
  });
});
