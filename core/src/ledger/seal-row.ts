/**
 * A check-in row's seal computed straight from its cells: the bytes `sealOf` hashes
 * (`baton-seal-v1`, the sequence number, the previous seal and the row's canonical JSON, in
 * UTF-8) are written into one buffer reused for every row, with no canonical string, no array
 * of entries and no encoded copy per row, and hashed by one reused hasher. The bytes are the
 * same as `sealOf`'s, so a seal is the same whichever way it is computed.
 *
 * The cells a tracker holds most (text that cannot read as a number or a date, numbers) are
 * written without the general `canonicalEntry`; every other cell goes through it.
 */
import type { CellValue } from "../cells/values.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import {
  isDateSerial,
  isoFromDays,
  localDateTimeFromSerial,
  wallSecondsOfSerial,
} from "../cells/dates.ts";
import {
  canonicalEntry,
  canonicalNumber,
  SEALED_COLUMNS,
  type CanonicalEntry,
} from "./canonical.ts";
import { hexIs, hexOf, sealCellIs } from "./seal.ts";
import { ByteBuffer } from "./utf8.ts";

const buffer = new ByteBuffer();
const entry: CanonicalEntry = { tag: "", text: "" };
const HEAD = "baton-seal-v1\n";
const [LF, OPEN, COMMA, CLOSE, QUOTE] = Array.from('\n[,]"', (c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
];

/** A serial in these columns is a date-time (`canonicalEntry`'s dateLike). */
const SERIAL_IS_DATE = SEALED_COLUMNS.map(
  (c) => c.kind.type === "datetime" || c.kind.type === "date" || c.kind.type === "period",
);
/** Text in these columns may be read as a date-time, so it takes the general path. */
const TEXT_MAY_BE_DATE = SEALED_COLUMNS.map(
  (c) => c.kind.type === "datetime" || c.kind.type === "date",
);

/**
 * Where each sealed column is in a row (0-based, -1 when the sheet lacks it). Kept for the last
 * layout asked about: a walk or a close seals every row of one sheet with one `columns` object
 * (layouts are never changed once read).
 */
let lastColumns: Readonly<Record<string, number>> | undefined;
let lastAt: readonly number[] = [];
function sealedAt(columns: Readonly<Record<string, number>>): readonly number[] {
  if (columns !== lastColumns) {
    lastAt = SEALED_COLUMNS.map((c) => {
      const at = columns[c.key];
      return at === undefined ? -1 : at - 1;
    });
    lastColumns = columns;
  }
  return lastAt;
}

/** The bytes `sealOf(previous, seq, canonicalRow(cells, columns, zone))` hashes, in `into`. */
export function writeSealInput(
  into: ByteBuffer,
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): void {
  const at = sealedAt(columns);
  into.reset();
  into.text(HEAD);
  into.digits(seq);
  into.byte(LF);
  into.text(previous);
  into.byte(LF);
  into.byte(OPEN);
  for (let i = 0; i < at.length; i++) {
    if (i) into.byte(COMMA);
    const k = at[i]!;
    if (k < 0 || !writeCell(into, cells[k], i, zone)) into.text("null");
  }
  into.byte(CLOSE);
}

/** Cell `value` of sealed column `i` as its JSON entry; false for a blank cell (nothing written). */
function writeCell(into: ByteBuffer, value: CellValue, i: number, zone: string): boolean {
  if (typeof value === "string") {
    // Text that neither spells a number nor sits in a date-time column is itself.
    if (value !== "" && !startsLikeNumber(value) && !TEXT_MAY_BE_DATE[i]) {
      into.jsonString("s:", value);
      return true;
    }
  } else if (typeof value === "number") {
    if (!SERIAL_IS_DATE[i] || !isDateSerial(value)) into.jsonString("n:", numberText(value));
    else if (!writeSerialDateTime(into, value))
      into.jsonString("t:", localDateTimeFromSerial(value));
    return true;
  }
  if (!canonicalEntry(value, SEALED_COLUMNS[i]!.kind, zone, entry)) return false;
  into.jsonString(entry.tag, entry.text);
  return true;
}

/**
 * `"t:` and `localDateTimeFromSerial(serial)` and `"`, written digit by digit from the day's
 * shared ISO text; false (nothing written) for a date whose year is not four digits, which the
 * general path spells.
 */
function writeSerialDateTime(into: ByteBuffer, serial: number): boolean {
  const wall = wallSecondsOfSerial(serial);
  const days = Math.floor(wall / 86400);
  const seconds = wall - days * 86400;
  const date = isoFromDays(days);
  if (date.length !== 10 || date.charCodeAt(0) === 45 /* - */) return false;
  into.byte(QUOTE);
  into.text("t:");
  into.text(date);
  into.byte(T);
  into.digits(Math.floor(seconds / 3600), 2);
  into.byte(COLON);
  into.digits(Math.floor((seconds % 3600) / 60), 2);
  into.byte(COLON);
  into.digits(seconds % 60, 2);
  into.byte(QUOTE);
  return true;
}

const [T, COLON] = Array.from("T:", (c) => c.charCodeAt(0)) as [number, number];

/** A digit or a minus sign first: the only text that can spell a number or a percentage. */
function startsLikeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45;
}

/**
 * `canonicalNumber(n)`, without its round trip through 15 digits when the shortest spelling of
 * `n` has at most 15 significant digits: then the round trip gives `n` back, spelled the same.
 */
function numberText(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return canonicalNumber(n);
  const text = String(n);
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 /* e */) return canonicalNumber(n);
    // Leading zeros (0.00012) are not significant; a fraction's spelling has no trailing ones.
    if (c >= 49 /* 1 */ ? c <= 57 : c === 48 && digits > 0) digits++;
  }
  return digits <= 15 ? text : canonicalNumber(n);
}

// One hasher, reset to the initial state for each row by copying a fresh one's state into it.
const fresh = sha256.create();
const hasher = sha256.create();
const digest = new Uint8Array(32);

/** The SHA-256 of a row's seal input, in a buffer the next row reuses. */
function hashOfRow(
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): Uint8Array {
  writeSealInput(buffer, previous, seq, cells, columns, zone);
  fresh._cloneInto(hasher);
  hasher.update(buffer.bytes());
  hasher.digestInto(digest);
  return digest;
}

/** The seal (hex) of a row of cells as the `seq`-th sealed row after `previous`. */
export function sealOfRow(
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): string {
  return hexOf(hashOfRow(previous, seq, cells, columns, zone));
}

/**
 * True when `sealText` is the Seal cell of this row sealed as number `seq` after `previous`
 * (`formatSeal({ seq, hex: sealOfRow(...) })`), without spelling the seal out.
 */
export function rowSealCellIs(
  sealText: string,
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): boolean {
  return sealCellIs(sealText, seq, hashOfRow(previous, seq, cells, columns, zone));
}

/** `sealOfRow(...) === hex`, without spelling the seal out. */
export function rowSealIs(
  hex: string,
  previous: string,
  seq: number,
  cells: readonly CellValue[],
  columns: Readonly<Record<string, number>>,
  zone: string,
): boolean {
  return hexIs(hashOfRow(previous, seq, cells, columns, zone), hex);
}
