/**
 * The sidebar's words as a check-in is typed: the hosts read the grids, build the live context
 * with the moment of the edit and check the edited rows (excel-addin/src/live.ts,
 * gsheets/src/live.ts); this goes the same way.
 */
import { describe, expect, it } from "vitest";
import {
  SHEET,
  checkinEditIssues,
  MemoryHost,
  demoContent,
  liveContext,
  templatePlan,
  readWorkbook,
  validateGrids,
  type CellValue,
} from "@baton/core";
import { handoff, initiative, objective, workbookGrids } from "../support/grids.ts";

const grids = workbookGrids({
  objectives: [objective("OBJ-1")],
  initiatives: [
    initiative("INI-5", "OBJ-1", { Team: "Development" }),
    initiative("INI-1", "OBJ-1", { Team: "IT Support" }),
  ],
  handoffs: [handoff("DEP-1", "INI-5", "INI-1", { "Needed By": "2026-11-16" })],
  settings: { "Current Period": "2026-W48" },
});
// Thursday 2026-11-26, ten days after DEP-1 was needed.
const now = new Date("2026-11-26T09:30:00Z");

const typed = (rag: string, path: string | null = null): CellValue[] => [
  "2026-W48",
  "INI-5",
  rag,
  0.5,
  null,
  "All on track",
  path,
  "Jonas Weber",
  null,
  null,
];

function check(row: CellValue[], clock = { now }) {
  const checkins = [...grids[SHEET.checkins]!, row];
  const { workbook } = readWorkbook({ ...grids, [SHEET.checkins]: checkins });
  return checkinEditIssues(liveContext(workbook, clock), checkins, [2]);
}

describe("the sidebar while a check-in is typed", () => {
  it("says a Green is contradicted by a hand-off the team is late with, on the RAG cell", () => {
    const issues = check(typed("Green"));
    expect(issues.map((i) => [i.code, i.severity, i.cell, i.message])).toEqual([
      [
        "false-green",
        "warning",
        "C2",
        "Check-ins!C2: You report Green, but DEP-1, which you owe IT Support, is 10 days late.",
      ],
    ]);
  });
  it("says nothing of it once the row says Amber with a Path to Green", () => {
    expect(check(typed("Amber", "Ship DEP-1 by Friday"))).toEqual([]);
  });
  it("leaves alone a Green typed for a week before the latest check-in", () => {
    const checkins = [
      ...grids[SHEET.checkins]!,
      typed("Amber", "Ship DEP-1 by Friday"),
      ["2026-W47", ...typed("Green").slice(1)],
    ];
    const { workbook } = readWorkbook({ ...grids, [SHEET.checkins]: checkins });
    expect(checkinEditIssues(liveContext(workbook, { now }), checkins, [2, 3])).toEqual([]);
  });
  it("leaves alone a Green typed for a week that has not begun, as validation does", () => {
    const ahead = ["2026-W49", ...typed("Green").slice(1)];
    expect(check(ahead).filter((i) => i.code === "false-green")).toEqual([]);
  });
  it("judges a row typed after the context was built", () => {
    const { workbook } = readWorkbook(grids);
    const context = liveContext(workbook, { now });
    const issues = checkinEditIssues(context, [...grids[SHEET.checkins]!, typed("Green")], [2]);
    expect(issues.map((i) => i.code)).toEqual(["false-green"]);
  });
  it("flags the same rows as validating the whole workbook at that moment", async () => {
    const host = new MemoryHost();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "UTC" })));
    const demo = await host.readSheets(Object.values(SHEET));
    const { workbook } = readWorkbook(demo);
    const rows = workbook.checkins.map((c) => c.row);
    const live = checkinEditIssues(liveContext(workbook, { now }), demo[SHEET.checkins]!, rows);
    const full = validateGrids(demo, [], { now }).issues;
    const flagged = (issues: readonly { code: string; cell: string; message: string }[]) =>
      issues.filter((i) => i.code === "false-green").map((i) => `${i.cell} ${i.message}`);
    expect(flagged(live)).toEqual(flagged(full));
    expect(flagged(live).length).toBeGreaterThan(0);
  });
});
