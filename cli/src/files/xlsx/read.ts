/**
 * Reading a SpreadsheetML workbook's sheets as grids, straight from the zip: the package and
 * workbook relationships say where each part is, then only the workbook, shared strings,
 * styles and the sheets asked for are inflated, as streams, and each cell goes into its grid.
 * A command holds the grids and nothing else of the file.
 *
 * Every cell form Excel, LibreOffice, Google Sheets and the xlsx libraries write is read:
 * shared strings (rich text runs joined, phonetic runs left out), inline strings, formula
 * results of every type, booleans, errors, numbers, dates by number format in either date
 * system, cells and rows without an address, CDATA. The values are those of the full reader
 * (`plainValue` over exceljs' model): a date is its serial in the 1900 system rounded to the
 * millisecond, an error is its text. Merged cells read as Office.js reads them: the value in
 * the first cell, the others blank.
 */
import { BATON_SHEET as STATE_SHEET, type Grid } from "@baton/core";
import { SheetCells, unescapeX, type ReadProgress, type SheetContext } from "./sheet.ts";
import { attribute, attributes, scanXml, type XmlHandler } from "./xml.ts";
import { UnreadableWorkbook, ZipFile, type ZipEntry } from "./zip.ts";

export { MAX_COLUMNS, MAX_ROWS, type ReadProgress } from "./sheet.ts";

