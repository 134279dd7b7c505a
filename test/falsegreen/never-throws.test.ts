/**
 * Judging false greens never throws, whatever the cells hold: junk in the dates, progress,
 * periods and references of Initiatives, Hand-offs and Check-ins, judged by validation with
 * the clock, by the evaluation and by the sidebar's live path.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  SHEET,
  checkinEditIssues,
  evaluate,
  liveContext,
  validateGrids,
  type CellValue,
} from "@baton/core";
import { cellValue } from "../support/junk.ts";
import { checkin, handoff, initiative, objective, workbookGrids } from "../support/grids.ts";

const maybeJunk = <T extends CellValue>(good: T) =>
  fc.oneof(fc.constant(good), cellValue) as fc.Arbitrary<CellValue>;

describe("false greens never throw", () => {
  it("on junk in any cell they read", () => {
    fc.assert(
      fc.property(
        fc.record({
          start: maybeJunk("2026-09-01"),
          due: maybeJunk("2026-11-20"),
          stage: maybeJunk("In progress"),
          from: maybeJunk("INI-1"),
          to: maybeJunk("INI-2"),
          needed: maybeJunk("2026-11-16"),
          committed: maybeJunk(null),
          state: maybeJunk("Accepted"),
          periods: fc.array(maybeJunk("2026-W48"), { minLength: 1, maxLength: 4 }),
          progress: fc.array(maybeJunk(0.5), { minLength: 4, maxLength: 4 }),
          rag: maybeJunk("Green"),
        }),
        (j) => {
          const grids = workbookGrids({
            objectives: [objective("OBJ-1")],
            initiatives: [
              initiative("INI-1", "OBJ-1", { Start: j.start, Due: j.due, Stage: j.stage }),
              initiative("INI-2", "OBJ-1"),
            ],
            handoffs: [
              handoff("DEP-1", "INI-1", "INI-2", {
                "From Initiative": j.from,
                "To Initiative": j.to,
                "Needed By": j.needed,
                "Committed Date": j.committed,
                State: j.state,
              }),
            ],
            checkins: j.periods.map((p, i) =>
              checkin(String(p), "INI-1", { Period: p, RAG: j.rag, "Progress %": j.progress[i]! }),
            ),
            settings: { "Current Period": "2026-W48" },
          });
          const { workbook, issues } = validateGrids(grids, [], { today: "2026-11-26" });
          for (const i of issues) expect(i.message.length).toBeGreaterThan(0);
          evaluate(workbook, { asOf: "2026-11-26" });
          const rows = workbook.checkins.map((c) => c.row);
          checkinEditIssues(
            liveContext(workbook, { today: "2026-11-26" }),
            grids[SHEET.checkins]!,
            rows,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
