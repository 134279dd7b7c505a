/**
 * `baton close` and `baton verify` through the built command line, on real .xlsx files: the
 * protection is worksheet protection and cell locking that LibreOffice honours, the anchor is
 * in the file, and an edit to a sealed cell makes verify exit 3 naming the row.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SHEET, columnNumber, parseAnchor } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { convertWithLibreOffice, LIBREOFFICE_TEST_TIMEOUT, toolIn } from "../support/tools.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "cli/dist/baton.js");
const dir = mkdtempSync(join(tmpdir(), "baton-ledger-"));

beforeAll(() => {
  if (!existsSync(BIN))
    spawnSync(process.execPath, ["scripts/build.mjs", "cli"], { cwd: ROOT, stdio: "inherit" });
});

function baton(...args: string[]) {
  // Signing keys are made in the test's own config folder, never the user's.
  const env = { ...process.env, XDG_CONFIG_HOME: join(dir, "config") };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

let n = 0;
/** A fresh demo workbook told as of 2026-11-26 (current week 2026-W48, its errors all in W48). */
function demo(): string {
  const file = join(dir, `demo-${++n}.xlsx`);
  expect(
    baton("init", file, "--demo", "--as-of", "2026-11-26", "--time-zone", "Europe/Berlin").status,
  ).toBe(0);
  return file;
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("baton close", () => {
  it("seals every open week up to the one named, and verify finds the ledger intact", () => {
    const file = demo();
    const closed = baton("close", file, "--period", "2026-W47", "--json");
    expect(closed.status).toBe(0);
    const out = closed.json();
    expect(out).toMatchObject({
      closed: true,
      periods: ["2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"],
      currentPeriod: "2026-W48",
    });
    expect(out.sealedRows).toBe(out.sealed);
    // The demo's gate decisions dated through W47 are sealed in the same chain, after the check-ins.
    expect(out.sealedDecisions).toBeGreaterThan(0);
    expect(out.anchor.rows).toBe(out.sealed + out.sealedDecisions);
    const verified = baton("verify", file, "--json");
    expect(verified.status).toBe(0);
    expect(verified.json()).toEqual({
      intact: true,
      sealedRows: out.sealed,
      sealedDecisions: out.sealedDecisions,
      firstBroken: null,
    });
    expect(baton("verify", file).stdout).toContain(
      `${out.sealed} sealed check-ins and ${out.sealedDecisions} sealed gate decisions through 2026-W47`,
    );
  });

  it("keeps the anchor in the file, on a very hidden sheet", async () => {
    const file = demo();
    baton("close", file, "--period", "2026-W47");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("_baton")?.state).toBe("veryHidden");
    const anchor = parseAnchor((await (await XlsxHost.open(file)).readAnchor())!);
    expect(anchor).toMatchObject({ through: "2026-W47", zone: "Europe/Berlin" });
  });

  it("reports in --json the anchor it stored and who signed it; closing the week again is success that writes nothing", async () => {
    const file = demo();
    const first = baton("close", file, "--period", "2026-W47", "--json").json();
    const stored = parseAnchor((await (await XlsxHost.open(file)).readAnchor())!)!;
    expect(first.anchor).toEqual({
      seal: stored.seal,
      rows: stored.rows,
      through: "2026-W47",
      signedBy: stored.key,
    });
    expect(first.closerAdded).toBe(true);
    const before = digest(file);
    const again = baton("close", file, "--period", "2026-W47", "--json");
    expect(again.status).toBe(0);
    expect(again.json()).toEqual({
      closed: true,
      alreadyClosed: true,
      message:
        "2026-W47 is already closed: the ledger is sealed through 2026-W47. Nothing changed.",
    });
    expect(digest(file)).toBe(before);
  });

  it("refuses a week with validation errors in its check-ins, lists them, exits 1 and leaves the file alone", () => {
    const file = demo();
    const before = digest(file);
    const r = baton("close", file, "--period", "2026-W48", "--json");
    expect(r.status).toBe(1);
    expect(r.json()).toMatchObject({ closed: false, reason: "validation-errors" });
    expect(
      r.json().issues.map((i: { code: string; cell: string }) => `${i.code} ${i.cell}`),
    ).toEqual(["missing-path-to-green G57", "unknown-reference B92"]);
    expect(baton("close", file, "--period", "2026-W48").stdout).toContain("Check-ins!G57");
    expect(digest(file)).toBe(before);
  });

  it(
    "says plainly, exit 2, when the week has not begun or is not a period, and changes nothing",
    { timeout: 300_000 },
    () => {
      const file = demo();
      baton("close", file, "--period", "2026-W47");
      const before = digest(file);
      const cases: [string[], string][] = [
        [
          ["--period", "2026-W49", "--as-of", "2026-11-26"],
          "2026-W49 has not begun: today is 2026-11-26",
        ],
        [["--period", "2026-W60"], "not a period"],
        [["--period", "2026-11"], "cadence is Weekly"],
        [[], "needs --period"],
      ];
      for (const [args, says] of cases) {
        const r = baton("close", file, ...args);
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stderr).toContain(says);
      }
      expect(digest(file)).toBe(before);
    },
  );

  it("needs an .xlsx workbook: a CSV folder has nowhere to keep the anchor", () => {
    const csvDir = join(dir, "csv-close");
    mkdirSync(csvDir);
    for (const name of Object.values(SHEET))
      writeFileSync(
        join(csvDir, `${name}.csv`),
        name === SHEET.settings ? "Key,Value\r\n" : "ID\r\n",
      );
    const r = baton("close", join(csvDir, "Check-ins.csv"), "--period", "2026-W47");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("needs an .xlsx workbook");
  });
});

