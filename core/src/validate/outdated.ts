/**
 * A workbook of an older template version is told once how to upgrade: one warning on the
 * Settings Template Version cell, exactly when upgrading would add a column or a sheet. A
 * workbook that has everything and only lacks the number is not warned about: the number is
 * bookkeeping (an upgrade or Set up still writes it).
 */
import type { Grids } from "../cells/values.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";
import { sheetsOf, type Workbook } from "../workbook/read.ts";
import { TEMPLATE_VERSION } from "../template/sheets.ts";
import { upgradePlan } from "../template/upgrade.ts";

export function outdatedTemplate(
  grids: Grids,
  workbook: Workbook,
  push: (issue: ValidationIssue) => void,
): void {
  const up = upgradePlan(sheetsOf(grids), grids);
  if (!up.versionCell || !(up.columns.length + up.sheets.length)) return;
  const adds = [...up.columns.flatMap((c) => c.headers), ...up.sheets.map((s) => `the ${s} sheet`)];
  push(
    makeIssue(
      { ...up.versionCell, column: "Value" },
      {
        code: "template-outdated",
        version: Math.min(workbook.settings.templateVersion, TEMPLATE_VERSION - 1),
        current: TEMPLATE_VERSION,
        adds,
      },
    ),
  );
}
