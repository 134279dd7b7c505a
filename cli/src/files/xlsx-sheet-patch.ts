/**
 * One worksheet part with a patch applied, as a stream of text. Rows pass through as the file
 * has them unless the patch changes them; the part's head (views, columns) and tail
 * (protection, validations) are edited in the schema's element order, and every other element
 * (merged cells, conditional formats, hyperlinks, drawings, extensions) stays where it was.
 */
import { LAST_ROW, type CellFormat, type PlanValue, type Rect } from "@baton/core";
import type { StylesPatch } from "./xlsx-styles.ts";
import {
  attr,
  children,
  colLetters,
  colOf,
  escapeXml,
  innerOf,
  nameOf,
  openTag,
  placeChild,
  localName,
  removeAttr,
  setAttr,
  WORKSHEET_ORDER,
} from "./xlsx-xml.ts";

/** What the plan does to one cell, after every operation on it. */
export interface CellPatch {
  /** The value written; absent when only the format changes. */
  value?: PlanValue;
  /** Cleared: the cell's own format is dropped before `format` applies. */
  cleared?: boolean;
  format?: CellFormat;
}

/** Everything a plan does to one sheet. Rows and columns are 1-based. */
export interface SheetPatch {
  /** Row → column → patch. */
  readonly cells: Map<number, Map<number, CellPatch>>;
  /** Cleared rectangles too large to list cell by cell: the file's cells in them are dropped. */
  readonly clears: Rect[];
  widths?: readonly number[];
  freeze?: { readonly rows: number; readonly columns: number };
  /** Sheet protection with every cell locked but these rectangles. */
  editable?: readonly Rect[];
  readonly validations: { readonly range: Rect; readonly values: readonly string[] }[];
}

export const emptySheetPatch = (): SheetPatch => ({
  cells: new Map(),
  clears: [],
  validations: [],
});

