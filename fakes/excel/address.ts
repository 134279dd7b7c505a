/**
 * A1 addresses as Excel's `getRange` takes them: `B2`, `B2:D9`, whole columns `A:C`, whole rows
 * `2:5`, optionally after `Sheet!` or `'Sheet name'!`. Rectangles here are 0-based.
 */
import { columnLetters, columnNumber } from "@baton/core";
import { FakeOfficeError } from "./errors.ts";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Box {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly cols: number;
}

export const WHOLE_SHEET: Box = { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLUMNS };

export function contains(b: Box, r: number, c: number): boolean {
  return r >= b.r0 && r < b.r0 + b.rows && c >= b.c0 && c < b.c0 + b.cols;
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols
  );
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function cell(ref: string, address: string): { r: number; c: number } {
  const m = CELL.exec(ref);
  if (!m) throw new FakeOfficeError("InvalidArgument", `The address ${address} is not valid.`);
  const c = columnNumber(m[1]!) - 1;
  const r = Number(m[2]) - 1;
  if (r < 0 || r >= MAX_ROWS || c >= MAX_COLUMNS)
    throw new FakeOfficeError("InvalidArgument", `The address ${address} is outside the grid.`);
  return { r, c };
}

/** Splits `Sheet!A1` into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function parseBox(address: string): Box {
  const { local } = splitSheet(address.trim());
  const [a, b = a] = local.split(":") as [string, string?];
  if (/^\$?[A-Za-z]{1,3}$/.test(a) && /^\$?[A-Za-z]{1,3}$/.test(b!)) {
    const c0 = columnNumber(a.replace("$", "")) - 1;
    const c1 = columnNumber(b!.replace("$", "")) - 1;
    return { r0: 0, rows: MAX_ROWS, c0: Math.min(c0, c1), cols: Math.abs(c1 - c0) + 1 };
  }
  if (/^\$?\d+$/.test(a) && /^\$?\d+$/.test(b!)) {
    const r0 = Number(a.replace("$", "")) - 1;
    const r1 = Number(b!.replace("$", "")) - 1;
    return { r0: Math.min(r0, r1), rows: Math.abs(r1 - r0) + 1, c0: 0, cols: MAX_COLUMNS };
  }
  const p = cell(a, address);
  const q = cell(b!, address);
  return {
    r0: Math.min(p.r, q.r),
    c0: Math.min(p.c, q.c),
    rows: Math.abs(q.r - p.r) + 1,
    cols: Math.abs(q.c - p.c) + 1,
  };
}

export function boxAddress(sheet: string, b: Box): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const start = `${columnLetters(b.c0 + 1)}${b.r0 + 1}`;
  const end = `${columnLetters(b.c0 + b.cols)}${b.r0 + b.rows}`;
  return `${quoted}!${b.rows === 1 && b.cols === 1 ? start : `${start}:${end}`}`;
}
