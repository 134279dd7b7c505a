/**
 * Property: whatever the workbook and whatever was told before, telling again at the same
 * moment finds nothing new and writes nothing.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HANDOFF_STATE, SHEET } from "@baton/core";
import { checkin, handoff, initiative, objective, type RowSpec } from "../support/grids.ts";
import { hostOf, tell } from "./support.ts";

const DAYS = ["2026-11-16", "2026-11-24", "2026-11-26", "2026-11-28", "2026-12-03"];
const OWNERS = ["Hana Kim", "Ines Ortega", "Nobody Listed"];

const handoffRow = fc.record({
  from: fc.integer({ min: 1, max: 3 }),
  to: fc.integer({ min: 1, max: 3 }),
  neededBy: fc.constantFrom(...DAYS),
  state: fc.constantFrom(...HANDOFF_STATE),
  delivered: fc.option(fc.constantFrom(...DAYS)),
  owner: fc.constantFrom(...OWNERS),
});
const workbook = fc.record({
  handoffs: fc.array(handoffRow, { maxLength: 5 }),
  rag: fc.array(fc.option(fc.constantFrom("Green", "Amber", "Red")), {
    minLength: 3,
    maxLength: 3,
  }),
  stage: fc.array(fc.constantFrom("In progress", "Done", "On hold", "Not started"), {
    minLength: 3,
    maxLength: 3,
  }),
});
type Spec = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

function grids(w: Spec) {
  const initiatives = [1, 2, 3].map((n) =>
    initiative(`INI-${n}`, "OBJ-1", {
      Owner: OWNERS[n - 1]!,
      Start: "2026-11-02",
      Due: "2026-12-01",
      Stage: w.stage[n - 1]!,
    }),
  );
  const handoffs: RowSpec[] = w.handoffs.map((h, i) =>
    handoff(`DEP-${i + 1}`, `INI-${h.from}`, `INI-${h.to}`, {
      "Needed By": h.neededBy,
      State: h.state,
      "Delivered On": h.delivered,
      Owner: h.owner,
    }),
  );
  const checkins = w.rag.flatMap((rag, i) =>
    rag ? [checkin("2026-W48", `INI-${i + 1}`, { RAG: rag, "Path to Green": "A plan" })] : [],
  );
  return { objectives: [objective("OBJ-1")], initiatives, handoffs, checkins };
}

describe("a rerun at the same moment is always empty", () => {
  it("after any earlier run on any other workbook", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbook,
        workbook,
        fc.constantFrom(...DAYS),
        fc.constantFrom(...DAYS),
        async (before, now, dayBefore, day) => {
          const host = hostOf(grids(before));
          await tell(host, dayBefore);
          const next = hostOf(grids(now));
          // The state told about `before` travels with the file into `now`.
          next.sheets.set("_baton", host.sheets.get("_baton")!);
          await tell(next, day);
          const again = await tell(next, day);
          expect(again.notification.events).toEqual([]);
          expect(again.plan.ops).toEqual([]);
          expect(next.grid(SHEET.handoffs).length).toBe(now.handoffs.length + 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
