/** Reading a CSV for migration: the delimiter, the encoding and the records as teams' exports have them. */
import { describe, expect, it } from "vitest";
import { csvGrid, decodeText, detectDelimiter } from "../../cli/src/files/migration-source.ts";

describe("the delimiter", () => {
  it.each([
    [",", "a,b,c\n1,2,3\n"],
    [";", "a;b;c\n1,5;2,5;3\n"],
    ["\t", "a\tb\tc\n1\t2\t3\n"],
    ["|", "a|b|c\n1|2|3\n"],
  ])("is %j when the records agree on it", (d, text) => {
    expect(detectDelimiter(text)).toBe(d);
  });
  it("is not fooled by commas inside quotes", () => {
    expect(detectDelimiter('a;b\n"x, y, z";2\n"p, q";3\n')).toBe(";");
  });
});

describe("the encoding", () => {
  it("reads UTF-8 with and without a BOM, and Windows-1252 from older exports", () => {
    const utf8 = new TextEncoder().encode("Fällig");
    expect(decodeText(utf8)).toBe("Fällig");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("Fällig");
    expect(decodeText(new Uint8Array([0x46, 0xe4, 0x6c, 0x6c, 0x69, 0x67]))).toBe("Fällig");
  });
});

describe("records", () => {
  it("are rows: CRLF, a quoted multi-line cell and blank lines keep the record numbers", () => {
    const grid = csvGrid('\ufeffID,Note\r\n1,"two\r\nlines"\r\n\r\n2,x\r\n');
    expect(grid).toEqual([["ID", "Note"], ["1", "two\r\nlines"], [null], ["2", "x"]]);
  });
});
