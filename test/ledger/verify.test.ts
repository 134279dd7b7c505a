/**
 * Verification finds and locates every change to sealed history: any single-cell edit,
 * deletion, swap or insertion among the sealed rows of generated ledgers, and a missing,
 * stale or bypassed anchor.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  SHEET,
  canonicalRow,
  closePeriod,
  readWorkbook,
  verifyLedger,
  sealOf,
  formatSeal,
  parseSeal,
  GENESIS_SEAL,
  type CellValue,
  type BreakReason,
} from "@baton/core";
import {
  anyText,
  checkinsArb,
  ledgerWorkbook,
  sealed,
  withCheckins,
  type Sealed,
} from "./support.ts";
import { checkin } from "../support/grids.ts";
import { cellValue as junk } from "../support/junk.ts";

const SEAL_COLUMN = 10;
const OPEN = [checkin("2026-W48", "INI-1"), checkin("2026-W48", "KPI-1")];

/** A generated ledger sealed through 2026-W47 with two open rows of 2026-W48 below it. */
const ledgerArb = checkinsArb(14).map((rows) => ledgerWorkbook(rows, OPEN));

const broken = (l: Sealed, checkins: CellValue[][], anchor: string | null = l.anchor) =>
  verifyLedger(withCheckins(l.grids, checkins), anchor).firstBroken;

