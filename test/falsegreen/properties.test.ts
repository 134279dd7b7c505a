/**
 * False greens over random workbooks: a Green check-in whose evidence is all Green (its
 * initiative not overdue, every hand-off it provides or waits on not Red, its Progress % on
 * pace and moving) is never flagged; one whose initiative provides a Red hand-off always is.
 * Judged the three ways Baton judges it: the evaluation, validation, and the sidebar's live path.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  SHEET,
  checkinEditIssues,
  evaluate,
  liveContext,
  validateGrids,
  type Evaluation,
  type ValidationIssue,
} from "@baton/core";
import { checkin, handoff, workbookGrids, type RowSpec } from "../support/grids.ts";
import { AS_OF, THIS_WEEK, ini, plus, world } from "../engine/world.ts";

const PARTNERS = ["INI-2", "INI-3", "INI-4"];
const STAGES = ["Not started", "In progress", "On hold", "Done", "Cancelled"] as const;

/** A hand-off of INI-1's, to or from a partner, that is not Red as of AS_OF. */
const notRed = (dir: "out" | "in") =>
  fc
    .record({
      partner: fc.constantFrom(...PARTNERS),
      delivered: fc.boolean(),
      neededIn: fc.integer({ min: 0, max: 60 }),
      lateIfDelivered: fc.integer({ min: -60, max: 60 }),
      committedBefore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      state: fc.constantFrom("Requested", "Accepted", "In progress"),
    })
    .map((h) => ({ dir, ...h }));

/** A hand-off INI-1 provides that is Red as of AS_OF: late, declined or committed late. */
const red = fc.oneof(
  fc.integer({ min: 1, max: 90 }).map((late) => ({ "Needed By": plus(AS_OF, -late) })),
  fc.constant({ State: "Declined" }),
  fc.integer({ min: 1, max: 30 }).map((after) => ({
    "Needed By": plus(AS_OF, 10),
    "Committed Date": plus(AS_OF, 10 + after),
  })),
);

const scenario = fc.record({
  startedAgo: fc.integer({ min: 0, max: 300 }),
  dueIn: fc.integer({ min: 0, max: 300 }),
  /** Points above the slowest pace allowed (elapsed share − 25). */
  ahead: fc.integer({ min: 0, max: 100 }),
  history: fc.constantFrom("none", "one", "moving"),
  handoffs: fc.array(fc.oneof(notRed("out"), notRed("in")), { maxLength: 5 }),
  partnerStages: fc.array(fc.constantFrom(...STAGES), { minLength: 3, maxLength: 3 }),
  partnerReports: fc.array(fc.constantFrom("Green", "Amber", "Red", null), {
    minLength: 3,
    maxLength: 3,
  }),
  stage: fc.constantFrom("Not started", "In progress"),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function spec(s: Scenario, extra: RowSpec[] = []) {
  const start = plus(AS_OF, -s.startedAgo);
  const due = plus(AS_OF, s.dueIn);
  const total = s.startedAgo + s.dueIn;
  const gone = total === 0 ? 0 : s.startedAgo / total;
  // On pace: at most 25 points behind the share of time gone, in whole percent.
  const progress = Math.min(100, Math.ceil(Math.max(0, gone * 100 - 25)) + s.ahead) / 100;
  const checkins = [checkin(THIS_WEEK, "INI-1", { "Progress %": progress })];
  // Moving: the week before reported a different figure (or there is no run of three).
  const other = progress >= 0.5 ? progress - 0.1 : progress + 0.1;
  if (s.history !== "none")
    checkins.unshift(checkin("2026-W47", "INI-1", { "Progress %": Math.round(other * 100) / 100 }));
  if (s.history === "moving")
    checkins.unshift(checkin("2026-W46", "INI-1", { "Progress %": progress }));
  PARTNERS.forEach((id, i) => {
    const rag = s.partnerReports[i];
    if (rag)
      checkins.push(
        checkin(THIS_WEEK, id, { RAG: rag, "Path to Green": rag === "Green" ? null : "Plan" }),
      );
  });
  const handoffs = s.handoffs.map((h, i) => {
    const [from, to] = h.dir === "out" ? ["INI-1", h.partner] : [h.partner, "INI-1"];
    const needed = h.delivered ? plus(AS_OF, h.lateIfDelivered) : plus(AS_OF, h.neededIn);
    return handoff(`DEP-${i + 1}`, from!, to!, {
      "Needed By": needed,
      "Committed Date": h.committedBefore === null ? null : plus(needed, -h.committedBefore),
      "Delivered On": h.delivered ? plus(AS_OF, -1) : null,
      State: h.delivered ? "Delivered" : h.state,
    });
  });
  return world({
    initiatives: [
      ini("INI-1", { Start: start, Due: due, Stage: s.stage, Team: "Us" }),
      ...PARTNERS.map((id, i) =>
        ini(id, { Start: plus(AS_OF, -30), Stage: s.partnerStages[i]!, Team: `Team ${id}` }),
      ),
    ],
    handoffs: [...handoffs, ...extra],
    checkins,
  });
}

/** INI-1's flags the three ways: evaluation, validation, live. */
function judged(grids: ReturnType<typeof workbookGrids>) {
  const { workbook, issues } = validateGrids(grids, [], { today: AS_OF });
  const ev: Evaluation = evaluate(workbook, { asOf: AS_OF });
  const row = workbook.checkins.find((c) => c.id === "INI-1" && c.period === THIS_WEEK)!.row;
  const live = checkinEditIssues(liveContext(workbook, { today: AS_OF }), grids[SHEET.checkins]!, [
    row,
  ]);
  const mine = (list: readonly ValidationIssue[]) =>
    list.filter((i) => i.code === "false-green" && i.row === row);
  return {
    evaluation: ev.falseGreens.filter((f) => f.id === "INI-1"),
    reasons: ev.initiatives
      .find((i) => i.id === "INI-1")!
      .reasons.filter((r) => r.code === "falseGreen"),
    validation: mine(issues),
    live: mine(live),
  };
}

describe("false greens, for any workbook", () => {
  it("are never flagged on a Green check-in whose evidence is all Green", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const j = judged(workbookGrids(spec(s)));
        expect(j.evaluation).toEqual([]);
        expect(j.reasons).toEqual([]);
        expect(j.validation).toEqual([]);
        expect(j.live).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("are always flagged when a hand-off the initiative provides is Red", () => {
    fc.assert(
      fc.property(scenario, red, fc.constantFrom(...PARTNERS), (s, miss, to) => {
        const late = handoff("DEP-99", "INI-1", to, { ...miss });
        const j = judged(workbookGrids(spec(s, [late])));
        expect(j.evaluation).toHaveLength(1);
        expect(j.evaluation[0]!.evidence).toContainEqual(
          expect.objectContaining({ code: "owes-red-handoff", refs: ["DEP-99"] }),
        );
        expect(j.reasons[0]!.refs).toContain("DEP-99");
        expect(j.validation).toHaveLength(1);
        expect(j.validation[0]!.message).toContain("DEP-99, which you owe Team " + to);
        expect(j.live.map((i) => i.message)).toEqual(j.validation.map((i) => i.message));
      }),
      { numRuns: 150 },
    );
  });
});
