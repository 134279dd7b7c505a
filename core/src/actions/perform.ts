/**
 * An action end to end over the `Host` port: read what it needs, decide, apply the plan. Hosts
 * that speak the port in full (the file host of the command line, the in-memory host of the
 * preview) need nothing more; Excel and Sheets add only what they show (a selection, marks).
 */
import type { Host } from "../ports/host.ts";
import type { PaneAction } from "../ports/pane.ts";
import type { ActionInput } from "./input.ts";
import { readFor } from "./needs.ts";
import type { ActionResult } from "./outcome.ts";
import { ACTIONS, runAction, type FactsOf } from "./registry.ts";

export async function perform<Id extends PaneAction>(
  host: Host,
  id: Id,
  input: ActionInput,
): Promise<ActionResult<FactsOf<Id>>> {
  const read = await readFor(host, ACTIONS[id].needs);
  const result = runAction(id, read, input);
  if (result.plan.ops.length) await host.apply(result.plan);
  return result;
}
