import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { utf8Bytes } from "@baton/core";
import { anyText } from "./support.ts";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("UTF-8 encoding without TextEncoder", () => {
  it("encodes one, two, three and four byte characters as the standard says", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["A", "41"],
      ["\u0000", "00"],
      ["\u007f", "7f"],
      ["\u0080", "c280"],
      ["é", "c3a9"],
      ["\u07ff", "dfbf"],
      ["\u0800", "e0a080"],
      ["€", "e282ac"],
      ["\uffff", "efbfbf"],
      ["😀", "f09f9880"], // U+1F600, a surrogate pair in JavaScript
      ["\u{10ffff}", "f48fbfbf"],
    ];
    for (const [text, bytes] of vectors)
      expect(hex(utf8Bytes(text)), JSON.stringify(text)).toBe(bytes);
  });

  it("turns a lone surrogate into U+FFFD, as TextEncoder does", () => {
    expect(hex(utf8Bytes("\ud800"))).toBe("efbfbd");
    expect(hex(utf8Bytes("a\udc00b"))).toBe("61efbfbd62");
    expect(hex(utf8Bytes("\ud83d"))).toBe("efbfbd"); // a high surrogate at the end
    expect(hex(utf8Bytes("\ude00\ud83d"))).toBe("efbfbdefbfbd"); // a pair in the wrong order
  });

  it("gives the same bytes as TextEncoder and Buffer for any string, lone surrogates included", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        anyText(200),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
          maxLength: 4,
        }),
        (text, surrogates) => {
          const s = text + surrogates + text;
          const ours = utf8Bytes(s);
          expect(hex(ours)).toBe(hex(encoder.encode(s)));
          expect(hex(ours)).toBe(Buffer.from(s, "utf8").toString("hex"));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
