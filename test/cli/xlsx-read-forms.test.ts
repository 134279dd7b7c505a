/**
 * Every cell form SpreadsheetML allows, built by hand (the xlsx library writes only some of
 * them), read by Baton's reader into the values the full reader gives: checked against what
 * each cell means, and against the full reader wherever that reads the form correctly.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { SheetCells } from "../../cli/src/files/xlsx/sheet.ts";
import { readXlsxStreaming } from "../../cli/src/files/xlsx-stream.ts";
import { handWorkbook, xmlText, type HandWorkbook } from "../support/xlsx-build.ts";

const all = () => true;
const read = async (wb: HandWorkbook) =>
  (await readXlsxStreaming(await handWorkbook(wb), all)).grids;
const full = async (bytes: Uint8Array) => {
  const host = await XlsxHost.fromBuffer(bytes);
  return host.readSheets(await host.sheetNames());
};
const colName = (c: number) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** One cell as a generator describes it: its form, and the value it must read as. */
type Form =
  | {
      kind: "shared" | "inline" | "str" | "formulaStr" | "richShared" | "richInline" | "cdata";
      text: string;
    }
  | { kind: "number" | "formulaNumber"; n: number }
  | { kind: "date"; n: number }
  | { kind: "bool"; b: boolean }
  | { kind: "error"; e: string };

// Text the XML can carry: no control characters but tab and newline, no lone surrogates, and
// no `_xHHHH_` (shared strings decode those).
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        "a",
        " ",
        "ä",
        "Ж",
        "€",
        "😀",
        "&",
        "<",
        ">",
        '"',
        "'",
        "\n",
        "\t",
        "]]",
        "_x",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
  })
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]|_x/g, "."));
const form: fc.Arbitrary<Form> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      "shared",
      "inline",
      "str",
      "formulaStr",
      "richShared",
      "richInline",
      "cdata",
    ),
    text: text.filter((t) => t.length > 0 && !t.includes("]]>")),
  }) as fc.Arbitrary<Form>,
  fc.record({
    kind: fc.constantFrom("number", "formulaNumber"),
    n: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0), // "-0" is written "0"
  }) as fc.Arbitrary<Form>,
  fc.record({
    kind: fc.constant("date"),
    n: fc.double({ min: 1, max: 2958465, noNaN: true }),
  }) as fc.Arbitrary<Form>,
  fc.record({ kind: fc.constant("bool"), b: fc.boolean() }) as fc.Arbitrary<Form>,
  fc.record({
    kind: fc.constant("error"),
    e: fc.constantFrom("#REF!", "#N/A", "#DIV/0!", "#VALUE!"),
  }) as fc.Arbitrary<Form>,
);

/** What the cell means. */
function expected(f: Form, date1904: boolean): CellValue {
  switch (f.kind) {
    case "number":
    case "formulaNumber":
      return f.n;
    case "date":
      return (
        new Date(Math.round((f.n - 25569 + (date1904 ? 1462 : 0)) * 86400000)).getTime() /
          86400000 +
        25569
      );
    case "bool":
      return f.b;
    case "error":
      return f.e;
    default:
      return f.text;
  }
}

/** The cell's XML; `shared` collects the string table. */
function cellXml(f: Form, ref: string, shared: string[]): string {
  const at = ref ? ` r="${ref}"` : "";
  const t = (s: string) => `<t xml:space="preserve">${xmlText(s)}</t>`;
  switch (f.kind) {
    case "shared":
      shared.push(t(f.text));
      return `<c${at} t="s"><v>${shared.length - 1}</v></c>`;
    case "richShared": {
      const chars = Array.from(f.text);
      const cut = Math.floor(chars.length / 2);
      shared.push(
        `<r><rPr><b/></rPr>${t(chars.slice(0, cut).join(""))}</r><r>${t(chars.slice(cut).join(""))}</r><rPh sb="0" eb="1"><t>ﾌﾘｶﾞﾅ</t></rPh>`,
      );
      return `<c${at} t="s"><v>${shared.length - 1}</v></c>`;
    }
    case "inline":
      return `<c${at} t="inlineStr"><is>${t(f.text)}</is></c>`;
    case "richInline":
      return `<c${at} t="inlineStr"><is><r><rPr><i/></rPr>${t(f.text)}</r></is></c>`;
    case "cdata":
      return `<c${at} t="inlineStr"><is><t><![CDATA[${f.text.replace(/\r/g, "")}]]></t></is></c>`;
    case "str":
      return `<c${at} t="str"><v>${xmlText(f.text)}</v></c>`;
    case "formulaStr":
      return `<c${at} t="str"><f>A1&amp;"x"</f><v>${xmlText(f.text)}</v></c>`;
    case "number":
      return `<c${at}><v>${f.n}</v></c>`;
    case "formulaNumber":
      return `<c${at} s="0"><f>1+1</f><v>${f.n}</v></c>`;
    case "date":
      return `<c${at} s="1"><v>${f.n}</v></c>`;
    case "bool":
      return `<c${at} t="b"><v>${f.b ? 1 : 0}</v></c>`;
    case "error":
      return `<c${at} t="e"><v>${f.e}</v></c>`;
  }
}

