/**
 * Seals written by earlier releases stay valid: the seals of a fixed chain of rows, covering
 * every way a cell is canonicalised (dates as serials, Dates and text; numbers and number text;
 * percent text; booleans; quotes, control characters, accents, astral and lone surrogates;
 * blanks; a column the sheet lacks), are pinned here as they were computed before any change to
 * how a seal is computed. A faster path that hashed other bytes would change one of them.
 */
import { describe, expect, it } from "vitest";
import { canonicalRow, GENESIS_SEAL, sealOf, type CellValue } from "@baton/core";
import { sealOfRow } from "../../core/src/ledger/seal-row.ts";

const ZONE = "Europe/Berlin";
/** The template's order: Period, ID, RAG, Progress %, Actual, Comment, Path to Green, Reported By, Reported At. */
const TEMPLATE = {
  period: 1,
  id: 2,
  rag: 3,
  progress: 4,
  actual: 5,
  comment: 6,
  pathToGreen: 7,
  reportedBy: 8,
  reportedAt: 9,
  seal: 10,
};
/** Columns moved about, and Actual missing. */
const MOVED = {
  period: 3,
  id: 1,
  rag: 2,
  progress: 5,
  comment: 4,
  reportedBy: 9,
  reportedAt: 7,
  seal: 6,
};

const ROWS: readonly (readonly CellValue[])[] = [
  [
    "2026-W40",
    "INI-1",
    "Green",
    0.24,
    null,
    "Testing took longer than planned.",
    null,
    "Elif Demir",
    46218.65347222222,
  ],
  [
    "2026-W40",
    "KPI-1",
    null,
    null,
    3344.33,
    "",
    undefined,
    "Sam Rossi",
    new Date(Date.UTC(2026, 9, 5, 8, 30, 15)),
  ],
  [
    "2026-W41",
    "INI-2",
    "Amber",
    "6%",
    "0.35",
    'Said "no"\\ then\n\ttab \u0000 \u001f \u007f',
    "Ünïcödé 😀",
    "Zoë",
    "2026-11-20 16:30",
  ],
  [
    "2026-W41",
    "INI-3",
    "Red",
    "12.5%",
    0.1 + 0.2,
    "lone \ud800 and \udc00 surrogates",
    "\ufffd",
    true,
    46300,
  ],
  ["2026-W42", "KPI-2", false, -0, 1e21, "1e21", "-12", "#REF!", "2026-10-07T09:05:00"],
  [
    "2026-W42",
    "INI-4",
    "green ",
    1,
    -1234567.125,
    "0.10",
    "007",
    "=1+1",
    new Date(Date.UTC(1999, 11, 31, 23, 59, 59)),
  ],
  [
    46300,
    "INI-5",
    "Green",
    0.3333333333333333,
    123456789012345.67,
    "   ",
    null,
    null,
    "not a date",
  ],
];

function chain(
  sealer: (
    prev: string,
    seq: number,
    cells: readonly CellValue[],
    columns: Record<string, number>,
  ) => string,
) {
  const out: string[] = [];
  let prev = GENESIS_SEAL;
  ROWS.forEach((cells, i) => {
    prev = sealer(prev, i + 1, cells, TEMPLATE);
    out.push(prev);
  });
  // The same cells under another layout: each cell goes where MOVED puts it.
  ROWS.forEach((cells, i) => {
    const moved: CellValue[] = [];
    for (const [key, at] of Object.entries(TEMPLATE)) {
      const to = (MOVED as Record<string, number>)[key];
      if (to !== undefined) moved[to - 1] = cells[at - 1];
    }
    prev = sealer(prev, ROWS.length + i + 1, moved, MOVED);
    out.push(prev);
  });
  return out;
}

const PINNED: readonly string[] = [
  "73796a27f18f5179d15927a6b6c00f2769ebb958550f2908c8df7bbca247609c",
  "8c4e664f9d6c60b9e034378218197bc1fbde0603d8f805f4c616d0042684c67b",
  "28d66d28dd40bf527308d1ef47634bf02c27a602fec9b1047ece7f79ed4304c6",
  "434b4bab1fc4a8bd7d547aa09edb016327b4875bf8d8d291622eebb3eff1b114",
  "b0c8c467abbb56a32821d0d08222a63528331b4bd8fb55c0d638e3aae50130c3",
  "6d4a68cb1bf756612c641833cd76848a38082219415ccf28a88c348273aa517d",
  "32c648509d8e1a641e4d3765a1167ebda4dc98a49337066d5a7edc4f74713cc0",
  "e001f24dfac23a7032bce6e4e675e26703da8b8b1019d6d829ef41710b2db232",
  "d3b3cea35e188ef1eb6665bdd35e5973a65a69501947b0bcf66836e2a64a0922",
  "3eac3608e26139648d0a211294d98f5a2161873330edc0e07e10376723fa9a68",
  "ea26fad53e7883781eb47e14d1a4d26cfed0536989846da307904cc363464e7b",
  "a92986f746e920fd11194601ae3a3503eed294022f7ee5ff9dba57f52aad51f0",
  "668eab11588c4e772c3ef183f643953ff9764f74a4b3c835ae5a8c5d0999f1b8",
  "14b34905700a0fde19b628bcd21b80d73f6167666aff49bedf5393ed1d008f23",
];

describe("seals computed before a change of how seals are computed", () => {
  it("are the same by the definition and by the fast path", () => {
    const reference = chain((prev, seq, cells, columns) =>
      sealOf(prev, seq, canonicalRow(cells, columns, ZONE)),
    );
    const fast = chain((prev, seq, cells, columns) => sealOfRow(prev, seq, cells, columns, ZONE));
    expect(fast).toEqual(reference);
    expect(reference).toEqual(PINNED);
  });
});