/** A bad input the patcher will not write over, with what to do about it. */
export class PatchRefused extends Error {
  override name = "PatchRefused";
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Text that fits in a cell: longer text ends with an ellipsis at Excel's limit. */
export const fitCellText = (s: string) =>
  s.length <= MAX_CELL_TEXT ? s : s.slice(0, MAX_CELL_TEXT - 1) + "…";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The part of a sheet that does not exist yet; the patch fills it like any other. */
export const EMPTY_SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  `<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

/**
 * Protection as Baton sets it, without a password: it stops accidental edits (the seals prove
 * the rest). Locked and unlocked cells can be selected; formatting columns and filtering stay
 * allowed, sorting does not (it would reorder sealed rows).
 */
const sheetProtection = (p: string) =>
  `<${p}sheetProtection sheet="1" formatColumns="0" autoFilter="0"/>`;

/** Width of a column the file gives none (Excel's default for its default font). */
const DEFAULT_WIDTH = "9.140625";

const inside = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

/** Where sheet protection puts locks: the rows whose blank cells must be locked, the open columns. */
class Locks {
  /** Rows above this carry a locked row style; at and below it, the open columns are unlocked. */
  readonly lockedRowsBelow: number;
  /** Columns unlocked by default, for rows a team adds later. */
  readonly openColumns = new Set<number>();

  constructor(readonly editable: readonly Rect[]) {
    let below = Infinity;
    for (const r of editable)
      if (r.row + r.rows - 1 >= LAST_ROW) {
        below = Math.min(below, r.row);
        for (let c = r.column; c < r.column + r.columns; c++) this.openColumns.add(c);
      }
    this.lockedRowsBelow = below;
  }

  locked(row: number, column: number): boolean {
    return !this.editable.some((r) => inside(r, row, column));
  }
}

/** One cell of the file: its column and its XML. */
type FileCell = readonly [number, string];

/**
 * The cells of a row's inner XML, with the column each one is at (cells without `r` follow the
 * one before). `p` is the part's SpreadsheetML prefix.
 */
function cellsOf(inner: string, p: string): FileCell[] {
  const out: FileCell[] = [];
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let col = 0;
  let at = 0;
  for (;;) {
    const start = inner.indexOf(open, at);
    if (start < 0) break;
    const next = inner.charCodeAt(start + open.length);
    // <c followed by a name character is another element (<col>, a prefixed name is not ours).
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = start + open.length;
      continue;
    }
    const tagEnd = inner.indexOf(">", start);
    const self = inner[tagEnd - 1] === "/";
    const end = self ? tagEnd + 1 : inner.indexOf(close, tagEnd) + close.length;
    const xml = inner.slice(start, end);
    const ref = attr(inner.slice(start, tagEnd + 1), "r");
    col = ref ? colOf(ref) : col + 1;
    out.push([col, xml]);
    at = end;
  }
  return out;
}

/**
 * Streams a worksheet part with the patch applied. `sheet` names it in errors.
 *
 * The part is edited as bytes held in a string, one character per byte (latin1), not as
 * decoded text: every tag and attribute the patcher reads or writes is ASCII, so the markup
 * reads the same either way, while the text of cells it passes through keeps its exact UTF-8
 * bytes with no decoding and encoding of the whole sheet, and no character can be cut
 * between two chunks. Text the patch writes goes in as its UTF-8 bytes (`asBytes`).
 */
export async function* patchSheet(
  chunks: AsyncIterable<Buffer | string>,
  patch: SheetPatch,
  styles: StylesPatch,
  sheet: string,
): AsyncGenerator<Buffer> {
  const w = new SheetWriter(patch, styles, sheet);
  for await (const chunk of chunks) {
    const out = w.feed(typeof chunk === "string" ? asBytes(chunk) : chunk.toString("latin1"));
    if (out) yield Buffer.from(out, "latin1");
  }
  const last = w.end("");
  if (last) yield Buffer.from(last, "latin1");
}

/** Text as its UTF-8 bytes, one character per byte, as the patcher holds a part. */
const asBytes = (text: string) =>
  /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, "utf8").toString("latin1");

class SheetWriter {
  private buffer = "";
  private state: "head" | "rows" | "tail" = "head";
  private readonly rowNumbers: number[];
  private nextPatched = 0;
  /** The last row number written. */
  private written = 0;
  private readonly locks: Locks | undefined;
  /** The prefix the part gives SpreadsheetML's elements ("x:" for `<x:worksheet>`), or "". */
  private p = "";

  constructor(
    private readonly patch: SheetPatch,
    private readonly styles: StylesPatch,
    private readonly sheet: string,
  ) {
    this.rowNumbers = [...patch.cells.keys()].sort((a, b) => a - b);
    this.locks = patch.editable ? new Locks(patch.editable) : undefined;
  }

  feed(text: string): string {
    this.buffer += text;
    let out = "";
    if (this.state === "head") {
      const root = /<([\w.-]+:)?worksheet[\s>]/.exec(this.buffer);
      if (!root) return "";
      const p = (this.p = root[1] ?? "");
      const m = new RegExp(`<${p}sheetData\\b[^>]*?(\\/?)>`).exec(this.buffer);
      if (!m) return "";
      out += this.head(this.buffer.slice(0, m.index));
      if (m[1] === "/") {
        out += `<${p}sheetData>${this.pending(Infinity)}</${p}sheetData>`;
        this.state = "tail";
      } else {
        out += `<${p}sheetData>`;
        this.state = "rows";
      }
      this.buffer = this.buffer.slice(m.index + m[0].length);
    }
    if (this.state === "rows") out += this.rows();
    return out;
  }

  end(text: string): string {
    this.buffer += text;
    let out = this.state === "rows" ? this.rows() : "";
    if (this.state !== "tail")
      throw new PatchRefused(`sheet "${this.sheet}": the file's worksheet part is cut short`);
    out += this.tail(this.buffer);
    this.buffer = "";
    return out;
  }

  /** Rows from the buffer, as far as whole rows go. */
  private rows(): string {
    const buffer = this.buffer;
    const p = this.p;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData>`;
    let out = "";
    let at = 0;
    // Searched once per buffer, not once per row: a search per row would read the rest of the
    // buffer again for every row, quadratic in the chunk.
    const end = buffer.indexOf(dataClose);
    for (;;) {
      const rowStart = buffer.indexOf(rowOpen, at);
      if (end >= 0 && (rowStart < 0 || end < rowStart)) {
        out += buffer.slice(at, end) + this.pending(Infinity) + dataClose;
        at = end + dataClose.length;
        this.state = "tail";
        break;
      }
      if (rowStart < 0) break;
      const tagEnd = buffer.indexOf(">", rowStart);
      if (tagEnd < 0) break;
      const selfClosed = buffer[tagEnd - 1] === "/";
      const rowEnd = selfClosed ? tagEnd + 1 : buffer.indexOf(rowClose, tagEnd);
      if (rowEnd < 0) break;
      const stop = selfClosed ? rowEnd : rowEnd + rowClose.length;
      const tag = buffer.slice(rowStart, tagEnd + 1);
      const given = attr(tag, "r");
      const r = given === undefined ? this.written + 1 : Number(given);
      if (!Number.isInteger(r) || r < 1 || r > LAST_ROW || r <= this.written)
        throw new PatchRefused(
          `sheet "${this.sheet}": row ${given ?? "after " + this.written} is out of order or not a row number; save the workbook again in Excel or LibreOffice and retry`,
        );
      out += buffer.slice(at, rowStart) + this.pending(r);
      out += this.row(buffer.slice(rowStart, stop), r, given === undefined);
      at = stop;
    }
    this.buffer = buffer.slice(at);
    return out;
  }

  /** Rows the file lacks that the patch (or locking) needs, up to but not including `upTo`. */
  private pending(upTo: number): string {
    let out = "";
    const rows = this.rowNumbers;
    // Locked rows the file lacks are added above the open rows only; without open rows to the
    // end of the sheet, blank cells follow the locked default and need no row.
    const below = this.locks?.lockedRowsBelow ?? 0;
    const lockTo = Number.isFinite(below) ? Math.min(upTo, below) : 0;
    while (true) {
      const nextPatched = this.nextPatched < rows.length ? rows[this.nextPatched]! : Infinity;
      // A locked row the file lacks: its blank cells must not follow an unlocked column.
      const nextLocked = this.written + 1 < lockTo ? this.written + 1 : Infinity;
      const r = Math.min(nextPatched, nextLocked);
      if (r >= upTo || r === Infinity) break;
      out += this.row(undefined, r, false);
    }
    return out;
  }

  /** One row as written: the file's (`xml`), or a new one, with the patch and locks applied. */
  private row(xml: string | undefined, r: number, numberless: boolean): string {
    this.written = r;
    const cells = this.rowNumbers[this.nextPatched] === r ? this.patch.cells.get(r) : undefined;
    if (cells) this.nextPatched++;
    const cleared = this.patch.clears.some((c) => r >= c.row && r < c.row + c.rows);
    if (xml !== undefined && !cells && !this.locks && !cleared)
      return numberless
        ? setAttr(openTag(xml), "r", String(r)) + xml.slice(openTag(xml).length)
        : xml;

    const p = this.p;
    let open = xml === undefined ? `<${p}row r="${r}">` : openTag(xml).replace(/\s*\/>$/, ">");
    // spans is a hint of the cells a row holds; new cells may fall outside it.
    open = removeAttr(setAttr(open, "r", String(r)), "spans");
    if (this.locks) open = this.rowLock(open, r);
    const existing = xml === undefined ? [] : cellsOf(innerOf(xml), p);
    const out: string[] = [];
    const cols = cells ? [...cells.keys()].sort((a, b) => a - b) : [];
    let i = 0;
    const add = (col: number, old: string | undefined) => {
      const c = this.cell(r, col, old, cells?.get(col));
      if (c) out.push(c);
    };
    for (const [col, old] of existing) {
      while (i < cols.length && cols[i]! < col) add(cols[i++]!, undefined);
      if (i < cols.length && cols[i] === col) add(cols[i++]!, old);
      else add(col, old);
    }
    while (i < cols.length) add(cols[i++]!, undefined);
    if (!out.length && open.includes("customFormat") === false && xml === undefined && !this.locks)
      return "";
    return out.length ? `${open}${out.join("")}</${p}row>` : open.replace(/>$/, "/>");
  }

  private rowLock(open: string, r: number): string {
    const locks = this.locks!;
    const style = Number(attr(open, "s") ?? 0);
    const custom = /\scustomFormat="(1|true)"/.test(open);
    if (r < locks.lockedRowsBelow)
      return setAttr(
        setAttr(open, "s", String(this.styles.withLock(style, true, true))),
        "customFormat",
        "1",
      );
    if (custom && this.styles.isLocked(style))
      return setAttr(open, "s", String(this.styles.withLock(style, false)));
    return open;
  }

  /** One cell as written, or "" for none: the file's cell (`old`) with the patch and its lock. */
  private cell(
    r: number,
    col: number,
    old: string | undefined,
    patch: CellPatch | undefined,
  ): string {
    const p = this.p;
    if (!patch && old !== undefined && this.patch.clears.some((c) => inside(c, r, col))) return "";
    if (!patch) return this.lock(old!, r, col);
    const ref = `${colLetters(col)}${r}`;
    const oldTag = old === undefined ? "" : openTag(old);
    if (old !== undefined && "value" in patch && new RegExp(`<${p}f\\b[^>]*\\s(ref)="`).test(old))
      throw new PatchRefused(
        `sheet "${this.sheet}", cell ${ref}: its formula is shared with other cells (or is an array formula), and Baton would overwrite it; move the formula out of that column, or enter it in each cell, and run again`,
      );
    const oldStyle = Number(attr(oldTag, "s") ?? 0);
    let style = this.styles.styleFor(patch.cleared ? 0 : oldStyle, patch.format);
    if (this.locks) style = this.styles.withLock(style, this.locks.locked(r, col));
    const s = style ? ` s="${style}"` : "";
    if (!("value" in patch)) {
      // Only the format changes: keep the content, swap the style.
      if (old === undefined) return `<${p}c r="${ref}"${s}/>`;
      const tag = setAttr(oldTag, "r", ref);
      return (
        (style ? setAttr(tag, "s", String(style)) : removeAttr(tag, "s")) + old.slice(oldTag.length)
      );
    }
    const v = patch.value;
    if (v === null || v === undefined) return style ? `<${p}c r="${ref}"${s}/>` : "";
    if (typeof v === "number")
      return Number.isFinite(v)
        ? `<${p}c r="${ref}"${s}><${p}v>${v}</${p}v></${p}c>`
        : `<${p}c r="${ref}"${s} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
    if (typeof v === "boolean")
      return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    // Text is always a string cell: text that starts with = stays text.
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${asBytes(escapeXml(fitCellText(v)))}</${p}t></${p}is></${p}c>`;
  }

  /** The file's cell with the lock protection asks for, its address written out. */
  private lock(old: string, r: number, col: number): string {
    const tag = openTag(old);
    let newTag = attr(tag, "r") === undefined ? setAttr(tag, "r", `${colLetters(col)}${r}`) : tag;
    if (this.locks) {
      const style = Number(attr(tag, "s") ?? 0);
      const want = this.styles.withLock(style, this.locks.locked(r, col));
      if (want !== style) newTag = setAttr(newTag, "s", String(want));
    }
    return newTag === tag ? old : newTag + old.slice(tag.length);
  }

  /** The part up to <sheetData>: views and columns as the patch sets them. */
  private head(head: string): string {
    const p = this.p;
    const m = new RegExp(`<${p}worksheet\\b(?:[^>"]|"[^"]*")*>`).exec(head);
    if (!m) throw new PatchRefused(`sheet "${this.sheet}": not a worksheet part`);
    const openEnd = m.index + m[0].length;
    let kids = children(head.slice(openEnd));
    const named = (name: string) => kids.find((k) => localName(nameOf(k), p) === name);
    const { freeze, widths } = this.patch;
    const dimension = named("dimension");
    if (dimension) {
      const ref = extended(attr(dimension, "ref"), this.patch);
      if (ref)
        kids = placeChild(kids, "dimension", setAttr(dimension, "ref", ref), WORKSHEET_ORDER, p);
    }
    if (freeze)
      kids = placeChild(
        kids,
        "sheetViews",
        views(named("sheetViews"), freeze, p),
        WORKSHEET_ORDER,
        p,
      );
    if (widths || this.locks) {
      const cols = this.cols(children(innerOf(named("cols") ?? "")));
      kids = placeChild(
        kids,
        "cols",
        cols.length ? `<${p}cols>${cols.join("")}</${p}cols>` : undefined,
        WORKSHEET_ORDER,
        p,
      );
    }
    return head.slice(0, openEnd) + kids.join("");
  }

  /** Column definitions with the patch's widths and the locks' column styles. */
  private cols(items: readonly string[]): string[] {
    const widths = this.patch.widths ?? [];
    const open = this.locks?.openColumns ?? new Set<number>();
    const touched = new Set<number>([...widths.keys()].map((i) => i + 1).concat([...open]));
    // Split the file's ranges so every touched column has its own <col>.
    const p = this.p;
    let ranges = items
      .filter((k) => localName(nameOf(k), p) === "col")
      .map((tag) => ({ min: Number(attr(tag, "min")), max: Number(attr(tag, "max")), tag }))
      .sort((a, b) => a.min - b.min);
    for (const c of [...touched].sort((a, b) => a - b)) {
      const at = ranges.findIndex((x) => x.min <= c && c <= x.max);
      if (at < 0) {
        ranges.push({
          min: c,
          max: c,
          tag: `<${p}col min="${c}" max="${c}" width="${DEFAULT_WIDTH}"/>`,
        });
        continue;
      }
      const x = ranges[at]!;
      const part = (min: number, max: number) => ({
        min,
        max,
        tag: setAttr(setAttr(x.tag, "min", String(min)), "max", String(max)),
      });
      const pieces = [];
      if (x.min < c) pieces.push(part(x.min, c - 1));
      pieces.push(part(c, c));
      if (c < x.max) pieces.push(part(c + 1, x.max));
      ranges.splice(at, 1, ...pieces);
    }
    ranges = ranges.sort((a, b) => a.min - b.min);
    return ranges.map(({ min, max, tag }) => {
      let t = tag;
      const w = min === max ? widths[min - 1] : undefined;
      if (w !== undefined) t = setAttr(setAttr(t, "width", String(w)), "customWidth", "1");
      if (this.locks) {
        const style = Number(attr(t, "style") ?? 0);
        const want = this.styles.withLock(style, !(min === max && open.has(min)));
        if (want !== style) t = setAttr(t, "style", String(want));
      }
      return t;
    });
  }

  /** The rest of the part after the rows: protection and validations in their places. */
  private tail(tail: string): string {
    const p = this.p;
    const close = tail.lastIndexOf(`</${p}worksheet>`);
    if (close < 0) throw new PatchRefused(`sheet "${this.sheet}": the worksheet part does not end`);
    if (!this.locks && !this.patch.validations.length) return tail;
    let kids = children(tail.slice(0, close));
    if (this.locks)
      kids = placeChild(kids, "sheetProtection", sheetProtection(p), WORKSHEET_ORDER, p);
    if (this.patch.validations.length) {
      const old = kids.find((k) => localName(nameOf(k), p) === "dataValidations");
      const items = [
        ...children(innerOf(old ?? "")),
        ...this.patch.validations.map((v) => validation(v, p)),
      ];
      kids = placeChild(
        kids,
        "dataValidations",
        `<${p}dataValidations count="${items.length}">${items.join("")}</${p}dataValidations>`,
        WORKSHEET_ORDER,
        p,
      );
    }
    return kids.join("") + tail.slice(close);
  }
}

