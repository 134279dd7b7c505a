/**
 * A seal computed straight from a row's cells into one reused byte buffer hashes exactly the
 * bytes the plain definition gives: `baton-seal-v1`, the sequence number, the previous seal and
 * the canonical JSON array of the row, UTF-8 encoded. Checked against that definition written
 * the simple way (JSON.stringify, TextEncoder) for arbitrary rows: any text (quotes,
 * backslashes, control characters, astral and lone surrogates), numbers, booleans, dates,
 * number and percent text, blanks, and columns missing from the sheet.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canonicalCell,
  canonicalRow,
  GENESIS_SEAL,
  SEALED_COLUMNS,
  sealOf,
  utf8Bytes,
  type CellValue,
} from "@baton/core";
import { rowSealIs, sealOfRow, writeSealInput } from "../../core/src/ledger/seal-row.ts";
import { ByteBuffer } from "../../core/src/ledger/utf8.ts";
import { formatSeal, hexIs, hexOf, sealCellIs } from "../../core/src/ledger/seal.ts";

/** The definition, the simple way: a string, then its UTF-8 bytes. */
function referenceInput(
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): Uint8Array {
  const entries = SEALED_COLUMNS.map((c) => {
    const at = columns[c.key];
    return at === undefined ? null : canonicalCell(cells[at - 1], c.kind, zone);
  });
  return new TextEncoder().encode(`baton-seal-v1\n${seq}\n${previous}\n${JSON.stringify(entries)}`);
}

const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      "\\",
      "\n",
      "\t",
      "\u0000",
      "\u001f",
      "\u007f",
      "\ud800",
      "\udc00",
      "\ufffd",
      "é",
      "😀",
      "a",
    ),
  }),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  text,
  fc.double(),
  fc.integer(),
  fc.double({ min: 40000, max: 50000 }),
  // Serials over every date a spreadsheet shows, and just outside it.
  fc.double({ min: -1, max: 2958467, noNaN: true }),
  // Fractions and amounts as people type them (0.24, 3344.33, 1e-7), and their sums' noise.
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc
    .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 9 }))
    .map(([e, d]) => d * 10 ** e),
  fc.constantFrom(0.1 + 0.2, 1 / 3, 2 / 3, 1e-7, 1.5e-7, 123456789012345.6, 0.000123456789012345),
  fc.constantFrom(-0, Infinity, -Infinity, NaN),
  fc.boolean(),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -200, max: 200 }).map((n) => `${n / 2}%`),
  fc.constantFrom("2026-11-20 16:30", "2026-W47", "2026-11", "Green", "0.35", "1e21"),
);
const width = SEALED_COLUMNS.length + 3;
const row = fc.array(cell, { minLength: 0, maxLength: width });
/** Where each sealed column is: a permutation of columns, some left out. */
const columns = fc
  .tuple(
    fc.shuffledSubarray(
      Array.from({ length: width }, (_, i) => i + 1),
      { minLength: SEALED_COLUMNS.length, maxLength: SEALED_COLUMNS.length },
    ),
    fc.array(fc.boolean(), { minLength: SEALED_COLUMNS.length, maxLength: SEALED_COLUMNS.length }),
  )
  .map(([at, kept]) => {
    const out: Record<string, number> = {};
    SEALED_COLUMNS.forEach((c, i) => {
      if (kept[i]) out[c.key] = at[i]!;
    });
    return out;
  });
const hex = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(""));

describe("a seal computed into one reused buffer", () => {
  it("hashes the bytes of the plain definition, for any row", () => {
    const buffer = new ByteBuffer();
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(GENESIS_SEAL), hex),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.array(row, { minLength: 1, maxLength: 4 }),
        columns,
        fc.constantFrom("Europe/Berlin", "UTC", "America/New_York"),
        (previous, seq, rows, cols, zone) => {
          // Several rows through the same buffer: nothing of one row stays for the next.
          for (const cells of rows) {
            writeSealInput(buffer, previous, seq, cells, cols, zone);
            expect([...buffer.bytes()]).toEqual([
              ...referenceInput(previous, seq, cells, cols, zone),
            ]);
            const seal = sealOf(previous, seq, canonicalRow(cells, cols, zone));
            expect(sealOfRow(previous, seq, cells, cols, zone)).toBe(seal);
            expect(rowSealIs(seal, previous, seq, cells, cols, zone)).toBe(true);
            expect(rowSealIs(previous, previous, seq, cells, cols, zone)).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("tells a seal from any other hex by its bytes, as comparing the spelled-out hex does", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        hex,
        fc.nat(63),
        (bytes, other, at) => {
          const spelled = hexOf(bytes);
          expect(hexIs(bytes, spelled)).toBe(true);
          expect(hexIs(bytes, other)).toBe(other === spelled);
          const flipped =
            spelled.slice(0, at) + (spelled[at] === "0" ? "1" : "0") + spelled.slice(at + 1);
          expect(hexIs(bytes, flipped)).toBe(false);
          expect(hexIs(bytes, spelled.toUpperCase())).toBe(spelled === spelled.toUpperCase());
          expect(hexIs(bytes, spelled + "0")).toBe(false);
        },
      ),
    );
  });

  it("tells the Seal cell of a row sealed as number n from any other text, as formatSeal spells it", () => {
    const seqs = fc.oneof(
      fc.integer({ min: 1, max: 999_999_999 }),
      fc.integer({ min: 1, max: 120 }),
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        seqs,
        seqs,
        fc.constantFrom("", "0", " ", "-", ":"),
        fc.constantFrom("", " ", "0", "\n"),
        hex,
        (bytes, seq, written, before, after, other) => {
          for (const n of [seq, written]) {
            const cell = formatSeal({ seq: n, hex: hexOf(bytes) });
            for (const text of [
              cell,
              before + cell + after,
              formatSeal({ seq: n, hex: other }),
              cell.toUpperCase(),
              cell.slice(1),
            ])
              expect(sealCellIs(text, seq, bytes)).toBe(
                text === formatSeal({ seq, hex: hexOf(bytes) }),
              );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("writes whole numbers as String(n) spells them, zero-padded to a width", () => {
    const buffer = new ByteBuffer();
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: 20 }), (n, width) => {
        buffer.reset();
        buffer.digits(n, width);
        buffer.byte(0x2c);
        buffer.digits(n);
        expect([...buffer.bytes()]).toEqual([
          ...utf8Bytes(`${String(n).padStart(width, "0")},${String(n)}`),
        ]);
      }),
    );
  });

  it("writes text as utf8Bytes does, and grows past its first size", () => {
    const buffer = new ByteBuffer();
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
        buffer.reset();
        for (const t of texts) buffer.text(t);
        // Each text is encoded on its own: a lone surrogate at the end of one and another at
        // the start of the next are two lone surrogates, not one pair.
        expect([...buffer.bytes()]).toEqual(texts.flatMap((t) => [...utf8Bytes(t)]));
      }),
    );
    const long = "ü".repeat(10_000) + "😀";
    buffer.reset();
    buffer.jsonString("s:", long);
    expect([...buffer.bytes()]).toEqual([...utf8Bytes(JSON.stringify("s:" + long))]);
    // Bytes of a length given out before the buffer grew are the grown buffer's, not the old one's.
    for (const t of ["before", "grown!"]) {
      if (t === "grown!") {
        buffer.reset();
        buffer.text("x".repeat(100_000));
        expect(buffer.bytes()).toHaveLength(100_000);
      }
      buffer.reset();
      buffer.text(t);
      expect(new TextDecoder().decode(buffer.bytes())).toBe(t);
    }
  });
});
