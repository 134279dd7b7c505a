import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { sha256Hex, sealOf, formatSeal, parseSeal, GENESIS_SEAL } from "@baton/core";
import { anyText } from "./support.ts";

const nodeSha256 = (text: string) =>
  createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

/** Text that is not a Seal cell Baton wrote; shared by the negative tests. */
export const JUNK_SEALS = [
  "",
  " ",
  "12",
  ":abc",
  "0:" + "a".repeat(64),
  "01:" + "a".repeat(64),
  "12:" + "a".repeat(63),
  "12:" + "a".repeat(65),
  "12:" + "A".repeat(64),
  "12:" + "g".repeat(64),
  " 12:" + "a".repeat(64),
  "12:" + "a".repeat(64) + " ",
  "-1:" + "a".repeat(64),
  "1e3:" + "a".repeat(64),
  "#REF!",
  "=1+1",
  "x".repeat(32000),
];

describe("a Seal cell read by hand", () => {
  const SEAL_TEXT = /^([1-9]\d{0,8}):([0-9a-f]{64})$/;
  const byPattern = (text: string) => {
    const m = SEAL_TEXT.exec(text);
    return m ? { seq: Number(m[1]), hex: m[2]! } : undefined;
  };
  const near = fc
    .tuple(
      fc.stringMatching(/^-?[0-9]{0,11}$/),
      fc.constantFrom(":", ";", ""),
      fc.stringMatching(/^[0-9a-fA-Fg]{62,66}$/),
      fc.constantFrom("", " ", "\n"),
    )
    .map((parts) => parts.join(""));

  it("reads what the pattern of a seal reads, and nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(near, anyText(80), fc.constantFrom(...JUNK_SEALS)), (text) => {
        expect(parseSeal(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000 },
    );
    expect(parseSeal("999999999:" + "f".repeat(64))).toEqual({
      seq: 999999999,
      hex: "f".repeat(64),
    });
  });
});

describe("SHA-256 in plain JavaScript", () => {
  it("matches the FIPS 180-4 known answers", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("agrees with node:crypto on any text, hashed as UTF-8", () => {
    fc.assert(
      fc.property(anyText(300), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a seal chains the previous seal, the row's number and its content", () => {
  it("is SHA-256 over 'baton-seal-v1', the number, the previous seal and the content, one per line", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.integer({ min: 1, max: 1e6 }),
        anyText(),
        (previous, seq, content) => {
          expect(sealOf(previous, seq, content)).toBe(
            nodeSha256(`baton-seal-v1\n${seq}\n${previous}\n${content}`),
          );
        },
      ),
      { numRuns: 500 },
    );
    expect(GENESIS_SEAL).toBe("0".repeat(64));
  });

  it("changes with any change of the previous seal, the number or the content", () => {
    const base = sealOf(GENESIS_SEAL, 1, '["s:2026-W47"]');
    expect(sealOf("1" + GENESIS_SEAL.slice(1), 1, '["s:2026-W47"]')).not.toBe(base);
    expect(sealOf(GENESIS_SEAL, 2, '["s:2026-W47"]')).not.toBe(base);
    expect(sealOf(GENESIS_SEAL, 1, '["s:2026-W48"]')).not.toBe(base);
  });
});

describe("the Seal cell holds the row's number and its seal", () => {
  it("reads back what it writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (seq, hex) => {
          expect(parseSeal(formatSeal({ seq, hex }))).toEqual({ seq, hex });
        },
      ),
    );
  });

  it("rejects anything else", () => {
    for (const junk of JUNK_SEALS) expect(parseSeal(junk), junk.slice(0, 80)).toBeUndefined();
  });
});
