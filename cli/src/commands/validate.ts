/** `baton validate FILE`: every validation issue with its cell and fix; exit 1 when any is an error. */
import { openWorkbook } from "../files/open.ts";
import { decide } from "../act.ts";
import { line, json, paint, statusTint, table, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export async function validate(
  opts: { file: string; json: boolean },
  out: Out,
): Promise<CommandResult> {
  const { outcome } = await decide(await openWorkbook(opts.file), "validate", { now: new Date() });
  const issues = outcome.issues ?? [];
  const exitCode = outcome.ok ? 0 : 1;
  if (opts.json) {
    json(out, { issues });
    return { exitCode };
  }
  if (!issues.length) {
    line(out, paint(out, "green", `${opts.file}: ${outcome.message}`));
    return { exitCode };
  }
  table(
    out,
    ["Cell", "Severity", "Issue", "Fix"],
    issues.map((i) => [`${i.sheet}!${i.cell}`, i.severity, i.message, i.fix ?? ""]),
    { 1: statusTint },
    90,
  );
  line(out);
  line(out, `${opts.file}: ${outcome.message}`);
  return { exitCode };
}
