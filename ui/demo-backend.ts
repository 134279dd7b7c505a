/**
 * A backend that runs the real core inside the page, over an in-memory workbook holding the
 * demo plan: the preview shows the issues the core finds in it, not canned data. Its actions
 * are the core's, as every host runs them; setting up the template writes the demo plan.
 */
import {
  MemoryHost,
  demoContent,
  paneState,
  readFor,
  perform,
  templatePlan,
  type ActionOutcome,
  type Backend,
  type IsoDate,
  type PaneAction,
  type PaneState,
} from "@baton/core";

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

/** What the preview offers: what changes nothing outside the page. */
const OFFERED: readonly PaneAction[] = [
  "setUpTemplate",
  "validate",
  "refreshStatus",
  "writeSummary",
  "verify",
  "recordGateDecision",
];

export function createDemoBackend({
  today,
  timeZone,
  empty = false,
  onSelect,
}: DemoBackendOptions): DemoBackend {
  const host = new MemoryHost(empty ? { Sheet1: [] } : {});
  const content = () => demoContent({ today, timeZone });
  const ready = empty ? Promise.resolve() : host.apply(templatePlan(content()));
  // The demo story is told on `today`, at noon in its zone.
  const now = () => new Date(`${today}T12:00:00Z`);

  async function state(): Promise<PaneState> {
    await ready;
    const { grids } = await readFor(host, { template: "read" });
    return paneState({ grids, now: now(), actions: OFFERED });
  }

  async function run(action: PaneAction, arg?: string): Promise<ActionOutcome> {
    await ready;
    if (!OFFERED.includes(action))
      return { ok: false, message: `The preview cannot do "${action}".` };
    const { outcome } = await perform(host, action, {
      now: now(),
      place: "this workbook",
      timeZone,
      content: content(),
      ...(arg !== undefined ? { answer: arg } : {}),
    });
    if (outcome.select) onSelect?.(outcome.select.sheet, outcome.select.cell);
    return outcome;
  }

  async function select(sheet: string, cell: string): Promise<void> {
    await ready;
    if (!host.sheets.has(sheet)) throw new RangeError(`The workbook has no sheet named ${sheet}.`);
    onSelect?.(sheet, cell);
  }

  return { host, state, select, run };
}
