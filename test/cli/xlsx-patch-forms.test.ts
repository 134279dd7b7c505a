/**
 * The patcher takes workbooks as Excel, LibreOffice and other writers make them: a sheet part
 * not named sheetN.xml behind an absolute target, rows and cells without addresses, a shared
 * formula, inline strings, an empty sheet, protection, merged cells, conditional formats,
 * validations, hyperlinks and extensions already in the sheet, and a styles part without
 * fonts or fills. New elements land in the schema's order, the rest stays as it was, the full
 * reader reads what was written, and LibreOffice opens it.
 */
import { convertWithLibreOffice, toolIn } from "../support/tools.ts";
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WriteOp } from "@baton/core";
import { emptyPatch, patchOf, writePatched } from "../../cli/src/files/xlsx-patch.ts";
import { nameOf, children, splitRoot, WORKSHEET_ORDER } from "../../cli/src/files/xlsx-xml.ts";
import { tempDir } from "../support/cli.ts";

const dir = tempDir("baton-forms-");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const TRACKER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:D5"/><sheetFormatPr defaultRowHeight="15"/><sheetData><row><c t="inlineStr"><is><t>ID</t></is></c><c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>Cost</t></is></c><c t="inlineStr"><is><t>Double</t></is></c></row><row><c><v>1</v></c><c t="inlineStr"><is><t>Routing</t></is></c><c><v>10</v></c><c r="D2"><f t="shared" ref="D2:D4" si="0">C2*2</f><v>20</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>Por</t></r><r><rPr><b/></rPr><t>tal</t></r></is></c><c r="C3"><v>30</v></c><c r="D3"><f t="shared" si="0"/><v>60</v></c></row><row r="4"><c r="A4"><v>3</v></c><c r="C4"><v>5</v></c><c r="D4"><f t="shared" si="0"/><v>10</v></c></row><row r="5" spans="1:4"><c r="A5" t="str"><f>"merged"</f><v>merged</v></c></row></sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells><conditionalFormatting sqref="C2:C4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>20</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="whole" sqref="C2:C4"><formula1>0</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="B2" r:id="rId1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings/></ext></extLst></worksheet>`;

const EMPTY = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData/></worksheet>`;

/** A workbook as a writer other than Baton might make it, by hand. */
async function handBuilt(): Promise<string> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/Blank%20sheet.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Tracker" sheetId="3" r:id="rIdA"/><sheet name="Blank" sheetId="7" r:id="rIdB"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rIdB" Type="${R}/worksheet" Target="worksheets/Blank%20sheet.xml"/><Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", TRACKER);
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/hyperlink" Target="https://tickets.example.com/42" TargetMode="External"/></Relationships>`,
  );
  zip.file("xl/worksheets/Blank sheet.xml", EMPTY);
  // No fonts, no fills, no cell formats: what a spreadsheet assumes stands for them.
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`,
  );
  const file = join(dir, "hand-built.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const PLAN: WriteOp[] = [
  { op: "values", sheet: "Tracker", row: 1, column: 5, values: [["Status"]] },
  { op: "values", sheet: "Tracker", row: 3, column: 5, values: [["Red"]] },
  {
    op: "format",
    sheet: "Tracker",
    range: { row: 3, column: 5, rows: 1, columns: 1 },
    format: { fill: "#FFC7CE", bold: true },
  },
  { op: "values", sheet: "Tracker", row: 3, column: 4, values: [["=not a formula"]] },
  { op: "clear", sheet: "Tracker", range: { row: 4, column: 3, rows: 1, columns: 1 } },
  { op: "freeze", sheet: "Tracker", rows: 1, columns: 0 },
  { op: "columnWidths", sheet: "Tracker", widths: [8, 30] },
  {
    op: "protect",
    sheet: "Tracker",
    editable: [{ row: 3, column: 1, rows: 1_048_574, columns: 5 }],
    description: "",
  },
  {
    op: "listValidation",
    sheet: "Tracker",
    range: { row: 2, column: 5, rows: 10, columns: 1 },
    values: ["Red", "Green"],
  },
  { op: "values", sheet: "Blank", row: 2, column: 2, values: [["filled"]] },
  { op: "addSheet", sheet: "Board Summary 2026-W48" },
  { op: "values", sheet: "Board Summary 2026-W48", row: 1, column: 1, values: [["Summary"]] },
  { op: "setAnchor", value: "anchor-value" },
];

async function partsOf(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("string"));
  return out;
}

describe("a workbook in the forms other writers give", () => {
  it("is patched: values where the file's own numbering puts them, elements in schema order, the rest kept", async (ctx) => {
    const source = await handBuilt();
    const out = join(dir, "patched.xlsx");
    await writePatched(source, out, patchOf(PLAN, emptyPatch()));

    const before = await partsOf(source);
    const after = await partsOf(out);
    for (const kept of ["_rels/.rels", "xl/worksheets/_rels/sheet1.xml.rels"])
      expect(after.get(kept)).toBe(before.get(kept));
    const sheet = after.get("xl/worksheets/sheet1.xml")!;
    const order = children(splitRoot(sheet, "worksheet")[1]).map(nameOf);
    const ranks = order.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const kept of ["mergeCells", "conditionalFormatting", "hyperlinks", "extLst", "sheetPr"])
      expect(order).toContain(kept);
    expect(sheet.match(/<sheetProtection\b/g)).toHaveLength(1);
    expect(sheet).toContain(`<f t="shared" ref="D2:D4" si="0">C2*2</f>`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tracker")!;
    expect(ws.getCell("B2").text).toBe("Routing");
    expect(ws.getCell("B3").text).toBe("Portal");
    expect(ws.getCell("E1").value).toBe("Status");
    expect(ws.getCell("E3").value).toBe("Red");
    expect(ws.getCell("D3").value).toBe("=not a formula");
    expect(ws.getCell("C4").value).toBeNull();
    expect(ws.getCell("C2").value).toBe(10);
    expect((ws.getCell("E3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(ws.getCell("E3").font?.bold).toBe(true);
    expect(ws.getCell("A2").protection?.locked).not.toBe(false);
    expect(ws.getCell("A3").protection?.locked).toBe(false);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // The full reader finds only sheetN.xml parts: the blank sheet is read from its part.
    expect(after.get("xl/worksheets/Blank sheet.xml")).toMatch(
      /<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">filled</,
    );
    expect(wb.getWorksheet("Board Summary 2026-W48")!.getCell("A1").value).toBe("Summary");
    expect(wb.getWorksheet("_baton")!.state).toBe("veryHidden");
    expect(wb.getWorksheet("_baton")!.getCell("B1").value).toBe("anchor-value");

    const soffice = toolIn(ctx, "soffice");
    const csv = convertWithLibreOffice(soffice, [out], "csv").path(out);
    expect(existsSync(csv)).toBe(true);
    expect(readFileSync(csv, "utf8").split("\n")[2]).toMatch(/^2,Portal,30,=not a formula,Red/);
  }, 240_000);

  it("a second patch over the first reuses the cell formats it added instead of adding them again", async () => {
    const source = await handBuilt();
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    await writePatched(source, once, patchOf(PLAN, emptyPatch()));
    await writePatched(once, twice, patchOf(PLAN, emptyPatch()));
    const xfs = async (f: string) =>
      (
        /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/
          .exec((await partsOf(f)).get("xl/styles.xml")!)![1]!
          .match(/<xf\b/g) ?? []
      ).length;
    expect(await xfs(twice)).toBe(await xfs(once));
  });
});
