/** `baton portfolio` and `baton init --demo-portfolio` end to end, through the built command line. */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET, validateGrids } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { writeCsv } from "../../cli/src/files/csv.ts";
import { handoff, workbookGrids } from "../support/grids.ts";
import { baton as runBaton, tempDir } from "../support/cli.ts";
import { ini, world } from "../engine/world.ts";

const AS_OF = "2026-11-26";
const baton = (...args: string[]) => runBaton(args);
let root: string;
let demo: string;

interface Json {
  asOf: string;
  initiatives: { id: string; status: string; rootCauses: string[] }[];
  handoffs: { id: string; status: string; blocks: number }[];
  workbooks: { name: string | null; file: string; unreadable?: string; issues: unknown[] }[];
}

async function rootCauseCell(file: string, id: string): Promise<unknown> {
  const host = await XlsxHost.open(file);
  const grid = (await host.readSheets([SHEET.initiatives]))[SHEET.initiatives]!;
  const header = grid[0]!;
  const row = grid.find((r) => r[0] === id)!;
  return row[header.indexOf("Root Cause")] ?? null;
}

function csvWorkbook(folder: string, spec: Parameters<typeof world>[0]): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, grid] of Object.entries(workbookGrids(world(spec))))
    writeCsv(
      join(folder, `${name}.csv`),
      grid.map((row) => row.map((v) => (v instanceof Date || v === undefined ? null : v))),
    );
}

beforeAll(() => {
  root = tempDir("baton-portfolio-");
  demo = join(root, "demo");
  const r = baton("init", "--demo-portfolio", demo, "--as-of", AS_OF, "--time-zone", "UTC");
  expect(r.code, r.stderr).toBe(0);
});

