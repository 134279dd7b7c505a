/**
 * A sealed workbook exported to CSV by a spreadsheet must still verify: the export writes each
 * cell as it shows it, so Progress % 0.06 becomes "6%", numbers and date-times become text. The
 * canonical content folds those renderings back wherever they are unambiguous.
 */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  SHEET,
  closePeriod,
  localDateTimeFromSerial,
  verifyLedger,
  type CellValue,
} from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";

async function sealedGrids() {
  const grids = workbookGrids(
    smallWorkbook({
      checkins: [
        checkin("2026-W46", "INI-1", { "Progress %": 0.06, "Reported At": 46328.6875 }),
        checkin("2026-W46", "INI-2", { "Progress %": 0.125 }),
        checkin("2026-W46", "KPI-1", { Actual: 31.5 }),
      ],
    }),
  );
  const host = new MemoryHost(grids);
  const result = closePeriod({ grids, anchor: null, period: "2026-W47" });
  if (!result.ok) throw new Error(result.message);
  await host.apply(result.plan);
  return host.readSheets(Object.values(SHEET));
}

/** Each cell as a spreadsheet's CSV export renders it. */
function exported(grid: readonly (readonly CellValue[])[], dateSeparator: "T" | " ") {
  const header = grid[0]!;
  const col = (name: string) => header.indexOf(name);
  return grid.map((row, r) =>
    row.map((v, c) => {
      if (r === 0 || v === null || v === undefined) return v ?? "";
      if (c === col("Progress %") && typeof v === "number") return `${+(v * 100).toFixed(4)}%`;
      if (c === col("Reported At") && typeof v === "number")
        return localDateTimeFromSerial(v)!.replace("T", dateSeparator);
      return String(v);
    }),
  );
}

describe("a sealed workbook exported to CSV", () => {
  it.each(["T", " "] as const)(
    "verifies with percentages as shown and date-times as text (separator %j)",
    async (sep) => {
      const grids = await sealedGrids();
      const csv = { ...grids, [SHEET.checkins]: exported(grids[SHEET.checkins]!, sep) };
      expect(csv[SHEET.checkins]!.flat()).toContain("6%");
      expect(verifyLedger(csv, undefined)).toMatchObject({ intact: true, sealedRows: 6 });
    },
  );

  it("still finds an edit: 7% where 6% was sealed", async () => {
    const grids = await sealedGrids();
    const csv = exported(grids[SHEET.checkins]!, "T");
    const at = csv.findIndex((r) => r.includes("6%"));
    csv[at] = csv[at]!.map((v) => (v === "6%" ? "7%" : v));
    const v = verifyLedger({ ...grids, [SHEET.checkins]: csv }, undefined);
    expect(v.firstBroken).toMatchObject({ row: at + 1, reason: "content-edited" });
  });
});
