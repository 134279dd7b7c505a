/** The demo tracker in a fake spreadsheet, and the statuses the core gives it, for comparison. */
import {
  SHEET,
  MemoryHost,
  demoContent,
  evaluate,
  templatePlan,
  validateGrids,
  type Evaluation,
} from "@baton/core";
import { FakeBook } from "../../../fakes/sheets/spreadsheet.ts";
import { loadProject, type LoadedProject, type ProjectOptions } from "./bundle.ts";
import { sheetsHost } from "../../../fakes/sheets/host.ts";

export const DEMO_TODAY = "2026-11-26";
export const DEMO_ZONE = "Europe/Berlin";
/** Mid-morning of the demo's day in its zone. */
export const DEMO_NOW = "2026-11-26T10:00:00Z";

const plan = () => templatePlan(demoContent({ today: DEMO_TODAY, timeZone: DEMO_ZONE }));

/** The demo written into a spreadsheet by the Sheets host, the project's clock on the demo's day. */
export function demoProject(opts: ProjectOptions = {}): LoadedProject {
  const p = loadProject(new FakeBook({ zone: DEMO_ZONE }), { now: DEMO_NOW, ...opts });
  sheetsHost(p.book, p).apply(plan());
  return p;
}

/** What the core makes of the demo as of its day, read from the in-memory host. */
export async function demoEvaluation(): Promise<Evaluation> {
  const host = new MemoryHost();
  await host.apply(plan());
  const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
  return evaluate(workbook, { asOf: DEMO_TODAY });
}
