/**
 * The formula peer computes what Baton computes, where both compute it: the comparison of
 * their speed is between two answers to the same question.
 */
import { describe, expect, it } from "vitest";
import { evaluate, readWorkbook, REASONS, type Reason } from "@baton/core";
import { generate, SIZES, AS_OF } from "../../bench/src/generate.ts";
import { gridsOf } from "../../bench/src/workbooks.ts";
import { evaluateFormulas, formulaSheets } from "../../bench/src/peer/formulas.ts";

/** The status a hand-off's own reasons give, before its provider is looked at. */
function ownStatus(status: string, reasons: readonly Reason[]): string {
  if (status === "Done") return "Done";
  const own = reasons
    .filter((r) => !REASONS[r.code].inherited)
    .map((r) => REASONS[r.code].severity);
  return own.includes("Red") ? "Red" : own.includes("Amber") ? "Amber" : "Green";
}

describe("the formula approach agrees with Baton on hand-off statuses", () => {
  const grids = gridsOf(generate(SIZES.S).content);
  const { workbook } = readWorkbook(grids);
  const ev = evaluate(workbook, { asOf: AS_OF });
  const formulas = evaluateFormulas(
    formulaSheets(grids, AS_OF, workbook.settings.amberWindow, workbook.settings.holidays),
  );

  it("gives every hand-off the status its own row gives in Baton", () => {
    expect(formulas.handoffs.size).toBe(ev.handoffs.length);
    for (const h of ev.handoffs)
      expect([h.id, formulas.handoffs.get(h.id)]).toEqual([h.id, ownStatus(h.status, h.reasons)]);
  });

  it("gives the same status where Baton's hand-off inherits nothing", () => {
    const plain = ev.handoffs.filter((h) => !h.reasons.some((r) => REASONS[r.code].inherited));
    expect(plain.length).toBeGreaterThan(ev.handoffs.length / 2);
    for (const h of plain) expect([h.id, formulas.handoffs.get(h.id)]).toEqual([h.id, h.status]);
  });

  it("covers every kind of hand-off status in the sample", () => {
    expect(new Set(formulas.handoffs.values())).toEqual(new Set(["Done", "Red", "Amber", "Green"]));
  });
});
