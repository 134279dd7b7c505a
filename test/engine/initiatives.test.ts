/** DESIGN.md "Status rules", Initiative: one describe per rule. */
import { describe, expect, it } from "vitest";
import { isInherited } from "@baton/core";
import { checkin, handoff, type RowSpec } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, codes, evaluated, find, ini, plus } from "./world.ts";

const path = { "Path to Green": "A plan" };
const report = (period: string, id: string, rag: "Green" | "Amber" | "Red") =>
  checkin(period, id, { RAG: rag, ...(rag === "Green" ? {} : path) });
const lateInto = (id: string, to: string) =>
  handoff(id, "INI-9", to, { "Needed By": plus(AS_OF, -4) });

/** INI-1 with the fields and check-ins given, beside INI-8 and INI-9 for hand-offs to connect. */
function judged(
  fields: RowSpec,
  extra: {
    checkins?: RowSpec[];
    handoffs?: RowSpec[];
    settings?: Record<string, string | number>;
  } = {},
) {
  const { ev } = evaluated({
    initiatives: [ini("INI-1", fields), ini("INI-8"), ini("INI-9")],
    handoffs: extra.handoffs ?? [],
    checkins: extra.checkins ?? [],
    ...(extra.settings ? { settings: extra.settings } : {}),
  });
  return find(ev, "initiatives", "INI-1");
}

describe("Done when Stage is Done; Paused when On hold or Cancelled", () => {
  it("stands apart from due dates, check-ins and hand-offs", () => {
    const trouble = {
      checkins: [report(THIS_WEEK, "INI-1", "Red")],
      handoffs: [lateInto("DEP-1", "INI-1")],
    };
    const overdue = { Due: plus(AS_OF, -10), Start: plus(AS_OF, -100) };
    expect(judged({ Stage: "Done", ...overdue }, trouble)).toMatchObject({
      status: "Done",
      reasons: [{ code: "stage-done" }],
      rootCauses: [],
    });
    expect(judged({ Stage: "On hold", ...overdue }, trouble)).toMatchObject({
      status: "Paused",
      reasons: [{ code: "stage-on-hold" }],
    });
    expect(judged({ Stage: "Cancelled", ...overdue }, trouble)).toMatchObject({
      status: "Paused",
      reasons: [{ code: "stage-cancelled" }],
    });
  });
});

describe("Red when past Due and not done", () => {
  it("is Red the day after Due, not on Due itself", () => {
    expect(codes(judged({ Due: plus(AS_OF, -1) }))).toEqual(["overdue"]);
    expect(judged({ Due: plus(AS_OF, -1) }).status).toBe("Red");
    expect(judged({ Due: AS_OF }).status).toBe("Green");
  });
});

describe("Red or Amber when its latest check-in says so", () => {
  it("takes the RAG of the latest check-in", () => {
    expect(judged({}, { checkins: [report(THIS_WEEK, "INI-1", "Red")] })).toMatchObject({
      status: "Red",
      reasons: [{ code: "reported-red" }],
    });
    expect(judged({}, { checkins: [report(THIS_WEEK, "INI-1", "Amber")] })).toMatchObject({
      status: "Amber",
      reasons: [{ code: "reported-amber" }],
    });
  });
  it("finds the latest by period, not by row", () => {
    // The Red report for last week was typed after this week's Green one.
    const i = judged(
      {},
      { checkins: [report("2026-W48", "INI-1", "Green"), report("2026-W47", "INI-1", "Red")] },
    );
    expect(i.status).toBe("Green");
    expect(i.lastCheckin).toBe("2026-W48");
  });
  it("leaves out check-ins for periods that start after the as-of day", () => {
    const i = judged(
      {},
      { checkins: [report("2026-W48", "INI-1", "Green"), report("2026-W49", "INI-1", "Red")] },
    );
    expect(i).toMatchObject({ status: "Green", lastCheckin: "2026-W48" });
  });
  it("lets an earlier Red report go once a later period says Green", () => {
    expect(
      judged(
        {},
        { checkins: [report("2026-W46", "INI-1", "Red"), report("2026-W47", "INI-1", "Green")] },
      ).status,
    ).toBe("Green");
  });
});

