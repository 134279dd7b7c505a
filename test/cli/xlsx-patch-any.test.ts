/**
 * The patcher on workbooks packaged in ways the usual writers do not: SpreadsheetML bound to
 * a prefix (`<x:worksheet>`, `<x:c>`), the workbook part somewhere other than
 * xl/workbook.xml (the package's relationships say where). And what it keeps true besides
 * the cells: a sheet's `<dimension>` when cells are written beyond it, docProps/app.xml's
 * sheet titles and count when a sheet is added. LibreOffice opens every result and reads the
 * same values back.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { WriteOp } from "@baton/core";
import { emptyPatch, patchOf, writePatched } from "../../cli/src/files/xlsx-patch.ts";
import { readWorkbook } from "../../cli/src/files/xlsx/read.ts";
import { libreOfficeWritten } from "../../bench/src/writers.ts";
import { handWorkbook } from "../support/xlsx-build.ts";
import { tempDir } from "../support/cli.ts";
import { toolIn } from "../support/tools.ts";

const dir = tempDir("baton-patch-any-");
let n = 0;
const fileOf = (bytes: Uint8Array, name: string) => {
  const file = join(dir, `${n++}-${name}.xlsx`);
  writeFileSync(file, bytes);
  return file;
};

async function partsOf(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("string"));
  return out;
}

const everything = () => true;

/** What LibreOffice reads from `file`, as Baton reads LibreOffice's own save of it. */
async function throughLibreOffice(file: string, soffice: string) {
  const saved = file.replace(/\.xlsx$/, "-lo.xlsx");
  libreOfficeWritten(file, saved, soffice);
  return readWorkbook(saved, everything);
}

const PLAN: WriteOp[] = [
  { op: "values", sheet: "Tracker", row: 2, column: 3, values: [["Red"]] },
  { op: "values", sheet: "Tracker", row: 4, column: 1, values: [[2, "Portal"]] },
  {
    op: "format",
    sheet: "Tracker",
    range: { row: 2, column: 3, rows: 1, columns: 1 },
    format: { fill: "#FFC7CE", bold: true },
  },
  { op: "freeze", sheet: "Tracker", rows: 1, columns: 0 },
  { op: "columnWidths", sheet: "Tracker", widths: [8, 30] },
  {
    op: "protect",
    sheet: "Tracker",
    editable: [{ row: 2, column: 1, rows: 1_048_575, columns: 3 }],
    description: "",
  },
  {
    op: "listValidation",
    sheet: "Tracker",
    range: { row: 2, column: 3, rows: 10, columns: 1 },
    values: ["Red", "Green"],
  },
  { op: "addSheet", sheet: "Summary" },
  { op: "values", sheet: "Summary", row: 1, column: 1, values: [["Summary", 3]] },
  { op: "setAnchor", value: "anchor-value" },
];

const TRACKER_AFTER = [["ID", "Name"], [1, "Routing", "Red"], [], [2, "Portal"]];

/** Element names in `xml` that carry no prefix (the XML declaration left out). */
const unprefixed = (xml: string) =>
  [...xml.matchAll(/<\/?([A-Za-z_][\w.-]*)(?=[\s/>])/g)].map((m) => m[1]);

