/** `baton validate FILE`: every validation issue with its cell and fix; exit 1 when any is an error. */
import { hasErrors, validateGrids, type ValidationIssue } from "@baton/core";
import { openWorkbook } from "../files/open.ts";
import { line, json, paint, statusTint, table, type Out } from "../output.ts";
import type { CommandResult } from "../main.ts";

/** The issue as `validate --json` shows it (DESIGN.md's shape, plus the fix). */
export function issueJson(i: ValidationIssue) {
  return { code: i.code, severity: i.severity, sheet: i.sheet, row: i.row, column: i.column, cell: i.cell, message: i.message, ...(i.fix ? { fix: i.fix } : {}) };
}

export async function validate(opts: { file: string; json: boolean }, out: Out): Promise<CommandResult> {
  const { grids, host } = await openWorkbook(opts.file);
  // The .xlsx file keeps the seal anchor; a CSV folder has none to check against.
  // Today tells a Current Period that lags the check-ins (one warning) from a mistyped period.
  const { issues } = validateGrids(grids, [], { anchor: host ? await host.readAnchor() : undefined, now: new Date() });
  const exitCode = hasErrors(issues) ? 1 : 0;
  if (opts.json) {
    json(out, { issues: issues.map(issueJson) });
    return { exitCode };
  }
  if (!issues.length) {
    line(out, paint(out, "green", `${opts.file}: no issues.`));
    return { exitCode };
  }
  table(
    out,
    ["Cell", "Severity", "Issue", "Fix"],
    issues.map((i) => [`${i.sheet}!${i.cell}`, i.severity, i.message, i.fix ?? ""]),
    { 1: statusTint },
    90,
  );
  const errors = issues.filter((i) => i.severity === "error").length;
  line(out);
  line(out, `${errors} error${errors === 1 ? "" : "s"}, ${issues.length - errors} warning${issues.length - errors === 1 ? "" : "s"} in ${opts.file}.`);
  return { exitCode };
}