describe("Red or Amber when a hand-off into it is Red or Amber (inherited)", () => {
  it("inherits Red from a late hand-off and names it", () => {
    const i = judged({}, { handoffs: [lateInto("DEP-1", "INI-1")] });
    expect(i.status).toBe("Red");
    expect(i.reasons).toEqual([{ code: "handoff-red", refs: ["DEP-1"] }]);
    expect(isInherited("handoff-red")).toBe(true);
  });
  it("inherits Amber from a Requested hand-off inside the window", () => {
    const i = judged(
      {},
      {
        handoffs: [
          handoff("DEP-1", "INI-9", "INI-1", { State: "Requested", "Needed By": plus(AS_OF, 1) }),
        ],
      },
    );
    expect(i.reasons).toEqual([{ code: "handoff-amber", refs: ["DEP-1"] }]);
  });
  it("inherits nothing from a hand-off out of it, or a delivered one into it", () => {
    const out = handoff("DEP-1", "INI-1", "INI-8", { "Needed By": plus(AS_OF, -4) });
    const delivered = handoff("DEP-2", "INI-9", "INI-1", {
      "Needed By": plus(AS_OF, -4),
      State: "Delivered",
    });
    expect(judged({}, { handoffs: [out, delivered] }).status).toBe("Green");
  });
});

describe("Amber when it is stale", () => {
  // As of 2026-11-26 (W48), with Stale After 1: a report for W46 has one closed period after
  // it (W47), not more than 1; a report for W45 has two (W46, W47).
  it("is stale when more than Stale After closed periods passed since its latest check-in", () => {
    const old = { Start: plus(AS_OF, -120) };
    expect(judged(old, { checkins: [report("2026-W46", "INI-1", "Green")] })).toMatchObject({
      status: "Green",
      stale: false,
    });
    const stale = judged(old, { checkins: [report("2026-W45", "INI-1", "Green")] });
    expect(stale).toMatchObject({
      status: "Amber",
      stale: true,
      reasons: [{ code: "stale", refs: [] }],
      rootCauses: ["INI-1"],
    });
  });
  it("reads Stale After from Settings", () => {
    const i = judged(
      { Start: plus(AS_OF, -120) },
      { checkins: [report("2026-W45", "INI-1", "Green")], settings: { "Stale After": 2 } },
    );
    expect(i.stale).toBe(false);
  });
  it("counts from the period of its Start when it has no check-in", () => {
    // Start in W46: W47 has closed since; with Start in W45, W46 and W47 have.
    expect(judged({ Start: "2026-11-10" }).stale).toBe(false);
    expect(judged({ Start: "2026-11-03" }).stale).toBe(true);
  });
  it("counts months under a monthly cadence", () => {
    const monthly = { settings: { Cadence: "Monthly", "Current Period": "2026-11" } };
    // As of 26 November: a September report has one closed month after it (October).
    expect(
      judged(
        { Start: "2026-01-05" },
        { ...monthly, checkins: [report("2026-09", "INI-1", "Green")] },
      ).stale,
    ).toBe(false);
    expect(
      judged(
        { Start: "2026-01-05" },
        { ...monthly, checkins: [report("2026-08", "INI-1", "Green")] },
      ).stale,
    ).toBe(true);
  });
});

describe("Green otherwise", () => {
  it("is Green when on time, reporting Green and fed by Green hand-offs", () => {
    const i = judged(
      {},
      {
        checkins: [report(THIS_WEEK, "INI-1", "Green")],
        handoffs: [handoff("DEP-1", "INI-9", "INI-1", { "Needed By": plus(AS_OF, 40) })],
      },
    );
    expect(i).toMatchObject({
      status: "Green",
      reasons: [],
      rootCauses: [],
      lastCheckin: THIS_WEEK,
    });
  });
});

describe("reasons are own or inherited, and a status lists the reasons at its severity", () => {
  it("keeps own and inherited reasons side by side at the same severity", () => {
    const i = judged({ Due: plus(AS_OF, -1) }, { handoffs: [lateInto("DEP-1", "INI-1")] });
    expect(i.reasons).toEqual([
      { code: "overdue", refs: [] },
      { code: "handoff-red", refs: ["DEP-1"] },
    ]);
    expect(i.reasons.map((r) => isInherited(r.code))).toEqual([false, true]);
  });
  it("drops the Amber reasons of a Red initiative", () => {
    const i = judged(
      {},
      { checkins: [report(THIS_WEEK, "INI-1", "Amber")], handoffs: [lateInto("DEP-1", "INI-1")] },
    );
    expect(i.status).toBe("Red");
    expect(codes(i)).toEqual(["handoff-red"]);
  });
  it("names every hand-off at fault in one reason", () => {
    const i = judged({}, { handoffs: [lateInto("DEP-1", "INI-1"), lateInto("DEP-2", "INI-1")] });
    expect(i.reasons).toEqual([{ code: "handoff-red", refs: ["DEP-1", "DEP-2"] }]);
  });
});
