/**
 * Writing a plan into an .xlsx file without loading the workbook model: the file is copied
 * part by part, and only the parts the plan touches are rewritten, as streams. A sheet's XML
 * passes through unchanged except the rows that get new cells; styles.xml gains the fonts,
 * fills and cell formats the plan's colours need. Everything Baton does not touch (the team's
 * own sheets, charts, names, validations, column widths, protections) is carried over byte for
 * byte, where a read and write through the xlsx library's model keeps only what it models
 * (charts, for one, do not survive it).
 *
 * Patched: cell values, clears and formats (colour, bold, italic, wrap, number format) in any
 * sheet, and new sheets with their column widths and frozen rows (what `baton status --write`
 * and `baton summary --write` write). `patchOf` answers `undefined` for any other plan (sheet
 * protection, the seal anchor, widths or panes of an existing sheet), and the caller applies it
 * through the full model instead.
 */
import { replaceFile } from "./atomic.ts";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { CellFormat, PlanValue, WriteOp } from "@baton/core";

const require = createRequire(import.meta.url);

/** What the plan does to one cell, after every operation on it. */
export interface CellPatch {
  /** The value written; absent when only the format changes. */
  value?: PlanValue;
  /** Cleared: the cell's own format is dropped before `format` applies. */
  cleared?: boolean;
  format?: CellFormat;
}

/** The changed cells of one sheet: row → column → patch, all 1-based. */
export type SheetPatch = Map<number, Map<number, CellPatch>>;

/** A sheet the plan adds, at the end of the workbook. */
export interface NewSheet {
  readonly cells: SheetPatch;
  widths?: readonly number[];
  freeze?: { readonly rows: number; readonly columns: number };
}

/** Everything a plan does to a file, by sheet name. */
export interface FilePatch {
  readonly sheets: Map<string, SheetPatch>;
  readonly added: Map<string, NewSheet>;
}

export const emptyPatch = (): FilePatch => ({ sheets: new Map(), added: new Map() });

const PATCHABLE_FORMAT = new Set(["fill", "fontColor", "bold", "italic", "wrap", "numberFormat"]);

/**
 * Adds a plan's operations to a file patch (`existing` are the sheets the file has), or
 * answers undefined, leaving the patch as it was, when the plan does more than the patch holds.
 */
export function patchOf(
  ops: readonly WriteOp[],
  existing: ReadonlySet<string>,
  into: FilePatch = emptyPatch(),
): FilePatch | undefined {
  const adding = new Set(into.added.keys());
  for (const op of ops) {
    if (op.op === "addSheet") {
      if (!existing.has(op.sheet)) adding.add(op.sheet);
      continue;
    }
    if (!isPatchable(op, adding)) return undefined;
    if ("sheet" in op && !existing.has(op.sheet) && !adding.has(op.sheet)) return undefined;
  }
  for (const op of ops) {
    if (op.op === "addSheet") {
      if (!existing.has(op.sheet) && !into.added.has(op.sheet))
        into.added.set(op.sheet, { cells: new Map() });
      continue;
    }
    if (op.op === "setAnchor" || op.op === "protect" || op.op === "listValidation") continue;
    const added = into.added.get(op.sheet);
    if (op.op === "freeze") {
      added!.freeze = { rows: op.rows, columns: op.columns };
      continue;
    }
    if (op.op === "columnWidths") {
      added!.widths = op.widths;
      continue;
    }
    let sheet = added?.cells ?? into.sheets.get(op.sheet);
    if (!sheet) into.sheets.set(op.sheet, (sheet = new Map()));
    const cellAt = (row: number, column: number) => {
      let r = sheet.get(row);
      if (!r) sheet.set(row, (r = new Map()));
      let c = r.get(column);
      if (!c) r.set(column, (c = {}));
      return c;
    };
    if (op.op === "values") {
      op.values.forEach((values, i) =>
        values.forEach((v, j) => (cellAt(op.row + i, op.column + j).value = v)),
      );
      continue;
    }
    const { row, column, rows, columns } = op.range;
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++) {
        const cell = cellAt(r, c);
        if (op.op === "clear") {
          cell.value = null;
          cell.cleared = true;
          delete cell.format;
        } else cell.format = { ...cell.format, ...op.format };
      }
  }
  return into;
}