export interface ReadWorkbook {
  /** Worksheet names in workbook order, Baton's state sheet left out. */
  readonly sheetNames: string[];
  /** The sheets asked for that the workbook has. */
  readonly grids: Record<string, Grid>;
  /** The seal anchor kept in the state sheet (its B1), or null. */
  readonly anchor: string | null;
  /** The state sheet's cells (the anchor, and Baton's other state below it), or null without one. */
  readonly state: Grid | null;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const relType = (type: string) =>
  type.startsWith(REL)
    ? type.slice(REL.length)
    : type.startsWith(STRICT_REL)
      ? type.slice(STRICT_REL.length)
      : type;

/**
 * The sheets `wanted` picks, as grids, with every sheet's name and the anchor. Throws
 * `UnreadableWorkbook` with one sentence for anything that is not a readable workbook.
 */
export async function readWorkbook(
  source: string | Uint8Array,
  wanted: (name: string) => boolean,
  progress?: ReadProgress,
): Promise<ReadWorkbook> {
  const zip = ZipFile.open(source);
  try {
    return await readFrom(zip, wanted, progress);
  } finally {
    zip.close();
  }
}

async function readFrom(
  zip: ZipFile,
  wanted: (name: string) => boolean,
  progress?: ReadProgress,
): Promise<ReadWorkbook> {
  const root = await relationships(zip, "_rels/.rels", "");
  const bookPath =
    root.find((r) => relType(r.type) === "officeDocument")?.target ?? "xl/workbook.xml";
  const bookEntry = zip.entry(bookPath);
  if (!bookEntry) throw new UnreadableWorkbook(await whatZipIs(zip));
  const book = await workbookPart(zip, bookEntry);
  const dir = bookPath.slice(0, bookPath.lastIndexOf("/") + 1);
  const rels = await relationships(zip, `${dir}_rels/${bookPath.slice(dir.length)}.rels`, dir);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOf = (type: string, fallback: string) =>
    zip.entry(rels.find((r) => relType(r.type) === type)?.target ?? dir + fallback);
  const stringsEntry = partOf("sharedStrings", "sharedStrings.xml");
  const stylesEntry = partOf("styles", "styles.xml");
  const context: SheetContext = {
    strings: stringsEntry ? await sharedStrings(zip, stringsEntry) : [],
    dateStyles: stylesEntry ? await dateStyles(zip, stylesEntry) : [],
    date1904: book.date1904,
  };
  const sheetNames: string[] = [];
  const grids: Record<string, Grid> = {};
  let anchor: string | null = null;
  let state: Grid | null = null;
  for (const sheet of book.sheets) {
    const rel = byId.get(sheet.rid);
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (!rel || relType(rel.type) !== "worksheet") continue;
    const isState = sheet.name === STATE_SHEET;
    if (!isState) sheetNames.push(sheet.name);
    if (!isState && !wanted(sheet.name)) continue;
    const entry = zip.entry(rel.target);
    if (!entry)
      throw new UnreadableWorkbook(
        `is not a valid workbook: the part of sheet "${sheet.name}" (${rel.target}) is missing from the file`,
      );
    const grid = await sheetGrid(zip, entry, sheet.name, context, progress);
    if (isState) {
      const v = grid[0]?.[1];
      anchor = typeof v === "string" && v ? v : null;
      state = grid;
    } else grids[sheet.name] = grid;
  }
  return { sheetNames, grids, anchor, state };
}

/** What a zip without a workbook part is, for the one sentence the user sees. */
async function whatZipIs(zip: ZipFile): Promise<string> {
  const mimetype = zip.entry("mimetype");
  const type = mimetype && mimetype.size < 200 ? (await zip.text(mimetype)).trim() : "";
  if (type === "application/vnd.oasis.opendocument.spreadsheet")
    return "is an OpenDocument spreadsheet (.ods), not .xlsx; open it in LibreOffice or Excel and save it as .xlsx";
  if (type.startsWith("application/vnd.oasis.opendocument"))
    return `is an OpenDocument file (${type}), not an .xlsx workbook`;
  if (zip.entry("word/document.xml")) return "is a Word document, not an .xlsx workbook";
  if (zip.entry("ppt/presentation.xml"))
    return "is a PowerPoint presentation, not an .xlsx workbook";
  if (zip.entry("EncryptedPackage"))
    return "is an encrypted workbook; save a copy without a password and use that";
  return "is not a valid workbook: it is a zip file, but holds no workbook part (xl/workbook.xml)";
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part's path in the zip, resolved against the folder of the part that points to it. */
  readonly target: string;
}

async function relationships(zip: ZipFile, path: string, base: string): Promise<Relationship[]> {
  const entry = zip.entry(path);
  if (!entry) return [];
  const out: Relationship[] = [];
  await scanXml(
    zip.inflate(entry),
    {
      wantText: false,
      open(name, tag) {
        if (name !== "Relationship") return;
        const a = attributes(tag, path);
        if (a.get("TargetMode") === "External") return;
        out.push({
          id: a.get("Id") ?? "",
          type: a.get("Type") ?? "",
          target: resolvePart(base, a.get("Target") ?? ""),
        });
      },
      close() {},
      text() {},
    },
    path,
  );
  return out;
}

/** A relationship's target as a zip path: absolute from the package root, or relative to `base`. */
export function resolvePart(base: string, target: string): string {
  const path = target.trim().startsWith("/") ? target.trim().slice(1) : base + target.trim();
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

interface SheetRef {
  readonly name: string;
  readonly rid: string;
}

async function workbookPart(
  zip: ZipFile,
  entry: ZipEntry,
): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await scanXml(
    zip.inflate(entry),
    {
      wantText: false,
      open(name, tag) {
        if (name === "workbookPr") {
          const v = attribute(tag, "date1904", entry.name);
          date1904 = v === "1" || v === "true";
        } else if (name === "sheet") {
          const a = attributes(tag, entry.name);
          // The relationship id is `r:id` whatever prefix the file binds to its namespace.
          const rid = [...a].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
          sheets.push({ name: a.get("name") ?? "", rid });
        }
      },
      close() {},
      text() {},
    },
    entry.name,
  );
  return { sheets, date1904 };
}

/** The shared string table; an entry with no text at all is null, as the full reader gives it. */
async function sharedStrings(zip: ZipFile, entry: ZipEntry): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let inItem = false;
  let phonetic = 0;
  let parts: string[] = [];
  let sawText = false;
  let piece = "";
  const h: XmlHandler = {
    wantText: false,
    open(name) {
      if (name === "si") {
        inItem = true;
        parts = [];
        sawText = false;
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && !phonetic) {
        h.wantText = true;
        sawText = true;
        piece = "";
      }
    },
    close(name) {
      if (name === "t" && h.wantText) {
        h.wantText = false;
        parts.push(unescapeX(piece));
      } else if (name === "rPh") phonetic--;
      else if (name === "si") {
        inItem = false;
        out.push(sawText ? parts.join("") : null);
      }
    },
    text(t) {
      piece += t;
    },
  };
  await scanXml(zip.inflate(entry), h, entry.name);
  return out;
}

/** Which cell formats (`s` of a cell) show a date, by their number format. */
async function dateStyles(zip: ZipFile, entry: ZipEntry): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await scanXml(
    zip.inflate(entry),
    {
      wantText: false,
      open(name, tag) {
        if (name === "numFmt") {
          const id = Number(attribute(tag, "numFmtId", entry.name));
          custom.set(id, attribute(tag, "formatCode", entry.name) ?? "");
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs)
          xfFormats.push(Number(attribute(tag, "numFmtId", entry.name) ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
      text() {},
    },
    entry.name,
  );
  return xfFormats.map((id) => Boolean(id) && isDateFormat(custom.get(id) ?? BUILT_IN_FORMATS[id]));
}

/** The built-in number formats a date test can see (the full reader's table; 27-36 and 50-58 are locale-dependent and not in it). */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** A format shows a date or time when, outside quotes and brackets, it has a date or time letter. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** One worksheet's cells into a grid: row 1 first, holes as empty rows and nulls. */
function sheetGrid(
  zip: ZipFile,
  entry: ZipEntry,
  sheet: string,
  ctx: SheetContext,
  progress?: ReadProgress,
): Promise<Grid> {
  return new SheetCells(sheet, entry.name, ctx, progress).read(zip.inflate(entry));
}
