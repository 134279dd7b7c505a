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
  // Most check-ins are ASCII, one byte a character: copy them in one pass, and take the
  // general path from the first character that is not.
  const n = text.length;
  const ascii = new Uint8Array(n);
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) break;
    ascii[i] = c;
  }
  return i === n ? ascii : encode(text);
}

function encode(text: string): Uint8Array {
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX_DIGITS = "0123456789abcdef";
/** The short escapes JSON.stringify uses for control characters; the rest are \u00XX. */
const SHORT_ESCAPES: Readonly<Record<number, number>> = {
  0x08: 0x62,
  0x09: 0x74,
  0x0a: 0x6e,
  0x0c: 0x66,
  0x0d: 0x72,
};

/**
 * Bytes written one after another into one buffer, reused from one use to the next and grown
 * when a use needs more: the bytes a seal hashes are built here without a string or an array
 * for each row.
 */
export class ByteBuffer {
  private buf = new Uint8Array(4096);
  private at = 0;
  /**
   * The views `bytes` gave, by length: a sheet's rows come in a few hundred lengths, and a
   * view made per row (a typed array object each) is most of what a walk of the ledger
   * allocates. Views of the buffer before it grew are dropped with it.
   */
  private views: Uint8Array[] = [];

  /** Starts over; the bytes given out before are overwritten by what is written next. */
  reset(): void {
    this.at = 0;
  }

  /** The bytes written since the last reset (a view, valid until the next write). */
  bytes(): Uint8Array {
    return (this.views[this.at] ??= this.buf.subarray(0, this.at));
  }

  private room(n: number): Uint8Array {
    if (this.at + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
      this.views = [];
    }
    return this.buf;
  }

  /** One byte (an ASCII character's code). */
  byte(b: number): void {
    this.room(1)[this.at++] = b;
  }

  /**
   * A whole number from 0 to 2^53 in decimal, as `String(n)` spells it, with leading zeros up
   * to `width` digits.
   */
  digits(n: number, width = 1): void {
    let count = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
    if (count < width) count = width;
    const b = this.room(count);
    let o = this.at + count;
    for (let i = 0; i < count; i++, n = Math.floor(n / 10)) b[--o] = 48 + (n % 10);
    this.at += count;
  }

  /** `text` as UTF-8, exactly as `utf8Bytes` gives it. */
  text(text: string): void {
    // At most three bytes a UTF-16 unit (a surrogate pair: four bytes for two units).
    const b = this.room(text.length * 3);
    let o = this.at;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) b[o++] = c;
      else {
        const cp = codePointAt(text, i);
        o = writeCodePoint(b, o, cp);
        if (cp >= 0x10000) i++;
      }
    }
    this.at = o;
  }

  /**
   * `prefix` and `text` as one JSON string literal, in UTF-8: the bytes of
   * `utf8Bytes(JSON.stringify(prefix + text))`. `prefix` is plain ASCII that needs no escape.
   */
  jsonString(prefix: string, text: string): void {
    // At most six bytes a UTF-16 unit (\u00XX, or a lone surrogate as \uDXXX).
    const b = this.room(prefix.length + text.length * 6 + 2);
    let o = this.at;
    b[o++] = QUOTE;
    for (let i = 0; i < prefix.length; i++) b[o++] = prefix.charCodeAt(i);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x80 && c !== QUOTE && c !== BACKSLASH) {
        b[o++] = c;
        continue;
      }
      if (c === QUOTE || c === BACKSLASH) {
        b[o++] = BACKSLASH;
        b[o++] = c;
      } else if (c < 0x20) {
        b[o++] = BACKSLASH;
        const short = SHORT_ESCAPES[c];
        if (short !== undefined) b[o++] = short;
        else o = writeUnicodeEscape(b, o, c);
      } else {
        const cp = codePointAt(text, i);
        // A lone surrogate: JSON.stringify writes it as an escape rather than U+FFFD.
        if (cp === REPLACEMENT && c !== REPLACEMENT) {
          b[o++] = BACKSLASH;
          o = writeUnicodeEscape(b, o, c);
        } else {
          o = writeCodePoint(b, o, cp);
          if (cp >= 0x10000) i++;
        }
      }
    }
    b[o++] = QUOTE;
    this.at = o;
  }
}

/** `u` and four lowercase hex digits of `c` (the backslash is written before). */
function writeUnicodeEscape(b: Uint8Array, o: number, c: number): number {
  b[o++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) b[o++] = HEX_DIGITS.charCodeAt((c >> shift) & 15);
  return o;
}

function writeCodePoint(b: Uint8Array, o: number, cp: number): number {
  if (cp < 0x80) b[o++] = cp;
  else if (cp < 0x800) {
    b[o++] = 0xc0 | (cp >> 6);
    b[o++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    b[o++] = 0xe0 | (cp >> 12);
    b[o++] = 0x80 | ((cp >> 6) & 0x3f);
    b[o++] = 0x80 | (cp & 0x3f);
  } else {
    b[o++] = 0xf0 | (cp >> 18);
    b[o++] = 0x80 | ((cp >> 12) & 0x3f);
    b[o++] = 0x80 | ((cp >> 6) & 0x3f);
    b[o++] = 0x80 | (cp & 0x3f);
  }
  return o;
}
