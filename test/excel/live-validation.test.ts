/**
 * Live validation: a user's edit of Check-ins is checked at once, its issues are reported to the
 * pane and marked on the cells, and the mark goes when the row is fixed. Baton's own writes are
 * not checked.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type PaneIssue } from "@baton/core";
import { smallWorkbook, workbookGrids } from "../support/grids.ts";
import { startLiveValidation } from "../../excel-addin/src/live.ts";
import { markedCell, MARK_FILL } from "../../excel-addin/src/marks.ts";
import type { FakeExcel } from "../../fakes/excel/excel.ts";
import { fakeExcel } from "./support.ts";

const CI = SHEET.checkins;

async function watching() {
  const f = fakeExcel(workbookGrids(smallWorkbook()));
  const checked: { issues: readonly PaneIssue[]; rows: readonly number[] }[] = [];
  const errors: unknown[] = [];
  const live = await startLiveValidation({
    run: f.run,
    onChecked: (issues, rows) => checked.push({ issues, rows }),
    onError: (e) => errors.push(e),
  });
  if (!live) throw new Error("not watching");
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 5));
    await live.idle();
  };
  return { ...f, live, checked, errors, settle };
}

const marks = (excel: FakeExcel) =>
  excel
    .sheet(CI)
    .conditionalFormats.map((f) => ({
      cell: markedCell((f.rule as { formula?: string }).formula),
      fill: f.format.fill,
      priority: f.priority,
    }))
    .filter((m) => m.cell !== null);

describe("an edited check-in row is checked as soon as it is entered", () => {
  it("reports an Amber without a path to green on that row, and marks the cell", async () => {
    const { excel, checked, settle, errors } = await watching();
    await excel.userEdit(CI, "C2", "Amber");
    await settle();
    expect(errors).toEqual([]);
    expect(checked).toHaveLength(1);
    expect(checked[0]!.rows).toEqual([2]);
    expect(checked[0]!.issues.map((i) => [i.code, i.cell])).toEqual([
      ["missing-path-to-green", "G2"],
    ]);
    expect(marks(excel)).toEqual([{ cell: "G2", fill: MARK_FILL, priority: 0 }]);
  });

  it("clears the report and the mark once the row is fixed", async () => {
    const { excel, checked, settle } = await watching();
    await excel.userEdit(CI, "C2", "Amber");
    await settle();
    await excel.userEdit(CI, "G2", "Vendor escalation booked");
    await settle();
    expect(checked.at(-1)).toEqual({ issues: [], rows: [2] });
    expect(marks(excel)).toEqual([]);
  });

  it("keeps the marks of other rows while one row is fixed", async () => {
    const { excel, settle } = await watching();
    await excel.userEdit(CI, "C2", "Amber");
    await excel.userEdit(CI, "C3", "Red");
    await settle();
    expect(
      marks(excel)
        .map((m) => m.cell)
        .sort(),
    ).toEqual(["G2", "G3"]);
    await excel.userEdit(CI, "C3", "Green");
    await settle();
    expect(marks(excel).map((m) => m.cell)).toEqual(["G2"]);
  });

  it("checks a new row typed below the others", async () => {
    const { excel, checked, settle } = await watching();
    await excel.userEdit(CI, "A5", "2026-W48");
    await excel.userEdit(CI, "B5", "INI-9");
    await settle();
    expect(checked.at(-1)!.issues.map((i) => i.code)).toContain("unknown-reference");
  });

  it("takes the same round trips for an edit in a long sheet as in a short one", async () => {
    const { excel, settle } = await watching();
    const before = excel.syncCount;
    await excel.userEdit(CI, "C2", "Amber");
    await settle();
    expect(excel.syncCount - before).toBe(3);
  });
});

describe("Baton's own writes are not checked", () => {
  it("ignores a change whose trigger source is the add-in", async () => {
    const { excel, host, checked, settle } = await watching();
    await host().apply({
      ops: [{ op: "values", sheet: CI, row: 2, column: 3, values: [["Amber"]] }],
    });
    await settle();
    expect(excel.value(CI, "C2")).toBe("Amber");
    expect(checked).toEqual([]);
  });
});

describe("a workbook without Check-ins is not watched", () => {
  it("returns null", async () => {
    const { run } = fakeExcel({ Sheet1: [["x"]] });
    expect(await startLiveValidation({ run, onChecked: () => {}, onError: () => {} })).toBeNull();
  });
});
