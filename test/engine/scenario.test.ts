/**
 * A worked scenario: three teams, a chain of three hand-offs, one of them late. The expected
 * statuses and root causes are worked out here from DESIGN.md's rules for a chain, step by
 * step, and then compared with what the engine says.
 *
 *   Infrastructure            Development             Customer Support        Customer Support
 *   INI-1 Build servers ─DEP-1→ INI-2 Payments API ─DEP-2→ INI-3 Checkout ─DEP-3→ INI-4 Agent training
 */
import { describe, expect, it } from "vitest";
import { checkin, handoff, initiative, objective, type RowSpec } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, daysBetween, evaluated, find, plus } from "./world.ts";

type Rag = "Green" | "Amber" | "Red";
const worst = (...s: Rag[]): Rag =>
  s.includes("Red") ? "Red" : s.includes("Amber") ? "Amber" : "Green";

interface Step {
  readonly id: string;
  readonly team: string;
  readonly due: string;
  readonly rag: Rag;
}
interface Link {
  readonly id: string;
  readonly neededBy: string;
  readonly delivered: boolean;
}

const chain: Step[] = [
  { id: "INI-1", team: "Infrastructure", due: plus(AS_OF, 60), rag: "Green" },
  { id: "INI-2", team: "Development", due: plus(AS_OF, 70), rag: "Amber" },
  { id: "INI-3", team: "Customer Support", due: plus(AS_OF, 80), rag: "Green" },
  { id: "INI-4", team: "Customer Support", due: plus(AS_OF, 90), rag: "Green" },
];

function workbook(links: Link[]) {
  const initiatives: RowSpec[] = chain.map((s) =>
    initiative(s.id, "OBJ-1", { Team: s.team, Start: AS_OF, Due: s.due }),
  );
  const handoffs = links.map((l, k) =>
    handoff(l.id, chain[k]!.id, chain[k + 1]!.id, {
      "Needed By": l.neededBy,
      State: l.delivered ? "Delivered" : "Accepted",
    }),
  );
  const checkins = chain.map((s) =>
    checkin(THIS_WEEK, s.id, {
      RAG: s.rag,
      ...(s.rag === "Green" ? {} : { "Path to Green": "Second build crew" }),
    }),
  );
  return evaluated({ objectives: [objective("OBJ-1")], initiatives, handoffs, checkins });
}

/**
 * The rules for this chain. An initiative: its own report (none is overdue or stale: each
 * started today, reported this week and is due months away), worsened by the hand-off into it.
 * A hand-off: Red when not delivered and past Needed By; Amber when its provider is Red or
 * Amber; Done when delivered. A root cause: follow a point upstream while what flows in is
 * as bad as the point itself (its reasons at that severity are inherited), else stop there.
 */
function expected(links: Link[]) {
  const status = new Map<string, Rag | "Done">();
  const roots = new Map<string, string[]>();
  chain.forEach((step, k) => {
    const link = links[k - 1];
    const inflow = link && status.get(link.id) !== "Done" ? (status.get(link.id) as Rag) : "Green";
    const s = worst(step.rag, inflow);
    status.set(step.id, s);
    roots.set(step.id, s === "Green" ? [] : link && inflow === s ? roots.get(link.id)! : [step.id]);
    const out = links[k];
    if (!out) return;
    if (out.delivered) {
      status.set(out.id, "Done");
      roots.set(out.id, []);
      return;
    }
    const own: Rag = daysBetween(out.neededBy, AS_OF) > 0 ? "Red" : "Green";
    const inherited: Rag = s === "Green" ? "Green" : "Amber";
    const hs = worst(own, inherited);
    status.set(out.id, hs);
    roots.set(out.id, hs === "Green" ? [] : own === hs ? [out.id] : roots.get(step.id)!);
  });
  return { status, roots };
}

describe("a chain of three hand-offs across three teams", () => {
  const late: Link[] = [
    { id: "DEP-1", neededBy: plus(AS_OF, -6), delivered: false },
    { id: "DEP-2", neededBy: plus(AS_OF, 25), delivered: false },
    { id: "DEP-3", neededBy: plus(AS_OF, 45), delivered: false },
  ];

  it("turns the late hand-off Red and carries the trouble to the end of the chain, every stall traced to it", () => {
    const { ev } = workbook(late);
    const want = expected(late);
    for (const id of ["INI-1", "DEP-1", "INI-2", "DEP-2", "INI-3", "DEP-3", "INI-4"]) {
      const got = id.startsWith("DEP") ? find(ev, "handoffs", id) : find(ev, "initiatives", id);
      expect({ id, status: got.status, rootCauses: got.rootCauses }).toEqual({
        id,
        status: want.status.get(id),
        rootCauses: want.roots.get(id),
      });
    }
    // Worked through by hand, the rules say the same:
    expect(want.status.get("DEP-1")).toBe("Red"); // six days past Needed By
    expect(want.status.get("INI-2")).toBe("Red"); // its own Amber report, made Red by DEP-1
    expect(want.roots.get("INI-4")).toEqual(["DEP-1"]);
  });

  it("counts Days Late in calendar days and Blocks along the chain", () => {
    const { ev } = workbook(late);
    expect(find(ev, "handoffs", "DEP-1").daysLate).toBe(daysBetween(late[0]!.neededBy, AS_OF));
    expect(["DEP-1", "DEP-2", "DEP-3"].map((id) => find(ev, "handoffs", id).blocks)).toEqual([
      3, 2, 1,
    ]);
  });

  it("rolls up to a Red objective that names the Red initiative", () => {
    const { ev } = workbook(late);
    expect(find(ev, "objectives", "OBJ-1")).toMatchObject({
      status: "Red",
      reasons: [{ code: "initiative-red", refs: ["INI-2"] }],
    });
  });

  it("recovers when the late hand-off is delivered: only Development's own Amber is left, and it is the root cause downstream", () => {
    const delivered = late.map((l, k) => (k === 0 ? { ...l, delivered: true } : l));
    const { ev } = workbook(delivered);
    const want = expected(delivered);
    expect(want.status.get("INI-2")).toBe("Amber");
    expect(want.roots.get("INI-4")).toEqual(["INI-2"]);
    for (const id of ["DEP-1", "INI-2", "DEP-2", "INI-3", "DEP-3", "INI-4"]) {
      const got = id.startsWith("DEP") ? find(ev, "handoffs", id) : find(ev, "initiatives", id);
      expect({ id, status: got.status, rootCauses: got.rootCauses }).toEqual({
        id,
        status: want.status.get(id),
        rootCauses: want.roots.get(id),
      });
    }
  });
});
