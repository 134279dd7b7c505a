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
import { BATON_SHEET as STATE_SHEET, type CellValue, type Grid } from "@baton/core";
import { attribute, attributes, scanXml, type XmlHandler } from "./xml.ts";
import { UnreadableWorkbook, ZipFile, type ZipEntry } from "./zip.ts";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

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

export interface ReadProgress {
  /** Called now and then while a sheet is read, with the cells read so far in it. */
  (sheet: string, cells: number): void;
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

/** `_xHHHH_` escapes, which the full reader decodes in shared strings and rich text runs. */
const unescapeX = (s: string) =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

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

interface SheetContext {
  readonly strings: readonly (string | null)[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** A date cell's number as the full reader gives it: rounded to the millisecond, 1900 system. */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  return new Date(ms).getTime() / 86400000 + 25569;
}

/** An ISO 8601 date cell (`t="d"`) as a 1900-system serial, read as wall-clock time. */
function isoSerial(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(
    text.trim(),
  );
  if (!m) return NaN;
  const ms =
    Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0) +
    Math.round(+(m[6] ?? 0) * 1000);
  return ms / 86400000 + 25569;
}

/** Column number of the letters at the start of an A1 address (0 when it has none). */
function addressOf(ref: string): { row: number; column: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  const row = i < ref.length ? Number(ref.slice(i)) : 0;
  return { row: Number.isInteger(row) ? row : NaN, column: i === 0 ? 0 : column };
}

/** One worksheet's cells into a grid: row 1 first, holes as empty rows and nulls. */
async function sheetGrid(
  zip: ZipFile,
  entry: ZipEntry,
  sheet: string,
  ctx: SheetContext,
  progress?: ReadProgress,
): Promise<Grid> {
  const scanner = new SheetScanner(sheet, ctx, progress);
  await scanXml(zip.inflate(entry), scanner, entry.name);
  return scanner.finish();
}

/** Text goes to the value (`<v>`, `<t>` of an inline string), a run, or nowhere. */
const enum Into {
  Nothing,
  Value,
  Run,
}

export class SheetScanner implements XmlHandler {
  wantText = false;
  readonly rows: CellValue[][] = [];
  private readonly merges: string[] = [];
  private inData = false;
  private rowNumber = 0;
  private column = 0;
  private cellRow = 0;
  private cellType: string | undefined;
  private cellStyle = 0;
  private formula = false;
  private formulaText = false;
  private inInline = 0;
  private phonetic = 0;
  private into = Into.Nothing;
  private value: string | undefined;
  private run = "";
  private cells = 0;

  constructor(
    private readonly sheet: string,
    private readonly ctx: SheetContext,
    private readonly progress?: ReadProgress,
  ) {}

  private refuse(what: string): never {
    throw new UnreadableWorkbook(`is not a valid workbook: sheet "${this.sheet}" ${what}`);
  }

  open(name: string, tag: string): void {
    if (!this.inData) {
      if (name === "sheetData") this.inData = true;
      else if (name === "mergeCell") {
        const ref = attribute(tag, "ref", this.sheet);
        if (ref) this.merges.push(ref);
      }
      return;
    }
    switch (name) {
      case "c": {
        const ref = attribute(tag, "r", this.sheet);
        if (ref) {
          const at = addressOf(ref);
          if (!(at.column >= 1 && at.column <= MAX_COLUMNS) || !(at.row >= 1 && at.row <= MAX_ROWS))
            this.refuse(
              `has a cell at ${ref.slice(0, 20)}, outside Excel's grid (A1 to XFD1048576)`,
            );
          this.column = at.column;
          this.cellRow = at.row;
        } else {
          if (++this.column > MAX_COLUMNS)
            this.refuse(`has a cell past column XFD in row ${this.rowNumber}`);
          this.cellRow = this.rowNumber;
        }
        this.cellType = attribute(tag, "t", this.sheet);
        const s = attribute(tag, "s", this.sheet);
        this.cellStyle = s ? parseInt(s, 10) : 0;
        this.formula = false;
        this.formulaText = false;
        this.value = undefined;
        return;
      }
      case "v":
        this.into = Into.Value;
        this.wantText = true;
        return;
      case "f":
        // A formula whose text is shared from another cell says so by its `t`.
        if (attribute(tag, "t", this.sheet) !== undefined) this.formula = true;
        this.formulaText = true;
        this.wantText = true;
        return;
      case "row": {
        const r = attribute(tag, "r", this.sheet);
        const n = r === undefined ? this.rowNumber + 1 : Number(r);
        if (!(Number.isInteger(n) && n >= 1 && n <= MAX_ROWS))
          this.refuse(
            `has a row numbered ${String(r).slice(0, 20)}, outside Excel's rows 1 to 1,048,576`,
          );
        this.rowNumber = n;
        this.column = 0;
        return;
      }
      case "is":
        this.inInline++;
        return;
      case "rPh":
        this.phonetic++;
        this.wantText = false;
        return;
      case "r":
        if (this.inInline) this.into = Into.Run;
        return;
      case "t":
        if (this.inInline && !this.phonetic) {
          if (this.into !== Into.Run) this.into = Into.Value;
          this.run = "";
          this.wantText = true;
        }
        return;
    }
  }