describe("baton init --demo-portfolio DIR", () => {
  it("writes support.xlsx and dev.xlsx, each naming itself", async () => {
    expect(readdirSync(demo).sort()).toEqual(["dev.xlsx", "support.xlsx"]);
    for (const name of ["support", "dev"]) {
      const host = await XlsxHost.open(join(demo, `${name}.xlsx`));
      const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
      expect(workbook.settings.workbook).toBe(name);
    }
  });
  it("refuses to overwrite them without --force", () => {
    const r = baton("init", "--demo-portfolio", demo, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already exists");
  });
});

describe("baton portfolio DIR", () => {
  it("names dev:DEP-1 as the root cause of support:INI-1", () => {
    const r = baton("portfolio", demo, "--as-of", AS_OF, "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.asOf).toBe(AS_OF);
    const ini1 = out.initiatives.find((i) => i.id === "support:INI-1")!;
    expect(ini1.status).toBe("Red");
    expect(ini1.rootCauses[0]).toBe("dev:DEP-1");
    expect(out.handoffs.find((h) => h.id === "dev:DEP-1")!.status).toBe("Red");
    expect(out.workbooks.map((w) => [w.name, w.file])).toEqual([
      ["dev", join(demo, "dev.xlsx")],
      ["support", join(demo, "support.xlsx")],
    ]);
  });
  it("says so in words: the hand-offs between workbooks at risk first", () => {
    const r = baton("portfolio", demo, "--as-of", AS_OF);
    expect(r.code).toBe(0);
    const cross = r.stdout.indexOf("Hand-offs between workbooks at risk");
    expect(cross).toBeGreaterThan(0);
    expect(r.stdout.indexOf("dev:DEP-1", cross)).toBeGreaterThan(cross);
    expect(r.stdout).toMatch(
      /support:INI-1 Automate ticket triage and routing \| \*\*Red\*\* \| [^|]+ \| dev:DEP-1/,
    );
    expect(r.stdout).toContain("Portfolio of 2 workbooks as of 2026-11-26");
  });
  it("writes the summary as HTML, Markdown and a workbook", async () => {
    for (const ext of ["html", "md", "xlsx"]) {
      const file = join(root, `portfolio.${ext}`);
      const r = baton("portfolio", demo, "--as-of", AS_OF, "--out", file);
      expect(r.code, r.stderr).toBe(0);
      if (ext !== "xlsx") expect(readFileSync(file, "utf8")).toContain("dev:DEP-1");
      else {
        const host = await XlsxHost.open(file);
        expect(await host.sheetNames()).toEqual(["Portfolio 2026-W48", "Board Summary 2026-W48"]);
      }
    }
  });
});

describe("baton portfolio --write", () => {
  it("fills every member's computed columns with the portfolio's answers", async () => {
    const dir = join(root, "write");
    mkdirSync(dir);
    for (const f of ["support.xlsx", "dev.xlsx"]) copyFileSync(join(demo, f), join(dir, f));
    expect(await rootCauseCell(join(dir, "support.xlsx"), "INI-1")).toBeNull();
    const r = baton("portfolio", dir, "--as-of", AS_OF, "--write");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Wrote the computed columns of");
    expect(await rootCauseCell(join(dir, "support.xlsx"), "INI-1")).toBe("dev:DEP-1");
    expect(readdirSync(dir).sort()).toEqual(["dev.xlsx", "support.xlsx"]);
  });
  it("writes nothing when a member cannot be judged, and names it", () => {
    const dir = join(root, "write-bad");
    mkdirSync(dir);
    for (const f of ["support.xlsx", "dev.xlsx"]) copyFileSync(join(demo, f), join(dir, f));
    writeFileSync(join(dir, "notes.xlsx"), "not a workbook");
    const before = readFileSync(join(dir, "support.xlsx"));
    const r = baton("portfolio", dir, "--as-of", AS_OF, "--write");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("notes.xlsx");
    expect(r.stderr).toContain("nothing was written");
    expect(readFileSync(join(dir, "support.xlsx")).equals(before)).toBe(true);
  });
  it("refuses a CSV member with exit 2, before writing anything", () => {
    const dir = join(root, "write-csv");
    mkdirSync(dir);
    copyFileSync(join(demo, "dev.xlsx"), join(dir, "dev.xlsx"));
    csvWorkbook(join(dir, "ops"), { settings: { Workbook: "ops" } });
    const before = readFileSync(join(dir, "dev.xlsx"));
    const r = baton("portfolio", dir, "--write");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("CSV");
    expect(readFileSync(join(dir, "dev.xlsx")).equals(before)).toBe(true);
  });
});

describe("baton portfolio with bad members", () => {
  it("names a missing, an unreadable and a non-Baton member, still judges the rest, exits 1", () => {
    const dir = join(root, "bad");
    mkdirSync(dir);
    writeFileSync(join(dir, "broken.xlsx"), "not a zip");
    const r = baton(
      "portfolio",
      demo,
      join(dir, "broken.xlsx"),
      join(dir, "gone.xlsx"),
      "--as-of",
      AS_OF,
      "--json",
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    const bad = out.workbooks.filter((w) => w.unreadable);
    expect(bad.map((w) => w.file)).toEqual([join(dir, "broken.xlsx"), join(dir, "gone.xlsx")]);
    expect(bad[1]!.unreadable).toContain("no such file");
    expect(out.initiatives.find((i) => i.id === "support:INI-1")!.rootCauses[0]).toBe("dev:DEP-1");
  });
  it("mixes .xlsx files and CSV folders, and names a reference to a workbook not in the portfolio", () => {
    const dir = join(root, "mixed");
    mkdirSync(dir);
    copyFileSync(join(demo, "support.xlsx"), join(dir, "support.xlsx"));
    csvWorkbook(join(dir, "ops"), {
      initiatives: [ini("INI-1")],
      handoffs: [handoff("DEP-1", "INI-1", "support:INI-1"), handoff("DEP-2", "INI-1", "qa:INI-3")],
      settings: { Workbook: "ops" },
    });
    const r = baton("portfolio", dir, "--as-of", AS_OF, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    const ops = out.workbooks.find((w) => w.name === "ops")!;
    expect(ops.file).toBe(join(dir, "ops"));
    expect(ops.issues).toContainEqual(
      expect.objectContaining({ code: "unknown-workbook", sheet: "Hand-offs", cell: "C3" }),
    );
    expect(out.handoffs.map((h) => h.id)).toContain("ops:DEP-1");
  });
  it("refuses two members with one Workbook name, naming both files", () => {
    const dir = join(root, "twins");
    mkdirSync(dir);
    copyFileSync(join(demo, "support.xlsx"), join(dir, "a.xlsx"));
    copyFileSync(join(demo, "support.xlsx"), join(dir, "b.xlsx"));
    const r = baton("portfolio", dir, "--as-of", AS_OF, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    const twin = out.workbooks.find((w) => w.file === join(dir, "b.xlsx"))!;
    expect(JSON.stringify(twin.issues)).toContain("duplicate-workbook-name");
    expect(JSON.stringify(twin.issues)).toContain("a.xlsx");
  });
});
