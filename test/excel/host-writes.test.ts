/**
 * The Excel host writes a plan in batches: one sync per batch, each request under 5 MB, values
 * written so text stays text, recalculation suspended while it writes.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PlanValue, WritePlan } from "@baton/core";
import { FakeExcel, PAYLOAD_LIMIT } from "../../fakes/excel/excel.ts";
import { fakeExcel, syncsOf } from "./support.ts";

const rowsOf = (n: number, width: number): PlanValue[][] =>
  Array.from({ length: n }, (_, i) =>
    Array.from({ length: width }, (_, j) =>
      j === 0 ? `INI-${i}` : j === 1 ? i * 1.5 : `note ${i}-${j} `.padEnd(40, "-"),
    ),
  );

const valuesPlan = (sheet: string, values: PlanValue[][], row = 1): WritePlan => ({
  ops: [{ op: "values", sheet, row, column: 1, values }],
});

describe("a plan is written in one sync per batch, the same number for few rows as for many", () => {
  it("takes the same syncs for 10 rows as for 3,000", async () => {
    const count = async (n: number) => {
      const { excel, host } = fakeExcel({ Data: [["x"]] });
      const h = host();
      await h.sheetNames();
      return syncsOf(excel, () => h.apply(valuesPlan("Data", rowsOf(n, 6))));
    };
    expect(await count(10)).toBe(1);
    expect(await count(3000)).toBe(1);
  });

  it("suspends calculation in every batch it writes", async () => {
    const { excel, host } = fakeExcel({ Data: [["x"]] });
    const h = host({ maxRequestBytes: 200_000 });
    await h.sheetNames();
    const syncs = await syncsOf(excel, () => h.apply(valuesPlan("Data", rowsOf(5000, 4))));
    expect(syncs).toBeGreaterThan(1);
    expect(excel.counters.suspendCalculation).toBe(syncs);
  });
});

describe("no request reaches 5 MB", () => {
  it("cuts 12 MB of values into requests that each fit, and writes every row", async () => {
    const { excel, host } = fakeExcel({ Data: [["x"]] });
    const values = rowsOf(60_000, 6);
    const h = host();
    await h.apply(valuesPlan("Data", values));
    const total = excel.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(2 * PAYLOAD_LIMIT);
    expect(excel.syncs.every((s) => !s.error && s.requestBytes < PAYLOAD_LIMIT)).toBe(true);
    expect(excel.grid("Data")).toEqual(values);
  });

  it("would be refused as one request: the fake enforces the limit the host keeps under", async () => {
    const excel = FakeExcel.fromGrids({ Data: [["x"]] });
    const ctx = excel.context();
    const values = rowsOf(60_000, 6);
    ctx.workbook.worksheets.getItem("Data").getRange(`A1:F${values.length}`).values =
      values as never;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("cuts a tall number format into blocks too", async () => {
    const { excel, host } = fakeExcel({ Data: [["x"]] });
    await host({ maxRequestBytes: 100_000 }).apply({
      ops: [
        {
          op: "format",
          sheet: "Data",
          range: { row: 2, column: 1, rows: 30_000, columns: 2 },
          format: { numberFormat: "yyyy-mm-dd" },
        },
      ],
    });
    expect(excel.syncs.filter((s) => !s.error).length).toBeGreaterThan(2);
    expect(excel.syncs.every((s) => s.requestBytes <= 100_000 + 1000)).toBe(true);
    expect(excel.sheet("Data").numberFormat(30_000, 1)).toBe("yyyy-mm-dd");
  });
});

describe("text is written so it stays text", () => {
  const tricky = [
    "=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    "'quoted",
    "12",
    "007",
    "1,5",
    "15%",
    "2026-11",
    "2026-11-26",
    "TRUE",
    "false",
    "#N/A",
    "Nov 26",
    " 42 ",
  ];

  it("reads back every tricky string exactly", async () => {
    const { excel, host } = fakeExcel({ Data: [["x"]] });
    await host().apply(
      valuesPlan(
        "Data",
        tricky.map((t) => [t]),
        2,
      ),
    );
    expect(
      excel
        .grid("Data")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(tricky);
    expect(excel.sheet("Data").cell(1, 0)?.formula).toBeUndefined();
  });

  it("would lose them if written plainly: the fake converts as Excel does", () => {
    const changed = tricky.filter((t) => FakeExcel.typed(t) !== t);
    expect(changed).toEqual(
      expect.arrayContaining(["=1+1", "-2+3", "'quoted", "12", "2026-11", "TRUE"]),
    );
  });

  it("holds for any string (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom("=", "+", "-", "@", "'", "0", "1e3", "2026-01-02")),
          { minLength: 1, maxLength: 8 },
        ),
        async (texts) => {
          const { excel, host } = fakeExcel({ Data: [["x"]] });
          await host().apply(valuesPlan("Data", [texts]));
          const back = excel.grid("Data")[0] ?? [];
          texts.forEach((t, i) => expect(back[i] ?? "").toBe(t));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps numbers, booleans and date serials as they are, and the cells' own formats", async () => {
    const { excel, host } = fakeExcel({ Data: [["x"]] });
    await host().apply({
      ops: [
        {
          op: "format",
          sheet: "Data",
          range: { row: 1, column: 3, rows: 1, columns: 1 },
          format: { numberFormat: "yyyy-mm-dd" },
        },
        { op: "values", sheet: "Data", row: 1, column: 1, values: [[1.25, true, 46352, "text"]] },
      ],
    });
    expect(excel.grid("Data")).toEqual([[1.25, true, 46352, "text"]]);
    expect(excel.sheet("Data").numberFormat(0, 2)).toBe("yyyy-mm-dd");
    expect(excel.sheet("Data").numberFormat(0, 3)).toBe("General");
  });
});

describe("a plan's blank clears a cell; a short row leaves the cells past its end alone", () => {
  it("writes null as blank and pads ragged rows with 'leave alone'", async () => {
    const { excel, host } = fakeExcel({
      Data: [
        ["a", "b", "c"],
        ["d", "e", "f"],
      ],
    });
    await host().apply(valuesPlan("Data", [["A", null, "C"], ["D"]]));
    expect(excel.grid("Data")).toEqual([
      ["A", null, "C"],
      ["D", "e", "f"],
    ]);
  });
});

describe("a plan that names a sheet the workbook lacks fails before writing anything", () => {
  it("throws and leaves the workbook as it was", async () => {
    const { excel, host } = fakeExcel({ Data: [["a"]] });
    await expect(
      host().apply({
        ops: [
          { op: "values", sheet: "Data", row: 1, column: 1, values: [["changed"]] },
          { op: "values", sheet: "Nowhere", row: 1, column: 1, values: [["x"]] },
        ],
      }),
    ).rejects.toThrow(/Nowhere/);
    expect(excel.value("Data", "A1")).toBe("a");
  });
});
