/**
 * Numbers people read are shown to the precision of the KPI's own data (the most decimals
 * among its Baseline, Target and Actuals), with thousands separators; the value itself keeps
 * every digit, for --json and for formulas on the sheet.
 */
import { describe, expect, it } from "vitest";
import {
  SHEET,
  decimalsOf,
  mostDecimals,
  numberForPeople,
  numberFormatFor,
  statusPlan,
  summaryMarkdown,
  summaryHtml,
  summaryPlan,
  summarize,
  type WriteOp,
} from "@baton/core";
import { PRECISION_WORLD } from "./precision-world.ts";
import { AS_OF, evaluated } from "./world.ts";

describe("the precision of a figure", () => {
  it("is the decimals it is written with, floating-point noise dropped", () => {
    expect(
      [3344, 31.5, 0.25, 0.1 + 0.2, 38.400000000000006, -2.75, 1e-7, 1.5e21, null].map(decimalsOf),
    ).toEqual([0, 1, 2, 1, 1, 2, 6, 0, 0]);
    expect(mostDecimals([20.5, 40, 24.15, null])).toBe(2);
  });

  it("is shown rounded, with thousands separators, and never as -0", () => {
    expect(numberForPeople(3344.33, 0)).toBe("3,344");
    expect(numberForPeople(31.4676, 1)).toBe("31.5");
    expect(numberForPeople(1234567.891, 2)).toBe("1,234,567.89");
    expect(numberForPeople(-1234.5, 0)).toBe("-1,235");
    expect(numberForPeople(-0.04, 1)).toBe("0.0");
    expect(numberForPeople(999.96, 1)).toBe("1,000.0");
    expect(numberForPeople(null, 2)).toBe("");
    expect([0, 1, 3].map(numberFormatFor)).toEqual(["#,##0", "#,##0.0", "#,##0.000"]);
  });
});

describe("a KPI's numbers as people read them", () => {
  const { workbook, ev } = evaluated(PRECISION_WORLD);
  const [k1, k2] = ev.kpis;

  it("the engine keeps every digit of the forecast and names the KPI's own precision", () => {
    expect(k1!.decimals).toBe(1);
    expect(k2!.decimals).toBe(0);
    // Least-squares forecasts carry more digits than the data: the value keeps them all.
    expect(decimalsOf(k1!.forecast)).toBeGreaterThan(1);
    expect(decimalsOf(k2!.forecast)).toBeGreaterThan(0);
  });

  it("the KPIs sheet keeps the full value in Latest and Forecast, shown by a number format", () => {
    const ops = statusPlan(workbook, ev).ops.filter(
      (o) => o.op !== "setAnchor" && o.sheet === SHEET.kpis,
    );
    const values = ops.find((o): o is Extract<WriteOp, { op: "values" }> => o.op === "values")!;
    const forecastAt = values.values[0]!.indexOf(k1!.forecast);
    expect(forecastAt).toBeGreaterThanOrEqual(0);
    expect(values.values[1]![forecastAt]).toBe(k2!.forecast);
    const formats = ops.filter((o) => o.op === "format" && o.format.numberFormat);
    expect(formats).toEqual([
      {
        op: "format",
        sheet: SHEET.kpis,
        range: { row: 2, column: values.column + forecastAt - 1, rows: 1, columns: 2 },
        format: { numberFormat: "#,##0.0" },
      },
      {
        op: "format",
        sheet: SHEET.kpis,
        range: { row: 3, column: values.column + forecastAt - 1, rows: 1, columns: 2 },
        format: { numberFormat: "#,##0" },
      },
    ]);
  });

  const summary = summarize(workbook, { asOf: AS_OF });
  const shown1 = numberForPeople(k1!.forecast, 1);
  const shown2 = numberForPeople(k2!.forecast, 0);

  it("rounds the way a person would: to the data's decimals, never by more than half a step", () => {
    expect(shown1).toMatch(/^\d+\.\d$/);
    expect(Math.abs(Number(shown1) - k1!.forecast!)).toBeLessThanOrEqual(0.05);
    expect(shown2).toMatch(/^\d,\d{3}$/);
    expect(Math.abs(Number(shown2.replace(",", "")) - k2!.forecast!)).toBeLessThanOrEqual(0.5);
  });

  it("the board summary in Markdown and HTML shows the rounded forecast, never the raw one", () => {
    const md = summaryMarkdown(summary);
    const html = summaryHtml(summary);
    for (const text of [md, html]) {
      expect(text).toContain(shown1);
      expect(text).toContain(shown2);
      expect(text).toContain("2,000"); // KPI-2's Baseline
      expect(text).not.toContain(String(k1!.forecast));
      expect(text).not.toContain(String(k2!.forecast));
      expect(text).not.toContain(String(Number(k1!.forecast!.toPrecision(6))));
    }
  });

  it("the board summary sheet keeps the full forecast and formats its KPI numbers to the data's decimals", () => {
    const plan = summaryPlan(summary, []);
    const values = plan.ops.find(
      (o): o is Extract<WriteOp, { op: "values" }> => o.op === "values",
    )!;
    const row = (id: string) => values.values.findIndex((r) => r[0] === id) + 1;
    for (const [id, k, format] of [
      ["KPI-1", k1!, "#,##0.0"],
      ["KPI-2", k2!, "#,##0"],
    ] as const) {
      const r = row(id);
      expect(values.values[r - 1]![7]).toBe(k.forecast);
      for (const column of [4, 5, 6, 8])
        expect(
          plan.ops.some(
            (o) =>
              o.op === "format" &&
              o.format.numberFormat === format &&
              o.range.column === column &&
              o.range.row <= r &&
              r < o.range.row + o.range.rows,
          ),
          `${id} column ${column}`,
        ).toBe(true);
    }
  });
});
