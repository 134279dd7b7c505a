/**
 * A check-in is judged once per workbook and day: validation and evaluation of the same
 * workbook share what was judged. Whatever was judged before, in whatever order and in
 * whatever batches, the false greens are the ones a fresh judgement finds, in the order asked.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  daysFromIso,
  evaluate,
  falseGreenContext,
  judgeCheckins,
  readWorkbook,
  validateGrids,
  type Workbook,
} from "@baton/core";
import { generate, SIZES, AS_OF } from "../../bench/src/generate.ts";
import { gridsOf } from "../../bench/src/workbooks.ts";

const { workbook } = readWorkbook(gridsOf(generate(SIZES.S).content));
const day = daysFromIso(AS_OF)!;
/** A copy of the workbook as another read gives it: its own context, nothing judged yet. */
const fresh = (wb: Workbook): Workbook => ({ ...wb });

describe("false greens judged once per workbook and day", () => {
  it("give what a fresh judgement gives, whatever was judged before (property)", () => {
    const all = workbook.checkins;
    // The latest weeks' check-ins, whose judgement depends most on the day it is made as of.
    const pool = all.slice(-150);
    expect(judgeCheckins(falseGreenContext(fresh(workbook)), all, day).length).toBeGreaterThan(10);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rows: fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 40 }),
            shift: fc.integer({ min: -150, max: 10 }),
          }),
          { maxLength: 4 },
        ),
        fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -150, max: 10 }),
        (before, asked, shift) => {
          const wb = fresh(workbook);
          const ctx = falseGreenContext(wb);
          // Earlier judgements, some as of other days.
          for (const b of before)
            judgeCheckins(
              ctx,
              b.rows.map((i) => pool[i]!),
              day + b.shift,
            );
          const rows = asked.map((i) => pool[i]!);
          expect(judgeCheckins(ctx, rows, day + shift)).toEqual(
            judgeCheckins(falseGreenContext(fresh(workbook)), rows, day + shift),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("evaluation after validation of the same read gives what it gives alone", () => {
    const { workbook: read, issues } = validateGrids(gridsOf(generate(SIZES.S).content), [], {
      today: AS_OF,
    });
    expect(issues.some((i) => i.code === "false-green")).toBe(true);
    const after = evaluate(read, { asOf: AS_OF });
    expect(after.falseGreens.length).toBeGreaterThan(0);
    expect(after.falseGreens).toEqual(evaluate(fresh(read), { asOf: AS_OF }).falseGreens);
  });
});
