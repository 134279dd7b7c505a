/**
 * One worksheet part read into a grid straight from its inflated bytes.
 *
 * A sheet of check-ins is almost all of a workbook's XML, and nearly every byte of it is a
 * cell's tag or number. Decoding it all to text and cutting a string per tag cost three times
 * what inflating it does, so the sheet is read as bytes: tags are found by scanning for `<`, the
 * cell's address, type and style come from its attribute bytes, shared string indexes and
 * short numbers are read from their digits, and only text a cell shows becomes a string
 * (decoded as UTF-8 from its own bytes, so a character split between two chunks is whole by
 * the time its cell ends). Anything unusual (an entity in an attribute, a long number, an
 * address with odd characters) takes the general path over the decoded text, which gives the
 * same value the full reader gives.
 */
import type { CellValue, Grid } from "@baton/core";
import { attributeValue, decodeText } from "./xml.ts";
import { UnreadableWorkbook } from "./zip.ts";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** One token may not be longer than this: Excel's longest text is 32,767 characters. */
const MAX_TOKEN = 16 * 1024 * 1024;

export interface SheetContext {
  readonly strings: readonly (string | null)[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

export interface ReadProgress {
  /** Called now and then while a sheet is read, with the cells read so far in it. */
  (sheet: string, cells: number): void;
}

/** `_xHHHH_` escapes, which the full reader decodes in shared strings and rich text runs. */
export const unescapeX = (s: string) =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A date cell's number as the full reader gives it: rounded to the millisecond, 1900 system. */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  // What `new Date(ms).getTime()` gives, without a Date per cell: the time, or NaN past the
  // range a Date can hold.
  return (Math.abs(ms) <= 8.64e15 ? ms : NaN) / 86400000 + 25569;
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

/** Row and column of an A1 address (column 0 when it has no letters, row NaN when not a number). */
export function addressOf(ref: string): { row: number; column: number } {
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

/**
 * Blanks every cell of each merged area but its first, as Office.js reads a merged area, and
 * trims the rows and the grid where that leaves only blanks at their end. Only cells the grid
 * holds are visited, so a merge over the whole sheet costs no more than the sheet.
 */
function blankMerged(rows: CellValue[][], merges: readonly string[]): CellValue[][] {
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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const MINUS = 0x2d;
const DOT = 0x2e;

/**
 * Where byte `c` next is in `b` from `from` (before `to`), or -1. In a sheet the next `<`, `>`
 * or quote is a few bytes on; a loop there costs less than a call into Buffer's `indexOf`,
 * which was a tenth of reading a sheet.
 */
function next(b: Uint8Array, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === c) return i;
  return -1;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** The elements a sheet's cells are made of; every other element is `Other`. */
const enum El {
  Other,
  C,
  V,
  F,
  R,
  T,
  Is,
  Row,
  RPh,
  SheetData,
  MergeCell,
}

/** The element named by the bytes `from` to `to` (a tag's name), namespace prefix left out. */
function elementOf(b: Uint8Array, from: number, to: number): El {
  let end = from;
  while (end < to) {
    const c = b[end]!;
    if (isSpace(c) || c === SLASH || c === GT) break;
    end++;
  }
  let start = from;
  for (let i = end - 1; i > from; i--)
    if (b[i] === COLON) {
      start = i + 1;
      break;
    }
  switch (end - start) {
    case 1:
      switch (b[start]) {
        case 0x63 /* c */:
          return El.C;
        case 0x76 /* v */:
          return El.V;
        case 0x66 /* f */:
          return El.F;
        case 0x72 /* r */:
          return El.R;
        case 0x74 /* t */:
          return El.T;
      }
      return El.Other;
    case 2:
      return b[start] === 0x69 && b[start + 1] === 0x73 ? El.Is : El.Other;
    case 3:
      if (b[start] !== 0x72) return El.Other;
      if (b[start + 1] === 0x6f && b[start + 2] === 0x77) return El.Row;
      if (b[start + 1] === 0x50 && b[start + 2] === 0x68) return El.RPh;
      return El.Other;
    case 9:
      if (same(b, start, "sheetData")) return El.SheetData;
      if (same(b, start, "mergeCell")) return El.MergeCell;
      return El.Other;
  }
  return El.Other;
}

const same = (b: Uint8Array, at: number, ascii: string) => {
  for (let i = 0; i < ascii.length; i++) if (b[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

/** Text goes to the value (`<v>`, `<t>` of an inline string), a run, or nowhere. */
const enum Into {
  Nothing,
  Value,
  Run,
}

/** The cell types a `t` attribute names, as strings shared by every cell that has them. */
const CELL_TYPES = ["s", "str", "inlineStr", "b", "e", "d", "n"];

/** The attribute `nextAttribute` stepped over: its name and its value's raw bytes. */
let nameStart = 0;
let nameEnd = 0;
let valueStart = 0;
let valueEnd = 0;

/** Where a tag's attributes start: after `<` and the element's name. */
function afterName(b: Uint8Array, from: number, to: number): number {
  let i = from + 1;
  while (i < to && !isSpace(b[i]!) && b[i] !== SLASH) i++;
  return i;
}

/**
 * Steps over the attribute at `i` of a tag whose `>` is at `to`, setting `nameStart`..`nameEnd`
 * and `valueStart`..`valueEnd`; answers where the next one starts, or -1 when none is left.
 */
function nextAttribute(b: Uint8Array, i: number, to: number): number {
  while (i < to && isSpace(b[i]!)) i++;
  nameStart = i;
  while (i < to && b[i] !== EQUALS && !isSpace(b[i]!) && b[i] !== SLASH) i++;
  if (i >= to || b[i] === SLASH) return -1;
  nameEnd = i;
  while (i < to && isSpace(b[i]!)) i++;
  if (b[i] !== EQUALS) return -1;
  i++;
  while (i < to && isSpace(b[i]!)) i++;
  const quote = b[i];
  if (quote !== QUOTE && quote !== APOSTROPHE) return -1;
  const end = next(b, quote, i + 1, to + 1);
  if (end < 0 || end > to) return -1;
  valueStart = i + 1;
  valueEnd = end;
  return end + 1;
}

/**
 * Finds the attribute named `name` (as written, prefix and all) in the tag from `from` to its
 * `>` at `to`, and leaves `valueStart`/`valueEnd` on its value's raw bytes.
 */
function findAttribute(b: Uint8Array, from: number, to: number, name: string): boolean {
  for (let i = afterName(b, from, to); (i = nextAttribute(b, i, to)) >= 0;)
    if (nameEnd - nameStart === name.length && same(b, nameStart, name)) return true;
  return false;
}

/** An attribute's value found by `findAttribute`, decoded. */
function valueText(b: Buffer, sheet: string): string {
  const raw = b.toString("utf8", valueStart, valueEnd);
  return attributeValue(raw, sheet);
}

/** Digits only, as a non-negative integer of at most 15 digits; -1 for anything else. */
function digitsOf(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/**
 * A plain decimal (`-12`, `0.16`) of at most 15 digits, read from its digits; NaN when the
 * bytes are anything else (exponents, more digits), for `parseFloat` to read instead. With at
 * most 15 digits the digits are an exact integer and dividing by an exact power of ten rounds
 * once, so the result is the double `parseFloat` gives.
 */
function plainNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === MINUS;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let scale = 1;
  let dot = false;
  for (; i < to; i++) {
    const c = b[i]!;
    if (isDigit(c)) {
      if (++digits > 15) return NaN;
      n = n * 10 + (c - 0x30);
      if (dot) scale *= 10;
    } else if (c === DOT && !dot) dot = true;
    else return NaN;
  }
  if (!digits) return NaN;
  const v = dot ? n / scale : n;
  return negative ? -v : v;
}

/**
 * Reads one worksheet part, chunk by chunk, into a grid: row 1 first, holes as empty rows and
 * nulls. `part` names the part in errors about its XML, `sheet` the sheet in errors about cells.
 */
export class SheetCells {
  readonly rows: CellValue[][] = [];
  private readonly merges: string[] = [];
  private wantText = false;
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
  /** The value's text when it came in pieces or is not read from bytes. */
  private value: string | undefined;
  /** The value's bytes while it is one piece: `valueBytes` from `valueFrom` to `valueTo`. */
  private valueBytes: Buffer | undefined;
  private valueFrom = 0;
  private valueTo = 0;
  private run = "";
  private cells = 0;
  private readonly strings = new RepeatedText();

  constructor(
    private readonly sheet: string,
    private readonly part: string,
    private readonly ctx: SheetContext,
    private readonly progress?: ReadProgress,
  ) {}

  /** Feeds the part's chunks through; answers the grid once the part ends. */
  async read(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Grid> {
    let carry: Buffer | undefined;
    let first = true;
    for await (const chunk of chunks) {
      if (first && chunk.length >= 2 && isUtf16(chunk))
        throw new UnreadableWorkbook(
          `is not a valid workbook: its part ${this.part} is UTF-16 text, which Excel never writes`,
        );
      first = false;
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      const used = this.scan(buf, false);
      carry = used < buf.length ? buf.subarray(used) : undefined;
      if (carry && carry.length > MAX_TOKEN)
        throw new UnreadableWorkbook(
          `is not a valid workbook: its part ${this.part} holds a piece of text or a tag over ${MAX_TOKEN / (1024 * 1024)} MB long`,
        );
    }
    if (carry && this.scan(carry, true) < carry.length)
      throw new UnreadableWorkbook(
        `is not a valid workbook: its part ${this.part} ends in the middle of a tag (the file is damaged)`,
      );
    return blankMerged(this.rows, this.merges);
  }

  /** Tokens of `b` read; answers how far it got (a token cut off stays unread). */
  private scan(b: Buffer, final: boolean): number {
    const n = b.length;
    let i = 0;
    while (i < n) {
      const lt = next(b, LT, i, n);
      if (lt < 0) {
        // Text may end in a cut-off character or entity: keep it for the next chunk.
        if (!final) return i;
        if (this.wantText) this.text(b, i, n);
        return n;
      }
      if (lt > i && this.wantText) this.text(b, i, lt);
      if (lt + 1 >= n) return lt;
      const c = b[lt + 1];
      if (c === SLASH) {
        const gt = next(b, GT, lt, n);
        if (gt < 0) return lt;
        this.close(elementOf(b, lt + 2, gt));
        i = gt + 1;
      } else if (c === BANG) {
        if (lt + 9 > n && !final) return lt;
        if (same(b, lt, "<![CDATA[")) {
          const end = b.indexOf("]]>", lt + 9);
          if (end < 0) return lt;
          if (this.wantText)
            this.textString(b.toString("utf8", lt + 9, end).replace(/\r\n?/g, "\n"));
          i = end + 3;
        } else if (same(b, lt, "<!--")) {
          const end = b.indexOf("-->", lt + 4);
          if (end < 0) return lt;
          i = end + 3;
        } else
          throw new UnreadableWorkbook(
            `is not a valid workbook: its part ${this.part} declares a document type or entities, which no workbook does`,
          );
      } else if (c === QUESTION) {
        const end = b.indexOf("?>", lt + 2);
        if (end < 0) return lt;
        i = end + 2;
      } else {
        // A '>' inside a quoted attribute value does not end the tag.
        let gt = lt + 1;
        for (; gt < n; gt++) {
          const d = b[gt];
          if (d === GT) break;
          if (d === QUOTE || d === APOSTROPHE) {
            gt = next(b, d, gt + 1, n);
            if (gt < 0) return lt;
          }
        }
        if (gt >= n) return lt;
        const empty = b[gt - 1] === SLASH;
        const el = elementOf(b, lt + 1, empty ? gt - 1 : gt);
        this.open(el, b, lt, gt);
        if (empty) this.close(el);
        i = gt + 1;
      }
    }
    return n;
  }

  private refuse(what: string): never {
    throw new UnreadableWorkbook(`is not a valid workbook: sheet "${this.sheet}" ${what}`);
  }

  private open(el: El, b: Buffer, from: number, to: number): void {
    if (!this.inData) {
      if (el === El.SheetData) this.inData = true;
      else if (el === El.MergeCell && findAttribute(b, from, to, "ref")) {
        const ref = valueText(b, this.sheet);
        if (ref) this.merges.push(ref);
      }
      return;
    }
    switch (el) {
      case El.C:
        this.openCell(b, from, to);
        return;
      case El.V:
        this.into = Into.Value;
        this.wantText = true;
        return;
      case El.F:
        // A formula whose text is shared from another cell says so by its `t`.
        if (findAttribute(b, from, to, "t")) this.formula = true;
        this.formulaText = true;
        this.wantText = true;
        return;
      case El.Row:
        this.openRow(b, from, to);
        return;
      case El.Is:
        this.inInline++;
        return;
      case El.RPh:
        this.phonetic++;
        this.wantText = false;
        return;
      case El.R:
        if (this.inInline) this.into = Into.Run;
        return;
      case El.T:
        if (this.inInline && !this.phonetic) {
          if (this.into !== Into.Run) this.into = Into.Value;
          this.run = "";
          this.wantText = true;
        }
        return;
    }
  }

  private openRow(b: Buffer, from: number, to: number): void {
    let n: number;
    let given: string | undefined;
    if (!findAttribute(b, from, to, "r")) n = this.rowNumber + 1;
    else {
      n = digitsOf(b, valueStart, valueEnd);
      if (n < 0) n = Number((given = valueText(b, this.sheet)));
    }
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_ROWS))
      this.refuse(
        `has a row numbered ${String(given ?? n).slice(0, 20)}, outside Excel's rows 1 to 1,048,576`,
      );
    this.rowNumber = n;
    this.column = 0;
  }

  private openCell(b: Buffer, from: number, to: number): void {
    // One pass over the tag for its r, t and s: a cell's tag is read once, not once per attribute.
    let ref = -1;
    let refEnd = 0;
    let type = -1;
    let typeEnd = 0;
    let style = -1;
    let styleEnd = 0;
    for (let i = afterName(b, from, to); (i = nextAttribute(b, i, to)) >= 0;) {
      if (nameEnd - nameStart !== 1) continue;
      const name = b[nameStart];
      if (name === 0x72 /* r */) {
        ref = valueStart;
        refEnd = valueEnd;
      } else if (name === 0x74 /* t */) {
        type = valueStart;
        typeEnd = valueEnd;
      } else if (name === 0x73 /* s */) {
        style = valueStart;
        styleEnd = valueEnd;
      }
    }
    if (ref >= 0) {
      valueStart = ref;
      valueEnd = refEnd;
      const at = this.address(b);
      if (!(at.column >= 1 && at.column <= MAX_COLUMNS) || !(at.row >= 1 && at.row <= MAX_ROWS))
        this.refuse(
          `has a cell at ${b.toString("utf8", ref, refEnd).slice(0, 20)}, outside Excel's grid (A1 to XFD1048576)`,
        );
      this.column = at.column;
      this.cellRow = at.row;
    } else {
      if (++this.column > MAX_COLUMNS)
        this.refuse(`has a cell past column XFD in row ${this.rowNumber}`);
      this.cellRow = this.rowNumber;
    }
    if (type >= 0) {
      valueStart = type;
      valueEnd = typeEnd;
      this.cellType = this.typeName(b);
    } else this.cellType = undefined;
    if (style >= 0) {
      const s = digitsOf(b, style, styleEnd);
      valueStart = style;
      valueEnd = styleEnd;
      this.cellStyle = s >= 0 ? s : parseInt(valueText(b, this.sheet), 10) || 0;
    } else this.cellStyle = 0;
    this.formula = false;
    this.formulaText = false;
    this.value = undefined;
    this.valueBytes = undefined;
  }

  /** The cell address at `valueStart`..`valueEnd`: letters then digits, read from the bytes. */
  private address(b: Buffer): { row: number; column: number } {
    let column = 0;
    let i = valueStart;
    for (; i < valueEnd; i++) {
      const c = b[i]! | 32;
      if (c < 97 || c > 122) break;
      column = column * 26 + (c - 96);
    }
    const row = digitsOf(b, i, valueEnd);
    if (i > valueStart && row > 0) return { row, column };
    return addressOf(valueText(b, this.sheet));
  }

  /** The `t` at `valueStart`..`valueEnd`, one of the strings of CELL_TYPES when it is one. */
  private typeName(b: Buffer): string {
    const length = valueEnd - valueStart;
    for (const t of CELL_TYPES) if (t.length === length && same(b, valueStart, t)) return t;
    return valueText(b, this.sheet);
  }

  private text(b: Buffer, from: number, to: number): void {
    if (this.formulaText) {
      this.formula = true;
      return;
    }
    if (this.into === Into.Value && this.value === undefined && this.valueBytes === undefined) {
      // One piece, as nearly every value is: kept as bytes until the cell ends.
      this.valueBytes = b;
      this.valueFrom = from;
      this.valueTo = to;
      return;
    }
    if (this.into !== Into.Nothing) this.textString(this.decoded(b, from, to));
  }

  private decoded(b: Buffer, from: number, to: number): string {
    return decodeText(b.toString("utf8", from, to), this.part);
  }

  private textString(t: string): void {
    if (this.formulaText) {
      if (t) this.formula = true;
    } else if (this.into === Into.Run) this.run += t;
    else if (this.into === Into.Value) this.appendValue(t);
  }

  /** Text joined to the value, the piece kept as bytes decoded first. */
  private appendValue(t: string): void {
    if (this.valueBytes) {
      this.value = this.decoded(this.valueBytes, this.valueFrom, this.valueTo);
      this.valueBytes = undefined;
    }
    this.value = this.value === undefined ? t : this.value + t;
  }

  private close(el: El): void {
    if (!this.inData) return;
    switch (el) {
      case El.C:
        this.endCell();
        return;
      case El.V:
        this.into = Into.Nothing;
        this.wantText = false;
        return;
      case El.F:
        this.formulaText = false;
        this.wantText = false;
        return;
      case El.T:
        if (this.inInline && !this.phonetic) {
          if (this.into === Into.Run && this.run) this.appendValue(unescapeX(this.run));
          else if (this.into === Into.Value) this.into = Into.Nothing;
          this.wantText = false;
        }
        return;
      case El.R:
        if (this.inInline) this.into = Into.Nothing;
        return;
      case El.RPh:
        this.phonetic--;
        return;
      case El.Is:
        this.inInline--;
        return;
      case El.SheetData:
        this.inData = false;
        return;
    }
  }

  private endCell(): void {
    this.wantText = false;
    this.into = Into.Nothing;
    let v: CellValue;
    const bytes = this.valueBytes;
    const type = this.cellType;
    if (bytes && !this.formula && (type === "s" || type === undefined || type === "n")) {
      v = type === "s" ? this.sharedString(bytes) : this.number(bytes);
    } else {
      const text = bytes
        ? (this.strings.get(bytes, this.valueFrom, this.valueTo) ??
          this.decoded(bytes, this.valueFrom, this.valueTo))
        : this.value;
      if (this.formula) {
        if (text === undefined) v = null;
        else v = this.typed(text);
      } else if (text !== undefined) {
        if (type === "s") v = this.sharedIndex(parseInt(text, 10), text);
        else if (type === "inlineStr") v = text;
        else v = this.typed(text);
      } else return;
    }
    this.valueBytes = undefined;
    this.put(v);
  }

  private sharedString(b: Buffer): CellValue {
    const i = digitsOf(b, this.valueFrom, this.valueTo);
    if (i >= 0) return this.sharedIndex(i, undefined);
    const text = this.decoded(b, this.valueFrom, this.valueTo);
    return this.sharedIndex(parseInt(text, 10), text);
  }

  private sharedIndex(i: number, text: string | undefined): CellValue {
    if (!(i >= 0 && i < this.ctx.strings.length))
      this.refuse(
        `has a cell in row ${this.cellRow} that refers to shared string ${(text ?? String(i)).slice(0, 20)}, which the file does not hold`,
      );
    return this.ctx.strings[i]!;
  }

  /** A number cell's value from its bytes, a date by its format. */
  private number(b: Buffer): CellValue {
    const n = plainNumber(b, this.valueFrom, this.valueTo);
    return this.numberValue(
      Number.isNaN(n) ? parseFloat(this.decoded(b, this.valueFrom, this.valueTo)) : n,
    );
  }

  /** A number as the cell shows it: a date serial by its format, else the number. */
  private numberValue(n: number): CellValue {
    return this.cellStyle && this.ctx.dateStyles[this.cellStyle]
      ? dateSerial(n, this.ctx.date1904)
      : n;
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
      default:
        return this.numberValue(parseFloat(text));
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
}

/**
 * The short ASCII texts of a sheet's cells, each kept as one string. A sheet written without
 * shared strings (exceljs' streaming writer, `t="str"` cells) repeats the same periods, IDs,
 * RAG words and names on every row; a string per cell would be a quarter of a million copies
 * of "Green" for the collector to move, where one string shared by the grid costs nothing.
 * A direct-mapped table by a hash of the bytes: a clash only replaces the slot.
 */
class RepeatedText {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS);

  /** The text of bytes `from`..`to` when it is short ASCII with nothing to decode, else undefined. */
  get(b: Buffer, from: number, to: number): string | undefined {
    const n = to - from;
    if (n > 32) return undefined;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      // Entities, line ends and non-ASCII take the general path.
      if (c >= 0x80 || c === 0x26 || c === 0x0d) return undefined;
      h = Math.imul(h ^ c, 16777619);
    }
    const slot = (h >>> 0) & (SLOTS - 1);
    const known = this.slots[slot];
    if (known !== undefined && known.length === n) {
      let i = 0;
      while (i < n && known.charCodeAt(i) === b[from + i]) i++;
      if (i === n) return known;
    }
    const text = b.toString("latin1", from, to);
    this.slots[slot] = text;
    return text;
  }
}
const SLOTS = 4096;

const isUtf16 = (b: Uint8Array) =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
