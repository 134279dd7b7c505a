/**
 * The portfolio summary judges the whole set as of the summary's day once: the portfolio's own
 * evaluation serves the board summary too, and only the previous period's day is judged anew.
 * The engine is counted, not replaced.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../core/src/engine/evaluate.ts", async (original) => {
  const engine = await original<typeof import("../../core/src/engine/evaluate.ts")>();
  return { ...engine, evaluate: vi.fn(engine.evaluate) };
});

const { evaluate } = await import("../../core/src/engine/evaluate.ts");
const { evaluatePortfolio, portfolioSummaryOf, summarize, summarizePortfolio } =
  await import("@baton/core");
const { handoff, workbookGrids } = await import("../support/grids.ts");
const { AS_OF, ini, plus, world } = await import("../engine/world.ts");

const members = () => [
  {
    file: "support.xlsx",
    grids: workbookGrids(world({ initiatives: [ini("INI-1")], settings: { Workbook: "support" } })),
  },
  {
    file: "dev.xlsx",
    grids: workbookGrids(
      world({
        initiatives: [ini("INI-1")],
        handoffs: [handoff("DEP-1", "INI-1", "support:INI-1", { "Needed By": plus(AS_OF, -3) })],
        settings: { Workbook: "dev" },
      }),
    ),
  },
];
const now = new Date(`${AS_OF}T12:00:00Z`);

describe("the portfolio summary's evaluations", () => {
  it("judges the set twice in all: as of the day and as of the previous period's end", () => {
    vi.mocked(evaluate).mockClear();
    summarizePortfolio(members(), { asOf: AS_OF, now });
    expect(vi.mocked(evaluate).mock.calls.map(([, o]) => o.asOf)).toEqual([
      AS_OF,
      expect.not.stringMatching(AS_OF),
    ]);
  });

  it("gives the same whole-set summary as judging it afresh", () => {
    const p = evaluatePortfolio(members(), { asOf: AS_OF, now });
    expect(portfolioSummaryOf(p).whole).toEqual(summarize(p.merged.workbook, { asOf: AS_OF }));
  });

  it("judges afresh when the evaluation given is of another day", () => {
    const p = evaluatePortfolio(members(), { asOf: AS_OF, now });
    const other = evaluatePortfolio(members(), { asOf: plus(AS_OF, -30), now }).evaluation;
    vi.mocked(evaluate).mockClear();
    const s = summarize(p.merged.workbook, { asOf: AS_OF, evaluation: other });
    expect(vi.mocked(evaluate)).toHaveBeenCalledTimes(2);
    expect(s).toEqual(summarize(p.merged.workbook, { asOf: AS_OF }));
  });
});
