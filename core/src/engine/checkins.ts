/**
 * One pass over the check-ins, digested per ID: for an initiative its latest check-in, for a
 * KPI the running sums a least-squares line needs and its latest Actual.
 *
 * "Latest" is by period, not by row: a check-in typed late for an earlier week does not become
 * the latest. Two check-ins for one ID and period (a validation error) are resolved in favour
 * of the row further down, the one entered last. Check-ins for periods that start after the as-of day
 * are left out, so an evaluation as of a past date sees what was known then. An initiative's
 * check-in without a RAG (a validation error) says nothing about its status and is skipped.
 */
import { idKind } from "../template/ids.ts";
import { parsePeriod, periodEndDays, periodStartDays } from "../template/periods.ts";
import type { Workbook } from "../workbook/read.ts";
import type { Rag } from "../template/sheets.ts";
import type { Calendar } from "./calendar.ts";

export interface LatestCheckin {
  readonly period: string;
  /** Last day of the period, as a day number. */
  readonly endDay: number;
  readonly rag: Rag;
  readonly row: number;
}

/** Sums over a KPI's Actuals with x = period end day − as-of day (small numbers, exact sums). */
export interface KpiSeries {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  sxy: number;
  latest: number;
  latestEnd: number;
  latestRow: number;
}

export interface CheckinDigest {
  readonly latest: ReadonlyMap<string, LatestCheckin>;
  readonly series: ReadonlyMap<string, KpiSeries>;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export function digestCheckins(wb: Workbook, cal: Calendar): CheckinDigest {
  const spans = new Map<string, Span | null>();
  const spanOf = (text: string): Span | null => {
    let s = spans.get(text);
    if (s === undefined) {
      const p = parsePeriod(text);
      s = p ? { start: periodStartDays(p), end: periodEndDays(p) } : null;
      spans.set(text, s);
    }
    return s;
  };
  const latest = new Map<string, LatestCheckin>();
  const series = new Map<string, KpiSeries>();
  for (const ci of wb.checkins) {
    const span = spanOf(ci.period);
    if (!span || span.start > cal.today) continue;
    const kind = idKind(ci.id);
    if (kind === "initiative") {
      if (ci.rag === null) continue;
      const prev = latest.get(ci.id);
      if (!prev || span.end > prev.endDay || (span.end === prev.endDay && ci.row > prev.row))
        latest.set(ci.id, { period: ci.period, endDay: span.end, rag: ci.rag, row: ci.row });
    } else if (kind === "kpi") {
      const y = ci.actual;
      if (y === null || !Number.isFinite(y)) continue;
      const x = span.end - cal.today;
      let s = series.get(ci.id);
      if (!s) {
        s = { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0, latest: y, latestEnd: span.end, latestRow: ci.row };
        series.set(ci.id, s);
      } else if (span.end > s.latestEnd || (span.end === s.latestEnd && ci.row > s.latestRow)) {
        s.latest = y;
        s.latestEnd = span.end;
        s.latestRow = ci.row;
      }
      s.n++;
      s.sx += x;
      s.sy += y;
      s.sxx += x * x;
      s.sxy += x * y;
    }
  }
  return { latest, series };
}
