/** DESIGN.md "Status rules": a hand-off cycle is a validation error; the initiatives on it are Red (reason: cycle); the rest is still computed. */
import { describe, expect, it } from "vitest";
import { checkin, handoff } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, evaluated, find, ini, plus } from "./world.ts";

const open = (id: string, from: string, to: string) =>
  handoff(id, from, to, { "Needed By": plus(AS_OF, 30) });

function withCycle() {
  // INI-1 → INI-2 → INI-3 → INI-2 (a cycle of INI-2 and INI-3), INI-3 → INI-4, INI-5 on its own.
  return evaluated({
    initiatives: ["INI-1", "INI-2", "INI-3", "INI-4", "INI-5"].map((id) => ini(id)),
    handoffs: [
      open("DEP-1", "INI-1", "INI-2"),
      open("DEP-2", "INI-2", "INI-3"),
      open("DEP-3", "INI-3", "INI-2"),
      open("DEP-4", "INI-3", "INI-4"),
    ],
    checkins: [checkin(THIS_WEEK, "INI-5", { RAG: "Amber", "Path to Green": "A plan" })],
  });
}

describe("a hand-off cycle", () => {
  it("is reported by validation", () => {
    expect(withCycle().issues.filter((i) => i.code === "handoff-cycle").length).toBeGreaterThan(0);
  });
  it("makes the initiatives on it Red with reason cycle, naming the cycle, each its own root cause", () => {
    const { ev } = withCycle();
    for (const id of ["INI-2", "INI-3"]) {
      const i = find(ev, "initiatives", id);
      expect(i.status).toBe("Red");
      expect(i.reasons).toEqual([
        { code: "cycle", refs: expect.arrayContaining(["INI-2", "INI-3"]) },
      ]);
      expect(i.rootCauses).toEqual([id]);
    }
  });
  it("still computes the rest of the graph: upstream untouched, downstream inheriting from the cycle", () => {
    const { ev } = withCycle();
    expect(find(ev, "initiatives", "INI-1").status).toBe("Green");
    expect(find(ev, "handoffs", "DEP-1").status).toBe("Green");
    expect(find(ev, "handoffs", "DEP-4")).toMatchObject({
      status: "Amber",
      reasons: [{ code: "provider-at-risk", refs: ["INI-3"] }],
    });
    expect(find(ev, "initiatives", "INI-4")).toMatchObject({
      status: "Amber",
      rootCauses: ["INI-3"],
    });
    expect(find(ev, "initiatives", "INI-5").status).toBe("Amber");
    // Blocks over a cycle: DEP-1 holds up INI-2, INI-3 and, through them, INI-4.
    expect(find(ev, "handoffs", "DEP-1").blocks).toBe(3);
  });
  it("leaves a Done initiative on a cycle Done", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1", { Stage: "Done" }), ini("INI-2")],
      handoffs: [open("DEP-1", "INI-1", "INI-2"), open("DEP-2", "INI-2", "INI-1")],
    });
    expect(find(ev, "initiatives", "INI-1").status).toBe("Done");
    expect(find(ev, "initiatives", "INI-2").status).toBe("Red");
  });
});

describe("a hand-off from an initiative to itself", () => {
  it("is judged by its own row and passes nothing on", () => {
    const { ev, issues } = evaluated({
      initiatives: [ini("INI-1")],
      handoffs: [handoff("DEP-1", "INI-1", "INI-1", { "Needed By": plus(AS_OF, -1) })],
    });
    expect(issues.map((i) => i.code)).toContain("self-handoff");
    expect(find(ev, "handoffs", "DEP-1").status).toBe("Red");
    expect(find(ev, "initiatives", "INI-1").status).toBe("Green");
  });
});
