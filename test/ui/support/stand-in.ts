/**
 * A stand-in for a host backend, installed in the page before the pane loads. It serves the
 * states a test gives (one per `state()` call, the last one repeating), records every call,
 * and can hold an action until the test releases it, so a test sees the pane while it waits.
 */
import type { Page } from "playwright-core";
import type { ActionOutcome, PaneAction, PaneSince, PaneState } from "@baton/core";

export interface StandInSpec {
  /** What `state()` returns on its first, second, ... call; the last repeats. */
  readonly states: readonly PaneState[];
  /** What `run(action)` resolves to, or the message it rejects with. */
  readonly outcomes?: Partial<Record<PaneAction, ActionOutcome | { readonly reject: string }>>;
  /** `state()` calls (0-based) that reject. */
  readonly stateFailures?: readonly number[];
  /** `select` rejects with this message. */
  readonly selectFailure?: string;
  /** Hold every `run` until `window.__release()`. */
  readonly gated?: boolean;
  /**
   * What `since()` returns on its first, second, ... call, the last repeating; without it the
   * backend offers no "Since you last looked" (as in Google Sheets).
   */
  readonly since?: readonly PaneSince[];
  /** `since()` calls (0-based) that reject. */
  readonly sinceFailures?: readonly number[];
}

export interface Calls {
  state: number;
  select: [string, string][];
  run: [PaneAction, string?][];
  since: number;
  /** What `markSeen` was given, in order. */
  seen: string[];
}

/** Runs inside the page: it may use nothing from this module's scope. */
function install(spec: StandInSpec): void {
  const w = window as unknown as Record<string, unknown>;
  const calls: Calls = { state: 0, select: [], run: [], since: 0, seen: [] };
  w.__calls = calls;
  const sinceList = spec.since;
  const sinceMembers = sinceList
    ? {
        since() {
          const n = calls.since++;
          if (spec.sinceFailures?.includes(n))
            return Promise.reject(
              new Error(`the host could not read the workbook (call ${n + 1})`),
            );
          return Promise.resolve(
            JSON.parse(JSON.stringify(sinceList[Math.min(n, sinceList.length - 1)])),
          );
        },
        markSeen(seen: string) {
          calls.seen.push(seen);
          return Promise.resolve();
        },
      }
    : {};
  w.__batonBackend = {
    ...sinceMembers,
    state() {
      const n = calls.state++;
      if (spec.stateFailures?.includes(n))
        return Promise.reject(new Error(`the host could not read the workbook (call ${n + 1})`));
      return Promise.resolve(
        JSON.parse(JSON.stringify(spec.states[Math.min(n, spec.states.length - 1)])),
      );
    },
    select(sheet: string, cell: string) {
      calls.select.push([sheet, cell]);
      return spec.selectFailure ? Promise.reject(new Error(spec.selectFailure)) : Promise.resolve();
    },
    run(action: PaneAction, arg?: string) {
      calls.run.push(arg === undefined ? [action] : [action, arg]);
      const o = spec.outcomes?.[action] ?? { ok: true, message: `Ran ${action}.` };
      const settle = () =>
        "reject" in o ? Promise.reject(new Error(o.reject)) : Promise.resolve(o);
      if (!spec.gated) return settle();
      return new Promise((resolve) => {
        w.__release = () => resolve(settle());
      });
    },
  };
}

export async function installStandIn(page: Page, spec: StandInSpec): Promise<void> {
  await page.addInitScript(install, spec);
}

export function callsIn(page: Page): Promise<Calls> {
  return page.evaluate(() => (window as unknown as { __calls: Calls }).__calls);
}

export function release(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __release: () => void }).__release());
}
