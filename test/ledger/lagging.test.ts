/**
 * A lagging Current Period (DESIGN.md, the ledger): a team that never closed keeps Current
 * Period at its first week while it records 21 weeks of check-ins. Close judges "has begun" by
 * the calendar in the workbook's time zone and moves Current Period past the period closed; the
 * lag is one warning on the Settings cell, not one per check-in; a check-in for a period that
 * has not begun stays a warning on its own row.
 */
import { describe, expect, it } from "vitest";
import { SHEET, closePeriod, validateGrids, type Grids, type ValidationIssue } from "@baton/core";
import { checkin, initiative, smallWorkbook, workbookGrids } from "../support/grids.ts";

const WEEKS = Array.from({ length: 21 }, (_, i) => `2026-W${String(i + 1).padStart(2, "0")}`);
/** Wednesday of 2026-W22: every one of the 21 weeks has begun, W22 is this week. */
const TODAY = "2026-05-27";

function tracker(extra: ReturnType<typeof checkin>[] = []): Grids {
  const ids = Array.from({ length: 200 }, (_, i) => `INI-${i + 1}`);
  return workbookGrids({
    ...smallWorkbook({
      initiatives: ids.slice(2).map((id) => initiative(id, "OBJ-1")),
      settings: { "Current Period": "2026-W01", "Time Zone": "Europe/Berlin" },
    }),
    // Progress moves every week: a Green whose Progress % stands still is a false green, a
    // warning of its own that this test is not about.
    checkins: [
      ...WEEKS.flatMap((w, k) => ids.map((id) => checkin(w, id, { "Progress %": (k + 1) / 25 }))),
      ...extra,
    ],
  });
}

const codes = (issues: readonly ValidationIssue[], code: string) =>
  issues.filter((i) => i.code === code);

describe("a Current Period that lags the check-ins", () => {
  it("is one warning on the Settings cell, not one per check-in", () => {
    const grids = tracker();
    const { issues } = validateGrids(grids, [], { today: TODAY });
    expect(codes(issues, "checkin-future-period")).toEqual([]);
    const lag = codes(issues, "current-period-lags");
    expect(lag).toHaveLength(1);
    const row = grids[SHEET.settings]!.findIndex((r) => r[0] === "Current Period") + 1;
    expect(lag[0]).toMatchObject({ severity: "warning", sheet: SHEET.settings, cell: `B${row}` });
    expect(lag[0]!.message).toContain("4000 check-ins");
    expect(lag[0]!.message).toContain("up to 2026-W21");
    expect(lag[0]!.fix).toContain("2026-W22");
    expect(issues.length).toBeLessThanOrEqual(2);
  });

  it("leaves a check-in for a period that has not begun as a warning on its own row", () => {
    const grids = tracker([checkin("2026-W30", "INI-1")]);
    const { issues } = validateGrids(grids, [], { today: TODAY });
    const future = codes(issues, "checkin-future-period");
    expect(future).toHaveLength(1);
    expect(future[0]).toMatchObject({ sheet: SHEET.checkins, row: grids[SHEET.checkins]!.length });
    expect(future[0]!.message).toContain("after the current period 2026-W22");
    expect(codes(issues, "current-period-lags")).toHaveLength(1);
  });

  it("closes the last week that has begun and moves Current Period past it", () => {
    const grids = tracker();
    const result = closePeriod({ grids, anchor: null, period: "2026-W21", today: TODAY });
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ sealed: 4200, currentPeriod: "2026-W22" });
    expect(result.closedPeriods).toEqual(WEEKS);
    expect(
      result.plan.ops.some(
        (op) =>
          op.op === "values" && op.sheet === SHEET.settings && op.values[0]![0] === "2026-W22",
      ),
    ).toBe(true);
  });

  it("judges by the calendar in the workbook's time zone: a week that has not begun there is refused", () => {
    // Sunday 2026-05-31 23:30 UTC is already Monday of 2026-W23 in Berlin.
    const late = new Date("2026-05-31T23:30:00Z");
    const begun = closePeriod({ grids: tracker(), anchor: null, period: "2026-W23", now: late });
    expect(begun).toMatchObject({ ok: true, currentPeriod: "2026-W24" });
    const early = new Date("2026-05-31T21:30:00Z");
    const refused = closePeriod({ grids: tracker(), anchor: null, period: "2026-W23", now: early });
    expect(refused).toMatchObject({ ok: false, reason: "future-period" });
    if (!refused.ok) expect(refused.message).toContain("2026-W23 has not begun");
  });
});
