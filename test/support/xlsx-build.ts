/**
 * Workbooks built by hand, part by part, for the cell forms and packaging the xlsx library
 * does not write: inline strings, `t="str"` cells, cells and rows without addresses, CDATA,
 * sheet parts under other names, absolute relationship targets, odd zips.
 */
import JSZip from "jszip";

export interface HandSheet {
  readonly name: string;
  /** What goes inside `<worksheet>`: `<sheetData>` and anything after it. */
  readonly body: string;
  /** The part's path in the zip; `xl/worksheets/sheetN.xml` when absent. */
  readonly part?: string;
}

export interface HandWorkbook {
  readonly sheets: readonly HandSheet[];
  /** Each `<si>`'s inner XML. */
  readonly sharedStrings?: readonly string[];
  /** `<numFmts>` and `<cellXfs>` inner XML, as `styles.xml` holds them. */
  readonly numFmts?: string;
  readonly cellXfs?: string;
  readonly date1904?: boolean;
  /** Relationship targets from the package root (`/xl/...`) rather than relative. */
  readonly absoluteTargets?: boolean;
  /** Prefix for every SpreadsheetML element (`x:`), as some writers bind the namespace. */
  readonly prefix?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const xmlAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function handWorkbook(wb: HandWorkbook): Promise<Uint8Array> {
  const zip = new JSZip();
  const p = wb.prefix ?? "";
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts = wb.sheets.map((s, i) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`);
  const target = (part: string) => (wb.absoluteTargets ? "/" + part : part.replace(/^xl\//, ""));
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${parts.map((part) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr${wb.date1904 ? ' date1904="1"' : ""}/><${p}sheets>${wb.sheets.map((s, i) => `<${p}sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join("")}</${p}sheets></${p}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.map((part, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="${target(part)}"/>`).join("")}<Relationship Id="rIdT" Type="${REL}/styles" Target="${target("xl/styles.xml")}"/><Relationship Id="rIdU" Type="${REL}/sharedStrings" Target="${target("xl/sharedStrings.xml")}"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${ns}>${wb.numFmts ? `<${p}numFmts>${wb.numFmts}</${p}numFmts>` : ""}<${p}fonts count="1"><${p}font/></${p}fonts><${p}fills count="1"><${p}fill/></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs>${wb.cellXfs ?? `<${p}xf numFmtId="0"/>`}</${p}cellXfs></${p}styleSheet>`,
  );
  const strings = wb.sharedStrings ?? [];
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${p}si>${s}</${p}si>`).join("")}</${p}sst>`,
  );
  wb.sheets.forEach((s, i) =>
    zip.file(
      parts[i]!,
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<${p}worksheet ${ns} xmlns:r="${REL}">${s.body}</${p}worksheet>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Text as XML character data, every markup character escaped. */
export const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
