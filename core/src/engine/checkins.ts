/**
 * One pass over the check-ins, digested per initiative and KPI: for an initiative its latest
 * check-in, for a KPI the running sums a least-squares line needs and its latest Actual.
 *
 * "Latest" is by period, not by row: a check-in typed late for an earlier week does not become
 * the latest. Two check-ins for one ID and period (a validation error) are resolved in favour
 * of the row further down, the one entered last. Check-ins for periods that start after the
 * as-of day are left out, so an evaluation as of a past date sees what was known then. An
 * initiative's check-in without a RAG (a validation error) says nothing about its status and
 * is skipped. A check-in names its initiative or KPI by ID, and the first row with that ID
 * receives it.
 *
 * The sums live in typed arrays indexed like the records, so a quarter of a million check-ins
 * allocate nothing per row.
 */
import { decimalsOf } from "../cells/precision.ts";
import { checkinPlaces } from "./checkin-places.ts";
import type { Workbook } from "../workbook/read.ts";
import type { Rag } from "../template/sheets.ts";
import type { Calendar } from "./calendar.ts";

export interface LatestCheckin {
  readonly period: string;
  /** Last day of the period, as a day number. */
  readonly endDay: number;
  readonly rag: Rag;
}

/** Sums over a KPI's Actuals with x = period end day − as-of day (small whole numbers, so exact). */
export interface KpiSeries {
  readonly n: number;
  readonly sx: number;
  readonly sy: number;
  readonly sxx: number;
  readonly sxy: number;
  /** The Actual of the latest period. */
  readonly latest: number;
  /** The most decimals among the Actuals (see cells/precision.ts). */
  readonly decimals: number;
}

export interface CheckinDigest {
  /** By initiative record index (first rows of their IDs only). */
  readonly latest: readonly (LatestCheckin | undefined)[];
  /** By KPI record index (first rows of their IDs only). */
  readonly series: readonly (KpiSeries | undefined)[];
}

const RAG_CODE: Readonly<Record<Rag, number>> = { Green: 1, Amber: 2, Red: 3 };
const RAG_OF: readonly Rag[] = ["Green", "Green", "Amber", "Red"];

/** Digests the check-ins as of the calendar's day (see `checkinPlaces` for whose each one is). */
export function digestCheckins(wb: Workbook, cal: Calendar): CheckinDigest {
  const places = checkinPlaces(wb);
  const nI = wb.initiatives.length;
  const iEnd = new Float64Array(nI).fill(-Infinity);
  const iRow = new Int32Array(nI);
  const iRag = new Uint8Array(nI);
  const iPeriod: string[] = new Array(nI);

  const nK = wb.kpis.length;
  const kN = new Int32Array(nK);
  const kSx = new Float64Array(nK);
  const kSy = new Float64Array(nK);
  const kSxx = new Float64Array(nK);
  const kSxy = new Float64Array(nK);
  const kLatest = new Float64Array(nK);
  const kEnd = new Float64Array(nK).fill(-Infinity);
  const kRow = new Int32Array(nK);
  const kDecimals = new Uint8Array(nK);

  const checkins = wb.checkins;
  for (let at = 0; at < checkins.length; at++) {
    const start = places.start[at]!;
    if (start > cal.today) continue;
    const end = places.end[at]!;
    const ci = checkins[at]!;
    const i = places.initiative[at]!;
    if (i >= 0) {
      if (ci.rag === null) continue;
      if (end > iEnd[i]! || (end === iEnd[i] && ci.row > iRow[i]!)) {
        iEnd[i] = end;
        iRow[i] = ci.row;
        iRag[i] = RAG_CODE[ci.rag];
        iPeriod[i] = ci.period;
      }
      continue;
    }
    const k = places.kpi[at]!;
    if (k < 0) continue;
    const y = ci.actual;
    if (y === null || !Number.isFinite(y)) continue;
    const x = end - cal.today;
    kN[k]!++;
    kSx[k]! += x;
    kSy[k]! += y;
    kSxx[k]! += x * x;
    kSxy[k]! += x * y;
    const d = decimalsOf(y);
    if (d > kDecimals[k]!) kDecimals[k] = d;
    if (end > kEnd[k]! || (end === kEnd[k] && ci.row > kRow[k]!)) {
      kEnd[k] = end;
      kRow[k] = ci.row;
      kLatest[k] = y;
    }
  }

  const latest: (LatestCheckin | undefined)[] = new Array(nI);
  for (let i = 0; i < nI; i++)
    if (iRag[i]) latest[i] = { period: iPeriod[i]!, endDay: iEnd[i]!, rag: RAG_OF[iRag[i]!]! };
  const series: (KpiSeries | undefined)[] = new Array(nK);
  for (let k = 0; k < nK; k++)
    if (kN[k])
      series[k] = {
        n: kN[k]!,
        sx: kSx[k]!,
        sy: kSy[k]!,
        sxx: kSxx[k]!,
        sxy: kSxy[k]!,
        latest: kLatest[k]!,
        decimals: kDecimals[k]!,
      };
  return { latest, series };
}
