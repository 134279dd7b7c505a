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

export function hexOf(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
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

const SEAL_TEXT = /^([1-9]\d{0,8}):([0-9a-f]{64})$/;

/** Reads a Seal cell; undefined when it is not one Baton wrote. */
export function parseSeal(text: string): SealCell | undefined {
  const m = SEAL_TEXT.exec(text);
  return m ? { seq: Number(m[1]), hex: m[2]! } : undefined;
}
