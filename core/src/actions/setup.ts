/**
 * "Set up the template": adds the template sheets a workbook lacks, and never touches a sheet
 * that is already there (a team's data is never overwritten).
 */
import { templatePlan } from "../template/write.ts";
import type { WriteOp, WritePlan } from "../ports/plan.ts";
import type { TemplateContent } from "../template/write.ts";
import { missingTemplateSheets, type ActionRead, type Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { placeOf } from "./input.ts";
import { told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export { missingTemplateSheets };

/** The plan that adds the missing template sheets, with headers, formats and drop-downs. */
export function setUpTemplatePlan(
  sheetNames: readonly string[],
  timeZone: string,
  content?: TemplateContent,
): WritePlan {
  const missing = new Set(missingTemplateSheets(sheetNames));
  const all = templatePlan(content ?? { settings: { timeZone } }).ops;
  const ops: WriteOp[] = all.filter((op) => op.op !== "setAnchor" && missing.has(op.sheet));
  return { ops };
}

export const SET_UP_NEEDS: Needs = { template: "names" };

export function setUpTemplate(read: ActionRead, input: ActionInput): ActionResult {
  const missing = missingTemplateSheets(read.sheetNames);
  if (!missing.length)
    return told({ ok: true, message: say({ say: "template-complete", place: placeOf(input) }) });
  return {
    plan: setUpTemplatePlan(read.sheetNames, input.timeZone ?? "UTC", input.content),
    outcome: {
      ok: true,
      message: say({ say: "template-added", added: missing, kept: read.sheetNames.length > 0 }),
    },
  };
}
