/// <reference types="office-js" />
/**
 * The ribbon's commands that run without opening the pane. Each one runs a backend action,
 * says what it did above the pane, refreshes the pane if it is open, and opens it when there
 * is something to look at. Whatever happens, it tells Office it has finished
 * (`event.completed()`), or the ribbon button would stay busy.
 */
import type { PaneAction } from "@baton/core";
import { excelBackend } from "../backend.ts";
import { describeError } from "../messages.ts";
import type { RunExcel } from "../session.ts";

export interface RibbonUi {
  notify(message: string, tone: "ok" | "error"): void;
  refreshPane(): Promise<void>;
  showPane(): Promise<void>;
}

export type CommandHandler = (event: { completed(): void }) => Promise<void>;

/** Ribbon command ids (the manifests' `FunctionName` / action ids) and the action each runs. */
export const RIBBON_COMMANDS = {
  writeSummary: "writeSummary",
  setUpTemplate: "setUpTemplate",
  refreshStatus: "refreshStatus",
  validate: "validate",
  migrate: "migrate",
} as const satisfies Record<string, PaneAction>;

export function ribbonCommands(
  run: RunExcel,
  ui: RibbonUi,
): Record<keyof typeof RIBBON_COMMANDS, CommandHandler> {
  const backend = excelBackend({ run });
  const command =
    (action: PaneAction): CommandHandler =>
    async (event) => {
      try {
        const outcome = await backend.run(action);
        ui.notify(outcome.message, outcome.ok ? "ok" : "error");
        await ui.refreshPane();
        if (!outcome.ok) await ui.showPane();
      } catch (e) {
        ui.notify(describeError(e), "error");
      } finally {
        event.completed();
      }
    };
  return {
    writeSummary: command(RIBBON_COMMANDS.writeSummary),
    setUpTemplate: command(RIBBON_COMMANDS.setUpTemplate),
    refreshStatus: command(RIBBON_COMMANDS.refreshStatus),
    validate: command(RIBBON_COMMANDS.validate),
    migrate: command(RIBBON_COMMANDS.migrate),
  };
}
