/**
 * "Upgrade the template": a workbook of an older template version gains the columns and sheets
 * the current version adds, after what is there; nothing existing is moved or changed, and a
 * second run writes nothing. `baton upgrade` runs it, and Set up runs it on a workbook that
 * already has the template.
 */
import { TEMPLATE_VERSION } from "../template/sheets.ts";
import { upgradePlan, UPGRADE_READS } from "../template/upgrade.ts";
import { missingTemplateSheets, type ActionRead, type Needs } from "./needs.ts";
import { placeOf, type ActionInput } from "./input.ts";
import { told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

// The extended sheets and Settings only: an upgrade never needs the check-ins read. The
// template's presence is checked here, since "required" would read every template sheet.
export const UPGRADE_NEEDS: Needs = { template: "names", sheets: UPGRADE_READS };

export function upgradeTemplate(read: ActionRead, input: ActionInput): ActionResult {
  const missing = missingTemplateSheets(read.sheetNames);
  if (missing.length)
    return told({
      ok: false,
      message: say({ say: "template-missing", place: placeOf(input), missing }),
    });
  const up = upgradePlan(read.sheetNames, read.grids);
  if (!up.plan.ops.length)
    return told({
      ok: true,
      message: say({ say: "template-current", place: placeOf(input), version: TEMPLATE_VERSION }),
    });
  return {
    plan: up.plan,
    outcome: {
      ok: true,
      message: say({
        say: "template-upgraded",
        place: placeOf(input),
        version: TEMPLATE_VERSION,
        columns: up.columns,
        sheets: up.sheets,
      }),
    },
  };
}