function isPatchable(op: WriteOp, adding: ReadonlySet<string>): boolean {
  switch (op.op) {
    case "values":
    case "clear":
      return true;
    case "format":
      return Object.keys(op.format).every((k) => PATCHABLE_FORMAT.has(k));
    case "freeze":
    case "columnWidths":
      return adding.has(op.sheet);
    default:
      return false;
  }
}

/** Marks a file whose parts the patcher does not recognise; the caller writes through the full model. */
export class CannotPatch extends Error {}

// ---------------------------------------------------------------------------------------------
// XML helpers: the parts are machine-written SpreadsheetML, scanned as text.

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

const removeAttr = (tag: string, name: string) => tag.replace(new RegExp(`\\s${name}="[^"]*"`), "");

const escapeXml = (s: string) =>
  s
    .replace(/[&<>"]/g, (c) =>
      c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
    )
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

/** The top-level child elements of a container element's inner XML. */
function children(inner: string): string[] {
  const out: string[] = [];
  const re = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  for (let m; (m = re.exec(inner));) {
    const [, close, , selfClose] = m;
    if (!close && depth === 0) start = m.index;
    if (close) depth--;
    else if (!selfClose) depth++;
    if (depth === 0) out.push(inner.slice(start, re.lastIndex));
  }
  return out;
}

function section(
  xml: string,
  name: string,
): { before: string; open: string; items: string[]; after: string } {
  const re = new RegExp(`<${name}(\\s[^>]*)?(/>|>([\\s\\S]*?)</${name}>)`);
  const m = re.exec(xml);
  if (!m) throw new CannotPatch(`styles.xml has no ${name}`);
  const selfClosed = m[2] === "/>";
  const open = `<${name}${m[1] ?? ""}>`;
  return {
    before: xml.slice(0, m.index),
    open,
    items: selfClosed ? [] : children(m[3] ?? ""),
    after: xml.slice(m.index + m[0].length),
  };
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/**
 * styles.xml with the cell formats the patch needs. `styleFor(s, format)` gives the index of
 * the cell format that is `s` with `format` applied on top (fill, font colour, bold, italic),
 * adding fonts, fills and formats as needed; the same pair always gives the same index.
 */
export class StylesPatch {
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly xfs: string[];
  private readonly numFmts: string[];
  private readonly added = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.fonts = section(xml, "fonts").items;
    this.fills = section(xml, "fills").items;
    this.xfs = section(xml, "cellXfs").items;
    this.numFmts = /<numFmts[\s>/]/.test(xml) ? section(xml, "numFmts").items : [];
    if (!this.xfs.length) throw new CannotPatch("styles.xml has no cell formats");
  }

  /** The id of a number format: a built-in one, one the file has, or one added. */
  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let max = 163;
    for (const f of this.numFmts) {
      const id = Number(attr(f, "numFmtId"));
      if (unescapeXml(attr(f, "formatCode") ?? "") === code) return id;
      max = Math.max(max, id);
    }
    this.numFmts.push(`<numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`);
    return max + 1;
  }

  styleFor(base: number, format: CellFormat | undefined): number {
    if (!format || !Object.keys(format).length) return base;
    const key = `${base}|${JSON.stringify(format, Object.keys(format).sort())}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xfXml = this.xfs[base] ?? this.xfs[0]!;
    const tagEnd = xfXml.indexOf(">") + 1;
    let tag = xfXml.slice(0, tagEnd);
    const rest = xfXml.slice(tagEnd);
    if (format.fill !== undefined) {
      this.fills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/></patternFill></fill>`,
      );
      tag = setAttr(setAttr(tag, "fillId", String(this.fills.length - 1)), "applyFill", "1");
    }
    if (
      format.fontColor !== undefined ||
      format.bold !== undefined ||
      format.italic !== undefined
    ) {
      const font = this.fonts[Number(attr(tag, "fontId") ?? 0)] ?? "<font/>";
      this.fonts.push(changedFont(font, format));
      tag = setAttr(setAttr(tag, "fontId", String(this.fonts.length - 1)), "applyFont", "1");
    }
    if (format.numberFormat !== undefined)
      tag = setAttr(
        setAttr(tag, "numFmtId", String(this.numFmtId(format.numberFormat))),
        "applyNumberFormat",
        "1",
      );
    let body = rest;
    if (format.wrap !== undefined) {
      tag = setAttr(tag, "applyAlignment", "1");
      body = withAlignment(tag, rest, format.wrap);
      if (tag.endsWith("/>") && body) tag = tag.replace(/\s*\/>$/, ">");
    }
    this.xfs.push(tag + body);
    const index = this.xfs.length - 1;
    this.added.set(key, index);
    return index;
  }

  toXml(): string {
    let xml = this.xml;
    if (this.numFmts.length) {
      const body = `<numFmts count="${this.numFmts.length}">${this.numFmts.join("")}</numFmts>`;
      xml = /<numFmts[\s>/]/.test(xml)
        ? xml.replace(/<numFmts\b[^>]*?(\/>|>[\s\S]*?<\/numFmts>)/, body)
        : xml.replace(/<fonts[\s>]/, (m) => body + m);
    }
    for (const [name, items] of [
      ["fonts", this.fonts],
      ["fills", this.fills],
      ["cellXfs", this.xfs],
    ] as const) {
      const s = section(xml, name);
      xml = `${s.before}${setAttr(s.open, "count", String(items.length))}${items.join("")}</${name}>${s.after}`;
    }
    return xml;
  }
}

