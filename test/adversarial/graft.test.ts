/**
 * Every writing command keeps every part of the workbook it does not own, byte for byte: a
 * chart, a drawing with an image, a pivot cache, comments and a VBA project grafted into the
 * demo survive `status --write`, `summary --write` twice in one period, and two closes, on
 * .xlsx and .xlsm; the .xlsm keeps its macro-enabled content type. LibreOffice opens every
 * file written, and the full reader finds the styles, the locks and the anchor Baton wrote.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SHEET, STATUS_FILL, summarySheetName } from "@baton/core";
import { baton, tempDir } from "../support/cli.ts";
import { convertWithLibreOffice, toolIn } from "../support/tools.ts";

const dir = tempDir("baton-graft-");
const AS_OF = "2026-11-26";

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";

// A 1x1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
/** Bytes no XML tool would leave alone: a VBA project is opaque to Baton. */
const VBA = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));

/** The grafted parts, each with the bytes it must keep. */
const GRAFTED: Record<string, string | Buffer> = {
  "xl/charts/chart1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Objectives!$A$2:$A$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  "xl/drawings/drawing1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor><xdr:oneCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 2"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
  "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${R}/image" Target="../media/image1.png"/></Relationships>`,
  "xl/media/image1.png": PNG,
  "xl/comments1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Reviewer</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>Ask finance about this target.</t></r></text></comment></commentList></comments>`,
  "xl/drawings/vmlDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:fill color2="#ffffe1"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 0, 2, 4, 15, 3, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
  "xl/pivotCache/pivotCacheDefinition1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}" r:id="rId1" refreshOnLoad="0" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Objectives"/></cacheSource><cacheFields count="2"><cacheField name="ID" numFmtId="0"><sharedItems/></cacheField><cacheField name="Name" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  "xl/pivotCache/pivotCacheRecords1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><r><s v="OBJ-1"/><s v="x"/></r></pivotCacheRecords>`,
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
};

/** The demo workbook with every kind of part Baton does not own grafted in. */
async function grafted(kind: "xlsx" | "xlsm"): Promise<string> {
  const plain = join(dir, `demo-${kind}.xlsx`);
  const r = baton(["init", plain, "--demo", "--as-of", AS_OF, "--time-zone", "Europe/Berlin"]);
  expect(r.code, r.stderr).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(plain));
  const text = (p: string) => zip.file(p)!.async("string");
  for (const [path, bytes] of Object.entries(GRAFTED)) zip.file(path, bytes);
  if (kind === "xlsm") zip.file("xl/vbaProject.bin", VBA);

  const book = await text("xl/workbook.xml");
  const sheetRid = /<sheet [^>]*name="Objectives"[^>]*r:id="([^"]+)"/.exec(book)![1];
  let rels = await text("xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${sheetRid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const sheetPart = `xl/${target.replace(/^\/?xl\//, "")}`;
  const sheetRels = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  zip.file(
    sheetRels,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_R}"><Relationship Id="rIdG1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdG2" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rIdG3" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
  );
  GRAFTED[sheetRels] = (await zip.file(sheetRels)!.async("nodebuffer")).toString("utf8");
  const sheet = await text(sheetPart);
  zip.file(
    sheetPart,
    sheet.replace(
      "</worksheet>",
      `<drawing r:id="rIdG1"/><legacyDrawing r:id="rIdG3"/></worksheet>`,
    ),
  );
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rIdG9" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      (kind === "xlsm"
        ? `<Relationship Id="rIdG8" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`
        : "") +
      "</Relationships>",
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file(
    "xl/workbook.xml",
    book.replace(/(<calcPr[^>]*\/>|<\/workbook>)/, (m) =>
      m.startsWith("<calcPr")
        ? `${m}<pivotCaches><pivotCache cacheId="1" r:id="rIdG9"/></pivotCaches>`
        : `<pivotCaches><pivotCache cacheId="1" r:id="rIdG9"/></pivotCaches>${m}`,
    ),
  );
  const ct = "application/vnd.openxmlformats-officedocument";
  let types = (await text("[Content_Types].xml")).replace(
    "</Types>",
    `<Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="${ct}.vmlDrawing"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${ct}.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${ct}.drawing+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${ct}.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${ct}.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${ct}.spreadsheetml.pivotCacheRecords+xml"/>` +
      (kind === "xlsm"
        ? `<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>`
        : "") +
      "</Types>",
  );
  if (kind === "xlsm") types = types.replace(PLAIN_MAIN, MACRO_MAIN);
  expect(types).toContain(kind === "xlsm" ? MACRO_MAIN : PLAIN_MAIN);
  zip.file("[Content_Types].xml", types);
  const file = join(dir, `grafted.${kind}`);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files))
    if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** The commands, in the order a team runs them, and a copy of the file after each. */
const STEPS: readonly (readonly [string, readonly string[]])[] = [
  ["status", ["status", "--write", "--as-of", AS_OF]],
  ["summary", ["summary", "--write", "--as-of", AS_OF]],
  ["summary-again", ["summary", "--write", "--as-of", AS_OF]],
  ["close", ["close", "--period", "2026-W46"]],
  ["close-again", ["close", "--period", "2026-W47"]],
];

