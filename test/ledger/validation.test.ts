/** DESIGN.md "Validation": an edit to a sealed row is a validation issue, found by default. */
import { describe, expect, it } from "vitest";
import { validateGrids } from "@baton/core";
import { checkin } from "../support/grids.ts";
import { ledgerWorkbook, sealed, withCheckins } from "./support.ts";

const ledger = () =>
  sealed(
    ledgerWorkbook(
      [checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1"), checkin("2026-W47", "KPI-1")],
      [checkin("2026-W48", "INI-1")],
    ),
  );

describe("an edit to a sealed row", () => {
  it("is no issue while the sealed rows are as sealed", async () => {
    const l = await ledger();
    expect(validateGrids(l.grids).issues).toEqual([]);
    expect(validateGrids(l.grids, [], { anchor: l.anchor }).issues).toEqual([]);
  });

  it("is an error at the row's Seal cell, found without the anchor, with a message and a fix", async () => {
    const l = await ledger();
    const edited = l.checkins.map((r) => [...r]);
    edited[2]![2] = "Red";
    edited[2]![6] = "Recovering";
    const issues = validateGrids(withCheckins(l.grids, edited)).issues.filter(
      (i) => i.code === "sealed-row-edited",
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "error",
      sheet: "Check-ins",
      row: 3,
      column: "Seal",
      cell: "J3",
    });
    expect(issues[0]!.message).toContain("row 3");
    expect(issues[0]!.message).toContain("edited after it was sealed");
    expect(issues[0]!.fix).toContain("version history");
  });

  it("reports a deleted sealed row and a missing anchor when the anchor is at hand", async () => {
    const l = await ledger();
    const deleted = l.checkins.filter((_, i) => i !== 1);
    expect(
      validateGrids(withCheckins(l.grids, deleted), [], { anchor: l.anchor }).issues.map((i) => [
        i.code,
        i.cell,
      ]),
    ).toEqual([["sealed-row-edited", "J2"]]);
    expect(
      validateGrids(l.grids, [], { anchor: null }).issues.map((i) => [i.code, i.cell]),
    ).toEqual([["sealed-row-edited", "J4"]]);
  });
});

describe("a check-in for a closed period", () => {
  it("is an error even for a closed period that had no check-ins, when the anchor says it is closed", async () => {
    const l = await sealed(
      ledgerWorkbook([checkin("2026-W46", "INI-1")], [checkin("2026-W48", "INI-1")]),
    );
    const late = [
      ...l.checkins,
      ["2026-W47", "INI-2", "Green", 0.5, null, null, null, "Rae", null, null],
    ];
    const withAnchor = validateGrids(withCheckins(l.grids, late), [], { anchor: l.anchor }).issues;
    expect(withAnchor.map((i) => [i.code, i.cell])).toEqual([["checkin-closed-period", "A4"]]);
    expect(withAnchor[0]!.message).toContain("2026-W47");
  });
});