const cellValue = fc.oneof(
  anyText(12),
  fc.constantFrom(
    "",
    " ",
    "Green",
    "green",
    "2026-W47",
    "2026-W48",
    "INI-1",
    "INI-2",
    "KPI-1",
    "=1+1",
    "#REF!",
  ),
  fc.integer({ min: -5, max: 50_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
);

/** Text shaped like a Seal cell: a small sequence number and 64 hex digits. */
const sealLike = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.stringMatching(/^[0-9a-f]{64}$/))
  .map(([seq, hex]) => formatSeal({ seq, hex }));

/** Canonical content and Seal cell of a row: what an edit must change to be an edit. */
function fingerprint(l: Sealed, cells: readonly CellValue[]): string {
  const seal = cells[SEAL_COLUMN - 1];
  const sealText =
    seal === null || seal === undefined || (typeof seal === "string" && seal.trim() === "")
      ? null
      : String(seal);
  return canonicalRow(cells, l.columns, "UTC") + "|" + sealText;
}

const copy = (rows: CellValue[][]) => rows.map((r) => [...r]);

describe("an edited cell of a sealed row is found at its row", () => {
  it("names the row, and says whether its content or its Seal cell changed", async () => {
    await fc.assert(
      fc.asyncProperty(
        ledgerArb,
        fc.nat(),
        fc.integer({ min: 1, max: SEAL_COLUMN }),
        fc.oneof(
          cellValue,
          sealLike,
          fc.nat().map((k) => ({ sealOfRow: k })),
        ),
        async (grids, pick, column, given) => {
          const l = await sealed(grids);
          const row = 2 + (pick % l.sealedRows);
          const edited = copy(l.checkins);
          const before = fingerprint(l, edited[row - 1]!);
          // A value, a well-formed seal of Baton's shape, or the Seal cell of another sealed row.
          const value =
            given !== null && typeof given === "object" && "sealOfRow" in given
              ? l.checkins[1 + (given.sealOfRow % l.sealedRows)]![SEAL_COLUMN - 1]!
              : given;
          edited[row - 1]![column - 1] = value;
          fc.pre(fingerprint(l, edited[row - 1]!) !== before);
          const b = broken(l, edited);
          expect(b).toMatchObject({
            sheet: SHEET.checkins,
            row,
            reason: column === SEAL_COLUMN ? "seal-edited" : "content-edited",
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("a deleted sealed row is found where it was", () => {
  it("names the row that now stands in its place", async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, fc.nat(), async (grids, pick) => {
        const l = await sealed(grids);
        const row = 2 + (pick % l.sealedRows);
        const edited = copy(l.checkins);
        edited.splice(row - 1, 1);
        expect(broken(l, edited)).toMatchObject({ row, reason: "row-deleted" });
      }),
      { numRuns: 500 },
    );
  });
});

describe("reordered sealed rows are found at the first row out of place", () => {
  it("names the upper of two swapped rows", async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, fc.nat(), fc.nat(), async (grids, a, b) => {
        const l = await sealed(grids);
        fc.pre(l.sealedRows >= 2);
        const i = 2 + (a % l.sealedRows);
        const j = 2 + (b % l.sealedRows);
        fc.pre(i !== j);
        const edited = copy(l.checkins);
        [edited[i - 1], edited[j - 1]] = [edited[j - 1]!, edited[i - 1]!];
        expect(broken(l, edited)).toMatchObject({ row: Math.min(i, j), reason: "rows-reordered" });
      }),
      { numRuns: 800 },
    );
  });
});

describe("a row inserted among sealed rows is found where it was inserted", () => {
  const inserted = (
    l: Sealed,
    kind: number,
    source: number,
    seq: number,
    hex: string,
  ): CellValue[] => {
    const from = l.checkins[2 + (source % l.sealedRows) - 1]!;
    switch (kind) {
      case 0: // a new check-in without a seal
        return ["2026-W47", "INI-3", "Green", 0.5, null, "added later", null, "Rae", null, null];
      case 1: // a copy of a sealed row, seal and all
        return [...from];
      case 2: // a sealed row's content under a made-up seal
        return [
          ...from.slice(0, SEAL_COLUMN - 1),
          formatSeal({ seq: 1 + (seq % (l.sealedRows + 3)), hex }),
        ];
      default: // a new check-in under a made-up seal
        return [
          "2026-W46",
          "INI-3",
          "Red",
          0.1,
          null,
          "backdated",
          "Plan",
          "Rae",
          null,
          formatSeal({ seq: 1 + (seq % (l.sealedRows + 3)), hex }),
        ];
    }
  };

  it("names the inserted row (or, for an exact copy placed above its original, the second of the two)", async () => {
    await fc.assert(
      fc.asyncProperty(
        ledgerArb,
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.nat(),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        async (grids, at, kind, source, seq, hex) => {
          const l = await sealed(grids);
          const row = 2 + (at % l.sealedRows);
          const edited = copy(l.checkins);
          const extra = inserted(l, kind, source, seq, hex);
          edited.splice(row - 1, 0, extra);
          const b = broken(l, edited);
          const sameAsBelow = JSON.stringify(extra) === JSON.stringify(edited[row]);
          expect(b?.reason).toBe("row-inserted");
          expect(sameAsBelow ? [row, row + 1] : [row]).toContain(b?.row);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("every single change of one generated ledger, exhaustively", () => {
  it("finds and locates each edit, deletion, swap and insertion", async () => {
    const ledgers = fc.sample(
      checkinsArb(16).map((rows) => ledgerWorkbook(rows, OPEN)),
      { numRuns: 12, seed: 48 },
    );
    let cases = 0;
    for (const grids of ledgers) {
      const l = await sealed(grids);
      const rows = l.sealedRows;
      const check = (edited: CellValue[][], row: number, reason: BreakReason) => {
        cases++;
        expect(broken(l, edited), `${reason} at ${row}`).toMatchObject({ row, reason });
      };
      for (let r = 2; r <= rows + 1; r++) {
        for (let c = 1; c <= SEAL_COLUMN; c++) {
          const edited = copy(l.checkins);
          const old = edited[r - 1]![c - 1];
          edited[r - 1]![c - 1] =
            old === null || old === undefined
              ? "x"
              : typeof old === "number"
                ? old + 1
                : `${String(old)}.`;
          check(edited, r, c === SEAL_COLUMN ? "seal-edited" : "content-edited");
        }
        const deleted = copy(l.checkins);
        deleted.splice(r - 1, 1);
        check(deleted, r, "row-deleted");
        for (let s = r + 1; s <= rows + 1; s++) {
          const swapped = copy(l.checkins);
          [swapped[r - 1], swapped[s - 1]] = [swapped[s - 1]!, swapped[r - 1]!];
          check(swapped, r, "rows-reordered");
        }
        const withNew = copy(l.checkins);
        withNew.splice(r - 1, 0, [
          "2026-W47",
          "INI-3",
          "Green",
          0.5,
          null,
          "added later",
          null,
          "Rae",
          null,
          null,
        ]);
        check(withNew, r, "row-inserted");
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });
});

describe("the anchor", () => {
  const ledger = () =>
    sealed(
      ledgerWorkbook(
        [checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1"), checkin("2026-W47", "INI-2")],
        OPEN,
      ),
    );

  it("is intact when the sheet matches it, with rows added below the sealed block", async () => {
    const l = await ledger();
    expect(verifyLedger(l.grids, l.anchor)).toMatchObject({
      intact: true,
      sealedRows: 3,
      firstBroken: null,
    });
  });

  it("says when the document's anchor is missing", async () => {
    const l = await ledger();
    expect(broken(l, l.checkins, null)).toMatchObject({ row: 4, reason: "anchor-missing" });
  });

  it("says when the whole chain was rewritten: every seal recomputed after an edit", async () => {
    const l = await ledger();
    const edited = copy(l.checkins);
    edited[1]![5] = "a rosier story";
    const { workbook } = readWorkbook(withCheckins(l.grids, edited));
    let prev = GENESIS_SEAL;
    for (let r = 2; r <= 4; r++) {
      prev = sealOf(
        prev,
        r - 1,
        canonicalRow(edited[r - 1]!, workbook.layout.checkins!.columns, "UTC"),
      );
      edited[r - 1]![SEAL_COLUMN - 1] = formatSeal({ seq: r - 1, hex: prev });
    }
    expect(verifyLedger(withCheckins(l.grids, edited), null).breaks.map((b) => b.reason)).toEqual([
      "anchor-missing",
    ]);
    expect(broken(l, edited)).toMatchObject({ row: 4, reason: "anchor-mismatch" });
  });

  it("says when sealed rows were cut off the end of the chain", async () => {
    const l = await ledger();
    const edited = copy(l.checkins);
    edited.splice(2, 2); // the two newest sealed rows
    expect(broken(l, edited)).toMatchObject({ row: 3, reason: "row-deleted" });
  });

  it("says when the anchor is from an older close", async () => {
    const older = await sealed(
      ledgerWorkbook(
        [checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1"), checkin("2026-W47", "INI-2")],
        OPEN,
      ),
      "2026-W46",
    );
    const l = await ledger();
    expect(broken(l, l.checkins, older.anchor)).toMatchObject({
      row: 3,
      reason: "anchor-mismatch",
    });
    expect(broken(l, l.checkins, "not an anchor")).toMatchObject({ reason: "anchor-mismatch" });
  });

  it("checks the chain alone when no anchor is at hand", async () => {
    const l = await ledger();
    expect(verifyLedger(l.grids, undefined)).toMatchObject({ intact: true, sealedRows: 3 });
    const edited = copy(l.checkins);
    edited[2]![2] = "Amber";
    expect(verifyLedger(withCheckins(l.grids, edited), undefined).firstBroken).toMatchObject({
      row: 3,
      reason: "content-edited",
    });
  });

  it("names every edited row, not only the first", async () => {
    const l = await ledger();
    const edited = copy(l.checkins);
    edited[1]![5] = "first";
    edited[3]![5] = "third";
    expect(
      verifyLedger(withCheckins(l.grids, edited), l.anchor).breaks.map((b) => [b.row, b.reason]),
    ).toEqual([
      [2, "content-edited"],
      [4, "content-edited"],
    ]);
  });

  it("reads a Seal cell that holds a seal for the wrong row as an edited seal", async () => {
    const l = await ledger();
    const edited = copy(l.checkins);
    const seal = parseSeal(String(edited[2]![SEAL_COLUMN - 1]))!;
    edited[1]![SEAL_COLUMN - 1] = formatSeal({ seq: 1, hex: seal.hex });
    expect(broken(l, edited)).toMatchObject({ row: 2, reason: "seal-edited" });
  });
});

describe("verification and closing never throw", () => {
  it("on any cell values in Check-ins, with or without an anchor, and when junk rows must move", async () => {
    const l = await sealed(ledgerWorkbook([checkin("2026-W47", "INI-1")], OPEN));
    const valid = ["2026-W48", "INI-2", "Green", 0.5, null, null, null, "Rae", null, null];
    fc.assert(
      fc.property(
        fc.array(fc.array(junk, { maxLength: 12 }), { maxLength: 8 }),
        fc.option(anyText(40), { nil: null }),
        fc.constantFrom(null, l.anchor),
        (rows, text, anchor) => {
          const grids = withCheckins(l.grids, [l.checkins[0]!, ...rows, valid]);
          for (const a of [text, anchor]) {
            const v = verifyLedger(grids, a);
            expect(typeof v.intact).toBe("boolean");
            const closed = closePeriod({ grids, anchor: a, period: "2026-W48" });
            if (!closed.ok) expect(closed.message.length).toBeGreaterThan(0);
          }
          // As open rows of a later week, the same junk moves down below the row being sealed.
          const later = rows.map((r) => ["2026-W49", "INI-1", ...r.slice(2, SEAL_COLUMN - 1)]);
          const open = withCheckins(l.grids, [l.checkins[0]!, ...later, valid]);
          const moved = closePeriod({ grids: open, anchor: null, period: "2026-W48" });
          expect(moved).toMatchObject({ ok: true, sealed: 1 });
        },
      ),
      { numRuns: 500 },
    );
  });
});
