/**
 * `baton summary` end to end: the built command line on the demo workbook, the summary sheet
 * read back by LibreOffice, and the HTML page rendered by headless Chromium (a screenshot and
 * a PDF land in test-artifacts/).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { chromium } from "playwright-core";
import {
  SHEET,
  daysFromIso,
  isoFromSerial,
  numberForPeople,
  summaryPlan,
  validateGrids,
  type BoardSummary,
  type PlanValue,
  type Workbook,
  type WriteOp,
} from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { smallWorkbook, workbookGrids } from "../support/grids.ts";
import { baton as runBaton } from "../support/cli.ts";
import {
  convertWithLibreOffice,
  everySheetCsv,
  LIBREOFFICE_TEST_TIMEOUT,
  toolIn,
} from "../support/tools.ts";

const BIN = resolve("cli/dist/baton.js");
const ARTIFACTS = resolve("test-artifacts");
const AS_OF = "2026-11-26";
const SUMMARY_SHEET = "Board Summary 2026-W48";
const XSS = "<img src=x onerror=alert(1)>";
/** Text a spreadsheet would evaluate, typed into cells the summary shows. */
const FORMULA_LIKE = {
  deliverable: "=1+1",
  owner: "+SUM(A1)",
  team: "@Development",
  objective: "-1 hour per ticket",
};

let dir: string;
let demo: string;

const baton = (...args: string[]) => runBaton(args);

async function read(file: string): Promise<Workbook> {
  const host = await XlsxHost.open(file);
  return validateGrids(await host.readSheets(Object.values(SHEET))).workbook;
}

async function sheetNames(file: string): Promise<string[]> {
  return (await XlsxHost.open(file)).sheetNames();
}

/** Sets cells of a workbook by sheet, row ID and header, as a user would type them. */
async function edit(
  file: string,
  edits: { sheet: string; id: string; header: string; value: string }[],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet)!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const column = headers.indexOf(e.header) + 1;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === e.id) row = n;
    });
    expect(column * row, `${e.sheet} ${e.id} ${e.header}`).toBeGreaterThan(0);
    ws.getCell(row, column).value = e.value;
  }
  await wb.xlsx.writeFile(file);
}

/** A copy of the demo with the probes typed in: an XSS deliverable and formula-like text. */
function probed(name: string): Promise<string> {
  const file = join(dir, name);
  expect(baton("init", file, "--demo", "--as-of", AS_OF, "--force").code).toBe(0);
  return edit(file, [
    { sheet: "Hand-offs", id: "DEP-1", header: "Deliverable", value: XSS },
    { sheet: "Hand-offs", id: "DEP-6", header: "Deliverable", value: FORMULA_LIKE.deliverable },
    { sheet: "Hand-offs", id: "DEP-1", header: "Owner", value: FORMULA_LIKE.owner },
    { sheet: "Initiatives", id: "INI-5", header: "Team", value: FORMULA_LIKE.team },
    { sheet: "Objectives", id: "OBJ-1", header: "Objective", value: FORMULA_LIKE.objective },
  ]).then(() => file);
}

