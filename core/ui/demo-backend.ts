/**
 * A backend that runs the real core inside the page, over an in-memory workbook holding the
 * demo plan: the preview shows the issues the core finds in it, not canned data. It offers only
 * what it can do with the core as it stands (setting up the template, validating); statuses,
 * the summary and period close join as the core gains them.
 */
import {
  MemoryHost,
  SHEET,
  demoContent,
  templatePlan,
  validateGrids,
  type IsoDate,
} from "../src/index.ts";
import type { ActionOutcome, Backend, PaneAction, PaneState } from "../src/ports/pane.ts";
import { paneStateOf } from "../src/actions/pane.ts";

export interface DemoBackendOptions {
  /** The day the demo story is told on. */
  readonly today: IsoDate;
  readonly timeZone: string;
  /** Start from a workbook without the template, so "Set up the template" writes the demo plan. */
  readonly empty?: boolean;
  /** Told about every selection, since there is no grid to move to. */
  readonly onSelect?: (sheet: string, cell: string) => void;
}

export interface DemoBackend extends Backend {
  readonly host: MemoryHost;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function createDemoBackend({
  today,
  timeZone,
  empty = false,
  onSelect,
}: DemoBackendOptions): DemoBackend {
  const host = new MemoryHost(empty ? { Sheet1: [] } : {});
  const plan = () => templatePlan(demoContent({ today, timeZone }));
  const ready = empty ? Promise.resolve() : host.apply(plan());

  async function validation() {
    await ready;
    return validateGrids(await host.readSheets(Object.values(SHEET)));
  }

  async function state(): Promise<PaneState> {
    const v = await validation();
    const hasTemplate = !v.issues.some((i) => i.code === "missing-sheet");
    const actions: PaneAction[] = hasTemplate ? ["validate"] : ["setUpTemplate"];
    return paneStateOf({ validation: v, asOf: today, actions });
  }

  async function run(action: PaneAction): Promise<ActionOutcome> {
    switch (action) {
      case "setUpTemplate": {
        const before = await validation();
        if (!before.issues.some((i) => i.code === "missing-sheet"))
          return { ok: false, message: "This workbook already has the template." };
        await host.apply(plan());
        const { workbook } = await validation();
        return {
          ok: true,
          message: `Set up the template with the demo plan: ${plural(workbook.objectives.length, "objective")}, ${plural(workbook.initiatives.length, "initiative")}, ${plural(workbook.handoffs.length, "hand-off")}.`,
        };
      }
      case "validate": {
        const { issues } = await validation();
        const errors = issues.filter((i) => i.severity === "error").length;
        const warnings = issues.length - errors;
        // Validating worked even when it finds errors: they are listed in the pane, not a failure.
        if (!issues.length) return { ok: true, message: "No issues: the workbook is valid." };
        return {
          ok: true,
          message: `Found ${plural(errors, "error")} and ${plural(warnings, "warning")}.`,
        };
      }
      default:
        return { ok: false, message: `The preview cannot do "${action}" yet.` };
    }
  }

  async function select(sheet: string, cell: string): Promise<void> {
    await ready;
    if (!host.sheets.has(sheet)) throw new RangeError(`The workbook has no sheet named ${sheet}.`);
    onSelect?.(sheet, cell);
  }

  return { host, state, select, run };
}