describe("the patcher on any workbook", () => {
  it("writes a workbook whose SpreadsheetML is bound to a prefix in the same prefix", async (ctx) => {
    const x = (body: string) => body.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:");
    const source = fileOf(
      await handWorkbook({
        prefix: "x:",
        sharedStrings: ["<x:t>ID</x:t>", "<x:t>Name</x:t>"],
        sheets: [
          {
            name: "Tracker",
            body: x(
              `<dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Routing</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
            ),
          },
        ],
      }),
      "prefixed",
    );
    const out = join(dir, "prefixed-patched.xlsx");
    await writePatched(source, out, patchOf(PLAN, emptyPatch()));

    const parts = await partsOf(out);
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    expect(unprefixed(sheet)).toEqual([]);
    for (const element of ["sheetProtection", "dataValidations", "pane", "cols", "is"])
      expect(sheet).toContain(`<x:${element}`);
    expect(sheet).toContain(`<x:dimension ref="A1:C4"/>`);
    expect(unprefixed(parts.get("xl/workbook.xml")!)).toEqual([]);
    expect(parts.get("xl/workbook.xml")).toMatch(/<x:sheet name="Summary" sheetId="2"/);
    expect(parts.get("xl/styles.xml")).toMatch(/<fgColor rgb="FFFFC7CE"\/>/);

    const read = await readWorkbook(out, everything);
    expect(read.sheetNames).toEqual(["Tracker", "Summary"]);
    expect(read.grids.Tracker).toEqual(TRACKER_AFTER);
    expect(read.grids.Summary).toEqual([["Summary", 3]]);
    expect(read.anchor).toBe("anchor-value");

    const lo = await throughLibreOffice(out, toolIn(ctx, "soffice"));
    expect(lo.grids.Tracker).toEqual(TRACKER_AFTER);
    expect(lo.grids.Summary).toEqual([["Summary", 3]]);
  }, 240_000);

  it("finds the workbook part where the package's relationships put it", async (ctx) => {
    const usual = await JSZip.loadAsync(
      await handWorkbook({
        sharedStrings: ["<t>ID</t>", "<t>Name</t>"],
        sheets: [
          {
            name: "Tracker",
            body: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Routing</t></is></c></row></sheetData>`,
          },
        ],
      }),
    );
    // The same package with its workbook at book/main.xml: every part under xl/ moves to book/.
    const moved = new JSZip();
    for (const f of Object.values(usual.files)) {
      if (f.dir) continue;
      let name = f.name.replace(/^xl\//, "book/");
      if (name === "book/workbook.xml") name = "book/main.xml";
      if (name === "book/_rels/workbook.xml.rels") name = "book/_rels/main.xml.rels";
      let text = await f.async("string");
      if (name === "[Content_Types].xml")
        text = text.replaceAll("/xl/", "/book/").replace("/book/workbook.xml", "/book/main.xml");
      if (name === "_rels/.rels") text = text.replace("xl/workbook.xml", "book/main.xml");
      moved.file(name, text);
    }
    const source = fileOf(
      await moved.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
      "elsewhere",
    );
    const out = join(dir, "elsewhere-patched.xlsx");
    await writePatched(source, out, patchOf(PLAN, emptyPatch()));

    const parts = await partsOf(out);
    expect([...parts.keys()].filter((p) => p.startsWith("xl/"))).toEqual([]);
    expect(parts.get("book/_rels/main.xml.rels")).toMatch(/Target="worksheets\/sheet2.xml"/);
    expect(parts.get("[Content_Types].xml")).toContain(`PartName="/book/worksheets/sheet2.xml"`);
    expect(parts.has("book/worksheets/sheet3.xml")).toBe(true);

    const read = await readWorkbook(out, everything);
    expect(read.grids.Tracker).toEqual(TRACKER_AFTER);
    expect(read.grids.Summary).toEqual([["Summary", 3]]);
    expect(read.anchor).toBe("anchor-value");

    const lo = await throughLibreOffice(out, toolIn(ctx, "soffice"));
    expect(lo.grids.Tracker).toEqual(TRACKER_AFTER);
    expect(lo.grids.Summary).toEqual([["Summary", 3]]);
  }, 240_000);

  it("grows a sheet's dimension to take the cells written beyond it", async (ctx) => {
    const source = fileOf(
      await handWorkbook({
        sheets: [
          {
            name: "Tracker",
            body: `<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData>`,
          },
          { name: "Empty", body: `<dimension ref="A1"/><sheetData/>` },
        ],
      }),
      "dimension",
    );
    const out = join(dir, "dimension-patched.xlsx");
    const plan: WriteOp[] = [
      { op: "values", sheet: "Tracker", row: 7, column: 5, values: [["far"]] },
      { op: "values", sheet: "Tracker", row: 1, column: 2, values: [["near"]] },
      { op: "values", sheet: "Empty", row: 3, column: 2, values: [[5]] },
      { op: "addSheet", sheet: "New" },
      { op: "values", sheet: "New", row: 1, column: 1, values: [["a", "b"]] },
    ];
    await writePatched(source, out, patchOf(plan, emptyPatch()));
    const parts = await partsOf(out);
    const dimension = (part: string) => /<dimension ref="([^"]*)"/.exec(parts.get(part)!)?.[1];
    expect(dimension("xl/worksheets/sheet1.xml")).toBe("A1:E7");
    expect(dimension("xl/worksheets/sheet2.xml")).toBe("A1:B3");
    expect(dimension("xl/worksheets/sheet3.xml")).toBe("A1:B1");

    const lo = await throughLibreOffice(out, toolIn(ctx, "soffice"));
    expect(lo.grids.Tracker).toEqual([
      [1, "near"],
      [null, 2],
      [],
      [],
      [],
      [],
      [null, null, null, null, "far"],
    ]);
    expect(lo.grids.New).toEqual([["a", "b"]]);
  }, 240_000);

  it("adds a new sheet's title to docProps/app.xml and counts it", async (ctx) => {
    const withApp = async (label: string) => {
      const zip = await JSZip.loadAsync(
        await handWorkbook({
          sheets: [
            { name: "One", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` },
            { name: "Two & more", body: `<sheetData/>` },
          ],
        }),
      );
      zip.file(
        "docProps/app.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>${label}</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>One</vt:lpstr><vt:lpstr>Two &amp; more</vt:lpstr><vt:lpstr>One!Print_Area</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`,
      );
      const rels = await zip.file("_rels/.rels")!.async("string");
      zip.file(
        "_rels/.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdApp" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
        ),
      );
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file(
        "[Content_Types].xml",
        types.replace(
          "</Types>",
          `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
        ),
      );
      return fileOf(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "app");
    };
    const plan: WriteOp[] = [
      { op: "addSheet", sheet: "Board <Summary>" },
      { op: "values", sheet: "Board <Summary>", row: 1, column: 1, values: [["x"]] },
      { op: "setAnchor", value: "anchor" },
    ];
    // Excel names the pair in the user's language: the titles it counts identify it too.
    for (const label of ["Worksheets", "Arbeitsblätter"]) {
      const source = await withApp(label);
      const out = source.replace(/\.xlsx$/, "-patched.xlsx");
      await writePatched(source, out, patchOf(plan, emptyPatch()));
      const app = (await partsOf(out)).get("docProps/app.xml")!;
      expect(app).toContain(
        `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>${label}</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>`,
      );
      expect(app).toContain(
        `<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>One</vt:lpstr><vt:lpstr>Two &amp; more</vt:lpstr><vt:lpstr>Board &lt;Summary&gt;</vt:lpstr><vt:lpstr>_baton</vt:lpstr><vt:lpstr>One!Print_Area</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion>`,
      );
      // A second write that adds nothing leaves the properties as they are.
      const again = out.replace(/\.xlsx$/, "-again.xlsx");
      await writePatched(out, again, patchOf(plan, emptyPatch()));
      expect((await partsOf(again)).get("docProps/app.xml")).toBe(app);
      if (label === "Worksheets") {
        const lo = await throughLibreOffice(out, toolIn(ctx, "soffice"));
        expect(lo.sheetNames).toEqual(["One", "Two & more", "Board <Summary>"]);
      }
    }
  }, 240_000);
});