function views(old: string | undefined, f: { rows: number; columns: number }, p: string): string {
  const first = old
    ? children(innerOf(old)).find((k) => localName(nameOf(k), p) === "sheetView")
    : undefined;
  const open = first
    ? openTag(first).replace(/\s*\/>$/, ">")
    : `<${p}sheetView workbookViewId="0">`;
  if (!(f.rows > 0 || f.columns > 0))
    return `<${p}sheetViews>${open}</${p}sheetView></${p}sheetViews>`;
  const pane = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""}`;
  return `<${p}sheetViews>${open}<${p}pane${split} topLeftCell="${colLetters(f.columns + 1)}${f.rows + 1}" activePane="${pane}" state="frozen"/><${p}selection pane="${pane}"/></${p}sheetView></${p}sheetViews>`;
}

/**
 * A `<dimension>` reference grown to take the cells the patch writes, or undefined when it
 * already does (or is not a reference). Readers size a sheet by it, so cells beyond it can be
 * left out.
 */
function extended(ref: string | undefined, patch: SheetPatch): string | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref ?? "");
  if (!m) return undefined;
  let top = Number(m[2]);
  let left = colOf(m[1]!);
  let bottom = m[4] ? Number(m[4]) : top;
  let right = m[3] ? colOf(m[3]) : left;
  // A dimension of A1 alone may mean an empty sheet or a sheet with one cell: A1 is kept
  // either way, as a range wider than the cells is harmless and a narrower one is not.
  const before = `${top},${left},${bottom},${right}`;
  for (const [r, cells] of patch.cells)
    for (const [c, cell] of cells) {
      if (cell.value === null && cell.cleared && !cell.format) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  if (`${top},${left},${bottom},${right}` === before) return undefined;
  const a = `${colLetters(left)}${top}`;
  const b = `${colLetters(right)}${bottom}`;
  return a === b ? a : `${a}:${b}`;
}

function validation(v: { range: Rect; values: readonly string[] }, p: string): string {
  const { row, column, rows, columns } = v.range;
  const last = Math.min(LAST_ROW, row + rows - 1);
  const sqref = `${colLetters(column)}${row}:${colLetters(column + columns - 1)}${last}`;
  const list = asBytes(escapeXml(`"${v.values.join(",")}"`));
  const error = asBytes(escapeXml(`Choose one of ${v.values.join(", ")}`));
  return `<${p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" error="${error}" sqref="${sqref}"><${p}formula1>${list}</${p}formula1></${p}dataValidation>`;
}
