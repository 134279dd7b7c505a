/**
 * A check-in row's seal computed straight from its cells: the bytes `sealOf` hashes
 * (`baton-seal-v1`, the sequence number, the previous seal and the row's canonical JSON, in
 * UTF-8) are written into one buffer reused for every row, with no canonical string, no array
 * of entries and no encoded copy per row. The bytes are the same as `sealOf`'s, so a seal is
 * the same whichever way it is computed.
 */
import type { CellValue } from "../cells/values.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { canonicalEntry, SEALED_COLUMNS, type CanonicalEntry } from "./canonical.ts";
import { hexOf } from "./seal.ts";
import { ByteBuffer } from "./utf8.ts";

const buffer = new ByteBuffer();
const entry: CanonicalEntry = { tag: "", text: "" };
const HEAD = "baton-seal-v1\n";

/** The bytes `sealOf(previous, seq, canonicalRow(cells, columns, zone))` hashes, in `into`. */
export function writeSealInput(
  into: ByteBuffer,
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): void {
  into.reset();
  into.text(HEAD);
  into.text(String(seq));
  into.text("\n");
  into.text(previous);
  into.text("\n[");
  for (let i = 0; i < SEALED_COLUMNS.length; i++) {
    if (i) into.text(",");
    const c = SEALED_COLUMNS[i]!;
    const at = columns[c.key];
    if (at !== undefined && canonicalEntry(cells[at - 1], c.kind, zone, entry))
      into.jsonString(entry.tag, entry.text);
    else into.text("null");
  }
  into.text("]");
}

/** The seal (hex) of a row of cells as the `seq`-th sealed row after `previous`. */
export function sealOfRow(
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): string {
  writeSealInput(buffer, previous, seq, cells, columns, zone);
  return hexOf(sha256(buffer.bytes()));
}
