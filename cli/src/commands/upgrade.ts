/**
 * `baton upgrade FILE`: brings a workbook of an older template version to the current one in
 * place (the core's upgrade action): new columns after the last header of their sheet, new
 * sheets at the end, Template Version set; nothing that is there moves or changes, and a
 * second run writes nothing. Written through the patching writer, like `status --write`.
 */
import { openWorkbook, InputError } from "../files/open.ts";
import { decide } from "../act.ts";
import { json, line, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export async function upgrade(
  opts: { file: string; json: boolean },
  out: Out,
): Promise<CommandResult> {
  const opened = await openWorkbook(opts.file);
  if (!opened.host)
    throw new InputError(
      `${opts.file}: baton upgrade changes an .xlsx workbook; for a CSV tracker add the columns Sponsor, Controller, Planned Value and Value Unit to Initiatives.csv and a Gate Decisions.csv with the headers of "baton init".`,
    );
  const { plan, outcome } = await decide(opened, "upgradeTemplate", { now: new Date() });
  const changed = plan.ops.length > 0;
  if (changed) {
    await opened.host.apply(plan);
    await opened.host.save(opts.file);
  }
  if (opts.json) json(out, { upgraded: changed, message: outcome.message });
  else line(out, `${opts.file}: ${outcome.message}`);
  return { exitCode: outcome.ok ? 0 : 2 };
}
