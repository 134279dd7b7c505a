/**
 * The fake Excel behaves like Office.js where Baton's host depends on it: if it did not, the
 * host's tests would prove nothing. Each rule here is one Office.js behaviour.
 */
import { describe, expect, it } from "vitest";
import { FakeExcel, PAYLOAD_LIMIT } from "../../fakes/excel/excel.ts";
import type { FakeRequestContext } from "../../fakes/excel/proxies.ts";

const withSheet = () =>
  FakeExcel.fromGrids({
    Data: [
      ["a", 1],
      ["b", 2],
    ],
  });

describe("a property is readable only after load() and sync()", () => {
  it("throws PropertyNotLoaded before, and gives the value after", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(range.values).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("loads nested paths of collection items", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await ctx.sync();
    expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([["Data", false]]);
  });
});

describe("writes are queued and applied at sync, in order", () => {
  it("changes nothing before sync", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["z"]];
    expect(excel.value("Data", "A1")).toBe("a");
    await ctx.sync();
    expect(excel.value("Data", "A1")).toBe("z");
    expect(excel.syncCount).toBe(1);
  });

  it("stops at the first failing command; the commands before it stay applied", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.getRange("A1").values = [["first"]];
    ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
    ws.getRange("A2").values = [["never"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(excel.value("Data", "A1")).toBe("first");
    expect(excel.value("Data", "A2")).toBe("b");
  });

  it("refuses an array whose shape differs from the range", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["only one"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("leaves a cell alone for null and clears it for an empty string", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [[null, ""]] as never;
    await ctx.sync();
    expect(excel.grid("Data")[0]).toEqual(["a", null]);
  });
});

describe("*OrNullObject gives a null object instead of failing", () => {
  it("reports isNullObject for a missing sheet and an empty used range", async () => {
    const excel = withSheet();
    const ctx = excel.context();
    ctx.workbook.worksheets.add("Empty");
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope").load("name");
    const used = ctx.workbook.worksheets
      .getItem("Empty")
      .getUsedRangeOrNullObject(true)
      .load("values");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(used.isNullObject).toBe(true);
  });
});

describe("Excel converts what it is given, as typing does", () => {
  it.each([
    ["=1+1", 2],
    ["-2+3", 1],
    ["@cmd", "#NAME?"],
    ["12", 12],
    ["1,234.5", 1234.5],
    ["15%", 0.15],
    ["TRUE", true],
    ["'=kept", "=kept"],
    ["plain text", "plain text"],
  ])("%s becomes %j in a General cell", (typed, stored) => {
    expect(FakeExcel.typed(typed)).toBe(stored);
  });

  it("turns an ISO date into a serial number", () => {
    expect(FakeExcel.typed("2026-11-26")).toBe(46352);
  });

  it("keeps any text exactly in a cell formatted as Text", () => {
    for (const t of ["=1+1", "12", "2026-11", "TRUE", "'quoted"])
      expect(FakeExcel.typed(t, "@")).toBe(t);
  });
});

describe("a protected sheet refuses changes to its locked cells", () => {
  const protect = async (excel: FakeExcel, unlocked: string) => {
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.getRange(unlocked).format.protection.locked = false;
    ws.protection.protect();
    await ctx.sync();
    return ws;
  };

  it("fails the sync with AccessDenied on a locked cell and accepts an unlocked one", async () => {
    const excel = withSheet();
    await protect(excel, "A2:B2");
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [["ok"]];
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["no"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(excel.grid("Data")).toEqual([
      ["a", 1],
      ["ok", 2],
    ]);
    await expect(excel.userEdit("Data", "B1", 5)).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("throws when protecting a protected sheet, and can be told to refuse protect/unprotect", async () => {
    const excel = withSheet();
    await protect(excel, "A2");
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Data").protection.protect();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    excel.faults.refuseUnprotect = true;
    ctx.workbook.worksheets.getItem("Data").protection.unprotect();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("reports the locked state of a range as true, false or null when mixed", async () => {
    const excel = withSheet();
    await protect(excel, "A2:B2");
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem("Data");
    const states = ["A1", "A2:B2", "A1:A2", "A2:B1048576"].map((a) =>
      ws.getRange(a).format.protection.load("locked"),
    );
    await ctx.sync();
    expect(states.map((s) => s.locked)).toEqual([true, false, null, null]);
  });
});

describe("a request or response over 5 MB is refused", () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => [`row ${i} `.padEnd(100, "x")]);

  it("refuses a request over the limit and applies nothing of it", async () => {
    const excel = withSheet();
    const ctx: FakeRequestContext = excel.context();
    const rows = big(60_000);
    ctx.workbook.worksheets.getItem("Data").getRange(`A1:A${rows.length}`).values = rows;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.value("Data", "A1")).toBe("a");
    expect(excel.syncs.at(-1)!.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("refuses a response over the limit", async () => {
    const rows = big(60_000);
    const excel = FakeExcel.fromGrids({ Data: rows });
    const ctx = excel.context();
    const used = ctx.workbook.worksheets.getItem("Data").getUsedRange(true).load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(() => used.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

describe("onChanged tells a user's edit from the add-in's own write", () => {
  it("fires after sync with triggerSource ThisLocalAddin, and Unknown for a user", async () => {
    const excel = withSheet();
    const seen: { address: string; triggerSource: string }[] = [];
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.onChanged.add((e) => void seen.push(e as { address: string; triggerSource: string }));
    await ctx.sync();
    ws.getRange("B2").values = [[7]];
    await ctx.sync();
    await excel.userEdit("Data", "A3", "typed");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ["B2", "ThisLocalAddin"],
      ["A3", "Unknown"],
    ]);
  });
});