beforeAll(() => {
  if (!existsSync(BIN))
    spawnSync(process.execPath, ["scripts/build.mjs", "cli"], { stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "baton-summary-"));
  demo = join(dir, "demo.xlsx");
  expect(baton("init", demo, "--demo", "--as-of", AS_OF).code).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("baton summary on the demo", () => {
  it("prints the Markdown summary when asked for no file, and exits 0 naming the workbook's validation errors on stderr", () => {
    const r = baton("summary", demo, "--as-of", AS_OF);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("# Board summary 2026-W48\n")).toBe(true);
    expect(r.stdout).toContain("## Decisions needed");
    expect(r.stderr).toMatch(/\d+ validation errors? in /);
  });

  it("asks the board to decide on the development team's late routing API, which IT Support waits for", async () => {
    const wb = await read(demo);
    const dep1 = wb.handoffs.find((h) => h.id === "DEP-1")!;
    const team = (id: string | null) => wb.initiatives.find((i) => i.id === id)!.team;
    const model = JSON.parse(
      baton("summary", demo, "--as-of", AS_OF, "--json").stdout,
    ) as BoardSummary;
    expect(model).toMatchObject({
      asOf: AS_OF,
      period: "2026-W48",
      since: { period: "2026-W47", asOf: "2026-11-22" },
    });
    expect(model.decisions[0]).toMatchObject({
      handoffId: "DEP-1",
      deliverable: dep1.deliverable,
      owner: dep1.owner,
      providerTeam: team(dep1.from),
      waitingTeam: team(dep1.to),
      daysLate: daysFromIso(AS_OF)! - daysFromIso(dep1.neededBy!)!,
      ask: "set-date",
    });
    expect(team(dep1.from)).toBe("Development");
    expect(team(dep1.to)).toBe("IT Support");
  });

  it("writes the same Markdown to a file with --out F.md, and the HTML page with --out F.html", () => {
    const md = join(dir, "summary.md");
    const html = join(dir, "summary.html");
    expect(baton("summary", demo, "--as-of", AS_OF, "--out", md).stdout).toBe(
      `Wrote the board summary to ${md}.\n`,
    );
    expect(readFileSync(md, "utf8")).toBe(baton("summary", demo, "--as-of", AS_OF).stdout);
    expect(baton("summary", demo, "--as-of", AS_OF, "--out", html).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });
});

describe("baton summary --write", () => {
  it("adds the period's sheet, replaces it when run again in the period, and keeps it when a later period adds its own", async () => {
    const file = join(dir, "write.xlsx");
    expect(baton("init", file, "--demo", "--as-of", AS_OF).code).toBe(0);
    const template = await sheetNames(file);
    expect(baton("summary", file, "--as-of", AS_OF, "--write").stdout).toBe(
      `Wrote the sheet "${SUMMARY_SHEET}" to ${file}.\n`,
    );
    expect(await sheetNames(file)).toEqual([...template, SUMMARY_SHEET]);
    expect(baton("summary", file, "--as-of", "2026-11-27", "--write").code).toBe(0);
    expect(await sheetNames(file)).toEqual([...template, SUMMARY_SHEET]);
    expect(baton("summary", file, "--as-of", "2026-12-03", "--write").code).toBe(0);
    expect(await sheetNames(file)).toEqual([...template, SUMMARY_SHEET, "Board Summary 2026-W49"]);
    // The template sheets read the same: the summary changed nothing Baton reads.
    expect(baton("summary", file, "--as-of", AS_OF, "--json").stdout).toBe(
      baton("summary", demo, "--as-of", AS_OF, "--json").stdout,
    );
  });

  it("writes text from cells as string cells, so = + - @ never become formulas", async () => {
    const file = await probed("strings.xlsx");
    expect(baton("summary", file, "--as-of", AS_OF, "--write").code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const found = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") found.set(cell.value, cell);
      }),
    );
    for (const text of [...Object.values(FORMULA_LIKE), XSS]) {
      const cell = found.get(text);
      expect(cell, text).toBeDefined();
      expect(cell!.type, text).toBe(ExcelJS.ValueType.String);
      expect(cell!.formula, text).toBeUndefined();
    }
  });

  it("refuses a CSV tracker with exit 2, which can still have --out", () => {
    const folder = join(dir, "csv");
    mkdirSync(folder);
    for (const [name, grid] of Object.entries(workbookGrids(smallWorkbook())))
      writeCsv(
        join(folder, `${name}.csv`),
        grid.map((row) => row.map((v) => (v instanceof Date || v === undefined ? null : v))),
      );
    const file = join(folder, "Initiatives.csv");
    const r = baton("summary", file, "--write");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--write");
    expect(baton("summary", file, "--as-of", AS_OF, "--out", join(dir, "csv.md")).code).toBe(0);
  });
});

