/**
 * How the whole sheet writes numbers and dates, decided once from all of it: the decimal mark
 * (from the numbers only one mark can read), the day/month order (from the dates only one order
 * can read), and whether each percentage column holds fractions or percent points.
 */
import type { CellValue, Grid } from "../cells/values.ts";
import { readDateCell, type DateOrder, type DateReading } from "./dates.ts";
import { readNumber, readPercentParts, type Decimal } from "./numbers.ts";
import type { ColumnInfo } from "./mapping.ts";
import type { FieldKey } from "./vocabulary.ts";

export interface Conventions {
  readonly decimal: Decimal;
  /** Numbers written with each mark, when both appear. */
  readonly marks: { readonly comma: number; readonly point: number };
  readonly dateOrder: DateOrder;
  /** Dates that prove each order, and the first row of each. */
  readonly proofs: {
    readonly dmy: number;
    readonly mdy: number;
    readonly firstRow: Readonly<Record<DateOrder, number | undefined>>;
  };
  /** Percentage columns that hold points (40 for 40%), by column. */
  readonly percentPoints: ReadonlyMap<number, boolean>;
  /** A cell as a percentage or number, in the sheet's mark (or the other, for values only it can read). */
  percentParts(v: CellValue): { n: number; sign: boolean } | undefined;
  numberOf(v: CellValue): number | undefined;
  /** A cell's date readings, remembered by text (trackers repeat their dates). */
  readingOf(v: CellValue): DateReading | undefined;
}

export interface ConventionInputs {
  readonly grid: Grid;
  readonly dataRows: readonly number[];
  readonly columns: readonly ColumnInfo[];
  /** Columns of the date fields this kind of sheet reads. */
  readonly dateColumns: readonly number[];
  readonly colOf: ReadonlyMap<FieldKey, number>;
  readonly zone: string;
  readonly decimal?: Decimal;
  readonly dateOrder?: DateOrder;
}

export function conventionsOf(i: ConventionInputs): Conventions {
  let comma = 0;
  let point = 0;
  for (const c of i.columns) {
    comma += c.profile.decimal.comma;
    point += c.profile.decimal.point;
  }
  const decimal: Decimal = i.decimal ?? (comma > point ? "comma" : "point");
  const other: Decimal = decimal === "comma" ? "point" : "comma";
  // The sheet's mark decides what is ambiguous (1,234); a value only the other mark can read (3.2 in a comma sheet) is read so.
  const percentParts = (v: CellValue) => readPercentParts(v, decimal) ?? readPercentParts(v, other);
  const numberOf = (v: CellValue) => readNumber(v, decimal) ?? readNumber(v, other);

  const readings = new Map<string, DateReading | undefined>();
  const readingOf = (v: CellValue): DateReading | undefined => {
    if (typeof v !== "string") return readDateCell(v, i.zone);
    if (readings.has(v)) return readings.get(v);
    const d = readDateCell(v, i.zone);
    if (readings.size < 100000) readings.set(v, d);
    return d;
  };
  let dmy = 0;
  let mdy = 0;
  const firstRow: Record<DateOrder, number | undefined> = { dmy: undefined, mdy: undefined };
  for (const c of i.dateColumns)
    for (const r of i.dataRows) {
      const d = readingOf(i.grid[r]![c]);
      if (d && "fixed" in d && d.proves) {
        if (d.proves === "dmy") dmy++;
        else mdy++;
        firstRow[d.proves] ??= r + 1;
      }
    }
  const dateOrder: DateOrder = i.dateOrder ?? (mdy > dmy ? "mdy" : "dmy");

  const percentPoints = new Map<number, boolean>();
  for (const f of ["progress", "probability", "impact"] as FieldKey[]) {
    const c = i.colOf.get(f);
    if (c === undefined) continue;
    let points = false;
    for (const r of i.dataRows) {
      const p = percentParts(i.grid[r]![c]);
      if (p && !p.sign && p.n > 1) {
        points = true;
        break;
      }
    }
    percentPoints.set(c, points);
  }
  return {
    decimal,
    marks: { comma, point },
    dateOrder,
    proofs: { dmy, mdy, firstRow },
    percentPoints,
    percentParts,
    numberOf,
    readingOf,
  };
}
