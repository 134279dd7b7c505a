/**
 * What a careless user or a hostile cell meets: an existing mapping file kept without --force,
 * control characters from cells shown visibly (never in --json), a closed pipe ending quietly,
 * every output checked before any is written, empty option values and mapping files of the
 * wrong shape refused with one line saying what is expected.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET, type PlanValue } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { baton, batonProcess, tempDir } from "../support/cli.ts";

const AS_OF = "2026-11-26";
let pristine: string;
let grids: Record<string, PlanValue[][]>;

beforeAll(async () => {
  pristine = join(tempDir("baton-adv-careless-"), "pristine.xlsx");
  expect(baton(["init", pristine, "--demo", "--as-of", AS_OF, "--time-zone", "UTC"]).code).toBe(0);
  grids = (await (await XlsxHost.open(pristine)).readSheets(Object.values(SHEET))) as Record<
    string,
    PlanValue[][]
  >;
});

function copy(): string {
  const file = join(tempDir("baton-adv-careless-"), "demo.xlsx");
  copyFileSync(pristine, file);
  return file;
}

function csvFolder(edit: (sheet: string, grid: PlanValue[][]) => void): string {
  const dir = tempDir("baton-adv-careless-");
  for (const [name, grid] of Object.entries(grids)) {
    const rows = grid.map((r) => [...r]);
    edit(name, rows);
    writeCsv(join(dir, `${name}.csv`), rows);
  }
  return join(dir, "Initiatives.csv");
}

describe("migrate over an existing mapping file", () => {
  it("refuses without --force, and leaves the file as it was", () => {
    const dir = tempDir("baton-adv-careless-");
    const source = join(dir, "tracker.csv");
    writeFileSync(source, "Project,Owner,Status\nRouting,Sam,Green\n");
    const mapping = join(dir, "plan.mapping.json");
    writeFileSync(mapping, "my notes");
    const r = baton(["migrate", source, "--out", join(dir, "plan.xlsx"), "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("plan.mapping.json already exists");
    expect(readFileSync(mapping, "utf8")).toBe("my notes");
    expect(
      baton(["migrate", source, "--out", join(dir, "plan.xlsx"), "--as-of", AS_OF, "--force"]).code,
    ).toBe(0);
    expect(readFileSync(mapping, "utf8")).toContain('"columns"');
  });
});

describe("control characters in cells", () => {
  const hostile = "Fix\u001b]0;pwned\u0007 it\u001b[2J\u009b31m now";
  it("are shown visibly in human output of every command, and kept in --json", () => {
    const file = csvFolder((sheet, grid) => {
      if (sheet === "Initiatives") grid[1]![7] = hostile; // Stage: an invalid value, quoted back
      if (sheet === "Hand-offs") grid[1]![0] = "DEP\u001b[31m-X"; // an invalid ID
    });
    for (const args of [
      ["validate", file],
      ["status", file, "--as-of", AS_OF],
      ["summary", file, "--as-of", AS_OF],
      ["verify", file],
    ]) {
      const r = baton(args);
      expect(r.stdout + r.stderr, args[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    const v = baton(["validate", file]);
    expect(v.stdout).toContain("\\x1b]0;pwned\\x07");
    const json = baton(["validate", file, "--json"]);
    expect(
      JSON.parse(json.stdout)
        .issues.map((i: { message: string }) => i.message)
        .join("\n"),
    ).toContain(hostile);
  }, 240_000);
});

describe("a closed pipe", () => {
  it("ends the command quietly, without a stack trace", async () => {
    // Enough initiatives that the status table outgrows the pipe's buffer.
    const file = csvFolder((sheet, grid) => {
      if (sheet !== "Initiatives") return;
      const row = grid[1]!;
      for (let i = 0; i < 4000; i++) grid.push([`INI-${1000 + i}`, ...row.slice(1)]);
    });
    const { child, done } = batonProcess(["status", file, "--as-of", AS_OF]);
    child.stdout!.once("data", () => child.stdout!.destroy());
    const r = await done;
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at |Error:/);
    expect(r.code).toBe(0);
  });
});

describe("outputs are checked before anything is written", () => {
  it("summary --write --out into a missing folder leaves the workbook as it was", () => {
    const file = copy();
    const before = readFileSync(file);
    const r = baton([
      "summary",
      file,
      "--write",
      "--out",
      "/nonexistent-baton-folder/x.html",
      "--as-of",
      AS_OF,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("/nonexistent-baton-folder");
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("empty values and mapping files of the wrong shape", () => {
  for (const args of [
    ["status", "FILE", "--as-of", ""],
    ["summary", "FILE", "--as-of", ""],
    ["close", "FILE", "--period", ""],
    ["summary", "FILE", "--out", ""],
  ])
    it(`refuses ${args.slice(2).join(" ")}"" on ${args[0]} with one line saying what is expected`, () => {
      const file = copy();
      const r = baton(args.map((a) => (a === "FILE" ? file : a)));
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`--${args[2]!.slice(2)} is empty; it expects`));
    });

  for (const [what, content] of [
    ["a plain column-to-field object", { Project: "name", Owner: "owner" }],
    ["an array", [{ column: "Project", field: "name" }]],
    ["a column with keys of another shape", { columns: [{ header: "Project", maps_to: "name" }] }],
  ] as const)
    it(`refuses ${what} as a mapping file`, () => {
      const dir = tempDir("baton-adv-careless-");
      const source = join(dir, "tracker.csv");
      writeFileSync(source, "Project,Owner,Status\nRouting,Sam,Green\n");
      const mapping = join(dir, "m.json");
      writeFileSync(mapping, JSON.stringify(content));
      const r = baton([
        "migrate",
        source,
        "--out",
        join(dir, "plan.xlsx"),
        "--mapping",
        mapping,
        "--as-of",
        AS_OF,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/not a mapping file: .*(expected|a column has the keys)/);
    });
});