/** Number formats every spreadsheet knows by id, so they need no entry in numFmts. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** An xf's children with its alignment's wrapText set (the xf's tag is `tag`, its children and close `rest`). */
function withAlignment(tag: string, rest: string, wrap: boolean): string {
  const inner = tag.endsWith("/>") ? "" : rest.slice(0, rest.lastIndexOf("</xf>"));
  let kids = children(inner);
  const old = kids.find((k) => /^<alignment[\s/>]/.test(k));
  const alignment = old
    ? setAttr(old.replace(/><\/alignment>$/, "/>"), "wrapText", wrap ? "1" : "0")
    : `<alignment wrapText="${wrap ? "1" : "0"}"/>`;
  kids = kids.filter((k) => k !== old);
  // alignment comes first among an xf's children.
  return `${alignment}${kids.join("")}</xf>`;
}

/** A font with the format's colour, bold and italic (the font's children may come in any order). */
function changedFont(font: string, f: CellFormat): string {
  const selfClosed = /^<font\b[^>]*\/>$/.test(font);
  const open = selfClosed ? font.replace(/\/>$/, ">") : font.slice(0, font.indexOf(">") + 1);
  let kids = selfClosed ? [] : children(font.slice(open.length, font.lastIndexOf("</font>")));
  const drop = (name: string) =>
    (kids = kids.filter((k) => !new RegExp(`^<${name}[\\s/>]`).test(k)));
  if (f.bold !== undefined) {
    drop("b");
    if (f.bold) kids.unshift("<b/>");
  }
  if (f.italic !== undefined) {
    drop("i");
    if (f.italic) kids.splice(f.bold ? 1 : 0, 0, "<i/>");
  }
  if (f.fontColor !== undefined) {
    drop("color");
    kids.push(`<color rgb="${argb(f.fontColor)}"/>`);
  }
  return `${open}${kids.join("")}</font>`;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const colLetters = (n: number) => {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function colOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** One cell's XML with the patch applied over the cell as it was (`existing`, or none). */
function cellXml(
  ref: string,
  existing: string | undefined,
  patch: CellPatch,
  styles: StylesPatch,
): string {
  // Other cells may share this cell's formula or array: leave such a sheet to the full model.
  if (existing && "value" in patch && /<f\b[^>]*\sref="/.test(existing))
    throw new CannotPatch("a shared formula's master cell");
  const oldStyle = existing
    ? Number(attr(existing.slice(0, existing.indexOf(">") + 1), "s") ?? 0)
    : 0;
  const style = styles.styleFor(patch.cleared ? 0 : oldStyle, patch.format);
  const s = style ? ` s="${style}"` : "";
  if (!("value" in patch)) {
    // Only the format changes: keep the content, swap the style.
    if (!existing) return `<c r="${ref}"${s}/>`;
    const tagEnd = existing.indexOf(">") + 1;
    const tag = existing.slice(0, tagEnd);
    const newTag = style ? setAttr(tag, "s", String(style)) : removeAttr(tag, "s");
    return newTag + existing.slice(tagEnd);
  }
  const v = patch.value;
  if (v === null || v === undefined) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number")
    return Number.isFinite(v)
      ? `<c r="${ref}"${s}><v>${v}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Text is always a string cell: text that starts with = stays text.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

/** A row element with the patch's cells merged in column order. */
function patchRow(
  rowXml: string | undefined,
  rowNumber: number,
  cells: Map<number, CellPatch>,
  styles: StylesPatch,
): string {
  let open = `<row r="${rowNumber}">`;
  const existing: [number, string][] = [];
  if (rowXml) {
    const selfClosed = /^<row\b[^>]*\/>$/.test(rowXml);
    const tagEnd = rowXml.indexOf(">") + 1;
    // spans is a hint of the cells a row holds; new cells may fall outside it.
    open = removeAttr(selfClosed ? rowXml.replace(/\/>$/, ">") : rowXml.slice(0, tagEnd), "spans");
    if (!selfClosed) {
      for (const c of children(rowXml.slice(tagEnd, rowXml.lastIndexOf("</row>")))) {
        const ref = attr(c.slice(0, c.indexOf(">") + 1), "r");
        if (!ref || !/^<c[\s>/]/.test(c)) throw new CannotPatch("a cell without an address");
        existing.push([colOf(ref), c]);
      }
    }
  }
  const out: string[] = [];
  const cols = [...cells.keys()].sort((a, b) => a - b);
  let i = 0;
  for (const [col, xml] of existing) {
    while (i < cols.length && cols[i]! < col)
      (out.push(
        cellXml(`${colLetters(cols[i]!)}${rowNumber}`, undefined, cells.get(cols[i]!)!, styles),
      ),
        i++);
    if (i < cols.length && cols[i] === col)
      (out.push(cellXml(`${colLetters(col)}${rowNumber}`, xml, cells.get(col)!, styles)), i++);
    else out.push(xml);
  }
  for (; i < cols.length; i++)
    out.push(
      cellXml(`${colLetters(cols[i]!)}${rowNumber}`, undefined, cells.get(cols[i]!)!, styles),
    );
  return `${open}${out.join("")}</row>`;
}

/**
 * A sheet's XML as a stream of text with the patch applied: rows pass through untouched
 * unless the patch changes them; rows the patch needs that the sheet lacks are inserted in order.
 */
export async function* patchSheet(
  chunks: AsyncIterable<Buffer | string>,
  patch: SheetPatch,
  styles: StylesPatch,
): AsyncGenerator<string> {
  const rows = [...patch.keys()].sort((a, b) => a - b);
  let next = 0;
  let buffer = "";
  let state: "head" | "rows" | "tail" = "head";
  const pending = (upTo: number) => {
    let out = "";
    while (next < rows.length && rows[next]! < upTo)
      ((out += patchRow(undefined, rows[next]!, patch.get(rows[next]!)!, styles)), next++);
    return out;
  };
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let out = "";
    if (state === "head") {
      const m = /<sheetData\s*(\/?)>/.exec(buffer);
      if (!m) {
        if (buffer.length > 1 << 20) throw new CannotPatch("no sheetData where expected");
        continue;
      }
      if (m[1] === "/") {
        out += buffer.slice(0, m.index) + "<sheetData>" + pending(Infinity) + "</sheetData>";
        buffer = buffer.slice(m.index + m[0].length);
        state = "tail";
      } else {
        out += buffer.slice(0, m.index + m[0].length);
        buffer = buffer.slice(m.index + m[0].length);
        state = "rows";
      }
    }
    if (state === "rows") {
      let at = 0;
      for (;;) {
        const rowStart = buffer.indexOf("<row", at);
        const end = buffer.indexOf("</sheetData>", at);
        if (end >= 0 && (rowStart < 0 || end < rowStart)) {
          out += buffer.slice(at, end) + pending(Infinity) + "</sheetData>";
          at = end + "</sheetData>".length;
          state = "tail";
          break;
        }
        if (rowStart < 0) break;
        const tagEnd = buffer.indexOf(">", rowStart);
        if (tagEnd < 0) break;
        const selfClosed = buffer[tagEnd - 1] === "/";
        const rowEnd = selfClosed ? tagEnd + 1 : buffer.indexOf("</row>", tagEnd);
        if (rowEnd < 0) break;
        const stop = selfClosed ? rowEnd : rowEnd + "</row>".length;
        const tag = buffer.slice(rowStart, tagEnd + 1);
        const r = Number(attr(tag, "r"));
        if (!Number.isInteger(r) || r < 1) throw new CannotPatch("a row without a number");
        out += buffer.slice(at, rowStart) + pending(r);
        const cells = patch.get(r);
        if (cells) {
          out += patchRow(buffer.slice(rowStart, stop), r, cells, styles);
          next++;
        } else out += buffer.slice(rowStart, stop);
        at = stop;
      }
      buffer = buffer.slice(at);
    }
    if (state === "tail") {
      out += buffer;
      buffer = "";
    }
    if (out) yield out;
  }
  if (state !== "tail") throw new CannotPatch("the sheet's rows did not end");
  if (buffer) yield buffer;
}

// ---------------------------------------------------------------------------------------------
// The file

interface ZipFile {
  path: string;
  type: string;
  stream(): NodeJS.ReadableStream;
}
const unzipper = require("unzipper") as {
  Open: { file(path: string): Promise<{ files: ZipFile[] }> };
};
const archiver = require("archiver") as (
  format: "zip",
  options: object,
) => {
  append(source: Readable | string, data: { name: string }): void;
  pipe(to: NodeJS.WritableStream): void;
  finalize(): Promise<void>;
  on(event: "error" | "warning", fn: (e: Error) => void): void;
};

const text = async (s: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const c of s as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts).toString("utf8");
};

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A new sheet's XML: its frozen panes, column widths and rows. */
function newSheetXml(sheet: NewSheet, styles: StylesPatch): string {
  const rows = [...sheet.cells.keys()]
    .sort((a, b) => a - b)
    .map((r) => patchRow(undefined, r, sheet.cells.get(r)!, styles));
  let views = `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const f = sheet.freeze;
  if (f && (f.rows > 0 || f.columns > 0)) {
    const pane =
      f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
    const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""}`;
    views = `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${colLetters(f.columns + 1)}${f.rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
  }
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** The workbook's parts that name a new sheet, with the sheets added at the end. */
async function addSheets(
  files: Map<string, ZipFile>,
  added: ReadonlyMap<string, NewSheet>,
): Promise<{ parts: Map<string, string>; sheetPart: Map<string, string> }> {
  const parts = new Map<string, string>();
  const sheetPart = new Map<string, string>();
  if (!added.size) return { parts, sheetPart };
  const book = await text(files.get("xl/workbook.xml")!.stream());
  const rels = await text(files.get("xl/_rels/workbook.xml.rels")!.stream());
  const typesFile = files.get("[Content_Types].xml");
  if (!typesFile) throw new CannotPatch("no content types");
  let types = await text(typesFile.stream());
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(book)?.[1];
  if (
    !prefix ||
    !/<\/sheets>/.test(book) ||
    !/<\/Relationships>/.test(rels) ||
    !/<\/Types>/.test(types)
  )
    throw new CannotPatch("workbook parts not as expected");
  let sheetId = Math.max(
    0,
    ...[...book.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1])),
  );
  let relId = Math.max(0, ...[...rels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1])));
  let partNo = Math.max(
    0,
    ...[...files.keys()].map((p) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p)?.[1] ?? 0)),
  );
  let sheets = "";
  let relations = "";
  for (const name of added.keys()) {
    const part = `xl/worksheets/sheet${++partNo}.xml`;
    sheetPart.set(name, part);
    sheets += `<sheet name="${escapeXml(name)}" sheetId="${++sheetId}" ${prefix}:id="rId${++relId}"/>`;
    relations += `<Relationship Id="rId${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${partNo}.xml"/>`;
    types = types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`,
    );
  }
  parts.set("xl/workbook.xml", book.replace("</sheets>", `${sheets}</sheets>`));
  parts.set(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", `${relations}</Relationships>`),
  );
  parts.set("[Content_Types].xml", types);
  return { parts, sheetPart };
}

/**
 * Writes `source` with the patch applied to `target` (which may be the same file): through
 * a temporary file beside it, renamed at the end, so a failure leaves the original intact.
 * Throws `CannotPatch` when a part is not as expected, before the target is touched.
 */
export async function writePatched(
  source: string,
  target: string,
  patch: FilePatch,
): Promise<void> {
  const zip = await unzipper.Open.file(source);
  const files = new Map(zip.files.filter((f) => f.type === "File").map((f) => [f.path, f]));
  const partsBySheet = await sheetParts(files);
  const patchedParts = new Map<string, SheetPatch>();
  for (const [sheet, cells] of patch.sheets) {
    const part = partsBySheet.get(sheet);
    if (!part) throw new CannotPatch(`no part for sheet ${sheet}`);
    patchedParts.set(part, cells);
  }
  const stylesFile = files.get("xl/styles.xml");
  if (!stylesFile) throw new CannotPatch("no styles.xml");
  const styles = new StylesPatch(await text(stylesFile.stream()));
  const { parts: replaced, sheetPart } = await addSheets(files, patch.added);

  await replaceFile(target, async (out) => {
    const archive = archiver("zip", { zlib: { level: 6 } });
    let failure: Error | undefined;
    archive.on("error", (e) => (failure = e));
    archive.pipe(out);
    // Styles are written last, once every sheet has asked for the formats it needs.
    for (const f of zip.files) {
      if (f.type !== "File" || f.path === "xl/styles.xml") continue;
      const whole = replaced.get(f.path);
      if (whole !== undefined) {
        archive.append(whole, { name: f.path });
        continue;
      }
      const cells = patchedParts.get(f.path);
      const body = cells
        ? Readable.from(patchSheet(f.stream() as AsyncIterable<Buffer>, cells, styles))
        : (f.stream() as Readable);
      archive.append(body, { name: f.path });
      // One part at a time, so a patched sheet has asked for its styles before styles.xml is made.
      await finished(body);
      if (failure) throw failure;
    }
    for (const [name, part] of sheetPart)
      archive.append(newSheetXml(patch.added.get(name)!, styles), { name: part });
    archive.append(styles.toXml(), { name: "xl/styles.xml" });
    await archive.finalize();
    await finished(out);
    if (failure) throw failure;
  });
}

/** Sheet name → its part, as the workbook and its relationships say. */
async function sheetParts(files: Map<string, ZipFile>): Promise<Map<string, string>> {
  const book = files.get("xl/workbook.xml");
  const rels = files.get("xl/_rels/workbook.xml.rels");
  if (!book || !rels) throw new CannotPatch("no workbook part");
  const relXml = await text(rels.stream());
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const t = attr(m[0], "Target");
    if (id && t) targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const out = new Map<string, string>();
  for (const m of (await text(book.stream())).matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const id = attr(m[0], "r:id");
    const part = id && targets.get(id);
    if (name && part) out.set(unescapeXml(name), part);
  }
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );
