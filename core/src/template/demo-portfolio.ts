/**
 * The demo split into two team workbooks, `support` and `dev`, as two teams keep them: the
 * Development team's initiatives in `dev`, every other team's in `support`. A hand-off lives
 * with its provider (the From initiative's workbook) and names a waiting initiative in the
 * other workbook qualified, so dev's late routing API (DEP-1) is `dev:DEP-1`, waited on by
 * `support:INI-1`. Objectives go to each workbook whose initiatives serve them, KPIs and their
 * check-ins with their objective (to `support` when both hold it), and the honest mistakes
 * stay where they were typed.
 */
import type { PlanValue } from "../ports/plan.ts";
import { demoContent, type DemoOptions } from "./demo.ts";
import type { SheetRows, TemplateContent } from "./write.ts";

export const DEMO_WORKBOOKS = { support: "support", dev: "dev" } as const;

type Side = keyof typeof DEMO_WORKBOOKS;

export function demoPortfolioContent(opts: DemoOptions): Readonly<Record<Side, TemplateContent>> {
  const all = demoContent(opts);
  const sideOfInitiative = new Map<string, Side>();
  for (const r of all.initiatives ?? [])
    sideOfInitiative.set(r[0] as string, r[3] === "Development" ? "dev" : "support");
  const objectivesOf: Record<Side, Set<string>> = { support: new Set(), dev: new Set() };
  for (const r of all.initiatives ?? [])
    objectivesOf[sideOfInitiative.get(r[0] as string)!].add(r[1] as string);
  const sideOfKpi = new Map<string, Side>();
  for (const r of all.kpis ?? [])
    sideOfKpi.set(
      r[0] as string,
      objectivesOf.support.has(r[1] as string) || !objectivesOf.dev.has(r[1] as string)
        ? "support"
        : "dev",
    );
  const sideOf = (id: string): Side => sideOfInitiative.get(id) ?? sideOfKpi.get(id) ?? "support";

  const content = (side: Side): TemplateContent => {
    const mine = (rows: SheetRows | undefined, pick: (r: readonly PlanValue[]) => boolean) =>
      (rows ?? []).filter(pick);
    const end = (id: PlanValue): PlanValue =>
      typeof id === "string" && sideOf(id) !== side ? `${DEMO_WORKBOOKS[sideOf(id)]}:${id}` : id;
    return {
      settings: { ...all.settings, workbook: DEMO_WORKBOOKS[side] },
      objectives: mine(all.objectives, (r) => objectivesOf[side].has(r[0] as string)),
      kpis: mine(all.kpis, (r) => sideOfKpi.get(r[0] as string) === side),
      initiatives: mine(all.initiatives, (r) => sideOfInitiative.get(r[0] as string) === side),
      handoffs: mine(all.handoffs, (r) => sideOf(r[1] as string) === side).map((r) => [
        r[0]!,
        r[1]!,
        end(r[2]!),
        ...r.slice(3),
      ]),
      checkins: mine(all.checkins, (r) => sideOf(r[1] as string) === side),
    };
  };
  return { support: content("support"), dev: content("dev") };
}
