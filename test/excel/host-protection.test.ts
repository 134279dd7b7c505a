/**
 * Protection: Baton unprotects a sheet only around its own writes to locked cells, protects it
 * again as it was, and when Excel refuses (a password, or the AccessDenied some builds throw)
 * it says so instead of half-writing.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type WritePlan } from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";
import { ExcelHostError } from "../../excel-addin/src/host.ts";
import { BATON_PROTECTION } from "../../excel-addin/src/steps.ts";
import type { FakeExcel } from "../../fakes/excel/excel.ts";
import { fakeExcel } from "./support.ts";

const CI = SHEET.checkins;

/** Check-ins protected by a user: rows 4 and below editable, with the user's own options and password. */
async function protectedCheckins(password?: string) {
  const f = fakeExcel(
    workbookGrids(
      smallWorkbook({ checkins: [checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1")] }),
    ),
  );
  const ctx = f.excel.context();
  const ws = ctx.workbook.worksheets.getItem(CI);
  ws.getRange("A4:J1000").format.protection.locked = false;
  ws.protection.protect({ allowSort: true, allowFormatColumns: false }, password);
  await ctx.sync();
  f.excel.counters.protect = 0;
  return f;
}

const write = (row: number, value: string): WritePlan => ({
  ops: [{ op: "values", sheet: CI, row, column: 6, values: [[value]] }],
});
const protection = (excel: FakeExcel) => excel.sheet(CI).protection;

describe("writes to unlocked cells leave the protection alone", () => {
  it("writes an editable row without unprotecting", async () => {
    const { excel, host } = await protectedCheckins();
    await host().apply(write(5, "typed by Baton"));
    expect(excel.value(CI, "F5")).toBe("typed by Baton");
    expect(excel.counters.unprotect).toBe(0);
    expect(protection(excel).protected).toBe(true);
  });
});

describe("writes to locked cells unprotect around them and protect again as before", () => {
  it("writes a sealed row and restores the sheet's own options", async () => {
    const { excel, host } = await protectedCheckins();
    const h = host();
    await h.apply(write(2, "corrected"));
    expect(excel.value(CI, "F2")).toBe("corrected");
    expect(excel.counters).toMatchObject({ unprotect: 1, protect: 1 });
    expect(protection(excel)).toMatchObject({
      protected: true,
      options: { allowSort: true, allowFormatColumns: false },
    });
    expect(h.warnings).toEqual([]);
    await expect(excel.userEdit(CI, "F2", "user")).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("re-protects even when a write fails halfway", async () => {
    const { excel, host } = await protectedCheckins();
    // Excel refuses a drop-down list longer than 255 characters: the batch fails at sync.
    const long = Array.from({ length: 40 }, (_, i) => `choice number ${i}`);
    const plan: WritePlan = {
      ops: [
        { op: "values", sheet: CI, row: 2, column: 6, values: [["ok"]] },
        {
          op: "listValidation",
          sheet: CI,
          range: { row: 2, column: 3, rows: 1, columns: 1 },
          values: long,
        },
      ],
    };
    await expect(host().apply(plan)).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.counters.unprotect).toBe(1);
    expect(protection(excel)).toMatchObject({ protected: true, options: { allowSort: true } });
  });
});

describe("when Excel refuses to unprotect, nothing is written and the user is told what to do", () => {
  it("stops on a password it does not know", async () => {
    const { excel, host } = await protectedCheckins("secret");
    const attempt = host().apply(write(2, "corrected"));
    await expect(attempt).rejects.toBeInstanceOf(ExcelHostError);
    await expect(attempt).rejects.toThrow(/"Check-ins" is protected.*Unprotect the sheet/);
    expect(excel.value(CI, "F2")).not.toBe("corrected");
    expect(protection(excel).protected).toBe(true);
  });

  it("stops on AccessDenied from unprotect, as some Excel builds throw", async () => {
    const { excel, host } = await protectedCheckins();
    excel.faults.refuseUnprotect = true;
    await expect(host().apply(write(2, "corrected"))).rejects.toThrow(/AccessDenied/);
    expect(excel.value(CI, "F2")).not.toBe("corrected");
  });
});

describe("when Excel refuses to protect again, the writes stay and a warning says so", () => {
  it("keeps the values and warns", async () => {
    const { excel, host } = await protectedCheckins();
    excel.faults.refuseProtect = true;
    const h = host();
    await h.apply(write(2, "corrected"));
    expect(excel.value(CI, "F2")).toBe("corrected");
    expect(h.warnings).toEqual([
      expect.stringMatching(/did not let Baton protect "Check-ins" \(AccessDenied\)/),
    ]);
  });
});

describe("a plan's protection locks every cell but the editable rectangles", () => {
  it("protects an unprotected sheet with Baton's options", async () => {
    const { excel, host } = fakeExcel(workbookGrids(smallWorkbook()));
    await host().apply({
      ops: [
        {
          op: "protect",
          sheet: CI,
          editable: [{ row: 3, column: 1, rows: 50, columns: 10 }],
          description: "sealed",
        },
      ],
    });
    expect(protection(excel)).toMatchObject({ protected: true, options: BATON_PROTECTION });
    await expect(excel.userEdit(CI, "C2", "Red")).rejects.toMatchObject({ code: "AccessDenied" });
    await excel.userEdit(CI, "C3", "Red");
  });

  it("re-protects an already protected sheet with new editable rows (no 'already protected' error)", async () => {
    const { excel, host } = await protectedCheckins();
    const h = host();
    await h.apply({
      ops: [
        {
          op: "protect",
          sheet: CI,
          editable: [{ row: 10, column: 1, rows: 5, columns: 10 }],
          description: "sealed",
        },
      ],
    });
    expect(h.warnings).toEqual([]);
    expect(protection(excel)).toMatchObject({ protected: true, options: BATON_PROTECTION });
    await expect(excel.userEdit(CI, "C5", "Red")).rejects.toMatchObject({ code: "AccessDenied" });
    await excel.userEdit(CI, "C11", "Red");
  });

  it("warns, and leaves the sheet writable, when Excel refuses to protect", async () => {
    const { excel, host } = fakeExcel(workbookGrids(smallWorkbook()));
    excel.faults.refuseProtect = true;
    const h = host();
    await h.apply({ ops: [{ op: "protect", sheet: CI, editable: [], description: "sealed" }] });
    expect(h.warnings).toHaveLength(1);
    expect(protection(excel).protected).toBe(false);
  });
});

describe("the seal anchor is kept in the workbook's very hidden Baton sheet", () => {
  it("stores it with the plan's other writes and reads it back in a new session", async () => {
    const { excel, host } = fakeExcel(workbookGrids(smallWorkbook()));
    await host().apply({ ops: [{ op: "setAnchor", value: "2026-W47:feed" }] });
    expect(excel.value("_baton", "B1")).toBe("2026-W47:feed");
    expect(excel.sheet("_baton").visibility).toBe("VeryHidden");
    expect(excel.state.settings.has("baton.sealAnchor")).toBe(false);
    expect(await host().readAnchor()).toBe("2026-W47:feed");
    expect(await host().sheetNames()).not.toContain("_baton");
  });
});
