/**
 * `baton migrate` end to end, through the built command line: the report's JSON shape, the
 * source left byte for byte as it was, the mapping file written and read back, any sheet of a
 * workbook (merged cells and formulas included), and bad usage refused with exit 2.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fixture } from "../migrate/support.ts";

const BATON = new URL("../../cli/dist/baton.js", import.meta.url).pathname;
const baton = (...args: string[]) =>
  spawnSync(process.execPath, [BATON, ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "baton-migrate-"));

beforeAll(() => {
  if (!existsSync(BATON))
    execFileSync(process.execPath, ["scripts/build.mjs", "cli"], {
      cwd: new URL("../..", import.meta.url).pathname,
    });
});

describe("migrate --json", () => {
  it("prints exactly DESIGN.md's shape, and nothing else on stdout", () => {
    const out = join(dir, "portfolio.xlsx");
    const r = baton(
      "migrate",
      fixture("13_capital_delivery_portfolio_melbournewater.csv"),
      "--out",
      out,
      "--json",
      "--progress",
      "--as-of",
      "2026-11-26",
      "--time-zone",
      "UTC",
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual([
      "created",
      "headerRow",
      "kind",
      "mapping",
      "rows",
      "sheet",
      "warnings",
    ]);
    expect(Object.keys(report.created).sort()).toEqual([
      "checkins",
      "handoffs",
      "initiatives",
      "kpis",
      "objectives",
    ]);
    for (const m of report.mapping)
      expect(Object.keys(m).sort()).toEqual(["column", "confidence", "field"]);
    for (const row of report.rows) {
      expect(Object.keys(row).sort()).toEqual(["ids", "outcome", "reason", "sourceRow"]);
      expect(["imported", "skipped", "rejected"]).toContain(row.outcome);
    }
    expect(report.rows).toHaveLength(445);
    // Progress goes to stderr only.
    expect(r.stderr).toContain("445 of 445 rows");
  });
});

describe("the source is never written", () => {
  for (const name of [
    "04_risikoregister_de_gourmetguide.xlsx",
    "09_project_plan_gantt_packt.xlsx",
    "13_capital_delivery_portfolio_melbournewater.csv",
  ])
    it(`leaves ${name} byte for byte as it was`, () => {
      const source = join(dir, name);
      copyFileSync(fixture(name), source);
      const before = readFileSync(source);
      const r = baton(
        "migrate",
        source,
        "--out",
        join(dir, `${name}.baton.xlsx`),
        "--as-of",
        "2026-11-26",
      );
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(source).equals(before)).toBe(true);
    });
  it("refuses to write over the source", () => {
    const source = join(dir, "self.xlsx");
    copyFileSync(fixture("09_project_plan_gantt_packt.xlsx"), source);
    const r = baton("migrate", source, "--out", source, "--force");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("never writes over the tracker");
  });
});

describe("the written workbook and mapping", () => {
  it("is a Baton workbook that validate reads, with the mapping beside it to correct and re-run", () => {
    const out = join(dir, "plan.xlsx");
    expect(
      baton(
        "migrate",
        fixture("09_project_plan_gantt_packt.xlsx"),
        "--out",
        out,
        "--as-of",
        "2026-11-26",
      ).status,
    ).toBe(0);
    const v = baton("validate", out, "--json");
    expect(v.status).toBe(1);
    const codes = new Set(JSON.parse(v.stdout).issues.map((i: { code: string }) => i.code));
    expect([...codes]).toEqual(["required"]);
    const mappingFile = join(dir, "plan.mapping.json");
    const mapping = JSON.parse(readFileSync(mappingFile, "utf8"));
    expect(mapping.columns.find((c: { column: string }) => c.column === "Resourcing").field).toBe(
      "owner",
    );
    // The user says Resourcing is the team, not the owner.
    mapping.columns.find((c: { column: string }) => c.column === "Resourcing").field = "team";
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const again = baton(
      "migrate",
      fixture("09_project_plan_gantt_packt.xlsx"),
      "--out",
      join(dir, "plan2.xlsx"),
      "--mapping",
      mappingFile,
      "--json",
      "--as-of",
      "2026-11-26",
    );
    expect(again.status).toBe(0);
    expect(
      JSON.parse(again.stdout).mapping.find((m: { column: string }) => m.column === "Resourcing"),
    ).toEqual({ column: "Resourcing", field: "team", confidence: 1 });
  });
  it("refuses a mapping file that is not one, naming the problem", () => {
    const bad = join(dir, "bad.mapping.json");
    writeFileSync(bad, JSON.stringify({ kind: "gantt" }));
    const r = baton(
      "migrate",
      fixture("09_project_plan_gantt_packt.xlsx"),
      "--out",
      join(dir, "x.xlsx"),
      "--mapping",
      bad,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("kind");
  });
});

describe("any sheet of a workbook", () => {
  const file = join(dir, "two-sheets.xlsx");
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Read me first";
    const ws = wb.addWorksheet("Tracker");
    ws.getCell("A1").value = "IT Portfolio";
    ws.mergeCells("A1:F1");
    ws.addRow([]);
    ws.addRow(["Objective", "Initiative", "Owner", "Start", "Due", "RAG"]);
    ws.addRow([
      "Faster support",
      "Ticket routing",
      "Sam",
      new Date(Date.UTC(2026, 0, 5)),
      null,
      "R",
    ]);
    ws.getCell("E4").value = { formula: "D4+90", result: new Date(Date.UTC(2026, 3, 5)) };
    ws.addRow([
      null,
      "Knowledge base",
      "Aisha",
      new Date(Date.UTC(2026, 1, 1)),
      new Date(Date.UTC(2026, 5, 30)),
      "G",
    ]);
    ws.mergeCells("A4:A5");
    await wb.xlsx.writeFile(file);
  });
  it("reads the sheet --sheet names: merged title and objective, formula results", () => {
    const r = baton(
      "migrate",
      file,
      "--sheet",
      "tracker",
      "--out",
      join(dir, "two.xlsx"),
      "--json",
      "--as-of",
      "2026-11-26",
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      sheet: "Tracker",
      headerRow: 3,
      created: { objectives: 1, initiatives: 2, checkins: 2 },
    });
    expect(
      report.rows.map((x: { sourceRow: number; ids: string[] }) => [x.sourceRow, x.ids]),
    ).toEqual([
      [4, ["INI-1"]],
      [5, ["INI-2"]],
    ]);
  });
  it("names the sheets when --sheet names none of them", () => {
    const r = baton("migrate", file, "--sheet", "Budget", "--out", join(dir, "none.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"Notes", "Tracker"');
  });
});

describe("bad usage", () => {
  it("needs --out, an .xlsx, and will not overwrite without --force", () => {
    const src = fixture("13_capital_delivery_portfolio_melbournewater.csv");
    expect(baton("migrate", src).stderr).toContain("needs --out");
    expect(baton("migrate", src, "--out", join(dir, "x.csv")).status).toBe(2);
    const exists = join(dir, "exists.xlsx");
    writeFileSync(exists, "");
    const r = baton("migrate", src, "--out", exists);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--force");
  });
});
