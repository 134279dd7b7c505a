/** DESIGN.md "Status rules", Hand-off: one describe per rule. */
import { describe, expect, it } from "vitest";
import { daysFromIso, isoFromDays } from "@baton/core";
import { checkin, handoff, type RowSpec, type WorkbookSpec } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, codes, daysBetween, evaluated, find, ini, plus } from "./world.ts";

/** One hand-off from INI-1 (Green, reporting) to INI-2, with the fields given. */
const one = (fields: RowSpec, settings: WorkbookSpec["settings"] = {}) =>
  find(
    evaluated({
      initiatives: [
        ini("INI-1", { Team: "Infrastructure" }),
        ini("INI-2", { Team: "Development" }),
      ],
      handoffs: [handoff("DEP-1", "INI-1", "INI-2", fields)],
      settings,
    }).ev,
    "handoffs",
    "DEP-1",
  );

/** The n-th business day after `from`, walking the calendar one day at a time. */
function nthBusinessDay(from: string, n: number, holidays: readonly string[] = []): string {
  let d = daysFromIso(from)!;
  while (n > 0) {
    d++;
    const iso = isoFromDays(d);
    const wd = new Date(iso + "T00:00:00Z").getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays.includes(iso)) n--;
  }
  return isoFromDays(d);
}

describe("Done when State is Delivered or Delivered On is set", () => {
  it("is Done when State is Delivered, however late", () => {
    const h = one({ State: "Delivered", "Needed By": plus(AS_OF, -30) });
    expect(h.status).toBe("Done");
    expect(h.daysLate).toBeNull();
  });
  it("is Done when Delivered On is set, whatever the State says", () => {
    expect(
      one({ State: "Accepted", "Delivered On": plus(AS_OF, -1), "Needed By": plus(AS_OF, -5) })
        .status,
    ).toBe("Done");
  });
});

describe("Red when not done and the as-of day is after Needed By", () => {
  it("is Red the day after Needed By, with Days Late the calendar days past it", () => {
    const neededBy = "2026-11-13"; // a Friday; the weekend counts, Days Late are calendar days
    const h = one({ "Needed By": neededBy });
    expect(h.status).toBe("Red");
    expect(codes(h)).toEqual(["handoff-late"]);
    expect(h.daysLate).toBe(daysBetween(neededBy, AS_OF));
  });
  it("is not late on Needed By itself", () => {
    const h = one({ "Needed By": AS_OF });
    expect(h.status).toBe("Green");
    expect(h.daysLate).toBe(0);
  });
});

describe("Red when State is Declined", () => {
  it("is Red however far away Needed By is", () => {
    const h = one({ State: "Declined", "Needed By": plus(AS_OF, 90) });
    expect(h.status).toBe("Red");
    expect(codes(h)).toEqual(["handoff-declined"]);
  });
});

describe("Red when Committed Date is after Needed By (a known miss is red now)", () => {
  it("is Red before Needed By arrives", () => {
    const h = one({ "Needed By": plus(AS_OF, 30), "Committed Date": plus(AS_OF, 31) });
    expect(h.status).toBe("Red");
    expect(codes(h)).toEqual(["handoff-committed-late"]);
    expect(h.daysLate).toBe(0);
  });
  it("is Green when the commitment meets Needed By", () => {
    expect(one({ "Needed By": plus(AS_OF, 30), "Committed Date": plus(AS_OF, 30) }).status).toBe(
      "Green",
    );
  });
  it("gives every Red reason that applies", () => {
    const h = one({
      State: "Declined",
      "Needed By": plus(AS_OF, -2),
      "Committed Date": plus(AS_OF, 1),
    });
    expect(codes(h).sort()).toEqual(["handoff-committed-late", "handoff-declined", "handoff-late"]);
  });
});

describe("Amber when still Requested and Needed By is within the Amber Window (business days, Holidays excluded)", () => {
  const windowDays = 5;
  it("is Amber up to the last business day of the window and Green the business day after", () => {
    const last = nthBusinessDay(AS_OF, windowDays);
    const after = nthBusinessDay(AS_OF, windowDays + 1);
    const inside = one({ State: "Requested", "Needed By": last }, { "Amber Window": windowDays });
    expect(inside.status).toBe("Amber");
    expect(codes(inside)).toEqual(["handoff-requested-in-window"]);
    expect(
      one({ State: "Requested", "Needed By": after }, { "Amber Window": windowDays }).status,
    ).toBe("Green");
  });
  it("stretches the window over a holiday", () => {
    const holidays = ["2026-11-30"];
    const last = nthBusinessDay(AS_OF, windowDays, holidays);
    expect(last).not.toBe(nthBusinessDay(AS_OF, windowDays));
    expect(
      one(
        { State: "Requested", "Needed By": last },
        { "Amber Window": windowDays, Holidays: holidays },
      ).status,
    ).toBe("Amber");
    expect(
      one({ State: "Requested", "Needed By": last }, { "Amber Window": windowDays }).status,
    ).toBe("Green");
  });
  it("is Amber on Needed By itself", () => {
    expect(one({ State: "Requested", "Needed By": AS_OF }).status).toBe("Amber");
  });
  it("is Green inside the window once the providing team has accepted it", () => {
    expect(one({ State: "Accepted", "Needed By": nthBusinessDay(AS_OF, 1) }).status).toBe("Green");
  });
});

