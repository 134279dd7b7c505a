import { describe, expect, it } from "vitest";
import { MemoryHost, closePeriod, validateGrids, type IssueCode } from "@baton/core";
import {
  workbookGrids,
  smallWorkbook,
  objective,
  initiative,
  handoff,
  checkin,
  kpi,
} from "../support/grids.ts";

const codes = (spec: Parameters<typeof workbookGrids>[0]) =>
  validateGrids(workbookGrids(spec)).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`);
const only = (spec: Parameters<typeof workbookGrids>[0], code: IssueCode) =>
  validateGrids(workbookGrids(spec)).issues.filter((i) => i.code === code);

describe("a well-formed workbook", () => {
  it("has no issues", () => {
    expect(codes(smallWorkbook())).toEqual([]);
  });
});

describe("types and enumerations", () => {
  it("reports a value outside an enumeration with the allowed values", () => {
    const [issue] = only(
      smallWorkbook({ initiatives: [initiative("INI-3", "OBJ-1", { Stage: "Blocked" })] }),
      "invalid-enum",
    );
    expect(issue).toMatchObject({
      sheet: "Initiatives",
      row: 4,
      column: "Stage",
      cell: "H4",
      severity: "error",
    });
    expect(issue!.message).toContain("Not started, In progress, On hold, Done, Cancelled");
  });
  it("reads enumerations without regard to case", () => {
    expect(
      codes(
        smallWorkbook({ initiatives: [initiative("INI-3", "OBJ-1", { Stage: "in PROGRESS" })] }),
      ),
    ).toEqual([]);
  });
  it("reports text in a date column, and accepts serials, Date objects and ISO text", () => {
    const spec = smallWorkbook({
      initiatives: [
        initiative("INI-3", "OBJ-1", { Due: "next Friday" }),
        initiative("INI-4", "OBJ-1", { Due: 46400 }),
        initiative("INI-5", "OBJ-1", { Due: new Date(Date.UTC(2027, 0, 2)) }),
      ],
    });
    expect(codes(spec)).toEqual(["invalid-date Initiatives!G4"]);
  });
  it("reports a percentage above 100%", () => {
    expect(
      codes(smallWorkbook({ checkins: [checkin("2026-W48", "INI-1", { "Progress %": 1.5 })] })),
    ).toEqual([]);
    expect(
      codes(smallWorkbook({ checkins: [checkin("2026-W48", "INI-1", { "Progress %": 150 })] })),
    ).toEqual(["invalid-percent Check-ins!D5"]);
  });
  it("reports text in a number column", () => {
    expect(codes(smallWorkbook({ kpis: [kpi("KPI-2", "OBJ-1", { Target: "lots" })] }))).toEqual([
      "invalid-number KPIs!G3",
    ]);
  });
  it("reports an ID without the sheet's prefix", () => {
    expect(codes(smallWorkbook({ initiatives: [initiative("IN-3", "OBJ-1")] }))).toEqual([
      "invalid-id Initiatives!A4",
    ]);
  });
  it("reports error values such as #REF! and #N/A", () => {
    expect(
      codes(
        smallWorkbook({
          initiatives: [initiative("INI-3", "OBJ-1", { Owner: "#REF!", Due: "#N/A" })],
        }),
      ),
    ).toEqual(["cell-error Initiatives!E4", "cell-error Initiatives!G4"]);
  });
  it("reports a period that is neither an ISO week nor a month", () => {
    expect(codes(smallWorkbook({ checkins: [checkin("Week 48", "INI-1")] }))).toEqual([
      "invalid-period Check-ins!A5",
    ]);
  });
});

describe("required fields", () => {
  it("reports each blank required cell", () => {
    expect(
      codes(
        smallWorkbook({
          initiatives: [initiative("INI-3", "OBJ-1")],
          handoffs: [handoff("DEP-2", "INI-2", "INI-3", { Deliverable: null, Owner: "  " })],
        }),
      ),
    ).toEqual(["required Hand-offs!D3", "required Hand-offs!I3"]);
  });
  it("reports a missing column once, at the header row", () => {
    const grids = workbookGrids(smallWorkbook());
    grids["Initiatives"] = grids["Initiatives"]!.map((r) => r.filter((_, i) => i !== 3));
    expect(validateGrids(grids).issues.map((i) => `${i.code} ${i.column}`)).toEqual([
      "missing-column Team",
    ]);
  });
  it("reports a missing sheet", () => {
    const grids = workbookGrids(smallWorkbook());
    delete grids["Hand-offs"];
    expect(validateGrids(grids).issues.map((i) => i.code)).toEqual(["missing-sheet"]);
  });
});

describe("unique IDs", () => {
  it("reports the second use of an ID and names the first row", () => {
    const [issue] = only(
      smallWorkbook({ initiatives: [initiative("INI-1", "OBJ-1")] }),
      "duplicate-id",
    );
    expect(issue).toMatchObject({ cell: "A4", firstRow: 2 });
  });
});

describe("references that exist", () => {
  it("reports hand-offs, initiatives, KPIs and check-ins that point nowhere", () => {
    const spec = smallWorkbook({
      kpis: [kpi("KPI-2", "OBJ-9")],
      initiatives: [initiative("INI-3", "OBJ-7")],
      handoffs: [handoff("DEP-2", "INI-1", "INI-8")],
      checkins: [checkin("2026-W48", "INI-44"), checkin("2026-W48", "KPI-9")],
    });
    expect(codes(spec)).toEqual([
      "unknown-reference KPIs!B3",
      "unknown-reference Initiatives!B4",
      "unknown-reference Hand-offs!C3",
      "unknown-reference Check-ins!B5",
      "unknown-reference Check-ins!B6",
    ]);
  });
});

describe("Start after Due", () => {
  it("reports an initiative that starts after it is due", () => {
    expect(
      codes(
        smallWorkbook({
          initiatives: [initiative("INI-3", "OBJ-1", { Start: "2027-05-01", Due: "2027-04-01" })],
        }),
      ),
    ).toEqual(["start-after-due Initiatives!F4"]);
  });
});

describe("a hand-off from an initiative to itself", () => {
  it("is reported", () => {
    expect(codes(smallWorkbook({ handoffs: [handoff("DEP-2", "INI-2", "INI-2")] }))).toEqual([
      "self-handoff Hand-offs!C3",
    ]);
  });
});

describe("cycles", () => {
  it("reports every hand-off on a cycle with the path", () => {
    const spec = smallWorkbook({
      initiatives: [initiative("INI-3", "OBJ-1"), initiative("INI-4", "OBJ-1")],
      handoffs: [
        handoff("DEP-2", "INI-2", "INI-3"),
        handoff("DEP-3", "INI-3", "INI-1"),
        handoff("DEP-4", "INI-3", "INI-4"),
      ],
    });
    const issues = only(spec, "handoff-cycle");
    expect(issues.map((i) => i.cell)).toEqual(["B2", "B3", "B4"]);
    expect(issues[0]!.message).toMatch(/INI-\d → INI-\d → INI-\d → INI-\d/);
  });
});

describe("Amber and Red check-ins need a Path to Green", () => {
  it("reports Amber and Red without one, not Green", () => {
    const spec = smallWorkbook({
      checkins: [
        checkin("2026-W48", "INI-1", { RAG: "Amber" }),
        checkin("2026-W48", "INI-2", { RAG: "Red", "Path to Green": "Vendor fix due Friday" }),
      ],
    });
    expect(codes(spec)).toEqual(["missing-path-to-green Check-ins!G5"]);
  });
});

describe("check-ins need RAG for initiatives and Actual for KPIs", () => {
  it("reports each", () => {
    const spec = smallWorkbook({
      checkins: [
        checkin("2026-W48", "INI-1", { RAG: null }),
        checkin("2026-W48", "KPI-1", { Actual: null }),
      ],
    });
    expect(codes(spec)).toEqual(["missing-rag Check-ins!C5", "missing-actual Check-ins!E6"]);
  });
});

describe("a second check-in for the same ID and period", () => {
  it("is reported against the first", () => {
    const [issue] = only(
      smallWorkbook({ checkins: [checkin("2026-W47", "INI-1")] }),
      "duplicate-checkin",
    );
    expect(issue).toMatchObject({ row: 5, firstRow: 2 });
  });
});

describe("a check-in for a closed period", () => {
  it("is reported when the period is sealed and the row is not", async () => {
    const host = new MemoryHost(
      workbookGrids(smallWorkbook({ checkins: [checkin("2026-W46", "INI-1")] })),
    );
    const closed = closePeriod({
      grids: await host.readSheets(await host.sheetNames()),
      anchor: null,
      period: "2026-W46",
    });
    if (!closed.ok) throw new Error(closed.message);
    await host.apply(closed.plan);
    host.edit("Check-ins", 6, 1, "2026-W46");
    host.edit("Check-ins", 6, 2, "INI-2");
    host.edit("Check-ins", 6, 3, "Green");
    const grids = await host.readSheets(await host.sheetNames());
    expect(validateGrids(grids).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "checkin-closed-period Check-ins!A6",
    ]);
  });
  it("warns about a period after the current one", () => {
    expect(
      only(smallWorkbook({ checkins: [checkin("2026-W50", "INI-1")] }), "checkin-future-period")[0]
        ?.severity,
    ).toBe("warning");
  });
  it("reports a month in a weekly workbook", () => {
    expect(codes(smallWorkbook({ checkins: [checkin("2026-11", "INI-1")] }))).toEqual([
      "period-cadence Check-ins!A5",
    ]);
  });
});

describe("Settings", () => {
  it("reports a bad time zone and an unknown key, and keeps defaults", () => {
    const v = validateGrids(
      workbookGrids(smallWorkbook({ settings: { "Time Zone": "Mars/Olympus", Colour: "blue" } })),
    );
    expect(v.issues.map((i) => i.code)).toEqual(["invalid-setting", "unknown-setting"]);
    expect(v.workbook.settings.timeZone).toBe("UTC");
  });
  it("reads holidays from several rows and from one cell", () => {
    const v = validateGrids(
      workbookGrids(
        smallWorkbook({ settings: { Holidays: ["2026-12-25", "2026-12-26; 2027-01-01"] } }),
      ),
    );
    expect(v.workbook.settings.holidays).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);
  });
});

describe("objective rows", () => {
  it("need a name and an owner", () => {
    expect(codes(smallWorkbook({ objectives: [objective("OBJ-2", { Owner: null })] }))).toEqual([
      "required Objectives!C3",
    ]);
  });
});