  text(t: string): void {
    if (this.formulaText) {
      if (t) this.formula = true;
    } else if (this.into === Into.Run) this.run += t;
    else if (this.into === Into.Value) this.value = this.value === undefined ? t : this.value + t;
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case "c":
        this.endCell();
        return;
      case "v":
        this.into = Into.Nothing;
        this.wantText = false;
        return;
      case "f":
        this.formulaText = false;
        this.wantText = false;
        return;
      case "t":
        if (this.inInline && !this.phonetic) {
          if (this.into === Into.Run && this.run) {
            const run = unescapeX(this.run);
            this.value = this.value === undefined ? run : this.value + run;
          } else if (this.into === Into.Value) this.into = Into.Nothing;
          this.wantText = false;
        }
        return;
      case "r":
        if (this.inInline) this.into = Into.Nothing;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline--;
        return;
      case "sheetData":
        this.inData = false;
        return;
    }
  }

  private endCell(): void {
    this.wantText = false;
    this.into = Into.Nothing;
    const text = this.value;
    let v: CellValue;
    if (this.formula) {
      if (text === undefined) v = null;
      else v = this.typed(text);
    } else if (text !== undefined) {
      if (this.cellType === "s") {
        const i = parseInt(text, 10);
        if (!(i >= 0 && i < this.ctx.strings.length))
          this.refuse(
            `has a cell in row ${this.cellRow} that refers to shared string ${text.slice(0, 20)}, which the file does not hold`,
          );
        v = this.ctx.strings[i]!;
      } else if (this.cellType === "inlineStr") v = text;
      else v = this.typed(text);
    } else return;
    this.put(v);
  }

  /** A `<v>` by the cell's type: text, boolean, error, ISO date, or number (a date by its format). */
  private typed(text: string): CellValue {
    switch (this.cellType) {
      case "str":
      case "inlineStr":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return text;
      case "d":
        return isoSerial(text);
      default: {
        const n = parseFloat(text);
        return this.cellStyle && this.ctx.dateStyles[this.cellStyle]
          ? dateSerial(n, this.ctx.date1904)
          : n;
      }
    }
  }

  private put(v: CellValue): void {
    const rows = this.rows;
    const r = this.cellRow - 1;
    while (rows.length < r) rows.push([]);
    let row = rows[r];
    if (!row) rows[r] = row = [];
    const c = this.column - 1;
    while (row.length < c) row.push(null);
    row[c] = v;
    if ((++this.cells & 0xffff) === 0) this.progress?.(this.sheet, this.cells);
  }

  /** The grid, with merged areas blank but for their first cell. */
  finish(): Grid {
    return blankMerged(this.rows, this.merges);
  }
}

/**
 * Blanks every cell of each merged area but its first, as Office.js reads a merged area, and
 * trims the rows and the grid where that leaves only blanks at their end. Only cells the grid
 * holds are visited, so a merge over the whole sheet costs no more than the sheet.
 */
export function blankMerged(rows: CellValue[][], merges: readonly string[]): CellValue[][] {
  if (!merges.length) return rows;
  for (const ref of merges) {
    const [from, to = from] = ref.split(":");
    const a = addressOf(from!);
    const b = addressOf(to!);
    if (!(a.row >= 1 && a.column >= 1 && b.row >= a.row && b.column >= a.column)) continue;
    for (let r = a.row; r <= Math.min(b.row, rows.length); r++) {
      const row = rows[r - 1]!;
      const last = Math.min(b.column, row.length);
      let changed = false;
      for (let c = r === a.row ? a.column + 1 : a.column; c <= last; c++) {
        row[c - 1] = null;
        changed = true;
      }
      if (changed) while (row.length && row[row.length - 1] === null) row.length--;
    }
  }
  while (rows.length && !rows[rows.length - 1]!.length) rows.length--;
  return rows;
}