describe("Amber when its From initiative is Red or Amber", () => {
  const withProvider = (rag: "Green" | "Amber" | "Red", stage = "In progress") =>
    find(
      evaluated({
        initiatives: [ini("INI-1", { Stage: stage }), ini("INI-2")],
        handoffs: [handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, 60) })],
        checkins: [
          checkin(THIS_WEEK, "INI-1", {
            RAG: rag,
            "Path to Green": rag === "Green" ? null : "Plan",
          }),
        ],
      }).ev,
      "handoffs",
      "DEP-1",
    );
  it("inherits Amber from a Red or Amber provider, naming it", () => {
    for (const rag of ["Red", "Amber"] as const) {
      const h = withProvider(rag);
      expect(h.status).toBe("Amber");
      expect(h.reasons).toEqual([{ code: "provider-at-risk", refs: ["INI-1"] }]);
    }
  });
  it("inherits nothing from a Green, Done or Paused provider", () => {
    expect(withProvider("Green").status).toBe("Green");
    expect(withProvider("Red", "Done").status).toBe("Green");
    expect(withProvider("Red", "On hold").status).toBe("Green");
  });
  it("stays Red by its own reasons when its provider is Amber, and lists only those", () => {
    const { ev } = evaluated({
      initiatives: [ini("INI-1"), ini("INI-2")],
      handoffs: [handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, -3) })],
      checkins: [checkin(THIS_WEEK, "INI-1", { RAG: "Amber", "Path to Green": "Plan" })],
    });
    const h = find(ev, "handoffs", "DEP-1");
    expect(h.status).toBe("Red");
    expect(codes(h)).toEqual(["handoff-late"]);
  });
});

describe("Green otherwise", () => {
  it("is Green when accepted, committed in time and not yet due", () => {
    const h = one({
      State: "In progress",
      "Needed By": plus(AS_OF, 20),
      "Committed Date": plus(AS_OF, 15),
    });
    expect(h).toMatchObject({ status: "Green", reasons: [], rootCauses: [], daysLate: 0 });
  });
});

describe("Blocks counts the initiatives downstream of it, transitively, through hand-offs not yet done", () => {
  const open = (id: string, from: string, to: string) =>
    handoff(id, from, to, { "Needed By": plus(AS_OF, 30) });
  it("counts a chain to its end", () => {
    const { ev } = evaluated({
      initiatives: ["INI-1", "INI-2", "INI-3", "INI-4"].map((id) => ini(id)),
      handoffs: [
        open("DEP-1", "INI-1", "INI-2"),
        open("DEP-2", "INI-2", "INI-3"),
        open("DEP-3", "INI-3", "INI-4"),
      ],
    });
    // DEP-1 holds up INI-2, and through it INI-3 and INI-4.
    expect(["DEP-1", "DEP-2", "DEP-3"].map((id) => find(ev, "handoffs", id).blocks)).toEqual([
      3, 2, 1,
    ]);
  });
  it("counts an initiative reached two ways once", () => {
    const { ev } = evaluated({
      initiatives: ["INI-1", "INI-2", "INI-3", "INI-4"].map((id) => ini(id)),
      handoffs: [
        open("DEP-1", "INI-1", "INI-2"),
        open("DEP-2", "INI-2", "INI-3"),
        open("DEP-3", "INI-2", "INI-4"),
        open("DEP-4", "INI-3", "INI-4"),
      ],
    });
    // Downstream of DEP-1: INI-2, INI-3, INI-4 (INI-4 by two paths).
    expect(find(ev, "handoffs", "DEP-1").blocks).toBe(3);
  });
  it("stops at a delivered hand-off, counts 0 for a delivered one, and leaves out Done and Cancelled initiatives", () => {
    const { ev } = evaluated({
      initiatives: [
        ini("INI-1"),
        ini("INI-2"),
        ini("INI-3"),
        ini("INI-4", { Stage: "Done" }),
        ini("INI-5", { Stage: "Cancelled" }),
        ini("INI-6", { Stage: "On hold" }),
      ],
      handoffs: [
        open("DEP-1", "INI-1", "INI-2"),
        handoff("DEP-2", "INI-2", "INI-3", { State: "Delivered" }),
        open("DEP-3", "INI-2", "INI-4"),
        open("DEP-4", "INI-4", "INI-5"),
        open("DEP-5", "INI-4", "INI-6"),
      ],
    });
    // From DEP-1: INI-2 counts; INI-3 sits behind a delivered hand-off; INI-4 (Done) and
    // INI-5 (Cancelled) are not waiting, INI-6 (On hold) is, reached through INI-4.
    expect(find(ev, "handoffs", "DEP-1").blocks).toBe(2);
    expect(find(ev, "handoffs", "DEP-2").blocks).toBe(0);
    expect(find(ev, "handoffs", "DEP-3").blocks).toBe(1);
  });
  it("counts exactly on a graph wider than one machine word", () => {
    // INI-1 fans out to 40 initiatives that all feed INI-42: 41 distinct initiatives wait on DEP-0.
    const inis = Array.from({ length: 42 }, (_, k) => ini(`INI-${k + 1}`));
    const fan = Array.from({ length: 40 }, (_, k) => open(`DEP-${k + 1}`, "INI-1", `INI-${k + 2}`));
    const join = Array.from({ length: 40 }, (_, k) =>
      open(`DEP-${k + 41}`, `INI-${k + 2}`, "INI-42"),
    );
    const { ev } = evaluated({
      initiatives: [...inis, ini("INI-43")],
      handoffs: [open("DEP-0", "INI-43", "INI-1"), ...fan, ...join],
    });
    expect(find(ev, "handoffs", "DEP-0").blocks).toBe(42);
    expect(find(ev, "handoffs", "DEP-1").blocks).toBe(2);
  });
});
