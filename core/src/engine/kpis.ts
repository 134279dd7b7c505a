/**
 * KPI rules (DESIGN.md "Status rules", KPI).
 *
 * The forecast is the value at Target Date of the least-squares line through the KPI's
 * Actuals, each placed at the last day of its period. Every Actual counts, so two for one
 * period (a validation error) both pull on the line. Fewer than two Actuals, or Actuals in a
 * single period only, give no line: Amber, reason `kpi-no-data`, no forecast.
 *
 * Judging a value against the Target: with d = +1 for Increase and −1 for Decrease, the
 * required change is d·(Target − Baseline) and the change reached d·(value − Baseline).
 * Green when the value meets the Target (d·value ≥ d·Target); Amber when the change reached
 * is at least 90% of the required change; Red otherwise. Without a Direction, the one from
 * Baseline towards Target is taken. When Direction contradicts Baseline and Target (a
 * validation error), the required change is negative and there is no Amber band: the value
 * meets the Target or it does not.
 *
 * Once Target Date has passed there is nothing left to forecast: the KPI is judged on its
 * latest Actual, which is also shown as the forecast (reasons `kpi-missed`, `kpi-nearly-met`).
 * A KPI without Baseline, Target or Target Date cannot be judged: Amber, `kpi-incomplete`.
 */
import { daysFromIso } from "../cells/dates.ts";
import type { Kpi } from "../template/sheets.ts";
import type { Calendar } from "./calendar.ts";
import type { KpiSeries } from "./checkins.ts";
import type { Reason } from "./reasons.ts";

export interface KpiResult {
  readonly status: "Green" | "Amber" | "Red";
  readonly latest: number | null;
  readonly forecast: number | null;
  readonly reasons: Reason[];
}

const NONE: readonly string[] = [];
const amber = (code: Reason["code"], latest: number | null): KpiResult => ({
  status: "Amber",
  latest,
  forecast: null,
  reasons: [{ code, refs: NONE }],
});

/** Drops the noise of floating-point sums (38.400000000000006) without losing real digits. */
const clean = (x: number) => Number(x.toPrecision(12));

export function kpiStatus(k: Kpi, s: KpiSeries | undefined, cal: Calendar): KpiResult {
  const latest = s ? s.latest : null;
  const targetDay = k.targetDate === null ? undefined : daysFromIso(k.targetDate);
  if (k.baseline === null || k.target === null || targetDay === undefined)
    return amber("kpi-incomplete", latest);
  // Spread of the x values (days, relative to the as-of day): zero when all sit in one period.
  const sxx = s ? s.sxx - (s.sx * s.sx) / s.n : 0;
  if (!s || s.n < 2 || !(sxx > 0)) return amber("kpi-no-data", latest);
  const ended = cal.today > targetDay;
  let value: number;
  if (ended) value = s.latest;
  else {
    const meanX = s.sx / s.n;
    const meanY = s.sy / s.n;
    const slope = (s.sxy - s.sx * meanY) / sxx;
    value = meanY + slope * (targetDay - cal.today - meanX);
  }
  const d = k.direction ? (k.direction === "Increase" ? 1 : -1) : k.target >= k.baseline ? 1 : -1;
  const tolerance = 1e-9 * Math.max(1, Math.abs(k.target), Math.abs(k.baseline));
  const required = d * (k.target - k.baseline);
  const reached = d * (value - k.baseline);
  const forecast = clean(value);
  if (d * (value - k.target) >= -tolerance)
    return { status: "Green", latest, forecast, reasons: [] };
  if (required > 0 && reached >= 0.9 * required - tolerance)
    return {
      status: "Amber",
      latest,
      forecast,
      reasons: [{ code: ended ? "kpi-nearly-met" : "kpi-behind", refs: NONE }],
    };
  return {
    status: "Red",
    latest,
    forecast,
    reasons: [{ code: ended ? "kpi-missed" : "kpi-off-track", refs: NONE }],
  };
}
