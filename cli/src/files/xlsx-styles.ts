/**
 * styles.xml with the cell formats a patch needs. Formats are only ever added: an existing
 * index keeps meaning what it meant, so every cell the patch does not touch looks as before.
 * A file whose styles lack a section (fonts, fills, even cellXfs) gets the section with the
 * defaults a spreadsheet assumes, in the schema's order.
 */
import type { CellFormat } from "@baton/core";
import {
  attr,
  children,
  escapeXml,
  innerOf,
  nameOf,
  openTag,
  placeChild,
  rootPrefix,
  setAttr,
  splitRoot,
  STYLESHEET_ORDER,
  unescapeXml,
} from "./xlsx-xml.ts";

/** A styles part for a workbook that has none: what every spreadsheet assumes. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>`;

const DEFAULTS: Record<string, string> = {
  fonts: `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`,
  fills: `<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`,
  borders: `<border><left/><right/><top/><bottom/><diagonal/></border>`,
  cellStyleXfs: `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`,
  cellXfs: `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
};

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

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

export class StylesPatch {
  private readonly head: string;
  private readonly tail: string;
  private kids: string[];
  private readonly lists = new Map<string, string[]>();
  /** Each list's entries by their XML, so an entry the file has already is reused, not added again. */
  private readonly known = new Map<string, Map<string, number>>();
  private readonly added = new Map<string, number>();
  /**
   * `withLock`'s answers, by base format, lock and explicitness: a close asks for every cell of
   * every sealed row, and reading the format's XML each time cost more than the rest of the row.
   * A format's XML never changes once it is in the list, so an answer stays true.
   */
  private readonly lockAnswers = new Map<number, number>();
  private changed = false;

  constructor(xml: string) {
    const [head, inner, tail] = splitRoot(unprefixed(xml), "styleSheet");
    this.head = head;
    this.tail = tail;
    this.kids = children(inner);
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]) {
      const el = this.kids.find((k) => nameOf(k) === name);
      let items = el ? children(innerOf(el)) : [];
      // A section that is missing or empty gets what a spreadsheet assumes it holds.
      if (!items.length && DEFAULTS[name]) {
        items = children(DEFAULTS[name]!);
        this.kids = placeChild(this.kids, name, `<${name}/>`, STYLESHEET_ORDER);
        this.changed = true;
      }
      this.lists.set(name, items);
      const byXml = new Map<string, number>();
      items.forEach((x, i) => byXml.has(x) || byXml.set(x, i));
      this.known.set(name, byXml);
    }
  }

  /** The index of an entry of a list (fonts, fills, cellXfs), added unless the list has it. */
  private entry(name: string, xml: string): number {
    const byXml = this.known.get(name)!;
    const at = byXml.get(xml);
    if (at !== undefined) return at;
    const list = this.list(name);
    list.push(xml);
    byXml.set(xml, list.length - 1);
    this.changed = true;
    return list.length - 1;
  }

  private list(name: string): string[] {
    return this.lists.get(name)!;
  }

  /** Whether anything was added: an untouched styles part is copied as it was. */
  get modified(): boolean {
    return this.changed;
  }

  /** The id of a number format: a built-in one, one the file has, or one added. */
  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let max = 163;
    const numFmts = this.list("numFmts");
    for (const f of numFmts) {
      const id = Number(attr(f, "numFmtId"));
      if (unescapeXml(attr(f, "formatCode") ?? "") === code) return id;
      max = Math.max(max, id);
    }
    numFmts.push(`<numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`);
    return max + 1;
  }

  private addXf(key: string, xml: string): number {
    const index = this.entry("cellXfs", xml);
    this.added.set(key, index);
    return index;
  }

  /** The cell format that is `base` with `format` applied on top; the same pair gives the same index. */
  styleFor(base: number, format: CellFormat | undefined): number {
    if (!format || !Object.keys(format).length) return base;
    const key = `${base}|${JSON.stringify(format, Object.keys(format).sort())}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xfs = this.list("cellXfs");
    const xfXml = xfs[base] ?? xfs[0]!;
    let tag = openTag(xfXml);
    let kids = children(innerOf(xfXml));
    if (format.fill !== undefined) {
      const fill = this.entry(
        "fills",
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/></patternFill></fill>`,
      );
      tag = setAttr(setAttr(tag, "fillId", String(fill)), "applyFill", "1");
    }
    if (
      format.fontColor !== undefined ||
      format.bold !== undefined ||
      format.italic !== undefined
    ) {
      const font = this.list("fonts")[Number(attr(tag, "fontId") ?? 0)] ?? "<font/>";
      const id = this.entry("fonts", changedFont(font, format));
      tag = setAttr(setAttr(tag, "fontId", String(id)), "applyFont", "1");
    }
    if (format.numberFormat !== undefined)
      tag = setAttr(
        setAttr(tag, "numFmtId", String(this.numFmtId(format.numberFormat))),
        "applyNumberFormat",
        "1",
      );
    if (format.wrap !== undefined) {
      tag = setAttr(tag, "applyAlignment", "1");
      const old = kids.find((k) => nameOf(k) === "alignment");
      const alignment = old
        ? setAttr(openTag(old).replace(/\s*\/?>$/, "/>"), "wrapText", format.wrap ? "1" : "0")
        : `<alignment wrapText="${format.wrap ? "1" : "0"}"/>`;
      kids = placeChild(kids, "alignment", alignment, XF_ORDER);
    }
    return this.addXf(key, xfElement(tag, kids));
  }

  /** Whether cells of this format are locked under sheet protection (they are unless it says not). */
  isLocked(index: number): boolean {
    const locked = this.lockOf(index);
    return !(locked === "0" || locked === "false");
  }

  private lockOf(index: number): string | undefined {
    const xf = this.list("cellXfs")[index] ?? "";
    const p = children(innerOf(xf)).find((k) => nameOf(k) === "protection");
    return p && attr(p, "locked");
  }

  /**
   * The cell format that is `base`, locked or not. `explicit` writes a lock out even where
   * locked is the default (a row's style, which readers that do not apply the default to rows
   * would otherwise pass over for the column's).
   */
  withLock(base: number, locked: boolean, explicit = false): number {
    const key = base * 4 + (locked ? 2 : 0) + (explicit ? 1 : 0);
    let answer = this.lockAnswers.get(key);
    if (answer === undefined)
      this.lockAnswers.set(key, (answer = this.lockedFormat(base, locked, explicit)));
    return answer;
  }

  private lockedFormat(base: number, locked: boolean, explicit: boolean): number {
    const said = this.lockOf(base);
    if (this.isLocked(base) === locked && (!explicit || !locked || said !== undefined)) return base;
    const key = `${base}|locked:${locked}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xfs = this.list("cellXfs");
    const xfXml = xfs[base] ?? xfs[0]!;
    const tag = setAttr(openTag(xfXml), "applyProtection", "1");
    const kids = children(innerOf(xfXml)).filter((k) => nameOf(k) !== "protection");
    const protection = `<protection locked="${locked ? 1 : 0}"/>`;
    return this.addXf(key, xfElement(tag, placeChild(kids, "protection", protection, XF_ORDER)));
  }

  toXml(): string {
    let kids = this.kids;
    for (const [name, items] of this.lists) {
      if (!items.length) continue;
      const old = kids.find((k) => nameOf(k) === name);
      const open = setAttr(
        old ? openTag(old).replace(/\s*\/>$/, ">") : `<${name}>`,
        "count",
        String(items.length),
      );
      kids = placeChild(kids, name, `${open}${items.join("")}</${name}>`, STYLESHEET_ORDER);
    }
    return `${this.head}${kids.join("")}${this.tail}`;
  }
}

const XF_ORDER = ["alignment", "protection", "extLst"];

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A styles part whose writer bound SpreadsheetML to a prefix (`<x:styleSheet>`, `<x:xf>`),
 * with its elements in the default namespace instead: the same XML to every reader, and the
 * form the rest of this file reads and adds to. The part is small and holds no text content,
 * so renaming its tags is all there is to it.
 */
function unprefixed(xml: string): string {
  const p = rootPrefix(xml, "styleSheet");
  if (!p) return xml;
  const renamed = xml.replace(new RegExp(`<(/?)${p.replace(".", "\\.")}(?=[A-Za-z_])`, "g"), "<$1");
  return renamed.replace(/<styleSheet\b[^>]*?(\/?)>/, (tag) =>
    /\sxmlns="/.test(tag) ? tag : tag.replace(/^<styleSheet/, `<styleSheet xmlns="${MAIN_NS}"`),
  );
}

function xfElement(tag: string, kids: readonly string[]): string {
  const open = tag.replace(/\s*\/>$/, ">");
  return kids.length ? `${open}${kids.join("")}</xf>` : open.replace(/>$/, "/>");
}

/** A font with the format's colour, bold and italic (the font's children may come in any order). */
function changedFont(font: string, f: CellFormat): string {
  const open = openTag(font).replace(/\s*\/>$/, ">");
  let kids = children(innerOf(font));
  const drop = (name: string) => (kids = kids.filter((k) => nameOf(k) !== name));
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
