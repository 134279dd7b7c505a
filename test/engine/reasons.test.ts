/** DESIGN.md "Status rules": reasons are own or inherited, and every one reads as plain words. */
import { describe, expect, it } from "vitest";
import { REASONS, describeReason, isInherited, severityOf, type ReasonCode } from "@baton/core";

const all = Object.keys(REASONS) as ReasonCode[];

describe("one table of reasons", () => {
  it("gives every code plain words that name the IDs it points at", () => {
    for (const code of all) {
      const text = describeReason({ code, refs: ["DEP-7", "INI-9"] });
      expect(text.length).toBeGreaterThan(5);
      if (isInherited(code)) expect(text).toContain("DEP-7, INI-9");
    }
  });
  it("names as own the hand-off's lateness, decline, late commitment and Requested-in-window, and the initiative's overdue, reports, staleness and cycle", () => {
    const own: ReasonCode[] = [
      "handoff-late",
      "handoff-declined",
      "handoff-committed-late",
      "handoff-requested-in-window",
      "overdue",
      "reported-red",
      "reported-amber",
      "stale",
      "cycle",
    ];
    for (const code of own) expect([code, isInherited(code)]).toEqual([code, false]);
  });
  it("names as inherited a hand-off's troubled provider and an initiative's troubled hand-off", () => {
    for (const code of ["provider-at-risk", "handoff-red", "handoff-amber"] as const)
      expect(isInherited(code)).toBe(true);
  });
  it("gives Red and Amber as the rules do", () => {
    expect(severityOf("handoff-late")).toBe("Red");
    expect(severityOf("handoff-requested-in-window")).toBe("Amber");
    expect(severityOf("provider-at-risk")).toBe("Amber");
    expect(severityOf("handoff-red")).toBe("Red");
    expect(severityOf("stale")).toBe("Amber");
    expect(severityOf("kpi-no-data")).toBe("Amber");
    expect(severityOf("delivered")).toBeNull();
  });
});
