/**
 * The summary's period is the period of the workbook's cadence that holds the as-of day, and
 * "what changed" compares with the workbook judged as of the last day of the period before.
 */
import { describe, expect, it } from "vitest";
import { evaluate, summarize, validateGrids } from "@baton/core";
import { handoff, objective, workbookGrids } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, LAST_WEEK_END, ini, plus, summarized } from "./support.ts";

const monthly = { settings: { Cadence: "Monthly", "Current Period": "2026-11" } };

describe("the summary's period holds the as-of day", () => {
  it("is the ISO week on a weekly cadence: Thursday 2026-11-26 is in 2026-W48", () => {
    expect(summarized({}).summary).toMatchObject({
      asOf: AS_OF,
      cadence: "Weekly",
      period: "2026-W48",
    });
  });

  it("is the month on a monthly cadence", () => {
    expect(summarized(monthly).summary).toMatchObject({ cadence: "Monthly", period: "2026-11" });
  });

  it("follows ISO week-years: 1 January 2027, a Friday, is in 2026-W53 (2026 began on a Thursday)", () => {
    expect(summarized({}, "2027-01-01").summary.period).toBe("2026-W53");
  });
});

describe("what changed compares with the last day of the previous period", () => {
  it("is the Sunday that ended last week, whichever day of this week the summary is made", () => {
    for (const day of [plus(LAST_WEEK_END, 1), AS_OF, plus(LAST_WEEK_END, 7)])
      expect(summarized({}, day).summary.since).toEqual({ period: LAST_WEEK, asOf: LAST_WEEK_END });
  });

  it("is the last day of last month on a monthly cadence, across a year end too", () => {
    expect(summarized(monthly).summary.since).toEqual({ period: "2026-10", asOf: "2026-10-31" });
    expect(summarized(monthly, "2027-01-15").summary.since).toEqual({
      period: "2026-12",
      asOf: "2026-12-31",
    });
  });

  it("is the day the earlier judgement is made on: a hand-off needed on that day was not yet late then", () => {
    const { summary } = summarized({
      initiatives: [ini("INI-1"), ini("INI-2")],
      handoffs: [
        handoff("DEP-1", "INI-1", "INI-2", { "Needed By": LAST_WEEK_END }),
        handoff("DEP-2", "INI-1", "INI-2", { "Needed By": plus(LAST_WEEK_END, -1) }),
      ],
    });
    const late = summary.changes.filter((c) => c.kind === "became-late").map((c) => c.id);
    expect(late).toEqual(["DEP-1"]);
  });

  it("counts the headline's earlier statuses as the engine judges them on that day", () => {
    const grids = workbookGrids({
      objectives: [objective("OBJ-1")],
      initiatives: [
        ini("INI-1", { Due: plus(AS_OF, -2) }),
        ini("INI-2", { Due: plus(AS_OF, -10) }),
      ],
      settings: { "Current Period": "2026-W48" },
    });
    const { workbook } = validateGrids(grids);
    const summary = summarize(workbook, { asOf: AS_OF });
    const then = evaluate(workbook, { asOf: summary.since.asOf });
    // INI-2 was already overdue on the Sunday; INI-1 fell due on Tuesday.
    expect(then.initiatives.map((i) => i.status)).toEqual(["Green", "Red"]);
    expect(summary.headline.initiatives.before).toMatchObject({ Red: 1, Green: 1 });
    expect(summary.headline.initiatives.now).toMatchObject({ Red: 2, Green: 0 });
  });
});

describe("a date that is not a date", () => {
  it("is refused with a RangeError, as the engine refuses it", () => {
    const { workbook } = validateGrids(workbookGrids({}));
    expect(() => summarize(workbook, { asOf: "26/11/2026" })).toThrow(RangeError);
  });
});
