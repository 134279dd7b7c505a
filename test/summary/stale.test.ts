/** Initiatives whose check-ins are stale: more than Stale After closed periods since the last one. */
import { describe, expect, it } from "vitest";
import { checkin } from "../support/grids.ts";
import { ini, summarized } from "./support.ts";

describe("stale initiatives", () => {
  it("lists those with no check-in for more than Stale After closed weeks, never-reported first, then the longest silent", () => {
    const { summary } = summarized({
      initiatives: [
        // Last reported in W44: W45, W46 and W47 have closed since, more than the 1 allowed.
        ini("INI-1", { Team: "IT Support", Owner: "Sam" }),
        // W46: only W47 has closed since.
        ini("INI-2"),
        // Never reported, started in W44.
        ini("INI-3", { Start: "2026-10-28" }),
        // W43: older than INI-1's last report.
        ini("INI-4"),
        // Done: nobody waits for its reports.
        ini("INI-5", { Stage: "Done" }),
      ],
      checkins: [
        checkin("2026-W44", "INI-1"),
        checkin("2026-W46", "INI-2"),
        checkin("2026-W43", "INI-4"),
        checkin("2026-W43", "INI-5"),
      ],
    });
    expect(summary.stale.map((s) => [s.id, s.lastCheckin, s.status])).toEqual([
      ["INI-3", null, "Amber"],
      ["INI-4", "2026-W43", "Amber"],
      ["INI-1", "2026-W44", "Amber"],
    ]);
    expect(summary.stale[2]).toMatchObject({
      name: "Initiative INI-1",
      team: "IT Support",
      owner: "Sam",
    });
  });

  it("honours a longer Stale After", () => {
    const { summary } = summarized({
      initiatives: [ini("INI-1")],
      checkins: [checkin("2026-W44", "INI-1")],
      settings: { "Stale After": 3 },
    });
    expect(summary.stale).toEqual([]);
  });
});
