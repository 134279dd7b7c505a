/**
 * A tracker kept as CSV that is not well-formed CSV: an unterminated quote is an error at its
 * line (validate exit 1), the lines after it are still read, and migrate lists the rows it
 * could not read and exits 1. CSVs written by older Excel (Windows-1252) and with semicolons
 * are read as migrate reads them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET, type PlanValue } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { baton, tempDir } from "../support/cli.ts";

const AS_OF = "2026-11-26";
let grids: Record<string, PlanValue[][]>;

beforeAll(async () => {
  const demo = join(tempDir("baton-adv-csv-"), "demo.xlsx");
  expect(baton(["init", demo, "--demo", "--as-of", AS_OF, "--time-zone", "UTC"]).code).toBe(0);
  const host = await XlsxHost.open(demo);
  grids = (await host.readSheets(Object.values(SHEET))) as Record<string, PlanValue[][]>;
});

/** The demo as a CSV folder; returns the folder. */
function csvFolder(edit: (sheet: string, grid: PlanValue[][]) => void = () => {}): string {
  const dir = tempDir("baton-adv-csv-");
  for (const [name, grid] of Object.entries(grids)) {
    const copy = grid.map((r) => [...r]);
    edit(name, copy);
    writeCsv(join(dir, `${name}.csv`), copy);
  }
  return dir;
}

const issuesOf = (file: string) => {
  const r = baton(["validate", file, "--json"]);
  return { code: r.code, issues: JSON.parse(r.stdout).issues as Record<string, unknown>[] };
};

describe("an unterminated quote in Check-ins.csv", () => {
  it("is an error at its line, and the check-ins after it are still read", () => {
    const dir = csvFolder();
    const file = join(dir, "Check-ins.csv");
    const before = issuesOf(file);
    const lines = readFileSync(file, "utf8").split("\r\n");
    const checkins = lines.filter((l) => l).length - 1;
    // Line 5 (row 5): a comment whose quote is never closed.
    const cells = lines[4]!.split(",");
    cells[5] = `"Waiting on the vendor`;
    lines[4] = cells.join(",");
    writeFileSync(file, lines.join("\r\n"));

    const after = issuesOf(file);
    expect(after.code).toBe(1);
    const malformed = after.issues.filter((i) => i.code === "csv-malformed");
    expect(malformed).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Check-ins",
        row: 5,
        column: "Comment",
        cell: "F5",
      }),
    ]);
    expect(String(malformed[0]!.message)).toContain("line 5");
    expect(String(malformed[0]!.fix)).toContain("Close the quote");
    // Nothing dropped: every other check-in is still read, so issues elsewhere are still found.
    const summary = JSON.parse(baton(["status", file, "--as-of", AS_OF, "--json"]).stdout);
    expect(summary.initiatives.length).toBeGreaterThan(0);
    const others = (list: Record<string, unknown>[]) =>
      list
        .filter((i) => i.code !== "csv-malformed" && i.row !== 5)
        .map((i) => `${i.code}@${i.cell}`);
    expect(others(after.issues)).toEqual(others(before.issues));
    expect(checkins).toBeGreaterThan(50);
  });

  it("makes migrate list the row it could not read and exit 1, importing every other row", () => {
    const dir = tempDir("baton-adv-csv-");
    const source = join(dir, "projects.csv");
    const rows = ["Project,Owner,Status,Notes"];
    for (let i = 1; i <= 10; i++) rows.push(`Project ${i},Owner ${i},Green,note ${i}`);
    rows[3] = `Project 3,Owner 3,Green,"unfinished note`;
    writeFileSync(source, rows.join("\n") + "\n");
    const out = join(dir, "plan.xlsx");
    const r = baton(["migrate", source, "--out", out, "--as-of", AS_OF, "--json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.unreadable).toEqual([expect.objectContaining({ sourceRow: 4, line: 4 })]);
    expect(report.created.initiatives).toBe(10);
    const human = baton(["migrate", source, "--out", out, "--as-of", AS_OF, "--force"]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/1 row of .* could not be read as CSV/);
  });
});

describe("CSV trackers from other programs", () => {
  it("reads Windows-1252 text as migrate does", () => {
    // A Stage that is not one of the list: validate quotes it back, so the decoding shows.
    const stage = "Prüfung – Büro";
    const dir = csvFolder((sheet, grid) => {
      if (sheet === "Initiatives") grid[1]![7] = stage;
    });
    const file = join(dir, "Initiatives.csv");
    // Windows-1252: ü is 0xFC and – is 0x96, single bytes that are not UTF-8.
    const text = readFileSync(file, "utf8");
    expect(text).toContain(stage);
    writeFileSync(file, Buffer.from([...text].map((c) => (c === "–" ? 0x96 : c.charCodeAt(0)))));
    const r = baton(["validate", file, "--json"]);
    const enumIssue = JSON.parse(r.stdout).issues.find(
      (i: { code: string; cell: string }) => i.code === "invalid-enum" && i.cell === "H2",
    );
    expect(enumIssue?.message).toContain(stage);
    expect(r.stdout).not.toContain("\ufffd");
  });

  it("reads a semicolon-separated Settings.csv, and other sheets so separated", () => {
    const settings = [
      ["Key", "Value"],
      ["Time Zone", "Europe/Berlin"],
      ["Cadence", "Weekly"],
      ["Holidays", "2026-12-25, 2026-12-26"],
      ["Current Period", "2026-W48"],
    ];
    const issuesFor = (separator: string) => {
      const dir = csvFolder();
      writeFileSync(
        join(dir, "Settings.csv"),
        settings.map((r) => r.join(separator)).join("\r\n") + "\r\n",
      );
      const objectives = join(dir, "Objectives.csv");
      if (separator === ";")
        writeFileSync(objectives, readFileSync(objectives, "utf8").replace(/,/g, ";"));
      const issues = JSON.parse(baton(["validate", join(dir, "Settings.csv"), "--json"]).stdout)
        .issues as { sheet: string; code: string; cell: string }[];
      return issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);
    };
    // The holiday list holds a comma: the file is read with semicolons, not split at it.
    const withCommas = issuesFor(",");
    expect(withCommas.filter((i) => i.startsWith("Settings"))).toEqual([]);
    expect(issuesFor(";")).toEqual(withCommas);
  });
});
