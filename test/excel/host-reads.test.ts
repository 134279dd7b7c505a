/**
 * The Excel host reads every sheet it needs in one round trip, whatever their size, and reads a
 * workbook too large for one response in blocks that each fit.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type CellValue } from "@baton/core";
import { checkin, initiative, smallWorkbook, workbookGrids } from "../support/grids.ts";
import { readTemplate } from "../../excel-addin/src/session.ts";
import { PAYLOAD_LIMIT } from "../../fakes/excel/excel.ts";
import { fakeExcel, syncsOf } from "./support.ts";

const TEMPLATE = Object.values(SHEET);

function workbookOf(n: number) {
  const rows = Array.from({ length: n }, (_, i) => initiative(`INI-${i + 3}`, "OBJ-1"));
  return workbookGrids(
    smallWorkbook({
      initiatives: rows,
      checkins: rows.map((r) => checkin("2026-W47", r.ID as string)),
    }),
  );
}

describe("every template sheet is read in one round trip", () => {
  it("takes one sync for all sheets once their names are known, for 10 rows as for 5,000", async () => {
    for (const n of [10, 5000]) {
      const { excel, host } = fakeExcel(workbookOf(n));
      const h = host();
      expect(await syncsOf(excel, () => h.sheetNames())).toBe(1);
      expect(await syncsOf(excel, () => h.readSheets(TEMPLATE))).toBe(1);
    }
  });

  it("reads names and grids together in two syncs, and a host that knows nothing yet in two as well", async () => {
    const { excel, host } = fakeExcel(workbookOf(50));
    expect(await syncsOf(excel, () => readTemplate(host()))).toBe(2);
    expect(await syncsOf(excel, () => host().readSheets(TEMPLATE))).toBe(2);
  });

  it("gives the grids as they are: blanks as null, used ranges placed from A1, missing sheets left out", async () => {
    const grid: CellValue[][] = [[], [], [null, null, "C3", 4], [null, null, null, true]];
    const { host } = fakeExcel({ Offset: grid });
    const grids = await host().readSheets(["Offset", "Absent"]);
    expect(Object.keys(grids)).toEqual(["Offset"]);
    expect(grids.Offset![2]).toEqual([null, null, "C3", 4]);
    expect(grids.Offset![3]).toEqual([null, null, null, true]);
    expect(grids.Offset!.length).toBe(4);
  });

  it("reads the template's grids exactly as they were written", async () => {
    const grids = workbookOf(30);
    const { host } = fakeExcel(grids);
    const read = await host().readSheets(TEMPLATE);
    for (const name of TEMPLATE)
      expect(read[name]).toEqual(grids[name]!.map((row) => row.map((v) => v ?? null)));
  });

  it("finds sheets whatever the case of their names, and leaves very hidden sheets out of the names", async () => {
    const { excel, host } = fakeExcel({ "check-ins": [["Period"]], _state: [["x"]] });
    excel.sheet("_state").visibility = "VeryHidden";
    const h = host();
    expect(await h.sheetNames()).toEqual(["check-ins"]);
    expect(Object.keys(await h.readSheets(["Check-ins"]))).toEqual(["check-ins"]);
  });

  it("gives an empty grid for an empty sheet", async () => {
    const { excel, host } = fakeExcel({});
    excel.state.addSheet("Blank");
    expect(await host().readSheets(["Blank"])).toEqual({ Blank: [] });
  });
});

describe("a workbook too large for one response is read in blocks that fit", () => {
  it("gives a sheet's merged ranges 1-based, the top-left cell holding the value: one sync without any, two with", async () => {
    const { excel, host } = fakeExcel({
      Tracker: [
        ["Plan", null, null],
        ["Task", "Team", "Due"],
        ["Route tickets", "IT Support", "2026-12-18"],
        ["Knowledge base", null, "2027-01-15"],
      ],
      Plain: [["Task"], ["Routing API"]],
    });
    excel.merge("Tracker", "A1:C1");
    excel.merge("Tracker", "B3:B4");
    const h = host();
    let merges: unknown;
    expect(await syncsOf(excel, async () => void (merges = await h.mergedRanges("Tracker")))).toBe(
      2,
    );
    expect(merges).toEqual([
      { row: 1, column: 1, rows: 1, columns: 3 },
      { row: 3, column: 2, rows: 2, columns: 1 },
    ]);
    expect(await syncsOf(excel, async () => void (merges = await h.mergedRanges("Plain")))).toBe(1);
    expect(merges).toEqual([]);
  });

  it("falls back to row blocks, every response under 5 MB, and returns the same grid", async () => {
    const rows = 70_000;
    const big: CellValue[][] = Array.from({ length: rows }, (_, i) => [
      `INI-${i}`,
      `a comment of some length for row ${i}`.padEnd(60, "."),
      i,
      i % 2 === 0,
    ]);
    const { excel, host } = fakeExcel({ Big: big, Small: [["a"]] });
    const h = host();
    await h.sheetNames();
    const before = excel.syncCount;
    const grids = await h.readSheets(["Big", "Small"]);
    const syncs = excel.syncs.slice(before);
    expect(grids.Big).toEqual(big);
    expect(grids.Small).toEqual([["a"]]);
    // The one-sync read was refused; the blocks that followed each fit.
    expect(syncs[0]!.error).toBe("RequestPayloadSizeLimitExceeded");
    expect(syncs.slice(1).every((s) => !s.error && s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
    expect(syncs.length).toBeLessThan(10);
  });
});

describe("the seal anchor is read from the Baton sheet (or an earlier version's setting) in two syncs", () => {
  it("is null when none is stored, and the stored text otherwise", async () => {
    const { excel, host } = fakeExcel({});
    expect(await syncsOf(excel, async () => expect(await host().readAnchor()).toBeNull())).toBe(2);
    excel.state.settings.set("baton.sealAnchor", "2026-W47:abc");
    expect(await host().readAnchor()).toBe("2026-W47:abc");
  });
});