describe("the saved file locks the sealed rows and leaves the rest editable", () => {
  it("has worksheet protection, and by the rules of the file format sealed cells are locked and the rest editable", async () => {
    const file = demo();
    // Two closes: the second reads back the first's protection and extends it.
    expect(baton("close", file, "--period", "2026-W46").status).toBe(0);
    const sealedRows = baton("close", file, "--period", "2026-W47", "--json").json()
      .sealedRows as number;
    const sheet = await readXlsxProtection(file, SHEET.checkins);
    expect(sheet.protected).toBe(true);
    for (let c = 1; c <= 10; c++) {
      expect(sheet.locked(1, c), `header C${c}`).toBe(true);
      for (let r = 2; r <= sealedRows + 1; r++)
        expect(sheet.locked(r, c), `sealed R${r}C${c}`).toBe(true);
      for (const r of [sealedRows + 2, sealedRows + 16, 600, 5000, 1_048_576])
        expect(sheet.locked(r, c), `open R${r}C${c}`).toBe(false);
    }
    expect(sheet.locked(sealedRows + 2, 11)).toBe(true);
  });

  // Three closes in three processes: time for a loaded machine.
  it(
    "keeps every cell of every sealed row locked, blank ones included, across three closes that move rows",
    { timeout: 300_000 },
    async () => {
      const file = demo();
      let sealedRows = 0;
      for (const period of ["2026-W45", "2026-W46", "2026-W47"]) {
        const r = baton("close", file, "--period", period, "--json");
        expect(r.status, r.stderr).toBe(0);
        expect(r.json().moved, period).toBeGreaterThan(0);
        sealedRows = r.json().sealedRows;
      }
      const sheet = await readXlsxProtection(file, SHEET.checkins);
      const open: string[] = [];
      for (let r = 2; r <= sealedRows + 1; r++)
        for (let c = 1; c <= 10; c++) if (!sheet.locked(r, c)) open.push(`R${r}C${c}`);
      expect(open).toEqual([]);
      for (let c = 1; c <= 10; c++) expect(sheet.locked(sealedRows + 2, c)).toBe(false);
    },
  );

  it(
    "is honoured by LibreOffice: the sheet is protected, sealed cells protected, open and new rows not",
    { timeout: LIBREOFFICE_TEST_TIMEOUT },
    (ctx) => {
      const soffice = toolIn(ctx, "soffice");
      const file = demo();
      const sealedRows = baton("close", file, "--period", "2026-W47", "--json").json()
        .sealedRows as number;
      const fods = convertWithLibreOffice(soffice, [file], "fods").path(file);
      const sheet = readFods(readFileSync(fods, "utf8"), SHEET.checkins);
      expect(sheet.protected).toBe(true);
      for (let c = 1; c <= 10; c++) {
        expect(sheet.cellProtected(1, c), `header C${c}`).toBe(true);
        for (let r = 2; r <= sealedRows + 1; r++)
          expect(sheet.cellProtected(r, c), `sealed R${r}C${c}`).toBe(true);
        for (const r of [sealedRows + 2, sealedRows + 16, 5000])
          expect(sheet.cellProtected(r, c), `open R${r}C${c}`).toBe(false);
      }
    },
  );
});

