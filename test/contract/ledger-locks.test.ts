/**
 * Every cell of every sealed row stays locked, blank cells included, however many closes
 * follow: three closes one after another, each moving rows typed out of order up into the
 * sealed block, then a user tries every cell of every sealed row in every host.
 */
import { describe, expect, it } from "vitest";
import { SHEET, closePeriod, COLUMNS } from "@baton/core";
import { HOSTS } from "../../fakes/hosts.ts";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

const WIDTH = COLUMNS.checkins.length;

/** One block of rows per initiative (weeks interleaved), KPI rows with blank RAG, % and comments. */
function tracker() {
  const weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"];
  const checkins = ["INI-1", "KPI-1", "INI-2"].flatMap((id) =>
    weeks.map((w) => checkin(w, id, id === "INI-1" ? { Comment: `note ${w}` } : {})),
  );
  return workbookGrids({
    ...smallWorkbook(),
    checkins,
    settings: { "Current Period": "2026-W48" },
  });
}

describe.each(HOSTS)("sealed rows stay locked across closes: $name", (factory) => {
  it("locks every cell of every sealed row after three closes, and leaves the open rows editable", async () => {
    const t = await factory.create(tracker());
    let sealedRows = 0;
    for (const period of ["2026-W45", "2026-W46", "2026-W47"]) {
      const result = closePeriod({
        grids: await t.host.readSheets(await t.host.sheetNames()),
        anchor: await t.host.readAnchor(),
        period,
      });
      if (!result.ok) throw new Error(result.message);
      await t.host.apply(result.plan);
      sealedRows = result.sealedRows;
    }
    expect(sealedRows).toBe(9);
    const open: string[] = [];
    for (let r = 2; r <= sealedRows + 1; r++)
      for (let c = 1; c <= WIDTH; c++) {
        const edited = await t.userEdit(SHEET.checkins, r, c, "typed").then(
          () => true,
          () => false,
        );
        if (edited) open.push(`R${r}C${c}`);
      }
    expect(open).toEqual([]);
    await t.userEdit(SHEET.checkins, sealedRows + 2, 6, "still open");
    expect(await t.reopenedValue(SHEET.checkins, sealedRows + 2, 6)).toBe("still open");
  });
});
