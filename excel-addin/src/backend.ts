/// <reference types="office-js" />
/**
 * The task pane's backend: the shared sidebar's `Backend` over Excel, running the core in the
 * pane. Each call is one `Excel.run` with a fresh host that reads what the action needs, runs
 * it, applies its plan and selects what it points at. Errors come back as messages, never as
 * exceptions the pane would have to guess at.
 */
import {
  ACTIONS as CORE_ACTIONS,
  SHEET,
  findSheet,
  paneState,
  readFor,
  runAction,
  sinceLooked,
  SINCE_NEEDS,
  type ActionInput,
  type ClosingKey,
  type ActionOutcome,
  type Backend,
  type MigrationSource,
  type PaneAction,
  type PaneState,
} from "@baton/core";
import type { ExcelHost } from "./host.ts";
import { loadMarks, queueMarks } from "./marks.ts";
import { describeError } from "./messages.ts";
import { readTemplate, withHost, type RunExcel } from "./session.ts";
import type { UserStore } from "./seen-store.ts";

export interface ExcelBackendOptions {
  readonly run: RunExcel;
  /** The instant statuses are computed as of. */
  readonly now?: () => Date;
  /** The zone written into a new template's Settings: the user's own. */
  readonly timeZone?: () => string;
  /**
   * The closer's signing key, from the add-in's own storage for this user (never the workbook).
   * Without it closes are unsigned, and refused where Settings lists Closers.
   */
  readonly closingKey?: () => Promise<ClosingKey | null>;
  /**
   * Where this user's "Since you last looked" is kept, under `seenKey` (see seen-store.ts);
   * without it the pane does not offer the view.
   */
  readonly seen?: { readonly store: UserStore; readonly key: string };
}

/** What the Excel pane offers, in the order the pane shows them. */
export const PANE_ACTIONS: readonly PaneAction[] = [
  "setUpTemplate",
  "validate",
  "refreshStatus",
  "writeSummary",
  "closePeriod",
  "verify",
  // Excel cannot say who is signed in: the form's Decided By is typed.
  "recordGateDecision",
];

/**
 * The answer a ribbon button carries: pressing "Import this sheet" is the user's yes (the
 * ribbon has no dialog to review in; the import report lists every row afterwards).
 */
const RIBBON_ANSWER: Partial<Record<PaneAction, string>> = { migrate: "yes" };

/** Marks the Check-ins cells validation found, as the pane lists them. */
async function markCheckins(host: ExcelHost, outcome: ActionOutcome): Promise<ActionOutcome> {
  const sheet = findSheet(await host.sheetNames(), SHEET.checkins);
  if (!sheet) return outcome;
  const marks = loadMarks(host.context, sheet);
  await host.sync();
  const cells = (outcome.issues ?? []).filter((i) => i.sheet === sheet).map((i) => i.cell);
  queueMarks(host.context, sheet, marks, "all", cells);
  try {
    await host.sync();
    return outcome;
  } catch (e) {
    // The list matters more than the marks: a sheet protected against formatting keeps it.
    const unmarked = `The cells on ${sheet} could not be marked: ${describeError(e)}`;
    return { ...outcome, message: `${outcome.message} ${unmarked}` };
  }
}

async function runIn(host: ExcelHost, id: PaneAction, input: ActionInput): Promise<ActionOutcome> {
  const read = await readFor(host, CORE_ACTIONS[id].needs);
  const { plan, outcome } = runAction(id, read, input);
  if (plan.ops.length) await host.apply(plan);
  if (outcome.select) await host.select(outcome.select.sheet, outcome.select.cell);
  const shown = id === "validate" ? await markCheckins(host, outcome) : outcome;
  // What Excel refused along the way (a protection) is said after what was done.
  return { ...shown, message: [shown.message, ...host.warnings].join(" ") };
}

export function excelBackend(options: ExcelBackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const closingKey = async () => {
    const key = options.closingKey ? await options.closingKey() : null;
    return key ? { key } : {};
  };
  const timeZone =
    options.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const seen = options.seen;
  const sinceMembers: Pick<Backend, "since" | "markSeen"> = seen
    ? {
        async since() {
          try {
            const last = await seen.store.get(seen.key);
            return await withHost(options.run, async (host) => {
              const read = await readFor(host, SINCE_NEEDS);
              return sinceLooked(read, { now: now(), place: "this workbook" }, last);
            });
          } catch (e) {
            throw new Error(describeError(e), { cause: e });
          }
        },
        async markSeen(text) {
          await seen.store.set(seen.key, text);
        },
      }
    : {};
  return {
    ...sinceMembers,
    async state(): Promise<PaneState> {
      try {
        return await withHost(options.run, async (host) => {
          const { grids } = await readTemplate(host);
          return paneState({ grids, now: now(), actions: PANE_ACTIONS });
        });
      } catch (e) {
        // The pane shows this message with a way to try again.
        throw new Error(describeError(e), { cause: e });
      }
    },
    async select(sheet, cell) {
      try {
        await withHost(options.run, (host) => host.select(sheet, cell));
      } catch (e) {
        throw new Error(describeError(e), { cause: e });
      }
    },
    async run(action, arg) {
      if (!Object.prototype.hasOwnProperty.call(CORE_ACTIONS, action))
        return { ok: false, message: `"${action}" is not an action of Baton for Excel.` };
      try {
        return await withHost(options.run, async (host) => {
          const answer = action === "migrate" ? RIBBON_ANSWER.migrate : arg;
          const input: ActionInput = {
            now: now(),
            place: "this workbook",
            timeZone: timeZone(),
            ...(answer !== undefined ? { answer } : {}),
            ...(action === "migrate" ? { source: await readSource(host, arg) } : {}),
            ...(action === "closePeriod" ? await closingKey() : {}),
          };
          return await runIn(host, action, input);
        });
      } catch (e) {
        return { ok: false, message: describeError(e) };
      }
    },
  };
}

/** The sheet to import (the active one unless named), with its merged ranges, as the core's migration reads it. */
async function readSource(host: ExcelHost, name?: string): Promise<MigrationSource> {
  const sheet = name ?? (await host.activeSheetName());
  const grid = (await host.readSheets([sheet]))[sheet] ?? [];
  return { sheet, grid, merges: await host.mergedRanges(sheet) };
}
