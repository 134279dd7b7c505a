/**
 * The shared pane's `Backend` in the Google Sheets sidebar: each call goes to a server
 * function of `main.ts` through `google.script.run`, turned into a Promise. Only plain values
 * cross (strings, numbers, booleans, null, arrays and objects of them): dates are ISO strings
 * on both sides, and an absent argument is left out rather than sent as undefined.
 */
import type { ActionOutcome, Backend, PaneAction, PaneState } from "@baton/core";

/** The part of `google.script.run` Baton uses: handlers, then a server function by name. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

/** Server functions of main.ts the sidebar calls. */
export const SERVER = { state: "batonPaneState", select: "batonSelect", run: "batonRun" } as const;

function call<T>(run: ScriptRun, name: string, args: readonly unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) =>
        reject(e instanceof Error ? e : new Error(String(e))),
      ) as unknown as Record<string, ((...a: unknown[]) => void) | undefined>;
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`The Baton script has no function ${name}; push the whole project again.`));
      return;
    }
    fn.apply(runner, [...args]);
  });
}

export function scriptRunBackend(run: ScriptRun): Backend {
  return {
    state: () => call<PaneState>(run, SERVER.state, []),
    async select(sheet: string, cell: string) {
      const found = await call<boolean>(run, SERVER.select, [sheet, cell]);
      if (!found) throw new Error(`${sheet}!${cell} is no longer in this spreadsheet.`);
    },
    run: (action: PaneAction, arg?: string) =>
      call<ActionOutcome>(run, SERVER.run, arg === undefined ? [action] : [action, arg]),
  };
}
