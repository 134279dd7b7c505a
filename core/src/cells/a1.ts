/** A1 addresses: column letters and cell references for issues and write plans. */

/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to a 1-based column number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based row and column to an A1 reference: (5, 2) → "B5". */
export function a1(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1)
    throw new RangeError(`row must be a positive integer, got ${row}`);
  return columnLetters(column) + row;
}

/** A rectangular range: "B2:D9", or one cell when it is 1×1. */
export function a1Range(row: number, column: number, rows: number, columns: number): string {
  const start = a1(row, column);
  if (rows === 1 && columns === 1) return start;
  return `${start}:${a1(row + rows - 1, column + columns - 1)}`;
}
