import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import {
  daysFromIso,
  isoFromDays,
  isoFromSerial,
  serialFromIso,
  localDateTimeFromSerial,
  isoFromInstant,
  parsePeriod,
  formatPeriod,
  periodOf,
  periodStart,
  periodEnd,
  nextPeriod,
  previousPeriod,
  periodsBetween,
  a1,
  columnLetters,
  columnNumber,
} from "@baton/core";

describe("serials", () => {
  it("count days from 1899-12-30, as Excel (1900 system) and Sheets do", () => {
    expect(isoFromSerial(45658)).toBe("2025-01-01");
    expect(serialFromIso("2026-11-26")).toBe(46352);
    expect(isoFromSerial(61)).toBe("1900-03-01");
    expect(localDateTimeFromSerial(46352.75)).toBe("2026-11-26T18:00:00");
  });
  it("round-trip with ISO dates across the spreadsheet range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        expect(serialFromIso(isoFromSerial(s))).toBe(s);
      }),
    );
  });
  it("agree with luxon on every day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 2932896 }), (days) => {
        expect(isoFromDays(days)).toBe(
          DateTime.fromMillis(days * 86400000, { zone: "UTC" }).toISODate(),
        );
        expect(daysFromIso(isoFromDays(days))).toBe(days);
      }),
    );
  });
  it("reject dates that do not exist", () => {
    expect(daysFromIso("2026-02-29")).toBeUndefined();
    expect(daysFromIso("2028-02-29")).toBeDefined();
    expect(daysFromIso("2026-13-01")).toBeUndefined();
  });
  it("read only YYYY-MM-DD in ASCII digits: near misses and other digits are not dates", () => {
    for (const text of ["2026-1-05", "2026-01-5", " 2026-01-05", "2026-01-05 ", "2026/01/05"])
      expect(daysFromIso(text)).toBeUndefined();
    // Arabic-Indic and fullwidth digits look like digits to people, not to the ISO format.
    expect(daysFromIso("٢٠٢٦-01-05")).toBeUndefined();
    expect(daysFromIso("２０２６-01-05")).toBeUndefined();
    expect(daysFromIso("2026-00-10")).toBeUndefined();
    expect(daysFromIso("2026-01-00")).toBeUndefined();
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9\-/:T ٠-٩]{8,12}$/), (text) => {
        const days = daysFromIso(text);
        if (!iso.test(text)) expect(days).toBeUndefined();
        else if (days !== undefined) expect(isoFromDays(days)).toBe(text);
      }),
    );
  });
  it("give a serial's time of day to the second, agreeing with luxon", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        fc.integer({ min: 0, max: 86399 }),
        (day, second) => {
          const serial = day + second / 86400;
          const expected = DateTime.fromMillis(
            Date.UTC(1899, 11, 30) + day * 86400000 + second * 1000,
            { zone: "UTC" },
          ).toFormat("yyyy-MM-dd'T'HH:mm:ss");
          expect(localDateTimeFromSerial(serial)).toBe(expected);
        },
      ),
    );
    // The last second of 9999-12-31 rounded up is the next day, five digits of year and all.
    expect(localDateTimeFromSerial(2958465 + 86399.6 / 86400)).toBe("10000-01-01T00:00:00");
  });
});

describe("instants in the workbook's time zone", () => {
  it("fall on the zone's calendar day", () => {
    const instant = new Date("2026-11-26T23:30:00Z");
    expect(isoFromInstant(instant, "UTC")).toBe("2026-11-26");
    expect(isoFromInstant(instant, "Europe/Berlin")).toBe("2026-11-27");
    expect(isoFromInstant(instant, "America/Los_Angeles")).toBe("2026-11-26");
  });
});

describe("periods", () => {
  it("parse ISO weeks and months and reject the impossible", () => {
    expect(parsePeriod("2026-w48")).toEqual({ kind: "week", year: 2026, week: 48 });
    expect(parsePeriod("2026-11")).toEqual({ kind: "month", year: 2026, month: 11 });
    expect(parsePeriod("2027-W53")).toBeUndefined(); // 1 January 2027 is a Friday: 52 ISO weeks
    expect(parsePeriod("2026-W53")).toBeDefined(); // 1 January 2026 is a Thursday: 53
    expect(parsePeriod("2020-W53")).toBeDefined(); // a leap year starting on a Wednesday: 53
    expect(parsePeriod("2026-13")).toBeUndefined();
  });
  it("give ISO week bounds Monday to Sunday, agreeing with luxon", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (days) => {
        const iso = isoFromDays(days);
        const dt = DateTime.fromISO(iso, { zone: "UTC" });
        const p = periodOf(iso, "Weekly");
        expect(formatPeriod(p)).toBe(`${dt.weekYear}-W${String(dt.weekNumber).padStart(2, "0")}`);
        expect(periodStart(p)).toBe(dt.startOf("week").toISODate());
        expect(periodEnd(p)).toBe(dt.endOf("week").toISODate());
        expect(formatPeriod(previousPeriod(nextPeriod(p)))).toBe(formatPeriod(p));
        expect(periodsBetween(p, nextPeriod(nextPeriod(p)))).toBe(2);
      }),
    );
  });
  it("cross year ends: 2026-W52 is followed by 2026-W53, then 2027-W01", () => {
    expect(formatPeriod(nextPeriod(parsePeriod("2026-W52")!))).toBe("2026-W53");
    expect(formatPeriod(nextPeriod(parsePeriod("2026-W53")!))).toBe("2027-W01");
    expect(periodStart(parsePeriod("2026-W53")!)).toBe("2026-12-28");
    expect(formatPeriod(nextPeriod(parsePeriod("2026-12")!))).toBe("2027-01");
    expect(periodEnd(parsePeriod("2028-02")!)).toBe("2028-02-29");
  });
});

describe("A1 addresses", () => {
  it("round-trip column letters", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(28)).toBe("AB");
    expect(a1(5, 2)).toBe("B5");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => {
        expect(columnNumber(columnLetters(n))).toBe(n);
      }),
    );
  });
});
