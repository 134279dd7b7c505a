import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarOf, daysFromIso, isoFromDays } from "@baton/core";
import { closedPeriodsAfter, periodIndex } from "../../core/src/engine/calendar.ts";

const day = (iso: string) => daysFromIso(iso)!;
const weekday = (iso: string) => new Date(iso + "T00:00:00Z").getUTCDay(); // 0 Sunday … 6 Saturday

/** Business days in (from, to], counted one day at a time: the oracle. */
function slowCount(from: string, to: string, holidays: readonly string[]): number {
  let n = 0;
  for (let d = day(from) + 1; d <= day(to); d++) {
    const iso = isoFromDays(d);
    const wd = weekday(iso);
    if (wd !== 0 && wd !== 6 && !holidays.includes(iso)) n++;
  }
  return n;
}

describe("business days skip weekends and the Settings' Holidays", () => {
  it("counts Monday to Friday only", () => {
    const cal = calendarOf("2026-11-26", [], "Weekly");
    // Thursday to the next Thursday: Fri, Mon, Tue, Wed, Thu.
    expect(cal.businessDaysBetween(day("2026-11-26"), day("2026-12-03"))).toBe(5);
    expect(cal.isBusinessDay(day("2026-11-28"))).toBe(false);
    expect(cal.addBusinessDays(day("2026-11-27"), 1)).toBe(day("2026-11-30"));
  });
  it("skips a holiday on a weekday, and a holiday on a weekend changes nothing", () => {
    const cal = calendarOf("2026-11-26", ["2026-11-30", "2026-11-29"], "Weekly");
    expect(cal.businessDaysBetween(day("2026-11-26"), day("2026-12-03"))).toBe(4);
    expect(cal.addBusinessDays(day("2026-11-27"), 1)).toBe(day("2026-12-01"));
  });
  it("agrees with counting day by day, for any range and holidays", () => {
    const date = fc.integer({ min: day("2025-01-01"), max: day("2028-12-31") }).map(isoFromDays);
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 60 }),
        fc.array(date, { maxLength: 8 }),
        (from, span, holidays) => {
          const to = isoFromDays(day(from) + span);
          const cal = calendarOf(from, holidays, "Weekly");
          const n = slowCount(from, to, holidays);
          expect(cal.businessDaysBetween(day(from), day(to))).toBe(n);
          // The n-th business day after `from` is the last business day up to `to`.
          if (n > 0)
            expect(slowCount(from, isoFromDays(cal.addBusinessDays(day(from), n)), holidays)).toBe(
              n,
            );
        },
      ),
    );
  });
  it("refuses an as-of date that is not a date", () => {
    expect(() => calendarOf("26/11/2026", [], "Weekly")).toThrow(RangeError);
  });
});

describe("closed periods: the periods of the cadence that ended before the as-of day", () => {
  it("counts whole weeks between the period last reported and the current one", () => {
    const cal = calendarOf("2026-11-26", [], "Weekly"); // Thursday of 2026-W48
    expect(closedPeriodsAfter(cal, day("2026-11-22"))).toBe(0); // reported for W47: nothing missed yet
    expect(closedPeriodsAfter(cal, day("2026-11-15"))).toBe(1); // W46: W47 passed without a report
    expect(closedPeriodsAfter(cal, day("2026-11-26"))).toBe(0);
  });
  it("does not count the current period on its last day", () => {
    const sunday = calendarOf("2026-11-29", [], "Weekly");
    expect(closedPeriodsAfter(sunday, day("2026-11-22"))).toBe(0);
  });
  it("counts months for a monthly cadence, across a year end", () => {
    const cal = calendarOf("2027-02-10", [], "Monthly");
    expect(closedPeriodsAfter(cal, day("2026-11-30"))).toBe(2); // December and January passed
    expect(
      periodIndex(day("2027-01-01"), "Monthly") - periodIndex(day("2026-12-31"), "Monthly"),
    ).toBe(1);
  });
  it("numbers ISO weeks consecutively across a year with 53 weeks", () => {
    // 2026-12-28 is Monday of 2026-W53, 2027-01-04 Monday of 2027-W01.
    expect(
      periodIndex(day("2027-01-04"), "Weekly") - periodIndex(day("2026-12-28"), "Weekly"),
    ).toBe(1);
    expect(periodIndex(day("2027-01-03"), "Weekly")).toBe(periodIndex(day("2026-12-28"), "Weekly"));
  });
});
