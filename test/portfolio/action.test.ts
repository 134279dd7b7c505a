/** The portfolio action: one write plan per member, as "Refresh statuses" writes it, with the portfolio's answers. */
import { describe, expect, it } from "vitest";
import { runAction, runPortfolio, type PortfolioRead } from "@baton/core";
import { handoff, workbookGrids, type WorkbookSpec } from "../support/grids.ts";
import { AS_OF, ini, plus, world } from "../engine/world.ts";

const now = new Date(`${AS_OF}T12:00:00Z`);
const read = (file: string, spec: WorkbookSpec): PortfolioRead => {
  const grids = workbookGrids(world(spec));
  return { file, read: { sheetNames: Object.keys(grids), grids } };
};
const support = read("support.xlsx", {
  initiatives: [ini("INI-1", { Team: "IT Support" })],
  settings: { Workbook: "support" },
});
const dev = read("dev.xlsx", {
  initiatives: [ini("INI-1", { Team: "Development" })],
  handoffs: [handoff("DEP-1", "INI-1", "support:INI-1", { "Needed By": plus(AS_OF, -3) })],
  settings: { Workbook: "dev" },
});

const valuesOf = (plan: { ops: readonly unknown[] }) =>
  (plan.ops as { op: string; values?: unknown[][] }[])
    .filter((o) => o.op === "values")
    .flatMap((o) => o.values!.flat());

describe("runPortfolio", () => {
  it("plans support's computed columns with dev's hand-off as the root cause", () => {
    const r = runPortfolio([support, dev], { now, asOf: AS_OF });
    expect(r.plans.map((p) => p.file)).toEqual(["support.xlsx", "dev.xlsx"]);
    const values = valuesOf(r.plans[0]!.plan);
    expect(values).toContain("Red");
    expect(values).toContain("dev:DEP-1");
    expect(r.outcome.message).toContain("Portfolio of 2 workbooks as of 2026-11-26");
    expect(r.outcome.ok).toBe(true);
  });
  it("writes for a lone member exactly what Refresh statuses writes", () => {
    const lone = read("lone.xlsx", {
      initiatives: [ini("INI-1"), ini("INI-2", { Due: plus(AS_OF, -2) })],
      handoffs: [handoff("DEP-1", "INI-2", "INI-1", { "Needed By": plus(AS_OF, 4) })],
      settings: { Workbook: "lone" },
    });
    const mine = runPortfolio([lone], { now, asOf: AS_OF }).plans[0]!.plan;
    const theirs = runAction("refreshStatus", lone.read, { now, asOf: AS_OF }).plan;
    expect(mine).toEqual(theirs);
  });
  it("names a member that is not a Baton workbook, and still judges the rest", () => {
    const stray = {
      file: "notes.xlsx",
      read: { sheetNames: ["Sheet1"], grids: { Sheet1: [["x"]] } },
    };
    const r = runPortfolio([support, stray, dev], { now, asOf: AS_OF }, [
      { file: "gone.xlsx", reason: "no such file" },
    ]);
    expect(r.failures.map((f) => f.file)).toEqual(["gone.xlsx", "notes.xlsx"]);
    expect(r.outcome.ok).toBe(false);
    expect(r.outcome.message).toContain("notes.xlsx (not a Baton workbook");
    expect(r.outcome.message).toContain("gone.xlsx (no such file)");
    expect(r.plans.map((p) => p.file)).toEqual(["support.xlsx", "dev.xlsx"]);
  });
});
