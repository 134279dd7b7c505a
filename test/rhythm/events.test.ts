/**
 * DESIGN.md "The operating rhythm": the evaluation now compared with the last one people were
 * told about, kept in the workbook's Baton sheet.
 */
import { describe, expect, it } from "vitest";
import { SHEET } from "@baton/core";
import { checkin, initiative } from "../support/grids.ts";
import { HANDOFF_COL, PEOPLE, THURSDAY, TUESDAY, hostOf, kinds, plan, tell } from "./support.ts";

const LATE = { "Needed By": "2026-11-20" };
/**
 * DEP-1 late: it and INI-2, waiting on it, turn Red, and both initiatives' Green check-ins for
 * 2026-W47 are false greens (INI-1 owes DEP-1, INI-2 waits on it; it was late by that week's end).
 */
const RED_DEP_1 = [
  "handoff-red DEP-1",
  "initiative-red INI-2",
  "false-green INI-1",
  "false-green INI-2",
];

describe("the first run: every current Red and Amber is news", () => {
  it("tells of a late hand-off, the initiative it turns Red, and the Greens it belies", async () => {
    const r = await tell(hostOf(plan(LATE)), TUESDAY);
    expect(kinds(r)).toEqual(RED_DEP_1);
    const dep = r.notification.events[0]!;
    expect(dep.since).toBe("2026-11-21");
    expect(dep.recipients).toEqual([
      { name: "Hana Kim", role: "owner" },
      { name: "Ines Ortega", role: "waiting" },
    ]);
  });

  it("says nothing of what is Green, Done or delivered", async () => {
    const r = await tell(
      hostOf(plan({ "Delivered On": "2026-11-20", State: "Delivered" })),
      TUESDAY,
    );
    expect(kinds(r)).toEqual([]);
  });

  it("tells of an Amber hand-off: still Requested inside the Amber Window", async () => {
    const r = await tell(hostOf(plan({ "Needed By": "2026-11-27", State: "Requested" })), TUESDAY);
    expect(kinds(r)).toEqual(["handoff-amber DEP-1"]);
  });
});

describe("a rerun at the same moment says nothing and writes nothing", () => {
  it("after a run that told", async () => {
    const host = hostOf(plan(LATE));
    expect((await tell(host, TUESDAY)).notification.events).toHaveLength(RED_DEP_1.length);
    const again = await tell(host, TUESDAY);
    expect(kinds(again)).toEqual([]);
    expect(again.plan.ops).toEqual([]);
  });

  it("unless the first run was not recorded (a dry run, a failed send)", async () => {
    const host = hostOf(plan(LATE));
    await tell(host, TUESDAY, false);
    expect(kinds(await tell(host, TUESDAY))).toEqual(RED_DEP_1);
  });
});

describe("changes since the last run", () => {
  it("Red, Green, Red again is told twice", async () => {
    const host = hostOf(plan(LATE));
    expect(kinds(await tell(host, TUESDAY))).toContain("handoff-red DEP-1");
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.neededBy, "2026-12-18");
    expect(kinds(await tell(host, TUESDAY))).toEqual([]);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.neededBy, "2026-11-20");
    // The Greens were true while DEP-1 was not late: belied again, they are news again.
    expect(kinds(await tell(host, TUESDAY))).toEqual(RED_DEP_1);
  });

  it("a hand-off that turns Red later is news then, and only then", async () => {
    const host = hostOf(plan({ "Needed By": "2026-11-27" }));
    expect(kinds(await tell(host, TUESDAY))).toEqual([]);
    expect(kinds(await tell(host, "2026-11-30"))).toEqual([
      "handoff-red DEP-1",
      "initiative-red INI-2",
    ]);
    expect(kinds(await tell(host, "2026-11-30"))).toEqual([]);
    // Still late a day later: not news again.
    expect(kinds(await tell(host, "2026-12-01"))).toEqual([]);
  });

  it("tells when a hand-off is delivered, to both sides", async () => {
    const host = hostOf(plan(LATE));
    await tell(host, TUESDAY);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.deliveredOn, "2026-11-24");
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.state, "Delivered");
    const r = await tell(host, TUESDAY);
    expect(kinds(r)).toEqual(["handoff-delivered DEP-1"]);
    expect(r.notification.events[0]!.since).toBe("2026-11-24");
    expect(r.notification.digests.map((d) => d.to.name)).toEqual(["Hana Kim", "Ines Ortega"]);
  });

  it("tells when a late hand-off is declined, though it was Red already", async () => {
    const host = hostOf(plan(LATE));
    await tell(host, TUESDAY);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.state, "Declined");
    expect(kinds(await tell(host, TUESDAY))).toEqual(["handoff-declined DEP-1"]);
  });

  it("Red easing to Amber is not news", async () => {
    const host = hostOf(plan(LATE));
    await tell(host, TUESDAY);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.neededBy, "2026-11-27");
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.state, "Requested");
    expect(kinds(await tell(host, TUESDAY))).toEqual([]);
  });
});

