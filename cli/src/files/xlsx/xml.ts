/**
 * A small streaming XML tokenizer for the parts of a workbook: tags with their raw attribute
 * text, and text (entities, character references and CDATA decoded, line ends normalised as
 * XML requires). Bytes are decoded with a streaming UTF-8 decoder, so a character split
 * between two inflated chunks is read whole, and whatever token a chunk cuts off is carried
 * into the next one. Document type declarations are refused: a workbook never has one, and
 * entity declarations are how "billion laughs" files grow without bound.
 */
import { UnreadableWorkbook } from "./zip.ts";

export interface XmlHandler {
  /** Whether text between tags is wanted now; text nobody wants is not decoded. */
  wantText: boolean;
  /** A start tag (`tag` is its raw text from `<` to `>`, for `attributes`); `empty` for `<x/>`. */
  open(name: string, tag: string, empty: boolean): void;
  /** An end tag, and after `open` of an empty element. */
  close(name: string): void;
  text(text: string): void;
}

/** One token may not be longer than this: Excel's longest text is 32,767 characters. */
const MAX_TOKEN = 16 * 1024 * 1024;

/** Feeds a part's bytes through `handler`, token by token; `part` names it in errors. */
export async function scanXml(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  handler: XmlHandler,
  part: string,
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let first = true;
  for await (const chunk of chunks) {
    if (
      first &&
      chunk.length >= 2 &&
      ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    )
      throw new UnreadableWorkbook(
        `is not a valid workbook: its part ${part} is UTF-16 text, which Excel never writes`,
      );
    first = false;
    const text = carry + decoder.decode(chunk, { stream: true });
    const used = scan(text, handler, part, false);
    carry = used === text.length ? "" : text.slice(used);
    if (carry.length > MAX_TOKEN)
      throw new UnreadableWorkbook(
        `is not a valid workbook: its part ${part} holds a piece of text or a tag over ${MAX_TOKEN / (1024 * 1024)} MB long`,
      );
  }
  const rest = carry + decoder.decode();
  if (scan(rest, handler, part, true) < rest.length)
    throw new UnreadableWorkbook(
      `is not a valid workbook: its part ${part} ends in the middle of a tag (the file is damaged)`,
    );
}

/** Tokens of `s` through the handler; answers how far it got (a token cut off stays unread). */
function scan(s: string, h: XmlHandler, part: string, final: boolean): number {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      // Text may end in a cut-off entity: keep it for the next chunk.
      if (!final) return i;
      if (h.wantText) h.text(decodeText(s.slice(i), part));
      return n;
    }
    if (lt > i && h.wantText) h.text(decodeText(s.slice(i, lt), part));
    if (lt + 1 >= n) return lt;
    const c = s.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = s.indexOf(">", lt);
      if (gt < 0) return lt;
      h.close(localName(s, lt + 2, gt));
      i = gt + 1;
    } else if (c === 33 /* ! */) {
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end < 0) return lt;
        if (h.wantText) h.text(s.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        i = end + 3;
      } else if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        if (end < 0) return lt;
        i = end + 3;
      } else {
        if (lt + 9 > n && !final) return lt;
        throw new UnreadableWorkbook(
          `is not a valid workbook: its part ${part} declares a document type or entities, which no workbook does`,
        );
      }
    } else if (c === 63 /* ? */) {
      const end = s.indexOf("?>", lt + 2);
      if (end < 0) return lt;
      i = end + 2;
    } else {
      // A '>' inside a quoted attribute value does not end the tag.
      let gt = lt + 1;
      for (; gt < n; gt++) {
        const d = s.charCodeAt(gt);
        if (d === 62) break;
        if (d === 34 || d === 39) {
          gt = s.indexOf(d === 34 ? '"' : "'", gt + 1);
          if (gt < 0) return lt;
        }
      }
      if (gt >= n) return lt;
      const empty = s.charCodeAt(gt - 1) === 47;
      const name = localName(s, lt + 1, empty ? gt - 1 : gt);
      h.open(name, s.slice(lt, gt + 1), empty);
      if (empty) h.close(name);
      i = gt + 1;
    }
  }
  return n;
}

/** The element's name without its namespace prefix: `x:row` and `row` are the same row. */
function localName(s: string, from: number, to: number): string {
  let end = from;
  while (end < to) {
    const c = s.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end++;
  }
  // Only the name itself is searched: a search back through the whole text would cost a
  // pass over the part for every tag.
  let start = from;
  for (let i = end - 1; i > from; i--)
    if (s.charCodeAt(i) === 58 /* : */) {
      start = i + 1;
      break;
    }
  return s.slice(start, end);
}

/** Every attribute of a start tag, names as written (`r:id` keeps its prefix), values decoded. */
export function attributes(tag: string, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = tag.length;
  let i = 1;
  while (
    i < n &&
    !isSpace(tag.charCodeAt(i)) &&
    tag.charCodeAt(i) !== 62 &&
    tag.charCodeAt(i) !== 47
  )
    i++;
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const eq = tag.indexOf("=", i);
    if (eq < 0) return out;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && isSpace(tag.charCodeAt(q))) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return out;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return out;
    out.set(name, decodeAttribute(tag.slice(q + 1, end), part));
    i = end + 1;
  }
}

/** One attribute's value, or undefined; quicker than `attributes` for a tag read often. */
export function attribute(tag: string, name: string, part: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    if (!isSpace(tag.charCodeAt(at - 1))) continue;
    let q = from;
    while (isSpace(tag.charCodeAt(q))) q++;
    if (tag.charCodeAt(q) !== 61 /* = */) continue;
    q++;
    while (isSpace(tag.charCodeAt(q))) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return undefined;
    return attributeValue(tag.slice(q + 1, end), part);
  }
}

/** An attribute's value from its raw text between the quotes: entities and white space as XML reads them. */
export function attributeValue(raw: string, part: string): string {
  return raw.indexOf("&") < 0 && !/[\t\n\r]/.test(raw) ? raw : decodeAttribute(raw, part);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string, part: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (all, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff)
        throw new UnreadableWorkbook(
          `is not a valid workbook: its part ${part} refers to a character that does not exist (${all})`,
        );
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined)
      throw new UnreadableWorkbook(
        `is not a valid workbook: its part ${part} uses an entity it does not declare (${all})`,
      );
    return named;
  });
}

/** Text between tags as XML reads it: line ends normalised, entities and references decoded. */
export function decodeText(raw: string, part: string): string {
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"), part);
}

function decodeAttribute(raw: string, part: string): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, " "), part);
}
