/**
 * Formats of a plan, batched for Sheets. A plan gives one format per rectangle (the status
 * engine one per run of rows with the same status), which would be a service call per
 * rectangle and property. A run of consecutive format ops is resolved cell by cell (a later op
 * wins where rectangles overlap, as when applied in order) and then written per sheet and
 * property: as one 2-D call (`setBackgrounds`, `setFontColors`, …) over the bounding box when
 * the ops cover all of it, else as one `RangeList` call per distinct value.
 */
import { a1Range, type CellFormat, type Rect, type WriteOp } from "@baton/core";

type FormatOp = Extract<WriteOp, { op: "format" }>;
export type Property = "numberFormat" | "fill" | "fontColor" | "bold" | "italic" | "wrap";
export type SheetsValue = string | boolean;

/** How each property is written in Sheets. */
const PROPERTIES: readonly Property[] = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "italic",
  "wrap",
];
const sheetsValue = (p: Property, f: CellFormat): SheetsValue | undefined => {
  switch (p) {
    case "bold":
      return f.bold === undefined ? undefined : f.bold ? "bold" : "normal";
    case "italic":
      return f.italic === undefined ? undefined : f.italic ? "italic" : "normal";
    default:
      return f[p];
  }
};

export type FormatWrite =
  | {
      readonly kind: "grid";
      readonly sheet: string;
      readonly property: Property;
      readonly range: Rect;
      readonly values: SheetsValue[][];
    }
  | {
      readonly kind: "list";
      readonly sheet: string;
      readonly property: Property;
      readonly ranges: string[];
      readonly value: SheetsValue;
    };

/** Cells of a sheet packed in one number: rows and columns stay below 2^20 and 2^16 in Sheets. */
const key = (row: number, column: number) => row * 65536 + column;

/** The writes that give the cells the formats the ops give them, applied in order. */
export function batchFormats(ops: readonly FormatOp[]): FormatWrite[] {
  // sheet → property → cell → value; Maps keep first-seen order, so output order is stable.
  const bySheet = new Map<string, Map<Property, Map<number, SheetsValue>>>();
  for (const op of ops) {
    let props = bySheet.get(op.sheet);
    if (!props) bySheet.set(op.sheet, (props = new Map()));
    for (const p of PROPERTIES) {
      const v = sheetsValue(p, op.format);
      if (v === undefined) continue;
      let cells = props.get(p);
      if (!cells) props.set(p, (cells = new Map()));
      const { row, column, rows, columns } = op.range;
      for (let r = row; r < row + rows; r++)
        for (let c = column; c < column + columns; c++) cells.set(key(r, c), v);
    }
  }
  const out: FormatWrite[] = [];
  for (const [sheet, props] of bySheet)
    for (const [property, cells] of props) out.push(...writesFor(sheet, property, cells));
  return out;
}

function writesFor(
  sheet: string,
  property: Property,
  cells: Map<number, SheetsValue>,
): FormatWrite[] {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const k of cells.keys()) {
    const r = Math.floor(k / 65536);
    const c = k % 65536;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  const rows = bottom - top + 1;
  const columns = right - left + 1;
  if (rows * columns === cells.size) {
    const values: SheetsValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: SheetsValue[] = [];
      for (let c = left; c <= right; c++) row.push(cells.get(key(r, c))!);
      values.push(row);
    }
    return [
      { kind: "grid", sheet, property, range: { row: top, column: left, rows, columns }, values },
    ];
  }
  // Sparse: per value, the cells as column runs.
  const byValue = new Map<SheetsValue, number[]>();
  for (const [k, v] of cells) {
    const list = byValue.get(v);
    if (list) list.push(k);
    else byValue.set(v, [k]);
  }
  const out: FormatWrite[] = [];
  for (const [value, keys] of byValue) {
    // Column-major order, so a run down a column is adjacent.
    keys.sort((a, b) => (a % 65536) - (b % 65536) || a - b);
    const ranges: string[] = [];
    let start = keys[0]!;
    let prev = start;
    for (let i = 1; i <= keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k === prev + 65536) {
        prev = k;
        continue;
      }
      const r0 = Math.floor(start / 65536);
      ranges.push(a1Range(r0, start % 65536, Math.floor(prev / 65536) - r0 + 1, 1));
      if (k !== undefined) start = prev = k;
    }
    out.push({ kind: "list", sheet, property, ranges, value });
  }
  return out;
}
