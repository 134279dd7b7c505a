/**
 * Sealed gate decisions are locked like sealed check-ins in every host: three closes, each
 * sealing the decisions dated up to its week (typed out of date order, so rows move), then a
 * user tries every cell of every sealed decision, and the chain through both sheets verifies.
 */
import { describe, expect, it } from "vitest";
import { SHEET, closePeriod, COLUMNS, verifyLedger } from "@baton/core";
import { HOSTS } from "../../fakes/hosts.ts";
import { workbookGrids, smallWorkbook, checkin, type RowSpec } from "../support/grids.ts";

const WIDTH = COLUMNS.gateDecisions.length;

const decision = (date: string, id: string, gate: number): RowSpec => ({
  Date: date,
  ID: id,
  Gate: gate,
  Decision: "Approved",
  "Decided By": "Ola",
  Role: "Owner",
  Evidence: `memo ${id} ${date}`,
});

function tracker() {
  const weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"];
  return workbookGrids({
    ...smallWorkbook(),
    checkins: ["INI-1", "INI-2"].flatMap((id) => weeks.map((w) => checkin(w, id))),
    // W45 is 2–8 Nov, W46 9–15, W47 16–22, W48 23–29; newest typed first.
    gateDecisions: [
      decision("2026-11-24", "INI-1", 2),
      decision("2026-11-17", "INI-2", 2),
      decision("2026-11-10", "INI-1", 2),
      decision("2026-11-03", "INI-2", 2),
      decision("2026-11-04", "INI-1", 2),
    ],
    settings: { "Current Period": "2026-W48" },
  });
}

describe.each(HOSTS)("sealed gate decisions stay locked across closes: $name", (factory) => {
  it("locks every cell of every sealed decision after three closes, and leaves the open ones editable", async () => {
    const t = await factory.create(tracker());
    let sealedDecisions = 0;
    for (const period of ["2026-W45", "2026-W46", "2026-W47"]) {
      const result = closePeriod({
        grids: await t.host.readSheets(await t.host.sheetNames()),
        anchor: await t.host.readAnchor(),
        period,
      });
      if (!result.ok) throw new Error(result.message);
      await t.host.apply(result.plan);
      sealedDecisions += result.sealedDecisions;
    }
    expect(sealedDecisions).toBe(4);
    const open: string[] = [];
    for (let r = 2; r <= sealedDecisions + 1; r++)
      for (let c = 1; c <= WIDTH; c++) {
        const edited = await t.userEdit(SHEET.gateDecisions, r, c, "typed").then(
          () => true,
          () => false,
        );
        if (edited) open.push(`R${r}C${c}`);
      }
    expect(open).toEqual([]);
    const grids = await t.host.readSheets(await t.host.sheetNames());
    expect(grids[SHEET.gateDecisions]!.slice(1).map((r) => r[0])).toEqual([
      "2026-11-03",
      "2026-11-04",
      "2026-11-10",
      "2026-11-17",
      "2026-11-24",
    ]);
    expect(verifyLedger(grids, await t.host.readAnchor())).toMatchObject({
      intact: true,
      sealedRows: 6,
      sealedDecisions: 4,
    });
    await t.userEdit(SHEET.gateDecisions, sealedDecisions + 2, 7, "still open");
    expect(await t.reopenedValue(SHEET.gateDecisions, sealedDecisions + 2, 7)).toBe("still open");
  });
});
