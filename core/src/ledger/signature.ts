/**
 * Signing the anchor: a chain whose newest seal lives in the same file proves nothing against
 * someone who can edit the file (recompute every seal and the anchor, and it verifies). So each
 * close signs its anchor with the closer's Ed25519 key, which is kept outside the workbook, and
 * Settings lists the public keys allowed to close (`Closers`). A rewritten history then needs a
 * closer's private key to sign, or an edit of the Closers list that a reader who knows the team's
 * keys sees.
 *
 * The signed message is the tag `baton-anchor-v1`, a line feed, and the anchor's JSON without
 * its signature fields (ASCII): any Ed25519 library can check it offline. Pure: the caller
 * supplies the key bytes; nothing here draws random numbers or touches a platform.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { formatAnchor, type LedgerAnchor } from "./anchor.ts";
import { hexOf } from "./seal.ts";
import { utf8Bytes } from "./utf8.ts";

/** A closer's key pair as the host hands it to a close: 32 secret bytes. */
export interface ClosingKey {
  readonly secretKey: Uint8Array;
}

/** One entry of Settings' Closers: who, and their public key (64 hex digits). */
export interface Closer {
  readonly name: string;
  readonly key: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

function bytesOfHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function message(a: LedgerAnchor): Uint8Array {
  const unsigned = formatAnchor({ rows: a.rows, seal: a.seal, through: a.through, zone: a.zone });
  return utf8Bytes("baton-anchor-v1\n" + unsigned);
}

/** The public key (hex) of a secret key. */
export function publicKeyOf(secretKey: Uint8Array): string {
  return hexOf(ed25519.getPublicKey(secretKey));
}

/** The anchor signed with the key: its `key` and `signature` fields set. */
export function signAnchor(a: LedgerAnchor, key: ClosingKey): LedgerAnchor {
  const signature = hexOf(ed25519.sign(message(a), key.secretKey));
  return { ...a, key: publicKeyOf(key.secretKey), signature };
}

/** True when the anchor carries a signature that its own key made over its fields. */
export function anchorSignatureValid(a: LedgerAnchor): boolean {
  if (!a.key || !a.signature || !HEX64.test(a.key) || !HEX128.test(a.signature)) return false;
  try {
    return ed25519.verify(bytesOfHex(a.signature), message(a), bytesOfHex(a.key));
  } catch {
    return false;
  }
}

/**
 * Reads Settings' Closers value: entries `name:hex` (or a bare hex key) separated by commas,
 * semicolons or line breaks. Entries that are not a key are returned in `invalid`.
 */
export function parseClosers(text: string): { closers: Closer[]; invalid: string[] } {
  const closers: Closer[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.lastIndexOf(":");
    const key = (at < 0 ? entry : entry.slice(at + 1)).trim().toLowerCase();
    const name = at < 0 ? "" : entry.slice(0, at).trim();
    if (HEX64.test(key)) closers.push({ name, key });
    else invalid.push(entry);
  }
  return { closers, invalid };
}
