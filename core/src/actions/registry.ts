/**
 * Every action a user can take, by the id the pane, the menus and the ribbon use: what it
 * needs read, and the function from that read to `{plan, outcome}`. A host reads
 * `needs`, calls `runAction`, applies the plan and shows the outcome; it decides nothing.
 */
import type { PaneAction } from "../ports/pane.ts";
import { missingTemplateSheets, type ActionRead, type Needs } from "./needs.ts";
import { placeOf, type ActionInput } from "./input.ts";
import { told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";
import { SET_UP_NEEDS, setUpTemplate } from "./setup.ts";
import { VALIDATE_NEEDS, validate } from "./validate.ts";
import { REFRESH_NEEDS, refreshStatuses, type StatusFacts } from "./statuses.ts";
import { SUMMARY_NEEDS, writeSummary, type SummaryFacts } from "./summary.ts";
import { CLOSE_NEEDS, closePeriod, type CloseFacts } from "./close.ts";
import { VERIFY_NEEDS, verify, type VerifyFacts } from "./verify.ts";
import { MIGRATE_NEEDS, migrateSheet } from "./migrate-sheet.ts";
import { NOTIFY_NEEDS, notify } from "./notify.ts";
import { UPGRADE_NEEDS, upgradeTemplate } from "./upgrade.ts";
import { GATE_DECISION_NEEDS, recordGateDecision } from "./gate-decision.ts";

export interface Action<Facts = unknown> {
  readonly needs: Needs;
  readonly run: (read: ActionRead, input: ActionInput) => ActionResult<Facts>;
}

/** What an action reports as data besides its outcome (`ActionResult.facts`), by id. */
export interface ActionFacts {
  readonly refreshStatus: StatusFacts;
  readonly writeSummary: SummaryFacts;
  readonly closePeriod: CloseFacts;
  readonly verify: VerifyFacts;
}

export type FactsOf<Id extends PaneAction> = Id extends keyof ActionFacts
  ? ActionFacts[Id]
  : undefined;

export const ACTIONS: Readonly<Record<PaneAction, Action>> = {
  setUpTemplate: { needs: SET_UP_NEEDS, run: setUpTemplate },
  validate: { needs: VALIDATE_NEEDS, run: validate },
  refreshStatus: { needs: REFRESH_NEEDS, run: refreshStatuses },
  writeSummary: { needs: SUMMARY_NEEDS, run: writeSummary },
  closePeriod: { needs: CLOSE_NEEDS, run: closePeriod },
  verify: { needs: VERIFY_NEEDS, run: verify },
  migrate: { needs: MIGRATE_NEEDS, run: migrateSheet },
  notify: { needs: NOTIFY_NEEDS, run: notify },
  upgradeTemplate: { needs: UPGRADE_NEEDS, run: upgradeTemplate },
  recordGateDecision: { needs: GATE_DECISION_NEEDS, run: recordGateDecision },
} satisfies Record<PaneAction, Action> & { [Id in keyof ActionFacts]: Action<ActionFacts[Id]> };

/** The ids of every action, in the order menus list them. */
export const ACTION_IDS = Object.keys(ACTIONS) as PaneAction[];

export function isAction(id: string): id is PaneAction {
  return Object.prototype.hasOwnProperty.call(ACTIONS, id);
}

/** The action's needs, so the host reads exactly that. */
export function needsOf(id: PaneAction): Needs {
  return ACTIONS[id].needs;
}

/**
 * Runs an action over what the host read. One that needs the template is refused, in the same
 * words everywhere, when a template sheet is missing.
 */
export function runAction<Id extends PaneAction>(
  id: Id,
  read: ActionRead,
  input: ActionInput,
): ActionResult<FactsOf<Id>> {
  const action = ACTIONS[id];
  if (action.needs.template === "required") {
    const missing = missingTemplateSheets(read.sheetNames);
    if (missing.length)
      return told({
        ok: false,
        message: say({ say: "template-missing", place: placeOf(input), missing }),
      });
  }
  // Its facts are those `ActionFacts` names for it: ACTIONS satisfies that.
  return action.run(read, input) as ActionResult<FactsOf<Id>>;
}
