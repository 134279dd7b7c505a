/**
 * Trackers written in the styles teams really keep: a title block above the header, section
 * rows, "Responsible" for Owner, "At Risk", "G" and "BLOCKED", US and European dates in one
 * column, dependencies in a comments column; an OKR sheet with objectives repeated per key
 * result; a RAID log; a German CSV with semicolons and decimal commas.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "@baton/core";
import { csvGrid } from "../../cli/src/files/migration-source.ts";
import { errorsBesidesBlanks, expectEveryRowOnce, issuesOf, records, run } from "./support.ts";

const H = [
  "#",
  "Initiative",
  "Responsible",
  "Team",
  "Status",
  "Start",
  "Due",
  "% Complete",
  "Comments",
];
const portfolio: CellValue[][] = [
  ["Digital Transformation Portfolio 2026"],
  ["Prepared by the PMO; updated every Friday"],
  [],
  H,
  ["Phase 1 - Foundations"],
  [
    1,
    "Network refresh",
    "Ravi Patel",
    "Infrastructure",
    "Done",
    "2026-01-05",
    "03/31/2026",
    "100%",
    "Finished early",
  ],
  [
    2,
    "Identity provider migration",
    "Ravi Patel",
    "Infrastructure",
    "G",
    "15/01/2026",
    "04/05/2026",
    "60%",
    null,
  ],
  [
    3,
    "Customer portal MVP",
    "Elif Demir",
    "Development",
    "BLOCKED",
    "02/03/2026",
    "30/06/2026",
    "35%",
    "Waiting on #4, #5. Demo next week.",
  ],
  [
    4,
    "Single sign-on",
    "Elif Demir",
    "Development",
    "At Risk",
    "01/02/2026",
    "31/05/2026",
    "20%",
    null,
  ],
  [5, "Vendor SLA", "Mei Chen", "Procurement", "on track", "10/01/2026", "28/02/2026", "0.5", null],
  ["Phase 2 - Scale"],
  [
    6,
    "Data warehouse",
    "Tom Becker",
    "Data",
    "amber",
    "01/04/2026",
    "30/09/2026",
    "10",
    "blocked by Vendor SLA data (#5)",
  ],
  [
    7,
    "Self-service analytics",
    null,
    "Data",
    "Not started",
    "01/07/2026",
    "TBC",
    null,
    "after the steering meeting",
  ],
  H,
  [null, null, "Sam Okafor", "Data", null, null, null, null, "Needs a sponsor"],
  ["Parked ideas: see the backlog sheet"],
  ["Total", null, null, null, null, null, null, "45%"],
];

describe("a portfolio with a title block, sections and a comments column", () => {
  const m = run(portfolio);
  const inis = records(m, "initiatives");
  const byName = (n: string) => inis.find((i) => i.Initiative === n)!;

  it("finds the header below the title block and names every row once", () => {
    expect(m.report.headerRow).toBe(4);
    expectEveryRowOnce(m, portfolio);
    expect(m.report.warnings.find((w) => w.code === "title-block")!.message).toContain(
      "Digital Transformation Portfolio 2026",
    );
  });
  it("maps Responsible to Owner, Status to Stage, % Complete to Progress and Comments to Comment", () => {
    const f = Object.fromEntries(m.report.mapping.map((x) => [x.column, x.field]));
    expect(f).toMatchObject({
      "#": "id",
      Initiative: "name",
      Responsible: "owner",
      Team: "team",
      Status: "stage",
      Start: "start",
      Due: "due",
      "% Complete": "progress",
      Comments: "comment",
    });
    for (const x of m.report.mapping)
      if (x.field) expect(x.confidence).toBeGreaterThanOrEqual(0.75);
  });
  it("makes section rows objectives of the rows below them", () => {
    expect(records(m, "objectives").map((o) => [o.ID, o.Objective])).toEqual([
      ["OBJ-1", "Phase 1 - Foundations"],
      ["OBJ-2", "Phase 2 - Scale"],
    ]);
    expect(m.report.rows.find((r) => r.sourceRow === 5)).toMatchObject({
      outcome: "imported",
      ids: ["OBJ-1"],
    });
    expect(byName("Data warehouse")["Objective ID"]).toBe("OBJ-2");
  });
  it("reads status vocabularies as Stage and RAG: Done, G, BLOCKED, At Risk, on track, amber", () => {
    expect(inis.map((i) => i.Stage)).toEqual([
      "Done",
      "In progress",
      "In progress",
      "In progress",
      "In progress",
      "In progress",
      "Not started",
    ]);
    const rag = Object.fromEntries(records(m, "checkins").map((c) => [c.ID, c.RAG]));
    expect(rag).toEqual({
      "INI-2": "Green",
      "INI-3": "Red",
      "INI-4": "Amber",
      "INI-5": "Green",
      "INI-6": "Amber",
    });
    expect(records(m, "checkins").every((c) => c.Period === "2026-W48")).toBe(true);
  });
  it("reads percentages in any form as fractions", () => {
    const progress = Object.fromEntries(records(m, "checkins").map((c) => [c.ID, c["Progress %"]]));
    // "% Complete" holds points (60%, 35, 10), so 0.5 is half a percent… except that it is written "0.5": a plain number in a column of points.
    expect(progress).toMatchObject({ "INI-2": 0.6, "INI-3": 0.35, "INI-4": 0.2, "INI-6": 0.1 });
  });
  it("reads US and European dates in one column by the rest of the column, and reports the ambiguous ones", () => {
    // Start: 15/01, 30/06, 10/01 ... can only be day first, so 02/03/2026 is 2 March.
    expect(byName("Customer portal MVP").Start).toBe("2026-03-02");
    // Due: 03/31/2026 can only be month first, against the sheet: it is read so and named in its row.
    expect(byName("Network refresh").Due).toBe("2026-03-31");
    expect(m.report.rows.find((r) => r.sourceRow === 6)!.reason).toContain(
      "can only be read month first",
    );
    // 04/05/2026 follows the sheet: 4 May.
    expect(byName("Identity provider migration").Due).toBe("2026-05-04");
    const w = m.report.warnings.find((x) => x.code === "ambiguous-dates")!;
    expect(w.message).toContain("day first");
    expect(w.rows).toContain(7);
  });
  it("leaves a date it cannot read blank and says so", () => {
    expect(byName("Self-service analytics").Due).toBeNull();
    expect(m.report.rows.find((r) => r.sourceRow === 13)!.reason).toContain(
      'Due "TBC" is not a date',
    );
  });
  it("turns 'waiting on #4, #5' and 'blocked by Vendor SLA data (#5)' into hand-offs, and ignores 'after the steering meeting'", () => {
    const deps = records(m, "handoffs").map((h) => [
      h["From Initiative"],
      h["To Initiative"],
      h.Deliverable,
    ]);
    expect(deps).toEqual([
      ["INI-4", "INI-3", "Single sign-on"],
      ["INI-5", "INI-3", "Vendor SLA"],
      ["INI-5", "INI-6", "Vendor SLA data"],
    ]);
    expect(m.report.rows.find((r) => r.sourceRow === 8)!.ids).toEqual(["INI-3", "DEP-1", "DEP-2"]);
  });
  it("skips a repeated header and a total row, and rejects a row nothing names", () => {
    const at = (n: number) => m.report.rows.find((r) => r.sourceRow === n)!;
    expect(at(14)).toMatchObject({ outcome: "skipped", reason: "repeats the header row" });
    expect(at(15).outcome).toBe("rejected");
    expect(at(15).reason).toContain("Needs a sponsor");
    expect(at(16)).toMatchObject({
      outcome: "skipped",
      reason: 'a note with no rows under it: "Parked ideas: see the backlog sheet"',
    });
    expect(at(17).outcome).toBe("skipped");
    expect(at(17).reason).toContain("total");
  });
  it("leaves only gaps of the source for validation", async () => {
    const errors = errorsBesidesBlanks(await issuesOf(m));
    // An Amber or Red check-in needs a Path to Green, which this tracker never kept.
    expect(errors.map((e) => e.code)).toEqual([
      "missing-path-to-green",
      "missing-path-to-green",
      "missing-path-to-green",
    ]);
  });
});

describe("an OKR sheet with objectives repeated per key result", () => {
  const grid: CellValue[][] = [
    ["Objective", "Key Result", "Owner", "Baseline", "Target", "Current", "Due"],
    ["Grow recurring revenue", "ARR (€m)", "Ana", "1,5", "3,0", "2,1", "31.12.2026"],
    [null, "Net revenue retention", "Ben", "95%", "110%", "101%", "31.12.2026"],
    ["Reduce churn", "Monthly churn", "Cai", "5%", "2%", "4%", "30.06.2026"],
    ["Reduce churn", "Support tickets per customer", "Cai", "3.2", "2.0", null, "30.06.2026"],
  ];
  const merged = run(
    [grid[0]!, grid[1]!, [null, ...grid[2]!.slice(1)], grid[3]!, [null, ...grid[4]!.slice(1)]],
    {
      merges: [
        { row: 2, column: 1, rows: 2, columns: 1 },
        { row: 4, column: 1, rows: 2, columns: 1 },
      ],
    },
  );
  for (const [label, m] of [
    ["typed", run(grid)],
    ["merged", merged],
  ] as const)
    it(`makes each key result a KPI under one objective per distinct objective (${label})`, () => {
      expect(m.report.kind).toBe("okr");
      expect(records(m, "objectives").map((o) => o.Objective)).toEqual([
        "Grow recurring revenue",
        "Reduce churn",
      ]);
      expect(records(m, "kpis").map((k) => [k.ID, k["Objective ID"], k.KPI])).toEqual([
        ["KPI-1", "OBJ-1", "ARR (€m)"],
        ["KPI-2", "OBJ-1", "Net revenue retention"],
        ["KPI-3", "OBJ-2", "Monthly churn"],
        ["KPI-4", "OBJ-2", "Support tickets per customer"],
      ]);
    });
  const m = run(grid);
  it("reads decimal commas, percentages and German dates, and tells Direction from Baseline and Target", () => {
    expect(
      records(m, "kpis").map((k) => [k.Baseline, k.Target, k.Unit, k.Direction, k["Target Date"]]),
    ).toEqual([
      [1.5, 3, null, "Increase", "2026-12-31"],
      [95, 110, "%", "Increase", "2026-12-31"],
      [5, 2, "%", "Decrease", "2026-06-30"],
      [3.2, 2, null, "Decrease", "2026-06-30"],
    ]);
  });
  it("makes the current value a KPI check-in, and only where there is one", () => {
    expect(records(m, "checkins").map((c) => [c.ID, c.Actual])).toEqual([
      ["KPI-1", 2.1],
      ["KPI-2", 101],
      ["KPI-3", 4],
    ]);
  });
  it("gives an objective the one owner all its key results share", () => {
    expect(records(m, "objectives").map((o) => o.Owner)).toEqual([null, "Cai"]);
  });
  it("leaves only gaps of the source for validation", async () => {
    expect(errorsBesidesBlanks(await issuesOf(m))).toEqual([]);
  });
});

describe("a RAID log", () => {
  const grid: CellValue[][] = [
    ["ID", "Type", "Description", "Owner", "Provider", "Consumer", "Needed by", "Status"],
    ["R-1", "Risk", "Vendor may slip the portal release", "Ana", null, null, "2026-12-01", "Open"],
    [
      "D-1",
      "Dependency",
      "Identity provider tenant",
      "Ravi",
      "Infrastructure",
      "Customer portal",
      "2026-12-10",
      "Agreed",
    ],
    ["A-1", "Assumption", "Budget stays approved", "Ana", null, null, null, null],
    ["I-1", "Issue", "Test environment down", "Ben", null, null, "2026-11-30", "In progress"],
    ["D-2", "Dependency", "API spec", "Jo", null, "Customer portal", "2026-12-15", "Requested"],
    [
      "D-3",
      "Dependency",
      "Network uplinks",
      "Ravi",
      "Infrastructure",
      "Data centre move",
      "2026-12-20",
      "Delivered",
    ],
    ["X-1", "Widget", "Something else", "Jo", null, null, null, null],
  ];
  const m = run(grid);
  const at = (n: number) => m.report.rows.find((r) => r.sourceRow === n)!;
  it("is read as a RAID log, every row accounted for", () => {
    expect(m.report.kind).toBe("raid");
    expectEveryRowOnce(m, grid);
  });
  it("makes dependencies hand-offs between the initiatives they name, created once by name", () => {
    const inis = records(m, "initiatives");
    const id = (name: string) => inis.find((i) => i.Initiative === name)!.ID;
    expect(
      records(m, "handoffs").map((h) => [
        h["From Initiative"],
        h["To Initiative"],
        h.Deliverable,
        h["Needed By"],
        h.State,
        h.Owner,
      ]),
    ).toEqual([
      [
        id("Infrastructure"),
        id("Customer portal"),
        "Identity provider tenant",
        "2026-12-10",
        "Accepted",
        "Ravi",
      ],
      [
        id("Infrastructure"),
        id("Data centre move"),
        "Network uplinks",
        "2026-12-20",
        "Delivered",
        "Ravi",
      ],
    ]);
    expect(inis.filter((i) => i.Initiative === "Infrastructure")).toHaveLength(1);
  });
  it("makes risks and issues initiatives, skips assumptions, rejects what it cannot place", () => {
    expect(at(2).outcome).toBe("imported");
    expect(at(5).outcome).toBe("imported");
    expect(at(4)).toMatchObject({ outcome: "skipped" });
    expect(at(4).reason).toContain("assumption");
    expect(at(6).outcome).toBe("rejected");
    expect(at(6).reason).toContain("no provider");
    expect(at(8).outcome).toBe("rejected");
    expect(at(8).reason).toContain('"Widget"');
  });
  it("leaves only gaps of the source for validation", async () => {
    expect(errorsBesidesBlanks(await issuesOf(m))).toEqual([]);
  });
});

describe("a German CSV: semicolons, decimal commas, BOM, CRLF and a quoted multi-line cell", () => {
  const text =
    "\ufeffNr;Aufgabe;Verantwortlich;Status;Fällig;Budget;Abhängigkeiten\r\n" +
    '1;"Netzwerk\r\nerneuern";Anna;In Arbeit;31.03.2026;1.234,50;\r\n' +
    "2;Portal;Ben;Erledigt;15.04.2026;99,9;#1\r\n\r\n" +
    '3;Schulung;Cem;Gelb;01.05.2026;12;"#1; #2"\r\n';
  const grid = csvGrid(text);
  const m = run(grid);
  it("counts records, not lines: the multi-line cell is one row, the blank line is no row", () => {
    expect(grid).toHaveLength(5);
    expect(m.report.rows.map((r) => r.sourceRow)).toEqual([2, 3, 5]);
    expect(records(m, "initiatives")[0]!.Initiative).toBe("Netzwerk erneuern");
  });
  it("reads German headers and words", () => {
    expect(records(m, "initiatives").map((i) => [i.Owner, i.Stage, i.Due])).toEqual([
      ["Anna", "In progress", "2026-03-31"],
      ["Ben", "Done", "2026-04-15"],
      ["Cem", "In progress", "2026-05-01"],
    ]);
    expect(records(m, "checkins").map((c) => [c.ID, c.RAG])).toEqual([["INI-3", "Amber"]]);
  });
  it("keeps the budget as numbers read with the decimal comma", () => {
    expect(records(m, "initiatives").map((i) => i.Budget)).toEqual([1234.5, 99.9, 12]);
  });
  it("reads '#1; #2' as two hand-offs, and a delivered provider makes a delivered hand-off", () => {
    expect(
      records(m, "handoffs").map((h) => [h["From Initiative"], h["To Initiative"], h.State]),
    ).toEqual([
      ["INI-1", "INI-2", "Accepted"],
      ["INI-1", "INI-3", "Accepted"],
      ["INI-2", "INI-3", "Delivered"],
    ]);
  });
});
