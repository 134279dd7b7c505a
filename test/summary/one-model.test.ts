/**
 * The board summary's "what changed" and the notifications come from one model (rhythm/news.ts):
 * told nothing since the previous period ended, the notifications name the same hand-offs and
 * initiatives turned Red that the summary lists.
 */
import { describe, expect, it } from "vitest";
import {
  calendarOf,
  evaluate,
  eventsSince,
  snapshotOf,
  sponsorsOf,
  summarize,
  validateGrids,
} from "@baton/core";
import { SHEET } from "@baton/core";
import { checkin, handoff, initiative, objective, workbookGrids } from "../support/grids.ts";
import { HANDOFF_COL, hostOf, kinds, plan, tell, TUESDAY } from "../rhythm/support.ts";

const THURSDAY = "2026-11-26";
const PREVIOUS_END = "2026-11-22";

function workbook() {
  return validateGrids(
    workbookGrids({
      objectives: [objective("OBJ-1")],
      initiatives: [
        initiative("INI-1", "OBJ-1", { Start: "2026-11-02" }),
        initiative("INI-2", "OBJ-1", { Start: "2026-11-02" }),
        initiative("INI-3", "OBJ-1", { Start: "2026-11-02" }),
      ],
      handoffs: [
        // Late since 2026-11-25: during this period.
        handoff("DEP-1", "INI-1", "INI-2", { "Needed By": "2026-11-24" }),
        // Late since before the period began: no news this period.
        handoff("DEP-2", "INI-1", "INI-3", { "Needed By": "2026-11-10" }),
        // Delivered during the period.
        handoff("DEP-3", "INI-3", "INI-1", {
          "Needed By": "2026-11-30",
          State: "Delivered",
          "Delivered On": "2026-11-23",
        }),
      ],
      checkins: [checkin("2026-W47", "INI-1"), checkin("2026-W47", "INI-2")],
    }),
  ).workbook;
}

describe("one model of what changed", () => {
  it("the notifications, told as of the previous period's end, name what the summary lists", () => {
    const wb = workbook();
    const summary = summarize(wb, { asOf: THURSDAY });
    const before = snapshotOf(wb, evaluate(wb, { asOf: PREVIOUS_END }));
    const { events } = eventsSince({
      workbook: wb,
      evaluation: evaluate(wb, { asOf: THURSDAY }),
      calendar: calendarOf(THURSDAY, wb.settings.holidays, wb.settings.cadence),
      before,
      sponsorOf: sponsorsOf(wb),
    });
    const listed = summary.changes.map((c) => `${c.kind} ${c.id}`);
    expect(listed).toEqual(["newly-red INI-2", "became-late DEP-1", "delivered DEP-3"]);
    // Of status: the hand-offs' and initiatives' own news (false greens and requests aside).
    const told = events
      .map((e) => `${e.kind} ${e.id}`)
      .filter((t) => /^(handoff|initiative)-/.test(t));
    expect(told).toEqual(["handoff-red DEP-1", "initiative-red INI-2", "handoff-delivered DEP-3"]);
  });

  it("a delivery dated after today is news on its day, in the notifications as in the summary", async () => {
    const host = hostOf(plan({ "Needed By": "2026-11-20" }));
    await tell(host, TUESDAY);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.deliveredOn, "2026-12-01");
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.state, "Delivered");
    expect(kinds(await tell(host, TUESDAY))).not.toContain("handoff-delivered DEP-1");
    expect(kinds(await tell(host, "2026-12-01"))).toContain("handoff-delivered DEP-1");
  });
});