describe("baton verify", () => {
  it("exits 3 and names the row when a sealed cell is edited in the file", async () => {
    const file = demo();
    baton("close", file, "--period", "2026-W47");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEET.checkins)!;
    ws.getCell("F12").value = "All fine, nothing to see";
    await wb.xlsx.writeFile(file);
    const r = baton("verify", file, "--json");
    expect(r.status).toBe(3);
    expect(r.json()).toEqual({
      intact: false,
      sealedRows: expect.any(Number),
      sealedDecisions: expect.any(Number),
      firstBroken: { sheet: "Check-ins", row: 12, reason: "content-edited" },
    });
    const text = baton("verify", file);
    expect(text.status).toBe(3);
    expect(text.stdout).toContain("Check-ins row 12");
    const validated = baton("validate", file, "--json");
    expect(
      validated.json().issues.map((i: { code: string; cell: string }) => `${i.code} ${i.cell}`),
    ).toContain("sealed-row-edited J12");
  });

  it("exits 3 when the anchor is gone from the file", async () => {
    const file = demo();
    baton("close", file, "--period", "2026-W47");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(wb.getWorksheet("_baton")!.id);
    await wb.xlsx.writeFile(file);
    const r = baton("verify", file, "--json");
    expect(r.status).toBe(3);
    expect(r.json().firstBroken.reason).toBe("anchor-missing");
  });

  it("checks the chain alone in a CSV export, and finds an edit there", async () => {
    const file = demo();
    baton("close", file, "--period", "2026-W47");
    const host = await XlsxHost.open(file);
    const grids = await host.readSheets(Object.values(SHEET));
    const csvDir = join(dir, `csv-${n}`);
    mkdirSync(csvDir);
    for (const name of Object.values(SHEET))
      writeCsv(
        join(csvDir, `${name}.csv`),
        grids[name]!.map((r) =>
          [...r].map((v) => (v instanceof Date || v === undefined ? null : v)),
        ),
      );
    const checkins = join(csvDir, "Check-ins.csv");
    const intact = baton("verify", checkins, "--json");
    expect(intact.status).toBe(0);
    expect(intact.json().intact).toBe(true);
    const rows = readFileSync(checkins, "utf8").split("\r\n");
    rows[4] = rows[4]!.replace("Green", "Red");
    writeFileSync(checkins, rows.join("\r\n"));
    expect(baton("verify", checkins, "--json").json()).toMatchObject({
      intact: false,
      firstBroken: { row: 5, reason: "content-edited" },
    });
  });
});

/**
 * Whether each cell of a worksheet in an .xlsx file is locked, by the format's rules: a cell
 * that is in the file has its own style; a blank one takes its row's style when the row has a
 * custom format, else its column's; a style is locked unless it says `locked="0"`.
 */
