/**
 * Red and amber hand-offs with their root cause, provider team, owner and days late, worst
 * first; and the decisions the summary asks for: one per Red hand-off, naming its owner and
 * the team waiting.
 */
import { describe, expect, it } from "vitest";
import { handoff } from "../support/grids.ts";
import { AS_OF, ini, plus, summarized } from "./support.ts";

const teams = [
  // Providers: INI-1 and INI-3 are Green; INI-4 is overdue, Red by its own row.
  ini("INI-1", { Team: "Development", Owner: "Jonas" }),
  ini("INI-3", { Team: "Infrastructure", Owner: "Ravi" }),
  ini("INI-4", { Team: "Data", Owner: "Tom", Due: plus(AS_OF, -1) }),
  // Waiting.
  ini("INI-2", { Team: "IT Support", Owner: "Sam" }),
  ini("INI-5", { Team: "Portal", Owner: "Elif" }),
  ini("INI-6", { Team: "Portal", Owner: "Mei" }),
];

const spec = {
  initiatives: teams,
  handoffs: [
    // Red, 2 days late.
    handoff("DEP-1", "INI-1", "INI-2", { "Needed By": plus(AS_OF, -2), Owner: "Jonas" }),
    // Red, 9 days late.
    handoff("DEP-2", "INI-1", "INI-5", { "Needed By": plus(AS_OF, -9), Owner: "Jonas" }),
    // Amber: still Requested, needed tomorrow.
    handoff("DEP-3", "INI-3", "INI-2", {
      State: "Requested",
      "Needed By": plus(AS_OF, 1),
      Owner: "Ravi",
    }),
    // Green, and Done.
    handoff("DEP-4", "INI-3", "INI-2", { "Needed By": plus(AS_OF, 30) }),
    handoff("DEP-5", "INI-3", "INI-2", { State: "Delivered" }),
    // Red: declined, not yet past Needed By; blocks INI-6 only.
    handoff("DEP-6", "INI-3", "INI-6", {
      State: "Declined",
      "Needed By": plus(AS_OF, 20),
      Owner: "Ravi",
    }),
    // Amber: its provider INI-4 is Red.
    handoff("DEP-7", "INI-4", "INI-2", { "Needed By": plus(AS_OF, 20), Owner: "Tom" }),
    // Red: committed after Needed By; blocks INI-5 and, through DEP-9, INI-6.
    handoff("DEP-8", "INI-1", "INI-5", {
      "Needed By": plus(AS_OF, 20),
      "Committed Date": plus(AS_OF, 25),
      Owner: "Jonas",
    }),
    // Amber: its provider INI-5 waits on Red hand-offs.
    handoff("DEP-9", "INI-5", "INI-6", { "Needed By": plus(AS_OF, 40), Owner: "Elif" }),
  ],
};

describe("red and amber hand-offs, worst first", () => {
  const { summary } = summarized(spec);

  it("lists only the Red and Amber ones: Red before Amber, the longest late first, then the most blocked, then sheet order", () => {
    expect(summary.handoffs.map((h) => [h.id, h.status, h.daysLate, h.blocks])).toEqual([
      ["DEP-2", "Red", 9, 2],
      ["DEP-1", "Red", 2, 1],
      ["DEP-8", "Red", 0, 2],
      ["DEP-6", "Red", 0, 1],
      ["DEP-3", "Amber", 0, 1],
      ["DEP-7", "Amber", 0, 1],
      ["DEP-9", "Amber", 0, 1],
    ]);
  });

  it("gives each its provider and waiting initiatives with their teams, its owner, days late and blocks", () => {
    const dep2 = summary.handoffs.find((h) => h.id === "DEP-2")!;
    expect(dep2).toMatchObject({
      deliverable: "Deliverable DEP-2",
      owner: "Jonas",
      daysLate: 9,
      neededBy: plus(AS_OF, -9),
      provider: { id: "INI-1", name: "Initiative INI-1", team: "Development", owner: "Jonas" },
      waiting: { id: "INI-5", name: "Initiative INI-5", team: "Portal", owner: "Elif" },
    });
    expect(dep2.reasons.map((r) => r.code)).toEqual(["handoff-late"]);
  });

  it("names the root cause: itself when its trouble is its own, the provider when it inherits it", () => {
    const cause = (id: string) => summary.handoffs.find((h) => h.id === id)!.rootCauses;
    expect(cause("DEP-1")).toEqual([
      {
        id: "DEP-1",
        entity: "handoff",
        name: "Deliverable DEP-1",
        team: "Development",
        status: "Red",
      },
    ]);
    expect(cause("DEP-7")).toEqual([
      { id: "INI-4", entity: "initiative", name: "Initiative INI-4", team: "Data", status: "Red" },
    ]);
    // INI-5 is Red because of DEP-2 and DEP-8, so DEP-9 out of it traces back to both.
    expect(cause("DEP-9").map((c) => c.id)).toEqual(["DEP-2", "DEP-8"]);
  });
});

describe("the decisions the summary asks for", () => {
  const { summary } = summarized(spec);

  it("are the Red hand-offs, in the same order, each with its owner, the providing team and the team waiting", () => {
    expect(summary.decisions.map((d) => d.handoffId)).toEqual(
      summary.handoffs.filter((h) => h.status === "Red").map((h) => h.id),
    );
    expect(summary.decisions.find((d) => d.handoffId === "DEP-1")).toMatchObject({
      deliverable: "Deliverable DEP-1",
      owner: "Jonas",
      providerTeam: "Development",
      waitingTeam: "IT Support",
      waiting: { id: "INI-2" },
      daysLate: 2,
    });
  });

  it("ask for a date when it is late, for another provider when it was declined, and to accept or expedite a date committed too late", () => {
    const ask = (id: string) => summary.decisions.find((d) => d.handoffId === id)!.ask;
    expect([ask("DEP-1"), ask("DEP-6"), ask("DEP-8")]).toEqual([
      "set-date",
      "find-provider",
      "accept-or-expedite",
    ]);
  });

  it("ask for another provider when a declined hand-off is also late: a date cannot come from a team that said no", () => {
    const { summary } = summarized({
      initiatives: teams,
      handoffs: [
        handoff("DEP-1", "INI-1", "INI-2", { State: "Declined", "Needed By": plus(AS_OF, -3) }),
      ],
    });
    expect(summary.decisions.map((d) => d.ask)).toEqual(["find-provider"]);
  });

  it("name no team when the hand-off points at an initiative that does not exist", () => {
    const { summary } = summarized({
      initiatives: teams,
      handoffs: [handoff("DEP-1", "INI-1", "INI-99", { "Needed By": plus(AS_OF, -3) })],
    });
    expect(summary.decisions[0]).toMatchObject({
      providerTeam: "Development",
      waitingTeam: null,
      waiting: { id: "INI-99", name: null, team: null },
    });
  });
});
