/** Writing several files every one or none: what `baton portfolio --write` relies on. */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allOrNone, replaceFile } from "../../cli/src/files/atomic.ts";
import { tempDir } from "../support/cli.ts";

function twoFiles() {
  const dir = tempDir("baton-all-or-none-");
  const a = join(dir, "a.xlsx");
  const b = join(dir, "b.xlsx");
  writeFileSync(a, "old a");
  writeFileSync(b, "old b");
  return { dir, a, b };
}

describe("allOrNone", () => {
  it("leaves every original and no temporary file when a later write fails", async () => {
    const { dir, a, b } = twoFiles();
    await expect(
      allOrNone(async () => {
        await replaceFile(a, (out) => void out.write("new a"));
        await replaceFile(b, () => {
          throw new Error("disk gone");
        });
      }),
    ).rejects.toThrow("disk gone");
    expect(readFileSync(a, "utf8")).toBe("old a");
    expect(readFileSync(b, "utf8")).toBe("old b");
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });
  it("renames every file once all are written", async () => {
    const { dir, a, b } = twoFiles();
    await allOrNone(async () => {
      await replaceFile(a, (out) => void out.write("new a"));
      // Nothing is renamed until the last file is written.
      expect(readFileSync(a, "utf8")).toBe("old a");
      await replaceFile(b, (out) => void out.write("new b"));
    });
    expect(readFileSync(a, "utf8")).toBe("new a");
    expect(readFileSync(b, "utf8")).toBe("new b");
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });
});
