/**
 * `baton status FILE [--as-of DATE] [--json] [--write]`: every status with its reasons and
 * root causes, as of today in the workbook's time zone unless `--as-of` says otherwise, and the
 * latest check-ins that say Green while the data says otherwise (`falseGreens`: `{id, period,
 * row, evidence: [{code, refs, text}]}`, engine/false-greens.ts).
 *
 * A workbook with validation errors still gets statuses (the engine judges what could be
 * read), so the command exits 0 and says on stderr how many errors there are; `baton
 * validate` is the command whose exit code reports them. `--write` fills the computed columns
 * of an .xlsx workbook in place; a folder of CSVs cannot hold the colours, so it is refused.
 */
import {
  countsByStatus,
  daysFromIso,
  describeReason,
  numberForPeople,
  type Evaluation,
  type Reason,
} from "@baton/core";
import { InputError, openWorkbook } from "../files/open.ts";
import { decide, factsOf } from "../act.ts";
import { json, line, paint, statusTint, table, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface StatusOptions {
  readonly file: string;
  readonly asOf?: string;
  readonly json: boolean;
  readonly write: boolean;
}

export async function status(opts: StatusOptions, out: Out): Promise<CommandResult> {
  if (opts.asOf !== undefined && daysFromIso(opts.asOf) === undefined)
    throw new InputError(`--as-of ${opts.asOf} is not a date (YYYY-MM-DD)`);
  const opened = await openWorkbook(opts.file);
  if (opts.write && !opened.host)
    throw new InputError(
      `${opts.file}: --write fills the computed columns of an .xlsx workbook; a CSV tracker cannot hold them. Run without --write.`,
    );
  const result = await decide(opened, "refreshStatus", {
    now: new Date(),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
  });
  const { evaluation, errors } = factsOf(result);

  if (errors) {
    out.stderr.write(
      `baton: ${errors} validation error${errors === 1 ? "" : "s"} in ${opts.file}; statuses are judged from what could be read (see "baton validate ${opts.file}").\n`,
    );
  }
  if (opened.host && opts.write) {
    await opened.host.apply(result.plan);
    await opened.host.save(opts.file);
  }
  if (opts.json) json(out, evaluation);
  else show(out, opts.file, evaluation, opts.write);
  return { exitCode: 0 };
}

const reasonsText = (reasons: readonly Reason[]) => reasons.map(describeReason).join("; ");

function show(out: Out, file: string, ev: Evaluation, wrote: boolean): void {
  const tint = { 1: statusTint };
  line(out, paint(out, "bold", `Status of ${file} as of ${ev.asOf}`));
  line(
    out,
    `  Initiatives: ${countsByStatus(ev.initiatives)}.  Hand-offs: ${countsByStatus(ev.handoffs)}.`,
  );
  line(out);
  table(
    out,
    ["Objective", "Status", "Reasons"],
    ev.objectives.map((o) => [o.id, o.status, reasonsText(o.reasons)]),
    tint,
    100,
  );
  line(out);
  table(
    out,
    ["KPI", "Status", "Latest", "Forecast", "Reasons"],
    ev.kpis.map((k) => [
      k.id,
      k.status,
      numberForPeople(k.latest, k.decimals),
      numberForPeople(k.forecast, k.decimals),
      reasonsText(k.reasons),
    ]),
    tint,
    100,
  );
  line(out);
  table(
    out,
    ["Initiative", "Status", "Root Cause", "Last Check-in", "Reasons"],
    ev.initiatives.map((i) => [
      i.id,
      i.status,
      i.rootCauses.join(", "),
      i.lastCheckin ?? "",
      reasonsText(i.reasons),
    ]),
    tint,
    100,
  );
  line(out);
  table(
    out,
    ["Hand-off", "Status", "Days Late", "Blocks", "Root Cause", "Reasons"],
    ev.handoffs.map((h) => [
      h.id,
      h.status,
      h.daysLate === null ? "" : String(h.daysLate),
      String(h.blocks),
      h.rootCauses.join(", "),
      reasonsText(h.reasons),
    ]),
    tint,
    100,
  );
  if (ev.falseGreens.length > 0) {
    line(out);
    table(
      out,
      ["Reported Green", "Period", "Evidence says otherwise"],
      ev.falseGreens.map((f) => [f.id, f.period, f.evidence.map((e) => e.text).join("; ")]),
      {},
      160,
    );
  }
  if (wrote) {
    line(out);
    line(out, `Wrote the computed columns to ${file}.`);
  }
}
