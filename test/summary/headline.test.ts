/** The headline: objectives, initiatives, hand-offs and KPIs counted by status, now and at the end of last week. */
import { describe, expect, it } from "vitest";
import { headlineText } from "@baton/core";
import { checkin, handoff, objective } from "../support/grids.ts";
import { AS_OF, LAST_WEEK, THIS_WEEK, ini, plus, summarized } from "./support.ts";

describe("the headline counts every row by status, now and then", () => {
  it("counts Done and Paused apart from Red, Amber and Green", () => {
    const { summary } = summarized({
      initiatives: [
        ini("INI-1", { Stage: "Done" }),
        ini("INI-2", { Stage: "On hold" }),
        // Overdue since before last Sunday: Red then and now.
        ini("INI-3", { Due: plus(AS_OF, -10) }),
        // Green last week, reports Red this week.
        ini("INI-4"),
        ini("INI-5"),
      ],
      handoffs: [
        handoff("DEP-1", "INI-5", "INI-4", { "Needed By": plus(AS_OF, -1) }),
        handoff("DEP-2", "INI-5", "INI-4", { State: "Delivered" }),
      ],
      checkins: [
        checkin(LAST_WEEK, "INI-4", { RAG: "Green" }),
        checkin(THIS_WEEK, "INI-4", { RAG: "Red", "Path to Green": "A plan" }),
      ],
    });
    expect(summary.headline.initiatives).toEqual({
      now: { Red: 2, Amber: 0, Green: 1, Done: 1, Paused: 1 },
      before: { Red: 1, Amber: 0, Green: 2, Done: 1, Paused: 1 },
    });
    // DEP-1 falls due on Wednesday; DEP-2 is delivered (as the sheet states it, then too).
    expect(summary.headline.handoffs).toEqual({
      now: { Red: 1, Amber: 0, Green: 0, Done: 1, Paused: 0 },
      before: { Red: 0, Amber: 0, Green: 1, Done: 1, Paused: 0 },
    });
    expect(summary.headline.objectives.now).toEqual({
      Red: 1,
      Amber: 0,
      Green: 0,
      Done: 0,
      Paused: 0,
    });
    expect(summary.headline.kpis.now).toEqual({ Red: 0, Amber: 0, Green: 0, Done: 0, Paused: 0 });
  });
});

describe("the headline sentence", () => {
  const sentence = (spec: Parameters<typeof summarized>[0]) =>
    headlineText(summarized(spec).summary);

  it("says how many objectives are Red and Amber, and how many hand-offs need a decision", () => {
    const s = sentence({
      objectives: [objective("OBJ-1"), objective("OBJ-2"), objective("OBJ-3")],
      initiatives: [
        ini("INI-1", { Due: plus(AS_OF, -10) }),
        ini("INI-2", { "Objective ID": "OBJ-2" }),
        ini("INI-3", { "Objective ID": "OBJ-3" }),
      ],
      handoffs: [handoff("DEP-1", "INI-2", "INI-3", { "Needed By": plus(AS_OF, -10) })],
    });
    // OBJ-1 (overdue INI-1) and OBJ-3 (INI-3 waits on the late DEP-1) are Red; OBJ-2 is Green.
    expect(s).toBe(
      "2 of 3 objectives are Red. 1 hand-off is Red, each a decision for the board. No status changed since 2026-W47.",
    );
  });

  it("counts the changes by kind", () => {
    const s = sentence({
      initiatives: [ini("INI-1")],
      checkins: [
        checkin(LAST_WEEK, "INI-1", { RAG: "Green" }),
        checkin(THIS_WEEK, "INI-1", { RAG: "Amber", "Path to Green": "A plan" }),
      ],
    });
    expect(s).toBe("1 of 1 objective is Amber. Since 2026-W47: 2 newly Amber.");
  });

  it("names hand-offs that became late or were delivered", () => {
    const s = sentence({
      initiatives: [ini("INI-1"), ini("INI-2")],
      handoffs: [
        handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, -1) }),
        handoff("DEP-2", "INI-1", "INI-2", { State: "Delivered", "Delivered On": AS_OF }),
      ],
    });
    expect(s).toMatch(
      /Since 2026-W47: 2 newly Red, 1 hand-off became late, 1 hand-off delivered\.$/,
    );
  });

  it("says when no objective is at risk", () => {
    expect(sentence({ initiatives: [ini("INI-1")] })).toBe(
      "The objective is neither Red nor Amber. No status changed since 2026-W47.",
    );
  });
});
