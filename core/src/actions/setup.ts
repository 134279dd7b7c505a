/**
 * "Set up the template": adds the template sheets a workbook lacks, and upgrades the sheets
 * that are there to the current template version (new columns after the last header, Template
 * Version set); it never moves or changes what is there (a team's data is never overwritten).
 */
import { templatePlan } from "../template/write.ts";
import { SHEET } from "../template/sheets.ts";
import { upgradePlan, UPGRADE_READS } from "../template/upgrade.ts";
import { findSheet } from "../workbook/read.ts";
import type { Grids } from "../cells/values.ts";
import type { WriteOp, WritePlan } from "../ports/plan.ts";
import type { TemplateContent } from "../template/write.ts";
import { missingTemplateSheets, type ActionRead, type Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { placeOf } from "./input.ts";
import { told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";
import { upgradeTemplate } from "./upgrade.ts";

export { missingTemplateSheets };

/** Every template sheet a workbook lacks, a later version's included. */
function absentSheets(sheetNames: readonly string[]): string[] {
  return Object.values(SHEET).filter((s) => !findSheet(sheetNames, s));
}

/**
 * The plan that adds the missing template sheets (headers, formats and drop-downs) and, given
 * the grids of the sheets that are there (`UPGRADE_READS`), upgrades them.
 */
export function setUpTemplatePlan(
  sheetNames: readonly string[],
  timeZone: string,
  content?: TemplateContent,
  grids: Grids = {},
): WritePlan {
  const missing = new Set(absentSheets(sheetNames));
  const all = templatePlan(content ?? { settings: { timeZone } }).ops;
  const ops: WriteOp[] = all.filter((op) => op.op !== "setAnchor" && missing.has(op.sheet));
  // A sheet added whole is already current; the upgrade touches only the sheets that were there.
  const upgrade = upgradePlan(sheetNames, grids).plan.ops.filter(
    (op) => op.op === "setAnchor" || !missing.has(op.sheet),
  );
  return { ops: [...ops, ...upgrade] };
}

// Set up upgrades what is there, so it reads the sheets an upgrade extends.
export const SET_UP_NEEDS: Needs = { template: "names", sheets: UPGRADE_READS };

export function setUpTemplate(read: ActionRead, input: ActionInput): ActionResult {
  const missing = absentSheets(read.sheetNames);
  const plan = setUpTemplatePlan(
    read.sheetNames,
    input.timeZone ?? "UTC",
    input.content,
    read.grids,
  );
  if (!plan.ops.length)
    return told({ ok: true, message: say({ say: "template-complete", place: placeOf(input) }) });
  if (!missingTemplateSheets(read.sheetNames).length) return upgradeTemplate(read, input);
  return {
    plan,
    outcome: {
      ok: true,
      message: say({ say: "template-added", added: missing, kept: read.sheetNames.length > 0 }),
    },
  };
}
