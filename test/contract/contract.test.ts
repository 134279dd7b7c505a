/**
 * One suite, every host: the same scenarios give the same grids, issues and protections in the
 * in-memory host, the .xlsx file host, and (as they join `HOSTS`) Excel and Google Sheets.
 */
import { describe, expect, it } from "vitest";
import {
  SHEET,
  closePeriod,
  demoContent,
  templatePlan,
  validateGrids,
  verifyLedger,
  type Grids,
} from "@baton/core";
import { HOSTS } from "../../fakes/hosts.ts";
import { workbookGrids, smallWorkbook, initiative, checkin } from "../support/grids.ts";

const TEMPLATE_SHEETS = Object.values(SHEET);
const issueKeys = (grids: Grids) =>
  validateGrids(grids).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`);

describe.each(HOSTS)("host contract: $name", (factory) => {
  it("sets up the demo template and reads back the grids that validate as in memory", async () => {
    const t = await factory.create({});
    await t.host.apply(
      templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })),
    );
    const grids = await t.host.readSheets(TEMPLATE_SHEETS);
    const reference = await HOSTS[0]!.create({});
    await reference.host.apply(
      templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })),
    );
    expect(issueKeys(grids)).toEqual(issueKeys(await reference.host.readSheets(TEMPLATE_SHEETS)));
    expect(validateGrids(grids).workbook).toEqual(
      validateGrids(await reference.host.readSheets(TEMPLATE_SHEETS)).workbook,
    );
  });

  it("keeps text that looks like a formula as text", async () => {
    const t = await factory.create(workbookGrids(smallWorkbook()));
    const evil = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")'];
    await t.host.apply({
      ops: [
        { op: "values", sheet: SHEET.initiatives, row: 4, column: 3, values: evil.map((e) => [e]) },
      ],
    });
    for (let i = 0; i < evil.length; i++)
      expect(await t.reopenedValue(SHEET.initiatives, 4 + i, 3)).toBe(evil[i]);
  });

  it("reads every template sheet in a number of round trips that does not grow with rows", async () => {
    const trips = async (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => initiative(`INI-${i + 3}`, "OBJ-1"));
      const cis = rows.map((r) => checkin("2026-W47", r.ID as string));
      const t = await factory.create(
        workbookGrids(smallWorkbook({ initiatives: rows, checkins: cis })),
      );
      const before = t.roundTrips();
      await t.host.readSheets(TEMPLATE_SHEETS);
      await t.host.apply({
        ops: [
          {
            op: "values",
            sheet: SHEET.initiatives,
            row: 2,
            column: 9,
            values: rows.map(() => ["Green"]),
          },
        ],
      });
      return t.roundTrips() - before;
    };
    expect(await trips(10)).toBe(await trips(400));
  });

  it("refuses a user's edit of a locked cell once a sheet is protected, and allows the editable rows", async () => {
    const t = await factory.create(workbookGrids(smallWorkbook()));
    await t.host.apply({
      ops: [
        {
          op: "protect",
          sheet: SHEET.checkins,
          editable: [{ row: 4, column: 1, rows: 100, columns: 10 }],
          description: "sealed check-ins",
        },
      ],
    });
    await expect(t.userEdit(SHEET.checkins, 2, 3, "Red")).rejects.toThrow();
    await t.userEdit(SHEET.checkins, 5, 3, "Amber");
    expect(await t.reopenedValue(SHEET.checkins, 5, 3)).toBe("Amber");
  });

  it("closes a period to the same seals, locks the sealed rows and keeps the open ones editable", async () => {
    const spec = smallWorkbook({
      checkins: [checkin("2026-W46", "INI-1"), checkin("2026-W48", "INI-2")],
    });
    const t = await factory.create(workbookGrids(spec));
    const result = closePeriod({
      grids: await t.host.readSheets(await t.host.sheetNames()),
      anchor: await t.host.readAnchor(),
      period: "2026-W47",
    });
    if (!result.ok) throw new Error(result.message);
    await t.host.apply(result.plan);
    const reference = closePeriod({ grids: workbookGrids(spec), anchor: null, period: "2026-W47" });
    expect(await t.host.readAnchor()).toBe(reference.ok && reference.anchor);
    expect(
      verifyLedger(await t.host.readSheets(TEMPLATE_SHEETS), await t.host.readAnchor()),
    ).toMatchObject({ intact: true, sealedRows: 4 });
    await expect(t.userEdit(SHEET.checkins, 5, 3, "Red")).rejects.toThrow();
    await t.userEdit(SHEET.checkins, 6, 3, "Amber");
    await t.userEdit(SHEET.checkins, 7, 1, "2026-W48");
    expect(await t.reopenedValue(SHEET.checkins, 6, 3)).toBe("Amber");
  });

  it("stores the seal anchor in the document and reads it back", async () => {
    const t = await factory.create(workbookGrids(smallWorkbook()));
    expect(await t.host.readAnchor()).toBeNull();
    await t.host.apply({ ops: [{ op: "setAnchor", value: "anchor:2026-W47:abc123" }] });
    expect(await t.host.readAnchor()).toBe("anchor:2026-W47:abc123");
    expect(await t.host.sheetNames()).toEqual(expect.arrayContaining(TEMPLATE_SHEETS));
    expect(await t.host.sheetNames()).not.toContain("_baton");
  });
});
