/**
 * Where each check-in of a workbook points, worked out once per workbook read: the record its
 * ID names and the days its period spans. Validation and every evaluation of one read (a board
 * summary evaluates as of two days) walk the check-ins several times; with this each walk is a
 * loop over typed arrays, with no lookup by text per row.
 *
 * A check-in names an initiative or a KPI by ID, and the first row with that ID receives it,
 * an initiative before a KPI, as the status rules read it.
 */
import { parsePeriod, periodEndDays, periodStartDays } from "../template/periods.ts";
import type { Workbook } from "../workbook/read.ts";

/** The days of a period that does not read: after every day, so its check-in never counts. */
const NEVER = 0x7fffffff;

/** Each array is by check-in, in the order of `checkins`. */
export interface CheckinPlaces {
  /** The index in `initiatives` of the first row with the check-in's ID, or -1. */
  readonly initiative: Int32Array;
  /** The index in `kpis` of the first row with the ID when no initiative has it, or -1. */
  readonly kpi: Int32Array;
  /** The first day of its period (a day number), `NEVER` when the period does not read. */
  readonly start: Int32Array;
  /** The last day of its period, `NEVER` when the period does not read. */
  readonly end: Int32Array;
  /** Each initiative ID's first row index. */
  readonly initiativeIndex: ReadonlyMap<string, number>;
  /** Each KPI ID's first row index. */
  readonly kpiIndex: ReadonlyMap<string, number>;
}

// A workbook is never changed once read (its type is read-only throughout), so its places hold.
const cache = new WeakMap<Workbook, CheckinPlaces>();

export function checkinPlaces(wb: Workbook): CheckinPlaces {
  let places = cache.get(wb);
  if (!places) cache.set(wb, (places = placesOf(wb)));
  return places;
}

function firstIndexById(rows: readonly { readonly id: string }[]): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) if (!first.has(rows[i]!.id)) first.set(rows[i]!.id, i);
  return first;
}

function placesOf(wb: Workbook): CheckinPlaces {
  const initiativeIndex = firstIndexById(wb.initiatives);
  const kpiIndex = firstIndexById(wb.kpis);
  // A sheet holds a few dozen periods over many rows: each is parsed once.
  const spans = new Map<string, { readonly start: number; readonly end: number }>();
  const spanOf = (text: string) => {
    let s = spans.get(text);
    if (s === undefined) {
      const p = parsePeriod(text);
      s = p ? { start: periodStartDays(p), end: periodEndDays(p) } : { start: NEVER, end: NEVER };
      spans.set(text, s);
    }
    return s;
  };

  const checkins = wb.checkins;
  const n = checkins.length;
  const initiative = new Int32Array(n);
  const kpi = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let at = 0; at < n; at++) {
    const ci = checkins[at]!;
    const i = initiativeIndex.get(ci.id);
    initiative[at] = i ?? -1;
    kpi[at] = i === undefined ? (kpiIndex.get(ci.id) ?? -1) : -1;
    const span = spanOf(ci.period);
    start[at] = span.start;
    end[at] = span.end;
  }
  return { initiative, kpi, start, end, initiativeIndex, kpiIndex };
}
