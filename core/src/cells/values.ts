/**
 * Cell values as hosts hand them to the core.
 *
 * Office.js `range.values`, Apps Script `getValues()` and the file host all reduce to these:
 * a string, a number, a boolean, a JavaScript Date (Apps Script and exceljs give Dates for
 * date-formatted cells), or blank (`null`, `undefined` or `""`). Error values such as `#REF!`
 * arrive as strings in Office.js and Apps Script; the file host converts exceljs' error objects
 * to the same strings, so the core recognises errors by their text.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A sheet as rows of cells, row 0 being the sheet's row 1. Rows may be ragged. */
export type Grid = readonly (readonly CellValue[])[];

/** Grids by sheet name, as a host reads them. */
export type Grids = Readonly<Record<string, Grid | undefined>>;

const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#ERROR!",
]);

/** True for a spreadsheet error value such as `#REF!` or `#N/A`. */
export function isErrorValue(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    value.length <= 14 &&
    value[0] === "#" &&
    ERROR_VALUES.has(value.toUpperCase())
  );
}

/** True for a blank cell: nothing, or text that is only whitespace. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** A row with no non-blank cell. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/**
 * A short, safe rendering of any cell value for messages: long text is cut, so a
 * 32,000-character cell never floods a sidebar or a terminal.
 */
export function describeValue(value: CellValue, max = 40): string {
  if (value === null || value === undefined) return "blank";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  const text = String(value);
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > max ? `"${oneLine.slice(0, max - 1)}…"` : `"${oneLine}"`;
}

/**
 * True for text that a spreadsheet would evaluate if written as a plain value: it starts
 * with `=`, `+`, `-` or `@`. Hosts write such text so it stays text (an apostrophe prefix
 * in Excel and Sheets, a string cell in .xlsx files).
 */
export function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64; /* @ */
}
