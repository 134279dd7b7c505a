/**
 * A Board Summary cell never passes Excel's 32,767 characters: text that long from a tracker's
 * cells ends with an ellipsis at the limit, in the plan the core makes and in any cell the
 * patcher writes.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CELL_TEXT_LIMIT, summaryPlan } from "@baton/core";
import { emptyPatch, patchOf, writePatched } from "../../cli/src/files/xlsx-patch.ts";
import { objective } from "../support/grids.ts";
import { summarized } from "../summary/support.ts";

const LONG = "Reduce the cost of every hand-off ".repeat(1500); // 51,000 characters

describe("a summary cell over Excel's limit", () => {
  it("is cut to the limit with an ellipsis in the core's plan", () => {
    const { summary } = summarized({
      objectives: [objective("OBJ-1", { Objective: LONG, Owner: "Ana" })],
    });
    const strings = summaryPlan(summary, []).ops.flatMap((op) =>
      op.op === "values" ? op.values.flat().filter((v): v is string => typeof v === "string") : [],
    );
    expect(Math.max(...strings.map((s) => s.length))).toBe(CELL_TEXT_LIMIT);
    const cut = strings.find((s) => s.length === CELL_TEXT_LIMIT)!;
    expect(cut.endsWith("…")).toBe(true);
    expect(LONG.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("is cut the same way by the patcher, whatever plan gives it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-long-"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "x";
    const source = join(dir, "in.xlsx");
    await wb.xlsx.writeFile(source);
    const out = join(dir, "out.xlsx");
    await writePatched(
      source,
      out,
      patchOf(
        [{ op: "values", sheet: "Sheet1", row: 2, column: 1, values: [[LONG]] }],
        emptyPatch(),
      ),
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const v = String(back.getWorksheet("Sheet1")!.getCell("A2").value);
    expect(v.length).toBe(CELL_TEXT_LIMIT);
    expect(v.endsWith("…")).toBe(true);
  });
});