describe("baton summary with bad usage", () => {
  it("exits 2 on an --as-of that is not a date, or an --out that is neither Markdown nor HTML", () => {
    expect(baton("summary", demo, "--as-of", "26/11/2026").code).toBe(2);
    const r = baton("summary", demo, "--out", join(dir, "summary.pdf"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".md");
    expect(existsSync(join(dir, "summary.pdf"))).toBe(false);
  });
});

/** What a spreadsheet shows for a planned value under its number format. */
function shown(v: PlanValue, format: string | undefined): string {
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  if (format === "yyyy-mm-dd") return isoFromSerial(v);
  if (format === "0%") return `${Math.round(v * 100)}%`;
  // "#,##0" and "#,##0.0…": a KPI's numbers to its own decimals.
  const decimals = /^#,##0(?:\.(0+))?$/.exec(format ?? "");
  if (decimals) return numberForPeople(v, decimals[1]?.length ?? 0);
  return String(v);
}

describe("LibreOffice reads the sheet --write produced", () => {
  it(
    "converts the summary sheet to the rows Baton planned, with =1+1 and the rest as text",
    { timeout: LIBREOFFICE_TEST_TIMEOUT },
    async (ctx) => {
      const soffice = toolIn(ctx, "soffice");
      const file = await probed("libreoffice.xlsx");
      expect(baton("summary", file, "--as-of", AS_OF, "--write").code).toBe(0);
      const model = JSON.parse(
        baton("summary", file, "--as-of", AS_OF, "--json").stdout,
      ) as BoardSummary;

      const csv = convertWithLibreOffice(soffice, [file], everySheetCsv(true)).path(
        file,
        SUMMARY_SHEET,
      );
      expect(existsSync(csv)).toBe(true);
      const rows = Papa.parse<string[]>(readFileSync(csv, "utf8"), {
        delimiter: ",",
        skipEmptyLines: false,
      }).data.filter((r, i, all) => i < all.length - 1 || r.some((c) => c !== ""));

      // What Baton planned, as a spreadsheet shows it.
      const plan = summaryPlan(model, []);
      const formats = new Map<string, string>();
      for (const op of plan.ops)
        if (op.op === "format" && op.format.numberFormat)
          for (let r = op.range.row; r < op.range.row + op.range.rows; r++)
            for (let c = op.range.column; c < op.range.column + op.range.columns; c++)
              formats.set(`${r},${c}`, op.format.numberFormat);
      const values = plan.ops.find(
        (o): o is Extract<WriteOp, { op: "values" }> => o.op === "values",
      )!;
      const expected = values.values.map((row, r) =>
        row.map((v, c) => shown(v, formats.get(`${r + 1},${c + 1}`))),
      );
      expect(rows).toEqual(expected);

      const cells = rows.flat();
      for (const text of [...Object.values(FORMULA_LIKE), XSS]) expect(cells).toContain(text);
      // DEP-6's deliverable, in the decisions and the hand-offs, reads =1+1, not 2.
      const dep6 = rows.filter((r) => r[0] === "DEP-6").map((r) => r[1]);
      expect(dep6).toEqual([FORMULA_LIKE.deliverable, FORMULA_LIKE.deliverable]);
      const dep1 = rows.find((r) => r[0] === "DEP-1")!;
      expect(dep1.slice(1, 3)).toEqual([XSS, FORMULA_LIKE.owner]);
    },
  );
});

describe("headless Chromium renders the HTML page", () => {
  it("with no script errors, the XSS deliverable visible as characters, and a print layout; screenshot and PDF saved", async (ctx) => {
    const executablePath = toolIn(ctx, "chromium");
    const file = await probed("chromium.xlsx");
    const html = join(dir, "chromium.html");
    expect(baton("summary", file, "--as-of", AS_OF, "--out", html).code).toBe(0);

    const browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${html}`);

      const seen = await page.evaluate(() => ({
        images: document.querySelectorAll("img").length,
        scripts: document.querySelectorAll("script").length,
        text: document.body.innerText,
        svgs: document.querySelectorAll("svg").length,
        decisions: document.querySelectorAll("ol.decisions li").length,
      }));
      expect(problems).toEqual([]);
      expect(requests).toEqual([`file://${html}`]);
      expect(seen.images).toBe(0);
      expect(seen.scripts).toBe(0);
      expect(seen.text).toContain(XSS);
      expect(seen.text).toContain("Decisions needed");
      // Status by objective, the demo's five KPI trends, the gate funnel.
      expect(seen.svgs).toBe(1 + 5 + 1);
      expect(seen.text).toContain("Gate funnel");
      expect(seen.decisions).toBe(3);
      await page.screenshot({ path: join(ARTIFACTS, "summary.png"), fullPage: true });

      await page.emulateMedia({ media: "print" });
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector("main")!).paddingTop),
      ).toBe("0px");
      const pdf = join(ARTIFACTS, "summary.pdf");
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