const written: string[] = [];
const originals = new Map<string, Map<string, Buffer>>();
const afterSteps = new Map<string, Map<string, Map<string, Buffer>>>();

beforeAll(async () => {
  for (const kind of ["xlsx", "xlsm"] as const) {
    const file = await grafted(kind);
    originals.set(kind, await partsOf(file));
    const steps = new Map<string, Map<string, Buffer>>();
    for (const [name, args] of STEPS) {
      const [command, ...rest] = args;
      const r = baton([command!, file, ...rest]);
      expect(r.code, `${name} on .${kind}: ${r.stderr}`).toBe(0);
      const copy = join(dir, `after-${name}.${kind}`);
      copyFileSync(file, copy);
      written.push(copy);
      steps.set(name, await partsOf(copy));
    }
    afterSteps.set(kind, steps);
  }
}, 600_000);

describe.each(["xlsx", "xlsm"] as const)("a grafted .%s through every writing command", (kind) => {
  it.each(STEPS.map(([name]) => name))(
    "keeps every part it does not own byte for byte after %s",
    (step) => {
      const before = originals.get(kind)!;
      const after = afterSteps.get(kind)!.get(step)!;
      const kept = [...Object.keys(GRAFTED), ...(kind === "xlsm" ? ["xl/vbaProject.bin"] : [])];
      for (const part of kept) {
        expect(after.has(part), `${part} after ${step}`).toBe(true);
        expect(after.get(part)!.equals(before.get(part)!), `${part} after ${step}`).toBe(true);
      }
      // Every part of the original is still there, and the parts Baton owns for this write are the only ones changed.
      for (const part of before.keys()) expect(after.has(part), `${part} after ${step}`).toBe(true);
      const types = after.get("[Content_Types].xml")!.toString("utf8");
      expect(types).toContain(kind === "xlsm" ? MACRO_MAIN : PLAIN_MAIN);
      expect(after.get("xl/workbook.xml")!.toString("utf8")).toContain(
        `<pivotCache cacheId="1" r:id="rIdG9"/>`,
      );
    },
  );

  it("a second summary in the same period replaces its sheet, adding none", () => {
    const sheets = (step: string) =>
      [
        ...afterSteps
          .get(kind)!
          .get(step)!
          .get("xl/workbook.xml")!
          .toString("utf8")
          .matchAll(/<sheet [^>]*name="([^"]+)"/g),
      ].map((m) => m[1]);
    expect(sheets("summary-again")).toEqual(sheets("summary"));
    expect(sheets("summary").filter((n) => n!.startsWith("Board Summary"))).toHaveLength(1);
  });
});

describe("the written files", () => {
  it("LibreOffice opens every one of them", (ctx) => {
    const soffice = toolIn(ctx, "soffice");
    const converted = convertWithLibreOffice(soffice, written, "csv", 400_000);
    for (const file of written) {
      const csv = converted.path(file);
      expect(existsSync(csv), `LibreOffice could not open ${file}`).toBe(true);
      expect(readFileSync(csv, "utf8")).toMatch(/^ID,/);
    }
  }, 420_000);

  it("read back by the full reader: statuses coloured, sealed rows locked and open rows not, the anchor kept", async () => {
    for (const kind of ["xlsx", "xlsm"]) {
      const file = written.find((f) => f.endsWith(`after-close-again.${kind}`))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const initiatives = wb.getWorksheet(SHEET.initiatives)!;
      const header = initiatives.getRow(1).values as unknown[];
      const statusCol = header.indexOf("Status");
      expect(statusCol).toBeGreaterThan(0);
      let coloured = 0;
      initiatives.eachRow((row, r) => {
        if (r === 1) return;
        const status = row.getCell(statusCol).value as keyof typeof STATUS_FILL;
        if (!STATUS_FILL[status]) return;
        const fill = row.getCell(statusCol).fill as ExcelJS.FillPattern;
        expect(fill.fgColor?.argb, `Initiatives row ${r}`).toBe(
          "FF" + STATUS_FILL[status].fill.slice(1),
        );
        coloured++;
      });
      expect(coloured).toBeGreaterThan(5);
      expect(wb.getWorksheet(summarySheetName("2026-W48"))).toBeDefined();

      const checkins = wb.getWorksheet(SHEET.checkins)!;
      expect(
        (checkins as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      ).toBe(true);
      const verified = baton(["verify", file, "--json"]);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      const sealedRows = JSON.parse(verified.stdout).sealedRows as number;
      expect(sealedRows).toBeGreaterThan(10);
      // The full reader gives a cell its own style's lock; blank cells follow the row's or the
      // column's style by the file format's rules, which test/cli/ledger.test.ts checks.
      let sealedSeen = 0;
      let openSeen = 0;
      checkins.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (c > 10) return;
          const sealed = r <= sealedRows + 1;
          expect(cell.protection?.locked !== false, `R${r}C${c}`).toBe(sealed);
          if (sealed) sealedSeen++;
          else openSeen++;
        }),
      );
      expect(sealedSeen).toBeGreaterThan(sealedRows * 5);
      expect(openSeen).toBeGreaterThan(10);
      const state = wb.getWorksheet("_baton")!;
      expect(state.state).toBe("veryHidden");
      expect(String(state.getCell("B1").value)).toMatch(/2026-W47/);
    }
  });
});
