/** `baton status` end to end: the built command line on the demo workbook. */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  SHEET,
  STATUS_FILL,
  daysFromIso,
  decimalsOf,
  numberForPeople,
  todayIn,
  validateGrids,
  type Workbook,
} from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { smallWorkbook, workbookGrids } from "../support/grids.ts";
import { baton as runBaton } from "../support/cli.ts";
import { world } from "../engine/world.ts";
import { PRECISION_WORLD } from "../engine/precision-world.ts";

const BIN = resolve("cli/dist/baton.js");
const AS_OF = "2026-11-26";
const ZONE = "Europe/Berlin";
let dir: string;
let demo: string;

const baton = (...args: string[]) => runBaton(args);

async function read(file: string): Promise<Workbook> {
  const host = await XlsxHost.open(file);
  return validateGrids(await host.readSheets(Object.values(SHEET))).workbook;
}

beforeAll(() => {
  if (!existsSync(BIN))
    spawnSync(process.execPath, ["scripts/build.mjs", "cli"], { stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "baton-status-"));
  demo = join(dir, "demo.xlsx");
  expect(baton("init", demo, "--demo", "--as-of", AS_OF, "--time-zone", ZONE).code).toBe(0);
});

describe("baton status --json on the demo", () => {
  it("turns the routing API hand-off Red and names it as the root cause of the stalled ticket-routing initiative", async () => {
    const wb = await read(demo);
    const dep1 = wb.handoffs.find((h) => h.id === "DEP-1")!;
    // The demo's story, read from the workbook: DEP-1 feeds INI-1, is not delivered, and its Needed By has passed.
    expect(dep1).toMatchObject({ to: "INI-1", deliveredOn: null });
    expect(dep1.state).not.toBe("Delivered");
    const daysLate = daysFromIso(AS_OF)! - daysFromIso(dep1.neededBy!)!;
    expect(daysLate).toBeGreaterThan(0);
    // Its provider reports Green, so DEP-1's trouble is its own: it is where INI-1's stall starts.
    const provider = wb.initiatives.find((i) => i.id === dep1.from)!;
    const reports = wb.checkins
      .filter((c) => c.id === provider.id)
      .sort((a, b) => a.period.localeCompare(b.period));
    expect(reports.at(-1)!.rag).toBe("Green");

    const r = baton("status", demo, "--as-of", AS_OF, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const h = out.handoffs.find((x: { id: string }) => x.id === "DEP-1");
    expect(h).toMatchObject({
      status: "Red",
      daysLate,
      reasons: [{ code: "handoff-late", refs: [] }],
    });
    const ini1 = out.initiatives.find((x: { id: string }) => x.id === "INI-1");
    expect(ini1).toMatchObject({ status: "Red", rootCauses: ["DEP-1"] });
  });

  it("has the shape DESIGN.md gives", () => {
    const out = JSON.parse(baton("status", demo, "--as-of", AS_OF, "--json").stdout);
    expect(Object.keys(out)).toEqual([
      "asOf",
      "objectives",
      "kpis",
      "initiatives",
      "handoffs",
      "falseGreens",
    ]);
    expect(out.asOf).toBe(AS_OF);
    const statuses = ["Green", "Amber", "Red", "Done", "Paused"];
    const reason = { code: expect.any(String), refs: expect.any(Array) };
    for (const o of out.objectives)
      expect(o).toMatchObject({
        id: expect.stringMatching(/^OBJ-/),
        status: expect.toBeOneOf(statuses),
      });
    for (const k of out.kpis) expect(k).toHaveProperty("forecast");
    for (const k of out.kpis)
      expect(k).toMatchObject({ id: expect.stringMatching(/^KPI-/), latest: expect.any(Number) });
    for (const i of out.initiatives)
      expect(i).toMatchObject({
        status: expect.toBeOneOf(statuses),
        rootCauses: expect.any(Array),
      });
    for (const h of out.handoffs)
      expect(h).toMatchObject({ status: expect.toBeOneOf(statuses), blocks: expect.any(Number) });
    for (const e of [...out.objectives, ...out.kpis, ...out.initiatives, ...out.handoffs])
      for (const r of e.reasons) expect(r).toEqual(reason);
    for (const f of out.falseGreens)
      expect(f).toEqual({
        id: expect.stringMatching(/^INI-/),
        period: expect.stringMatching(/^\d{4}-W\d{2}$/),
        row: expect.any(Number),
        evidence: expect.arrayContaining([
          { code: expect.any(String), refs: expect.any(Array), text: expect.any(String) },
        ]),
      });
  });

  it("lists the development team's Green on the routing API it is 10 days late with as a false green", () => {
    const out = JSON.parse(baton("status", demo, "--as-of", AS_OF, "--json").stdout);
    const fg = out.falseGreens.find((f: { id: string }) => f.id === "INI-5");
    expect(fg.evidence[0]).toEqual({
      code: "owes-red-handoff",
      refs: ["DEP-1"],
      text: "DEP-1, which you owe IT Support, is 10 days late",
    });
    const ini5 = out.initiatives.find((x: { id: string }) => x.id === "INI-5");
    expect(ini5.reasons).toContainEqual({
      code: "falseGreen",
      refs: expect.arrayContaining(["DEP-1"]),
    });
    const table = baton("status", demo, "--as-of", AS_OF).stdout;
    expect(table).toMatch(
      /^INI-5\s+\d{4}-W\d{2}\s+DEP-1, which you owe IT Support, is 10 days late/m,
    );
  });

  it("judges as of today in the workbook's time zone when no date is given", () => {
    const before = todayIn(ZONE, new Date());
    const out = JSON.parse(baton("status", demo, "--json").stdout);
    expect([before, todayIn(ZONE, new Date())]).toContain(out.asOf);
  });
});

describe("baton status on a workbook with validation errors", () => {
  it("still computes, exits 0, and names the error count on stderr", () => {
    const errors = JSON.parse(baton("validate", demo, "--json").stdout).issues.filter(
      (i: { severity: string }) => i.severity === "error",
    ).length;
    expect(errors).toBeGreaterThan(0);
    const r = baton("status", demo, "--as-of", AS_OF);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${errors} validation error`);
  });
});

describe("baton status as a table", () => {
  it("lists every hand-off with its status, days late and root cause, without colour when not on a terminal", () => {
    const r = baton("status", demo, "--as-of", AS_OF);
    expect(r.stdout).toMatch(/^DEP-1\s+Red\s+\d+\s+\d+\s+DEP-1\s+Past its Needed By date/m);
    expect(r.stdout).toMatch(/^INI-1\s+Red\s+DEP-1\s/m);
    expect(r.stdout).not.toContain("\u001b[");
  });
});

describe("baton status --write", () => {
  it("fills and colours the computed columns in the workbook, and changes nothing else Baton reads", async () => {
    const file = join(dir, "written.xlsx");
    expect(baton("init", file, "--demo", "--as-of", AS_OF, "--time-zone", ZONE).code).toBe(0);
    const issuesBefore = baton("validate", file, "--json").stdout;
    const first = JSON.parse(baton("status", file, "--as-of", AS_OF, "--json").stdout);
    const r = baton("status", file, "--as-of", AS_OF, "--write");
    expect(r.code).toBe(0);

    const host = await XlsxHost.open(file);
    const ws = host.workbook.getWorksheet("Hand-offs")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const status = header.indexOf("Status") + 1;
    const blocks = header.indexOf("Blocks") + 1;
    const dep1 = first.handoffs.find((h: { id: string }) => h.id === "DEP-1");
    expect(ws.getCell(dep1.row, status).value).toBe("Red");
    expect(ws.getCell(dep1.row, blocks).value).toBe(dep1.blocks);
    expect((ws.getCell(dep1.row, status).fill as { fgColor: { argb: string } }).fgColor.argb).toBe(
      "FF" + STATUS_FILL.Red.fill.slice(1),
    );
    const inis = host.workbook.getWorksheet("Initiatives")!;
    const rootCause = (inis.getRow(1).values as unknown[]).indexOf("Root Cause");
    expect(inis.getCell(2, rootCause).value).toBe("DEP-1");

    expect(baton("validate", file, "--json").stdout).toBe(issuesBefore);
    expect(JSON.parse(baton("status", file, "--as-of", AS_OF, "--json").stdout)).toEqual(first);
  });

  it("refuses a CSV tracker with exit 2", () => {
    const folder = join(dir, "csv");
    mkdirSync(folder);
    for (const [name, grid] of Object.entries(workbookGrids(smallWorkbook())))
      writeCsv(
        join(folder, `${name}.csv`),
        grid.map((row) => row.map((v) => (v instanceof Date || v === undefined ? null : v))),
      );
    const file = join(folder, "Initiatives.csv");
    expect(baton("status", file, "--as-of", AS_OF).code).toBe(0);
    const r = baton("status", file, "--write");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--write");
  });
});

describe("baton status with bad input", () => {
  it("exits 2 on an --as-of that is not a date", () => {
    const r = baton("status", demo, "--as-of", "26/11/2026");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as-of");
  });
});

describe("baton status shows people a KPI's numbers to the precision of its data", () => {
  it("rounds Latest and Forecast in the table (31.5, 3,344) and keeps every digit in --json", () => {
    const folder = join(dir, "precision");
    mkdirSync(folder);
    for (const [name, grid] of Object.entries(workbookGrids(world(PRECISION_WORLD))))
      writeCsv(
        join(folder, `${name}.csv`),
        grid.map((row) => row.map((v) => (v instanceof Date || v === undefined ? null : v))),
      );
    const file = join(folder, "KPIs.csv");
    const out = JSON.parse(baton("status", file, "--as-of", AS_OF, "--json").stdout);
    const [k1, k2] = out.kpis as { id: string; forecast: number; latest: number }[];
    expect(decimalsOf(k1!.forecast)).toBeGreaterThan(1);
    expect(decimalsOf(k2!.forecast)).toBeGreaterThan(0);

    const table = baton("status", file, "--as-of", AS_OF).stdout;
    const cells = (id: string) =>
      table
        .split("\n")
        .find((l) => l.trimStart().startsWith(`${id} `))!
        .trim()
        .split(/\s+/);
    // KPI, Status, Latest, Forecast.
    expect(cells("KPI-1").slice(2, 4)).toEqual(["27.0", numberForPeople(k1!.forecast, 1)]);
    expect(cells("KPI-2").slice(2, 4)).toEqual(["2,598", numberForPeople(k2!.forecast, 0)]);
    expect(table).not.toContain(String(k1!.forecast));
    expect(table).not.toContain(String(Number(k2!.forecast.toPrecision(6))));
  });
});
