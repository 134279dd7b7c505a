import { checkin, kpi } from "../support/grids.ts";

/** One KPI with one decimal in its data, one of whole thousands: forecasts like 31.4676 and 3344.33. */
export const PRECISION_WORLD = {
  kpis: [
    kpi("KPI-1", "OBJ-1", { Baseline: 20.5, Target: 40, "Target Date": "2027-03-31" }),
    kpi("KPI-2", "OBJ-1", { Baseline: 2000, Target: 4000, "Target Date": "2027-03-31" }),
  ],
  checkins: [
    checkin("2026-W44", "KPI-1", { Actual: 24.1 }),
    checkin("2026-W45", "KPI-1", { Actual: 25.3 }),
    checkin("2026-W46", "KPI-1", { Actual: 25.9 }),
    checkin("2026-W47", "KPI-1", { Actual: 27 }),
    checkin("2026-W44", "KPI-2", { Actual: 2410 }),
    checkin("2026-W45", "KPI-2", { Actual: 2475 }),
    checkin("2026-W46", "KPI-2", { Actual: 2560 }),
    checkin("2026-W47", "KPI-2", { Actual: 2598 }),
  ],
};