describe("the Sponsor hears when a hand-off turns Red, where the sheet names one", () => {
  it("with a Sponsor column", async () => {
    const host = hostOf(plan(LATE));
    const grid = host.grid(SHEET.initiatives).map((r) => [...r]);
    grid[2]![grid[0]!.indexOf("Sponsor")] = "Sam  sponsor";
    const withSponsor = hostOf(plan(LATE));
    withSponsor.sheets.get(SHEET.initiatives)!.cells = grid;
    const r = await tell(withSponsor, TUESDAY);
    expect(r.notification.events[0]!.recipients.map((x) => x.role)).toEqual([
      "owner",
      "waiting",
      "sponsor",
    ]);
    expect(r.notification.digests.map((d) => d.to.email)).toContain("sam@example.com");
  });

  it("without one nobody else is told, and nothing fails", async () => {
    const r = await tell(hostOf(plan({ State: "Declined" })), TUESDAY);
    expect(r.notification.events[0]!.recipients.map((x) => x.role)).toEqual(["owner", "waiting"]);
  });
});

describe("check-ins are asked for two business days before the period ends", () => {
  const spec = plan({}, { checkins: [checkin("2026-W48", "INI-1")] });

  it("asks the owner of each initiative without one, once", async () => {
    const host = hostOf(spec);
    const r = await tell(host, THURSDAY);
    expect(kinds(r)).toEqual(["checkin-due INI-2"]);
    expect(r.notification.events[0]!.request).toEqual({ period: "2026-W48", by: "2026-11-29" });
    expect(r.notification.digests[0]!.to.name).toBe("Ines Ortega");
    expect(kinds(await tell(host, "2026-11-27"))).toEqual([]);
  });

  it("asks nobody earlier in the period, nor about initiatives Done, on hold or not begun", async () => {
    expect(kinds(await tell(hostOf(spec), TUESDAY))).toEqual([]);
    const quiet = plan(
      {},
      {
        initiatives: [
          initiative("INI-3", "OBJ-1", { Stage: "Done" }),
          initiative("INI-4", "OBJ-1", { Stage: "On hold" }),
          initiative("INI-5", "OBJ-1", { Start: "2027-01-04" }),
        ],
        checkins: [checkin("2026-W48", "INI-1"), checkin("2026-W48", "INI-2")],
      },
    );
    expect(kinds(await tell(hostOf(quiet), THURSDAY))).toEqual([]);
  });

  it("asks again in the next period", async () => {
    const host = hostOf(spec);
    await tell(host, THURSDAY);
    const next = await tell(host, "2026-12-03");
    expect(kinds(next)).toEqual(["checkin-due INI-1", "checkin-due INI-2"]);
  });
});

describe("recipients come from People", () => {
  it("warns once per name People does not list, and still tells the others", async () => {
    const host = hostOf(plan(LATE), [PEOPLE[0]!, PEOPLE[1]!]);
    const r = await tell(host, TUESDAY);
    expect(r.notification.unreached).toEqual([{ name: "Ines Ortega", why: "not-in-people" }]);
    expect(r.notification.digests.map((d) => d.to.name)).toEqual(["Hana Kim"]);
    expect(r.outcome.message).toContain("People has no address for Ines Ortega");
  });

  it("works without a People sheet at all: nobody is reached, nothing fails", async () => {
    const r = await tell(hostOf(plan(LATE), null), TUESDAY);
    expect(r.notification.digests).toEqual([]);
    expect(r.notification.unreached.map((u) => u.name)).toEqual(["Hana Kim", "Ines Ortega"]);
  });
});
