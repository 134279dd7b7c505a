/**
 * Text-level helpers for SpreadsheetML parts: attributes of one tag, the top-level children of
 * an element, and placing a child where the schema's element order puts it. The patcher edits
 * parts as text so that everything it does not change stays as the file had it.
 */

/**
 * The pattern of one attribute, made once per name: the patcher asks for `r` and `s` of every
 * cell of a sheet, and compiling a pattern per call cost more than the search.
 */
const attrPatterns = new Map<string, RegExp>();
function attrPattern(name: string): RegExp {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`)));
  return re;
}

export const attr = (tag: string, name: string): string | undefined =>
  attrPattern(name).exec(tag)?.[1];

export function setAttr(tag: string, name: string, value: string): string {
  const re = attrPattern(name);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

export const removeAttr = (tag: string, name: string) => tag.replace(attrPattern(name), "");

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text escaped for an element or an attribute; characters XML 1.0 cannot hold are dropped. */
export const escapeXml = (s: string) =>
  // Most text (every seal, most names) has nothing to escape: one test instead of two passes.
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replace(/[&<>"]/g, (c) =>
          c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
        )
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

export const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );

/**
 * The prefix (with its colon, or "") a part's root element gives SpreadsheetML's namespace:
 * some writers bind it to `x:` and name every element `<x:worksheet>`, `<x:c>`.
 */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${root}[\\s/>]`).exec(xml);
  return m?.[1] ?? "";
}

/** An element name without the part's SpreadsheetML prefix; "" for an element of another namespace. */
export const localName = (name: string, prefix: string) =>
  !prefix
    ? name.includes(":")
      ? ""
      : name
    : name.startsWith(prefix)
      ? name.slice(prefix.length)
      : "";

/** The name of the element an XML fragment starts with. */
export const nameOf = (element: string) => /^<([\w:.-]+)/.exec(element)?.[1] ?? "";

/** The opening tag of an element (its whole text when it is self-closed). */
export const openTag = (element: string) => element.slice(0, element.indexOf(">") + 1);

/** The top-level child elements of a container element's inner XML (text between them is dropped). */
export function children(inner: string): string[] {
  const out: string[] = [];
  const re =
    /<(!--[\s\S]*?--|\?[\s\S]*?\?|!\[CDATA\[[\s\S]*?\]\]|(\/?)[\w:.-]+(?:[^>"]|"[^"]*")*?(\/?))>/g;
  let depth = 0;
  let start = 0;
  for (let m; (m = re.exec(inner));) {
    if (m[1]!.startsWith("!") || m[1]!.startsWith("?")) continue;
    const close = m[2];
    const selfClose = m[3];
    if (!close && depth === 0) start = m.index;
    if (close) depth--;
    else if (!selfClose) depth++;
    if (depth === 0) out.push(inner.slice(start, re.lastIndex));
  }
  return out;
}

/** The inner XML of an element that is not self-closed ("" when it is). */
export function innerOf(element: string): string {
  const open = openTag(element);
  if (open.endsWith("/>")) return "";
  return element.slice(open.length, element.lastIndexOf("</"));
}

/**
 * Children with the element `name` replaced by `xml` (removed when `xml` is undefined), or
 * `xml` inserted before the first child that comes after it in `order`. Children the order
 * does not know (another namespace's) keep their place.
 */
export function placeChild(
  kids: readonly string[],
  name: string,
  xml: string | undefined,
  order: readonly string[],
  prefix = "",
): string[] {
  const local = (k: string) => localName(nameOf(k), prefix);
  const at = kids.findIndex((k) => local(k) === name);
  if (at >= 0) {
    const out = [...kids];
    if (xml === undefined) out.splice(at, 1);
    else out[at] = xml;
    return out;
  }
  if (xml === undefined) return [...kids];
  const rank = order.indexOf(name);
  const before = kids.findIndex((k) => order.indexOf(local(k)) > rank);
  const out = [...kids];
  out.splice(before < 0 ? out.length : before, 0, xml);
  return out;
}

/** CT_Worksheet's children, in the order the schema requires. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** CT_Stylesheet's children, in schema order. */
export const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export const colLetters = (n: number) => {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The column number of an A1 reference (its letters; `$` allowed). */
export function colOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** An element's open tag split from the rest of a part: `[prolog and open tag, inner, close]`. */
export function splitRoot(xml: string, name: string): [string, string, string] {
  const m = new RegExp(`<${name}\\b(?:[^>"]|"[^"]*")*>`).exec(xml);
  if (!m) throw new Error(`no <${name}> element`);
  const openEnd = m.index + m[0].length;
  const close = xml.lastIndexOf(`</${name}>`);
  if (m[0].endsWith("/>") || close < openEnd)
    return [xml.slice(0, m.index) + m[0].replace(/\s*\/>$/, ">"), "", `</${name}>`];
  return [xml.slice(0, openEnd), xml.slice(openEnd, close), xml.slice(close)];
}