/** Forms the full reader itself misreads: CDATA (as blank), entity-like text in `t="str"` (decoded twice), newlines normalised differently. */
const fullReadsRight = (f: Form) =>
  f.kind !== "cdata" && !("text" in f && /[&<>\n\t]/.test(f.text));

/**
 * The two readers agree cell for cell, a date to the millisecond: the xlsx library turns a
 * 1904-system serial into a Date with its arithmetic in another order, which for a rare serial
 * lands one millisecond (about 1.2e-8 of a day) away.
 */
type Rows = readonly (readonly CellValue[])[];
function expectSameGrid(got: Rows | undefined, full: Rows | undefined): void {
  expect(got?.map((r) => r.length)).toEqual(full?.map((r) => r.length));
  got?.forEach((row, i) =>
    row.forEach((v, j) => {
      const w = full![i]![j];
      if (typeof v === "number" && typeof w === "number")
        expect(Math.abs(v - w), `row ${i + 1}, column ${j + 1}`).toBeLessThan(1.5 / 86400000);
      else expect(v).toEqual(w);
    }),
  );
}

describe("every cell form, by hand", () => {
  it("reads each form as what it means, with and without addresses, in either date system (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.option(form, { nil: null, freq: 4 }), { maxLength: 6 }), {
          maxLength: 8,
        }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (cells, addressed, date1904, prefixed) => {
          const shared: string[] = [];
          const rows = cells.map((row, r) => {
            // Without addresses, a blank is a cell left out: the next cell then moves left.
            const present = addressed ? row : row.filter((f) => f !== null);
            const xml = present
              .map((f, c) =>
                f === null ? "" : cellXml(f, addressed ? colName(c + 1) + (r + 1) : "", shared),
              )
              .join("");
            return { present, xml: `<row${addressed ? ` r="${r + 1}"` : ""}>${xml}</row>` };
          });
          const wb: HandWorkbook = {
            sheets: [
              {
                name: "Check-ins",
                body: `<sheetData>${rows.map((r) => r.xml).join("")}</sheetData>`,
              },
            ],
            sharedStrings: shared,
            cellXfs: '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>',
            date1904,
          };
          const want = rows.map((r) =>
            r.present.map((f) => (f === null ? null : expected(f, date1904))),
          );
          for (const row of want) while (row.length && row[row.length - 1] === null) row.length--;
          // A row without cells is no row; the grid ends at its last row with a value.
          while (want.length && !want[want.length - 1]!.length) want.pop();
          const bytes = await handWorkbook(prefixed ? { ...wb, prefix: "x:" } : wb);
          const got = (await readXlsxStreaming(bytes, all)).grids["Check-ins"];
          expect(got).toEqual(want);
          if (
            addressed &&
            !prefixed &&
            cells.every((r) => r.every((f) => f === null || fullReadsRight(f)))
          )
            expectSameGrid(got, (await full(bytes))["Check-ins"]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads the same cells whatever bytes the inflated part arrives in (property)", async () => {
    // The sheet reader works on bytes, carrying a cut-off tag, entity or character into the
    // next chunk; every cut must give the grid one chunk gives.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.option(form, { nil: null, freq: 3 }), { maxLength: 5 }), {
          maxLength: 5,
        }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (cells, cuts, size, prefixed) => {
          const shared: string[] = [];
          const strings: string[] = [];
          const rows = cells.map((row, r) => {
            const xml = row
              .map((f, c) => {
                if (f === null) return "";
                if (f.kind === "shared" || f.kind === "richShared") strings.push(f.text);
                return cellXml(f, colName(c + 1) + (r + 1), shared);
              })
              .join("");
            return `<row r="${r + 1}">${xml}</row>`;
          });
          const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows.join("")}</sheetData><mergeCells><mergeCell ref="Z1:Z2"/></mergeCells></worksheet>`;
          // Some writers bind SpreadsheetML to a prefix and name every element `<x:c>`.
          const bytes = Buffer.from(
            prefixed
              ? xml
                  .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
                  .map((piece, i) =>
                    i % 2 ? piece : piece.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:"),
                  )
                  .join("")
              : xml,
          );
          const ctx = { strings, dateStyles: [false, true], date1904: false };
          const readIn = (chunks: Buffer[]) => new SheetCells("S", "sheet.xml", ctx).read(chunks);
          const whole = await readIn([bytes]);
          const want = cells.map((row) => row.map((f) => (f === null ? null : expected(f, false))));
          for (const row of want) while (row.length && row[row.length - 1] === null) row.length--;
          while (want.length && !want[want.length - 1]!.length) want.pop();
          expect(whole).toEqual(want);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at, bytes.length]
            .slice(1)
            .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
          expect(await readIn(pieces)).toEqual(whole);
          const small: Buffer[] = [];
          for (let i = 0; i < bytes.length; i += size) small.push(bytes.subarray(i, i + size));
          expect(await readIn(small)).toEqual(whole);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("short texts come back exactly when one string is kept per text, past the texts its table holds", async () => {
    // Thousands of distinct short texts, each twice, so slots of the table clash and are reused.
    const texts = Array.from(
      { length: 9000 },
      (_, i) => `T${(i * 7919) % 100003}-${"x".repeat(i % 20)}`,
    );
    const cells = [...texts, ...texts.slice().reverse()];
    const xml = `<worksheet><sheetData>${cells.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><v>${t}</v></c></row>`).join("")}</sheetData></worksheet>`;
    const ctx = { strings: [], dateStyles: [], date1904: false };
    const grid = await new SheetCells("S", "sheet.xml", ctx).read([Buffer.from(xml)]);
    expect(grid.map((r) => r[0])).toEqual(cells);
  });

  it("plain decimals read from their digits are the numbers parseFloat reads (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.stringMatching(/^(0|[1-9][0-9]{0,14})$/),
            fc.stringMatching(/^[0-9]{0,15}$/),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        async (numbers) => {
          const texts = numbers.map(
            ([minus, whole, fraction]) =>
              `${minus ? "-" : ""}${whole}${fraction ? "." + fraction : ""}`,
          );
          const xml = `<worksheet><sheetData><row r="1">${texts.map((t, i) => `<c r="${colName(i + 1)}1"><v>${t}</v></c>`).join("")}</row></sheetData></worksheet>`;
          const ctx = { strings: [], dateStyles: [], date1904: false };
          const grid = await new SheetCells("S", "sheet.xml", ctx).read([Buffer.from(xml)]);
          expect(grid[0]).toEqual(texts.map((t) => parseFloat(t)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("CDATA, entities and character references are text (CDATA was read as blank)", async () => {
    const grids = await read({
      sheets: [
        {
          name: "S",
          body: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c><c r="B1" t="str"><v>&lt;&#228;&#x416;&amp;&quot;&apos;&gt;</v></c><c r="C1" t="inlineStr"><is><t>x<![CDATA[]]>y</t></is></c></row></sheetData>`,
        },
      ],
    });
    expect(grids.S).toEqual([["a <b> & c", "<äЖ&\"'>", "xy"]]);
  });

  it("merged areas, hyperlinks, comments' anchors, validations and extensions around the cells", async () => {
    const grids = await read({
      sheets: [
        {
          name: "S",
          body: `<sheetPr><tabColor rgb="FF0000"/></sheetPr><dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>left over</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>link</t></is></c></row><row r="3"><c r="C3" s="0"/></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A2"><formula1>"a,b"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="B2" r:id="rId9" tooltip="a > b"/></hyperlinks><legacyDrawing r:id="rId8"/><extLst><ext uri="{x}"><x14:sparklineGroups xmlns:x14="urn:x"><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f xmlns:xm="urn:y">S!A2</xm:f></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`,
        },
      ],
    });
    expect(grids.S).toEqual([["Title"], [1, "link"]]);
  });

  it("sheet parts under any name, with absolute targets", async () => {
    const bytes = await handWorkbook({
      absoluteTargets: true,
      sheets: [
        {
          name: "Initiatives",
          part: "xl/worksheets/initiatives.xml",
          body: `<sheetData><row><c t="inlineStr"><is><t>ID</t></is></c></row></sheetData>`,
        },
        {
          name: "R&D plan",
          part: "xl/other/Plan Sheet.xml",
          body: `<sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData>`,
        },
      ],
    });
    const read = await readXlsxStreaming(bytes, all);
    expect(read.sheetNames).toEqual(["Initiatives", "R&D plan"]);
    expect(read.grids).toEqual({ Initiatives: [["ID"]], "R&D plan": [[], [null, 2]] });
  });

  it("custom date formats, and number formats that only look like dates", async () => {
    const grids = await read({
      numFmts:
        '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00&quot; days&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.0"/>',
      cellXfs:
        '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/>',
      sheets: [
        {
          name: "S",
          body: `<sheetData><row r="1"><c r="A1" s="1"><v>46352.0000000001</v></c><c r="B1" s="2"><v>1.0000000001</v></c><c r="C1" s="3"><v>2.0000000001</v></c><c r="D1" s="4"><v>46352.5</v></c></row></sheetData>`,
        },
      ],
    });
    expect(grids.S).toEqual([[46352, 1.0000000001, 2.0000000001, 46352.5]]);
  });
});
