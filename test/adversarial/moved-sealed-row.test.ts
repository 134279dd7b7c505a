/**
 * A careless drag: the newest sealed check-in pulled down below the open rows. Verify names
 * that row, where it belongs and where it is now, rather than calling the first open row an
 * insertion; a single row without a seal above it still reads as that row inserted.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { verifyLedger, type CellValue } from "@baton/core";
import { checkinsArb, ledgerWorkbook, sealed, withCheckins } from "../ledger/support.ts";
import { checkin } from "../support/grids.ts";

const OPEN = [
  checkin("2026-W48", "INI-1"),
  checkin("2026-W48", "KPI-1"),
  checkin("2026-W48", "INI-3"),
];

describe("the newest sealed row dragged below the open rows", () => {
  it("is reported as moved, at the row it now sits on, with the row it belongs at", async () => {
    await fc.assert(
      fc.asyncProperty(checkinsArb(10), fc.integer({ min: 2, max: 3 }), async (rows, below) => {
        const l = await sealed(ledgerWorkbook(rows, OPEN));
        const checkins: CellValue[][] = l.checkins.map((r) => [...r]);
        const newest = l.sealedRows + 1; // its sheet row: the header is row 1
        const [moved] = checkins.splice(newest - 1, 1);
        checkins.splice(newest - 1 + below, 0, moved!);
        const b = verifyLedger(withCheckins(l.grids, checkins), l.anchor).firstBroken;
        expect(b).toMatchObject({ reason: "rows-reordered", row: newest + below });
        expect(b?.message).toContain(`sealed row ${l.sealedRows} was moved down`);
        expect(b?.message).toContain(`belongs at row ${newest}`);
      }),
      { numRuns: 40 },
    );
  });

  it("with one row without a seal above it, still names that row as inserted", async () => {
    const l = await sealed(ledgerWorkbook([checkin("2026-W46", "INI-1")], OPEN));
    const checkins: CellValue[][] = l.checkins.map((r) => [...r]);
    const newest = l.sealedRows + 1;
    const [moved] = checkins.splice(newest - 1, 1);
    checkins.splice(newest, 0, moved!);
    const b = verifyLedger(withCheckins(l.grids, checkins), l.anchor).firstBroken;
    expect(b).toMatchObject({ reason: "row-inserted", row: newest });
  });
});
