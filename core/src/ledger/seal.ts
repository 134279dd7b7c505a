/**
 * Seals: the hash chain over sealed check-in rows.
 *
 * The n-th sealed row's seal is SHA-256 over the UTF-8 bytes of
 *
 *     baton-seal-v1 LF n LF <previous seal, 64 hex digits> LF <canonical content>
 *
 * with 64 zeros before the first row. Each seal depends on every row before it, so an edit,
 * a deletion or a swap anywhere breaks every later seal; the sequence number makes a deleted or
 * moved row nameable. The Seal cell holds `n:<hex>`, for example `12:9f86d0…`.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8Bytes } from "./utf8.ts";

/** The "previous seal" of the first sealed row. */
export const GENESIS_SEAL = "0".repeat(64);

const HEX = "0123456789abcdef";
const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));
/** The digits of the last hexOf, reused. */
const digits: number[] = [];

export function hexOf(bytes: Uint8Array): string {
  digits.length = bytes.length * 2;
  for (let i = 0; i < bytes.length; i++) {
    digits[2 * i] = HEX_CODES[bytes[i]! >> 4]!;
    digits[2 * i + 1] = HEX_CODES[bytes[i]! & 15]!;
  }
  // One flat string: concatenating pairs makes a rope that is copied again when first read.
  return String.fromCharCode.apply(null, digits);
}

/** `hexOf(bytes) === text.slice(from)`, without spelling `bytes` out or slicing `text`. */
export function hexIs(bytes: Uint8Array, text: string, from = 0): boolean {
  if (text.length - from !== bytes.length * 2) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (
      text.charCodeAt(from + 2 * i) !== HEX_CODES[b >> 4] ||
      text.charCodeAt(from + 2 * i + 1) !== HEX_CODES[b & 15]
    )
      return false;
  }
  return true;
}

/**
 * `formatSeal({ seq, hex: hexOf(bytes) }) === text`, without spelling the seal out: the Seal
 * cell a row sealed as number `seq` holds.
 */
export function sealCellIs(text: string, seq: number, bytes: Uint8Array): boolean {
  const colon = text.length - bytes.length * 2 - 1;
  if (colon < 1 || text.charCodeAt(colon) !== 58 /* : */ || text.charCodeAt(0) === 48) return false;
  let n = seq;
  for (let i = colon - 1; i >= 0; i--, n = Math.floor(n / 10))
    if (text.charCodeAt(i) !== 48 + (n % 10)) return false;
  return n === 0 && hexIs(bytes, text, colon + 1);
}

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
  return hexOf(sha256(utf8Bytes(text)));
}

/** The seal (hex) of the `seq`-th sealed row, chained to the seal of the row before it. */
export function sealOf(previous: string, seq: number, canonical: string): string {
  return sha256Hex(`baton-seal-v1\n${seq}\n${previous}\n${canonical}`);
}

/** What a Seal cell holds. */
export interface SealCell {
  readonly seq: number;
  readonly hex: string;
}

export function formatSeal(seal: SealCell): string {
  return `${seal.seq}:${seal.hex}`;
}

/**
 * Reads a Seal cell; undefined when it is not one Baton wrote: 1 to 9 digits without a leading
 * zero, a colon, 64 lowercase hex digits (`/^([1-9]\d{0,8}):([0-9a-f]{64})$/`, read by hand:
 * a walk reads one per sealed row).
 */
export function parseSeal(text: string): SealCell | undefined {
  const colon = text.length - 65;
  if (colon < 1 || colon > 9 || text.charCodeAt(colon) !== 58 /* : */) return undefined;
  let seq = 0;
  for (let i = 0; i < colon; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (i === 0 && d === 0)) return undefined;
    seq = seq * 10 + d;
  }
  for (let i = colon + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined;
  }
  return { seq, hex: text.slice(colon + 1) };
}
