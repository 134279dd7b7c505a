/** Summaries of small workbooks, judged as of the engine tests' Thursday (2026-11-26, 2026-W48). */
import { VALUE_LIMITS, summarize, validateGrids } from "@baton/core";
import {
  checkin,
  handoff,
  kpi,
  objective,
  workbookGrids,
  type WorkbookSpec,
} from "../support/grids.ts";
import { AS_OF, THIS_WEEK, ini, plus, world } from "../engine/world.ts";

export { AS_OF, THIS_WEEK, ini, plus, world };

/** The previous week and its last day: what "what changed" compares with as of AS_OF. */
export const LAST_WEEK = "2026-W47";
export const LAST_WEEK_END = "2026-11-22";

export function summarized(spec: WorkbookSpec, asOf = AS_OF) {
  const { workbook, issues } = validateGrids(workbookGrids(world(spec)));
  return { workbook, issues, summary: summarize(workbook, { asOf }) };
}

/** An XSS probe: text a cell may hold that must never become markup. */
export const XSS = "<img src=x onerror=alert(1)>";

/**
 * A workbook in which every list of the summary runs past its limit: 61 objectives, each with
 * a KPI and an initiative that turned Red this week; 41 stale initiatives, whose last Green
 * check-ins are false greens; 45 late hand-offs; value planned in more units than the value
 * section shows, under more objectives than it lists.
 */
export function crowded(): WorkbookSpec {
  const n = 61;
  const objectives = Array.from({ length: n }, (_, i) => objective(`OBJ-${i + 1}`));
  const kpis = objectives.map((_, i) => kpi(`KPI-${i + 1}`, `OBJ-${i + 1}`));
  const turning = objectives.map((_, i) =>
    ini(`INI-${i + 1}`, {
      "Objective ID": `OBJ-${i + 1}`,
      "Planned Value": 1000,
      "Value Unit": `U${i % (VALUE_LIMITS.units + 1)}`,
    }),
  );
  const stale = Array.from({ length: 41 }, (_, i) =>
    ini(`INI-${n + 1 + i}`, { Start: "2026-09-01" }),
  );
  const checkins = turning.flatMap((_, i) => [
    checkin(LAST_WEEK, `INI-${i + 1}`, { RAG: "Green" }),
    checkin(THIS_WEEK, `INI-${i + 1}`, { RAG: "Red", "Path to Green": "A plan" }),
  ]);
  // The stale ones last said Green in W44 with nothing done, 29% of their time gone: false greens.
  for (const s of stale)
    checkins.push(checkin("2026-W44", s.ID as string, { RAG: "Green", "Progress %": 0 }));
  const handoffs = Array.from({ length: 45 }, (_, i) =>
    handoff(`DEP-${i + 1}`, `INI-${(i % n) + 1}`, `INI-${((i + 1) % n) + 1}`, {
      "Needed By": plus(AS_OF, -1 - i),
    }),
  );
  return { objectives, kpis, initiatives: [...turning, ...stale], handoffs, checkins };
}
