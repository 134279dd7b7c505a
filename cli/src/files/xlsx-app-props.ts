/**
 * The document's extended properties (docProps/app.xml) list every worksheet's title under
 * TitlesOfParts, counted under HeadingPairs ("Worksheets" and a count, then "Named Ranges",
 * "Charts" and theirs, the titles in the same order). A sheet added to the workbook is added
 * there too, so the properties Excel and file managers show stay true.
 */
import { escapeXml, unescapeXml } from "./xlsx-xml.ts";

interface Found {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every element `name` (any prefix) in `xml` from `from` to `to`, with its position. */
function elements(xml: string, name: string, from = 0, to = xml.length): Found[] {
  const re = new RegExp(`<([\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1?${name}>)`, "g");
  re.lastIndex = from;
  const out: Found[] = [];
  for (let m; (m = re.exec(xml)) && m.index < to;)
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The text of a simple element `<vt:lpstr>Worksheets</vt:lpstr>`. */
const inner = (element: string) => /^<[^>]*>([\s\S]*)<\/[^>]*>$/.exec(element)?.[1] ?? "";

/**
 * app.xml with the worksheets `after` has and `before` had not added to the titles and their
 * count, at the end of the worksheets' titles; undefined when the part lists no worksheets
 * (LibreOffice, for one, writes none) or nothing is to be added.
 */
export function withSheetTitles(
  xml: string,
  before: readonly string[],
  after: readonly string[],
): string | undefined {
  const had = new Set(before);
  const added = after.filter((n) => !had.has(n));
  if (!added.length) return undefined;
  const [pairs] = elements(xml, "HeadingPairs");
  const [titles] = elements(xml, "TitlesOfParts");
  if (!pairs || !titles || pairs.end > titles.start) return undefined;
  const [titleVector] = elements(xml, "vector", titles.start, titles.end);
  const [pairVector] = elements(xml, "vector", pairs.start, pairs.end);
  if (!titleVector || !pairVector) return undefined;
  const items = elements(xml, "(?:lpstr|lpwstr)", titleVector.start, titleVector.end);
  const variants = elements(xml, "variant", pairVector.start, pairVector.end);
  // Pairs of (label, count): find the worksheets' by name, or by the titles it counts.
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = unescapeXml(inner(inner(variants[i]!.text)));
    const countElement = elements(xml, "i4", variants[i + 1]!.start, variants[i + 1]!.end)[0];
    if (!countElement) return undefined;
    const count = Number(inner(countElement.text));
    if (!Number.isInteger(count) || count < 0 || offset + count > items.length) return undefined;
    const titlesHere = items.slice(offset, offset + count).map((t) => unescapeXml(inner(t.text)));
    const isSheets =
      label === "Worksheets" ||
      (titlesHere.length === before.length && titlesHere.every((t, k) => t === before[k]));
    if (!isSheets) {
      offset += count;
      continue;
    }
    const at = offset + count;
    const insertAt = at < items.length ? items[at]!.start : closeOf(xml, titleVector);
    const itemName = /^<([\w.:-]+)/.exec(items[0]?.text ?? "")?.[1] ?? vtName(titleVector, "lpstr");
    const newItems = added.map((n) => `<${itemName}>${escapeXml(n)}</${itemName}>`).join("");
    const countAt = countElement.start + countElement.text.indexOf(">") + 1;
    const countEnd = countElement.start + countElement.text.lastIndexOf("<");
    const sizeAt = titleVector.start;
    const sizeTag = titleVector.text.slice(0, titleVector.text.indexOf(">") + 1);
    const newSizeTag = sizeTag.replace(/\ssize="\d*"/, ` size="${items.length + added.length}"`);
    // The count comes before the titles in the part (checked above): edits in that order.
    return (
      xml.slice(0, countAt) +
      String(count + added.length) +
      xml.slice(countEnd, sizeAt) +
      newSizeTag +
      xml.slice(sizeAt + sizeTag.length, insertAt) +
      newItems +
      xml.slice(insertAt)
    );
  }
  return undefined;
}

/** Where a vector's closing tag starts. */
const closeOf = (xml: string, vector: Found) => vector.start + vector.text.lastIndexOf("</");

/** An element of the same prefix as `vector`'s. */
const vtName = (vector: Found, name: string) =>
  (/^<([\w.-]+:)/.exec(vector.text)?.[1] ?? "") + name;
