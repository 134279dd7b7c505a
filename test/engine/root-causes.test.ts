/** DESIGN.md "Status rules": Root Cause of a Red or Amber initiative. */
import { describe, expect, it } from "vitest";
import { checkin, handoff } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, evaluated, find, ini, plus } from "./world.ts";

const report = (id: string, rag: "Amber" | "Red") =>
  checkin(THIS_WEEK, id, { RAG: rag, "Path to Green": "A plan" });
const late = (id: string, from: string, to: string) =>
  handoff(id, from, to, { "Needed By": plus(AS_OF, -3) });
const onTime = (id: string, from: string, to: string) =>
  handoff(id, from, to, { "Needed By": plus(AS_OF, 40) });

describe("the root cause of a Red or Amber initiative is where the trouble starts: points upstream, itself included, that inherit nothing", () => {
  it("is the initiative itself when all its reasons are its own", () => {
    const { ev } = evaluated({ initiatives: [ini("INI-1", { Due: plus(AS_OF, -1) })] });
    expect(find(ev, "initiatives", "INI-1").rootCauses).toEqual(["INI-1"]);
  });
  it("is the late hand-off, not itself, for an initiative Amber by its own check-in but Red because a late hand-off feeds it", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1"), ini("INI-2")],
      handoffs: [late("DEP-1", "INI-1", "INI-2")],
      checkins: [report("INI-2", "Amber")],
    });
    expect(find(ev, "initiatives", "INI-2")).toMatchObject({
      status: "Red",
      rootCauses: ["DEP-1"],
    });
  });
  it("is itself when it is Red by its own reasons and only Amber trouble flows in", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1"), ini("INI-2", { Due: plus(AS_OF, -1) })],
      handoffs: [
        handoff("DEP-1", "INI-1", "INI-2", { State: "Requested", "Needed By": plus(AS_OF, 1) }),
      ],
    });
    expect(find(ev, "initiatives", "INI-2").rootCauses).toEqual(["INI-2"]);
  });
  it("walks through hand-offs whose provider is in trouble, up to the provider's own cause", () => {
    // INI-1 is overdue (own); DEP-1 inherits from it; INI-2 inherits from DEP-1; DEP-2 from INI-2; INI-3 from DEP-2.
    const { ev } = evaluated({
      initiatives: [ini("INI-1", { Due: plus(AS_OF, -2) }), ini("INI-2"), ini("INI-3")],
      handoffs: [onTime("DEP-1", "INI-1", "INI-2"), onTime("DEP-2", "INI-2", "INI-3")],
    });
    for (const id of ["INI-2", "INI-3"])
      expect(find(ev, "initiatives", id).rootCauses).toEqual(["INI-1"]);
    for (const id of ["DEP-1", "DEP-2"])
      expect(find(ev, "handoffs", id).rootCauses).toEqual(["INI-1"]);
  });
  it("stops at a late hand-off even when its provider is also in trouble", () => {
    // DEP-1 is Red by its own lateness; its provider's Amber is not why it is Red.
    const { ev } = evaluated({
      initiatives: [ini("INI-1"), ini("INI-2")],
      handoffs: [late("DEP-1", "INI-1", "INI-2")],
      checkins: [report("INI-1", "Amber")],
    });
    expect(find(ev, "initiatives", "INI-2").rootCauses).toEqual(["DEP-1"]);
  });
  it("gathers every starting point, Red ones first, each once", () => {
    // INI-4 waits on DEP-3 (Amber: INI-3 reports Amber) and DEP-2 (Amber: INI-2 waits on late DEP-1).
    const { ev } = evaluated({
      initiatives: [ini("INI-1"), ini("INI-2"), ini("INI-3"), ini("INI-4"), ini("INI-5")],
      handoffs: [
        late("DEP-1", "INI-1", "INI-2"),
        onTime("DEP-2", "INI-2", "INI-4"),
        onTime("DEP-3", "INI-3", "INI-4"),
        onTime("DEP-4", "INI-2", "INI-5"),
        onTime("DEP-5", "INI-5", "INI-4"),
      ],
      checkins: [report("INI-3", "Amber")],
    });
    const i = find(ev, "initiatives", "INI-4");
    expect(i.status).toBe("Amber");
    expect(i.rootCauses).toEqual(["DEP-1", "INI-3"]);
  });
  it("is empty for Green, Done and Paused initiatives", () => {
    const { ev } = evaluated({
      initiatives: [
        ini("INI-1"),
        ini("INI-2", { Stage: "Done" }),
        ini("INI-3", { Stage: "On hold" }),
      ],
      handoffs: [late("DEP-1", "INI-1", "INI-2"), late("DEP-2", "INI-1", "INI-3")],
    });
    for (const id of ["INI-1", "INI-2", "INI-3"])
      expect(find(ev, "initiatives", id).rootCauses).toEqual([]);
  });
});
