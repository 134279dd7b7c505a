/** Every list runs worst first and stops at its limit, saying how many more there are. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SUMMARY_LIMITS } from "@baton/core";
import { handoff } from "../support/grids.ts";
import { AS_OF, crowded, ini, plus, summarized } from "./support.ts";

describe("lists stop at their limits, keeping the worst", () => {
  it("keeps the longest-late Red hand-offs and counts the rest, for any number of them", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 55 }), (late) => {
        const { summary } = summarized({
          initiatives: [ini("INI-1"), ini("INI-2")],
          handoffs: late.map((d, i) =>
            handoff(`DEP-${i + 1}`, "INI-1", "INI-2", { "Needed By": plus(AS_OF, -d) }),
          ),
        });
        const kept = Math.min(late.length, SUMMARY_LIMITS.handoffs);
        expect(summary.handoffs).toHaveLength(kept);
        expect(summary.omitted.handoffs).toBe(late.length - kept);
        const worst = [...late].sort((a, b) => b - a).slice(0, kept);
        expect(summary.handoffs.map((h) => h.daysLate)).toEqual(worst);
        expect(summary.decisions).toHaveLength(Math.min(late.length, SUMMARY_LIMITS.decisions));
        expect(summary.omitted.decisions).toBe(late.length - summary.decisions.length);
      }),
      { numRuns: 25 },
    );
  });

  it("caps every list of a crowded workbook and counts what was left out", () => {
    const { summary } = summarized(crowded());
    const lists = [
      "changes",
      "decisions",
      "objectives",
      "kpis",
      "handoffs",
      "stale",
      "falseGreens",
    ] as const;
    for (const list of lists) {
      expect(summary[list], list).toHaveLength(SUMMARY_LIMITS[list]);
      expect(summary.omitted[list], list).toBeGreaterThan(0);
    }
    // 61 objectives and 61 initiatives turned Red, 45 hand-offs; the headline still counts them all.
    expect(summary.omitted.objectives).toBe(61 - SUMMARY_LIMITS.objectives);
    expect(summary.headline.handoffs.now.Red).toBe(45);
  });
});
