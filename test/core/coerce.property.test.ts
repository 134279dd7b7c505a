/**
 * Reading a cell the quick way gives what the plain definitions give: an ID's digits checked
 * in place agree with the pattern, an enumeration matched exactly first agrees with matching
 * ignoring case and spacing, and a period read once per text agrees with reading it each time.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLUMNS, ID_PREFIX, hasPrefix, type CellValue } from "@baton/core";
import { coerceCell, type CoerceContext } from "../../core/src/workbook/coerce.ts";
import type { CellKind, Column } from "../../core/src/template/sheets.ts";

const PREFIXES = Object.values(ID_PREFIX);

/** The pattern an ID follows: its prefix, a dash, and digits. */
const idByPattern = (id: string, prefix: string) =>
  id.length > prefix.length + 1 &&
  id.startsWith(prefix) &&
  id.charCodeAt(prefix.length) === 45 &&
  /^\d+$/.test(id.slice(prefix.length + 1));

/** An enumeration's value as typed, ignoring case and surrounding space. */
function enumIgnoringCase(text: string, values: readonly string[]): string | undefined {
  const t = text.trim().toLowerCase();
  for (const v of values) if (v.toLowerCase() === t) return v;
  return undefined;
}

const ENUM_KINDS = Object.values(COLUMNS)
  .flatMap((columns) => (columns as readonly Column[]).map((c) => c.kind))
  .filter((k): k is Extract<CellKind, { type: "enum" }> => k.type === "enum");

const CTX: CoerceContext = { zone: "UTC", cadence: "Weekly" };

/** Text made of the pieces cells of that kind are made of, changed a little. */
const textFrom = (pieces: readonly string[]) =>
  fc
    .array(
      fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(" ", "\n", "-", "x", "٣", "/", ":")),
      {
        maxLength: 4,
      },
    )
    .chain((parts) =>
      fc
        .boolean()
        .map((upper) => (upper ? parts.join("").toUpperCase() : parts.join("").toLowerCase())),
    );

describe("reading cells the quick way", () => {
  it("tells an ID by its prefix as the pattern does", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .tuple(
              fc.constantFrom(...PREFIXES, "", "IN", "ini"),
              fc.constantFrom("-", "", "–"),
              fc.array(fc.constantFrom("0", "5", "9", "/", ":", "٣", " ", "a"), { maxLength: 4 }),
            )
            .map(([p, dash, rest]) => p + dash + rest.join("")),
          fc.string({ maxLength: 10 }),
        ),
        fc.constantFrom(...PREFIXES),
        (id, prefix) => {
          expect(hasPrefix(id, prefix)).toBe(idByPattern(id, prefix));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads an enumeration as matching ignoring case and spacing does", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...ENUM_KINDS)
          .chain((kind) =>
            fc.tuple(
              fc.constant(kind),
              fc.oneof(
                fc.constantFrom(...kind.values),
                textFrom(kind.values),
                fc.string({ maxLength: 8 }),
              ),
            ),
          ),
        ([kind, text]) => {
          const read = coerceCell(text, kind, CTX);
          const expected = enumIgnoringCase(text, kind.values);
          if (!text.trim()) expect(read).toEqual({ ok: true, value: null });
          else if (expected) expect(read).toEqual({ ok: true, value: expected });
          else expect(read.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads a period the same when each text is read once for many rows", () => {
    const period: CellKind = { type: "period" };
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            textFrom([
              "2026",
              "-W",
              "-",
              "W",
              "48",
              "53",
              "1",
              "11",
              "00",
            ]) as fc.Arbitrary<CellValue>,
            fc.constantFrom<CellValue>(46357, 46327, null, true),
          ),
          { maxLength: 20 },
        ),
        fc.constantFrom("Weekly" as const, "Monthly" as const),
        (cells, cadence) => {
          const shared: CoerceContext = { zone: "UTC", cadence, periods: new Map() };
          for (const cell of [...cells, ...cells])
            expect(coerceCell(cell, period, shared)).toEqual(
              coerceCell(cell, period, { zone: "UTC", cadence }),
            );
        },
      ),
      { numRuns: 500 },
    );
  });
});