async function readXlsxProtection(file: string, sheet: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = (path: string) => zip.file(path)!.async("string");
  const workbook = await text("xl/workbook.xml");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(
    await text("xl/_rels/workbook.xml.rels"),
  )![1]!;
  const xml = await text("xl/" + target.replace(/^\/?xl\//, ""));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(await text("xl/styles.xml"))![1]!;
  const lockedXf = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map(
    (m) => !/locked="(0|false)"/.test(m[1] ?? ""),
  );
  const num = (tag: string, name: string) => {
    const v = new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
    return v === undefined ? undefined : Number(v);
  };
  const cols = [...xml.matchAll(/<col\b[^>]*>/g)].map((m) => ({
    min: num(m[0], "min")!,
    max: num(m[0], "max")!,
    style: num(m[0], "style"),
  }));
  const rows = new Map<number, { style?: number; cells: Map<number, number> }>();
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells = new Map<number, number>();
    for (const c of (m[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>)/g))
      cells.set(columnNumber(/r="([A-Z]+)/.exec(c[1]!)![1]!), num(c[1]!, "s") ?? 0);
    rows.set(num(m[1]!, "r")!, {
      ...(/customFormat="1"/.test(m[1]!) ? { style: num(m[1]!, "s") } : {}),
      cells,
    });
  }
  return {
    protected: /<sheetProtection\b[^>]*\bsheet="(1|true)"/.test(xml),
    locked(row: number, column: number): boolean {
      const r = rows.get(row);
      const style =
        r?.cells.get(column) ??
        r?.style ??
        cols.find((c) => c.min <= column && column <= c.max)?.style ??
        0;
      return lockedXf[style] ?? true;
    },
  };
}

/**
 * Reads one table of a flat ODF spreadsheet (what LibreOffice itself made of the file): whether
 * it is protected, and each cell's protection, from the cell's style or its column's default.
 */
function readFods(xml: string, table: string) {
  const protectOf = new Map<string, boolean>();
  for (const m of xml.matchAll(
    /<style:style style:name="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/style:style>)/g,
  )) {
    const p = /style:cell-protect="([^"]+)"/.exec(m[2] ?? "")?.[1];
    protectOf.set(m[1]!, p === undefined ? true : p !== "none");
  }
  const start = xml.indexOf(`<table:table table:name="${table}"`);
  const body = xml.slice(start, xml.indexOf("</table:table>", start));
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const columnDefaults: (string | undefined)[] = [];
  for (const m of body.matchAll(/<table:table-column\b[^>]*>/g)) {
    const times = Number(attr(m[0], "table:number-columns-repeated") ?? 1);
    for (let i = 0; i < Math.min(times, 64); i++)
      columnDefaults.push(attr(m[0], "table:default-cell-style-name"));
  }
  const rows: { from: number; to: number; cells: (string | undefined)[] }[] = [];
  let next = 1;
  for (const m of body.matchAll(/<table:table-row\b([^>]*)>([\s\S]*?)<\/table:table-row>/g)) {
    const times = Number(attr(m[1]!, "table:number-rows-repeated") ?? 1);
    const cells: (string | undefined)[] = [];
    for (const c of m[2]!.matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)\/?>/g)) {
      const k = Number(attr(c[1]!, "table:number-columns-repeated") ?? 1);
      for (let i = 0; i < Math.min(k, 64); i++) cells.push(attr(c[1]!, "table:style-name"));
    }
    rows.push({ from: next, to: next + times - 1, cells });
    next += times;
  }
  return {
    protected: /table:protected="true"/.test(body.slice(0, body.indexOf(">"))),
    cellProtected(row: number, column: number): boolean {
      const r = rows.find((x) => x.from <= row && row <= x.to);
      const style = r?.cells[column - 1] ?? columnDefaults[column - 1];
      return style === undefined ? true : (protectOf.get(style) ?? true);
    },
  };
}
