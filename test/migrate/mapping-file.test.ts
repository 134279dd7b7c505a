/** The mapping file: written with what was decided, read back to correct it, refused with its problems named. */
import { describe, expect, it } from "vitest";
import { parseMappingFile, type CellValue } from "@baton/core";
import { records, run } from "./support.ts";

const grid: CellValue[][] = [
  ["Ref", "Work item", "Lead", "Group", "Finish", "Health"],
  ["A1", "Portal", "Ana", "Dev", "05/02/2026", "Amber"],
  ["A2", "Billing", "Ben", "Finance", "06/03/2026", "Red"],
];

describe("the mapping used", () => {
  const m = run(grid);
  it("records every column with its field, letter, confidence and why, plus the sheet-wide decisions", () => {
    expect(m.mapping).toMatchObject({
      version: 1,
      sheet: "Tracker",
      headerRow: 1,
      kind: "initiatives",
      dateOrder: "dmy",
      decimal: "point",
    });
    expect(m.mapping.columns!.map((c) => [c.column, c.letter, c.field])).toEqual([
      ["Ref", "A", "id"],
      ["Work item", "B", "name"],
      ["Lead", "C", "owner"],
      ["Group", "D", "team"],
      ["Finish", "E", "due"],
      ["Health", "F", "rag"],
    ]);
    expect(parseMappingFile(JSON.parse(JSON.stringify(m.mapping)))).toEqual({
      ok: true,
      mapping: m.mapping,
    });
  });
  it("reproduces the same migration when read back unchanged", () => {
    const again = run(grid, { mapping: m.mapping });
    expect(again.content).toEqual(m.content);
    expect(again.report.rows).toEqual(m.report.rows);
  });
});

describe("a corrected mapping", () => {
  it("decides columns, date order and kind as the user says", () => {
    const m = run(grid);
    const edited = {
      ...m.mapping,
      dateOrder: "mdy" as const,
      columns: m.mapping.columns!.map((c) =>
        c.column === "Group"
          ? { ...c, field: null }
          : c.column === "Lead"
            ? { column: "Lead", field: "team" as const }
            : c,
      ),
    };
    const again = run(grid, { mapping: edited });
    expect(records(again, "initiatives").map((i) => [i.Team, i.Owner, i.Due, i.Group])).toEqual([
      ["Ana", null, "2026-05-02", "Dev"],
      ["Ben", null, "2026-06-03", "Finance"],
    ]);
    expect(again.report.mapping.find((x) => x.column === "Lead")).toEqual({
      column: "Lead",
      field: "team",
      confidence: 1,
    });
    expect(again.report.warnings.find((w) => w.code === "ambiguous-dates")!.message).toContain(
      "as the mapping file says",
    );
  });
  it("names a column the sheet does not have", () => {
    const again = run(grid, { mapping: { columns: [{ column: "Budget", field: "target" }] } });
    expect(again.report.warnings.map((w) => w.code)).toContain("mapping-column-missing");
  });
});

describe("a mapping file that is not one", () => {
  it("is refused with each problem's place", () => {
    const r = parseMappingFile({
      headerRow: 0,
      kind: "gantt",
      columns: [{ column: "A", field: "colour" }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.startsWith("headerRow"))).toBe(true);
      expect(r.problems.some((p) => p.startsWith("kind"))).toBe(true);
      expect(r.problems.some((p) => p.startsWith("columns.0.field"))).toBe(true);
    }
  });
});
