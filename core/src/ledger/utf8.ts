/**
 * UTF-8 encoding in plain JavaScript.
 *
 * Apps Script has no `TextEncoder`, and the seal of a row must be computed over the same bytes
 * in every host, so Baton encodes text itself. JavaScript strings are UTF-16: a surrogate pair
 * becomes one four-byte sequence, and a lone surrogate (which no UTF-8 can carry) becomes
 * U+FFFD, exactly as `TextEncoder` does, so the result matches it byte for byte.
 */

const REPLACEMENT = 0xfffd;

/** The code point at `i`, and how many UTF-16 units it spans; lone surrogates read as U+FFFD. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return REPLACEMENT;
}

const bytesOf = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    length += bytesOf(cp);
    if (cp >= 0x10000) i++;
  }
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (cp < 0x80) out[o++] = cp;
    else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 0x3f);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
      i++;
    }
  }
  return out;
}
