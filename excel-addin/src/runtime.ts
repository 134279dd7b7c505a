/**
 * What the task pane, the ribbon commands and the custom functions share: they run in one
 * JavaScript runtime (the manifest's shared runtime), so a ribbon command can refresh the pane
 * and tell the user what it did.
 */
import type { Pane } from "@baton/ui";

export type Tone = "ok" | "error";

interface RuntimeState {
  pane: Pane | null;
  notice: HTMLElement | null;
}

export const runtime: RuntimeState = { pane: null, notice: null };

/** Shows a message above the pane (an outcome of a ribbon command, a failed live check). */
export function notify(message: string, tone: Tone): void {
  const el = runtime.notice;
  if (!el) return;
  const p = document.createElement("p");
  p.className = `baton-notice tone-${tone}`;
  p.textContent = message;
  el.replaceChildren(p);
}

/** Reads the pane's state again, if the pane is open. */
export async function refreshPane(): Promise<void> {
  await runtime.pane?.refresh();
}
