import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { baton, tempDir } from "../support/cli.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { COLUMNS, SHEET } from "@baton/core";

describe("baton init", () => {
  it("writes an empty template that validates clean", () => {
    const dir = tempDir();
    const file = join(dir, "plan.xlsx");
    const r = baton(["init", file, "--time-zone", "Europe/Berlin"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("empty Baton template");
    const v = baton(["validate", file, "--json"]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toEqual({ issues: [] });
  });

  it("writes the demo, whose honest problems validate reports with cell and fix", () => {
    const dir = tempDir();
    const file = join(dir, "demo.xlsx");
    expect(
      baton(["init", file, "--demo", "--as-of", "2026-11-26", "--time-zone", "UTC"]).code,
    ).toBe(0);
    const v = baton(["validate", file, "--json"]);
    expect(v.code).toBe(1);
    const { issues } = JSON.parse(v.stdout) as {
      issues: {
        code: string;
        sheet: string;
        cell: string;
        row: number;
        column: string;
        severity: string;
        message: string;
        fix: string;
      }[];
    };
    expect(
      issues
        .filter((i) => i.severity === "error")
        .map((i) => i.code)
        .sort(),
    ).toEqual(["gate-owner-decides", "invalid-date", "missing-path-to-green", "unknown-reference"]);
    // Its warnings: the false greens (judged as of today, whenever the test runs) and the one
    // initiative closed without the controller's confirmation.
    const warnings = issues.filter((i) => i.severity === "warning");
    expect(warnings.filter((i) => i.code !== "false-green").map((i) => i.code)).toEqual([
      "done-without-confirmation",
    ]);
    expect(warnings.map((i) => i.message).join("\n")).toContain(
      "You report Green, but DEP-1, which you owe IT Support, is",
    );
    // The governance story's two problems: one closed without the controller, one self-approved.
    expect(issues.find((i) => i.code === "done-without-confirmation")).toMatchObject({
      sheet: "Initiatives",
      column: "Stage",
      severity: "warning",
    });
    expect(issues.find((i) => i.code === "gate-owner-decides")).toMatchObject({
      sheet: "Gate Decisions",
      column: "Decided By",
      severity: "error",
    });
    for (const i of issues) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(["code", "severity", "sheet", "row", "column", "cell", "message"]),
      );
      expect(i.fix.length).toBeGreaterThan(0);
    }
    expect(issues.find((i) => i.code === "invalid-date")).toMatchObject({
      sheet: "Hand-offs",
      column: "Committed Date",
    });
    const text = baton(["validate", file]);
    const warned = warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`;
    expect(text.stdout).toContain(`${file}: Baton found 4 errors and ${warned}.`);
  });

  it("tells the demo's story in the workbook: four teams, the stalled hand-off, six weeks", async () => {
    const dir = tempDir();
    const file = join(dir, "demo.xlsx");
    baton(["init", file, "--demo", "--as-of", "2026-11-26", "--time-zone", "UTC"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const values = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
    const initiatives = values(SHEET.initiatives);
    const teams = new Set(initiatives.map((r) => r[4]));
    expect(teams.size).toBeGreaterThanOrEqual(4);
    expect(initiatives.length).toBeGreaterThanOrEqual(12);
    expect(values(SHEET.objectives).length).toBeGreaterThanOrEqual(3);
    expect(values(SHEET.handoffs).length).toBeGreaterThanOrEqual(10);
    expect(values(SHEET.kpis).length).toBeGreaterThanOrEqual(4);
    const periods = new Set(values(SHEET.checkins).map((r) => r[1]));
    expect(periods.size).toBeGreaterThanOrEqual(6);
    const dep1 = values(SHEET.handoffs).find((r) => r[1] === "DEP-1")!;
    expect(dep1[2]).toBe("INI-5"); // the development team's initiative provides it
    expect(dep1[3]).toBe("INI-1"); // IT Support's resolution-time initiative waits
    expect((dep1[5] as Date).toISOString().slice(0, 10) < "2026-11-26").toBe(true); // needed before today
  });

  it("refuses to overwrite a file without --force, and wants .xlsx", () => {
    const dir = tempDir();
    const file = join(dir, "plan.xlsx");
    writeFileSync(file, "precious");
    const r = baton(["init", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(file, "utf8")).toBe("precious");
    expect(baton(["init", join(dir, "plan.ods")]).code).toBe(2);
  });
});

describe("baton validate on bad input", () => {
  it("exits 2 with one line for a missing file, a non-workbook, and a workbook without the template", async () => {
    const dir = tempDir();
    const missing = baton(["validate", join(dir, "nope.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);

    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "not a zip at all");
    const notWorkbook = baton(["validate", fake]);
    expect(notWorkbook.code).toBe(2);
    expect(notWorkbook.stderr).toMatch(/not a valid workbook: it is not a zip file/);
    expect(notWorkbook.stderr.trim().split("\n")).toHaveLength(1);

    const other = join(dir, "other.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "Line item";
    await wb.xlsx.writeFile(other);
    const noTemplate = baton(["validate", other]);
    expect(noTemplate.code).toBe(2);
    expect(noTemplate.stderr).toMatch(/not a Baton workbook: no sheet "Objectives"/);
    expect(noTemplate.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 on bad usage", () => {
    expect(baton(["validate"]).code).toBe(2);
    expect(baton(["validate", "a.xlsx", "--frobnicate"]).code).toBe(2);
    expect(baton(["conjure", "a.xlsx"]).code).toBe(2);
    expect(baton([]).code).toBe(2);
    expect(baton(["--help"]).code).toBe(0);
  });
});

describe("a tracker kept as CSV files", () => {
  it("is validated from its folder, naming the file's cells", () => {
    const dir = tempDir();
    const header = (key: keyof typeof COLUMNS) => COLUMNS[key].map((c) => c.header);
    writeCsv(join(dir, "Objectives.csv"), [header("objectives"), ["OBJ-1", "Grow", "Olivia"]]);
    writeCsv(join(dir, "KPIs.csv"), [header("kpis")]);
    writeCsv(join(dir, "Initiatives.csv"), [
      header("initiatives"),
      [
        "INI-1",
        "OBJ-1",
        'Do, then "more"',
        "Team A",
        "Ines",
        "2026-09-01",
        "2027-01-31",
        "In progress",
      ],
    ]);
    writeCsv(join(dir, "Hand-offs.csv"), [header("handoffs")]);
    writeCsv(join(dir, "Check-ins.csv"), [
      header("checkins"),
      [
        "2026-W48",
        "INI-1",
        "Red",
        "40%",
        null,
        "Line one\nline two",
        null,
        "Rae",
        "2026-11-26 09:00",
      ],
    ]);
    writeCsv(join(dir, "Settings.csv"), [
      ["Key", "Value"],
      ["Time Zone", "UTC"],
    ]);
    writeCsv(join(dir, "Gate Decisions.csv"), [header("gateDecisions")]);
    const r = baton(["validate", join(dir, "Check-ins.csv"), "--json"]);
    expect(JSON.parse(r.stdout).issues).toEqual([
      expect.objectContaining({ code: "missing-path-to-green", sheet: "Check-ins", cell: "G2" }),
    ]);
    expect(r.code).toBe(1);
  });

  it("lacking one of the template's files exits 2 naming it", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "x"));
    writeCsv(join(dir, "x", "Initiatives.csv"), [["ID"]]);
    const r = baton(["validate", join(dir, "x", "Initiatives.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Objectives\.csv/);
  });
});

describe("nothing Baton writes becomes a formula", () => {
  it("keeps formula-like cell text as text in the .xlsx it writes", async () => {
    const dir = tempDir();
    const file = join(dir, "demo.xlsx");
    baton(["init", file, "--demo", "--as-of", "2026-11-26"]);
    // A user types formula-like text; Baton reads and rewrites the file through its host.
    const { XlsxHost } = await import("../../cli/src/files/xlsx-host.ts");
    const host = await XlsxHost.open(file);
    await host.apply({
      ops: [
        {
          op: "values",
          sheet: SHEET.objectives,
          row: 2,
          column: 5,
          values: [["=cmd|' /C calc'!A0"]],
        },
      ],
    });
    await host.save(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = wb.getWorksheet(SHEET.objectives)!.getCell("E2");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=cmd|' /C calc'!A0");
  });
});
