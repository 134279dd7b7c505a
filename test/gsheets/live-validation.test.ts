/**
 * Live validation: what a user types or pastes into Check-ins is checked by the `onEdit`
 * simple trigger and marked at once (a note with the problem and its fix, the cell filled red
 * or amber), using nothing but the bound spreadsheet, in a number of service calls that does
 * not grow with the sheet.
 */
import { describe, expect, it } from "vitest";
import { COLUMNS, SHEET, STATUS_FILL } from "@baton/core";
import { loadProject, type LoadedProject } from "./support/bundle.ts";
import { workbookGrids, smallWorkbook, checkin, initiative } from "../support/grids.ts";

const col = (header: string) => COLUMNS.checkins.findIndex((c) => c.header === header) + 1;
const RED = STATUS_FILL.Red.fill.toLowerCase();

/** A spreadsheet with the template and INI-1..INI-n, as the team would have it. */
function tracker(initiatives = 2, checkins = 0): LoadedProject {
  const inis = Array.from({ length: initiatives }, (_, i) => initiative(`INI-${i + 1}`, "OBJ-1"));
  const cis = Array.from({ length: checkins }, (_, i) =>
    checkin("2026-W46", `INI-${(i % initiatives) + 1}`),
  );
  const p = loadProject(workbookGrids(smallWorkbook({ initiatives: inis, checkins: cis })));
  return p;
}

const nextRow = (p: LoadedProject) => p.book.sheet(SHEET.checkins).lastRow() + 1;
const cellOf = (p: LoadedProject, row: number, header: string) =>
  p.book.sheet(SHEET.checkins).cell(row, col(header));

function typeRow(p: LoadedProject, row: number, values: Record<string, string>) {
  for (const [header, text] of Object.entries(values))
    p.type(SHEET.checkins, row, col(header), text);
}

describe("a check-in is marked as it is typed", () => {
  it("notes and fills the cell that needs fixing, with the fix", () => {
    const p = tracker();
    const row = nextRow(p);
    typeRow(p, row, { Period: "2026-W48", ID: "INI-1", RAG: "Amber" });
    const cell = cellOf(p, row, "Path to Green");
    expect(cell?.note).toMatch(/^Baton: /);
    expect(cell?.note).toContain("Path to Green");
    expect(cell?.format.background).toBe(RED);
    expect(p.logs).toEqual([]);
  });

  it("takes the mark off once the cell is fixed", () => {
    const p = tracker();
    const row = nextRow(p);
    typeRow(p, row, { Period: "2026-W48", ID: "INI-1", RAG: "Red" });
    expect(cellOf(p, row, "Path to Green")?.note).toBeTruthy();
    p.type(SHEET.checkins, row, col("Path to Green"), "Escalated to the development lead");
    expect(cellOf(p, row, "Path to Green")?.note).toBeUndefined();
    expect(cellOf(p, row, "Path to Green")?.format.background ?? null).toBeNull();
  });

  it("names an ID that does not exist", () => {
    const p = tracker();
    const row = nextRow(p);
    typeRow(p, row, { Period: "2026-W48", ID: "INI-9", RAG: "Green" });
    expect(cellOf(p, row, "ID")?.note).toContain("INI-9");
  });

  it("keeps the team's own note under Baton's, and gives it back when fixed", () => {
    const p = tracker();
    const row = nextRow(p);
    p.book.sheet(SHEET.checkins).cellFor(row, col("Path to Green")).note = "Ask Jonas on Monday";
    typeRow(p, row, { Period: "2026-W48", ID: "INI-1", RAG: "Amber" });
    expect(cellOf(p, row, "Path to Green")?.note).toMatch(/^Baton: .*\n\nAsk Jonas on Monday$/s);
    p.type(SHEET.checkins, row, col("Path to Green"), "Pair with the API team");
    expect(cellOf(p, row, "Path to Green")?.note).toBe("Ask Jonas on Monday");
  });

  it("checks every row of a paste", () => {
    const p = tracker(3);
    const row = nextRow(p);
    p.paste(SHEET.checkins, row, 1, [
      ["2026-W48", "INI-1", "Green"],
      ["2026-W48", "INI-7", "Green"],
      ["2026-W48", "INI-3", "Red"],
    ]);
    expect(cellOf(p, row, "ID")?.note).toBeUndefined();
    expect(cellOf(p, row + 1, "ID")?.note).toContain("INI-7");
    expect(cellOf(p, row + 2, "Path to Green")?.note).toMatch(/^Baton: /);
  });
});

describe("edits elsewhere are left alone", () => {
  it("reads nothing when another sheet or the header row is edited", () => {
    const p = tracker();
    const before = p.book.callsOf("Range.getValues");
    p.type(SHEET.initiatives, 2, 3, "Renamed initiative");
    p.type(SHEET.checkins, 1, 11, "Our own column");
    expect(p.book.callsOf("Range.getValues")).toBe(before);
  });
});

describe("the trigger fits a simple trigger's limits", () => {
  it("uses only the bound spreadsheet: other services are refused and the marks still appear", () => {
    // The harness fires onEdit in the simple-trigger context, where the fakes of
    // PropertiesService, LockService and HtmlService throw.
    const p = tracker();
    const row = nextRow(p);
    typeRow(p, row, { Period: "2026-W48", ID: "INI-9", RAG: "Green" });
    expect(p.logs).toEqual([]);
    expect(cellOf(p, row, "ID")?.note).toContain("INI-9");
  });

  it("makes as many service calls with 2,000 check-ins as with 5", () => {
    const calls = (n: number) => {
      const p = tracker(5, n);
      const row = nextRow(p);
      // The team adds rows at the bottom before typing there.
      p.book.sheet(SHEET.checkins).maxRows = row + 100;
      const before = p.book.totalCalls();
      const reads = p.book.callsOf("Range.getValues");
      p.type(SHEET.checkins, row, col("ID"), "INI-9");
      expect(p.logs).toEqual([]);
      return {
        all: p.book.totalCalls() - before,
        getValues: p.book.callsOf("Range.getValues") - reads,
      };
    };
    const small = calls(5);
    // Settings, Initiatives, KPIs, Hand-offs (a Green late with one is told) and Check-ins.
    expect(small.getValues).toBe(5);
    expect(calls(2000)).toEqual(small);
  });
});
