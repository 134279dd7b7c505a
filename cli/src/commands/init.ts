/** `baton init FILE.xlsx [--demo]`: an empty template, or the demo workbook. */
import { existsSync } from "node:fs";
import { extname } from "node:path";
import {
  demoContent,
  templatePlan,
  todayIn,
  isValidZone,
  daysFromIso,
  validateGrids,
  SHEET,
} from "@baton/core";
import { XlsxHost } from "../files/xlsx-host.ts";
import { InputError } from "../files/open.ts";
import { line, json, paint, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface InitOptions {
  readonly file: string;
  readonly demo: boolean;
  readonly force: boolean;
  readonly timeZone?: string;
  readonly asOf?: string;
  readonly json: boolean;
}

export function machineZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidZone(zone) ? zone : "UTC";
}

export async function init(opts: InitOptions, out: Out): Promise<CommandResult> {
  if (extname(opts.file).toLowerCase() !== ".xlsx")
    throw new InputError(`${opts.file}: baton init writes an .xlsx workbook; name the file *.xlsx`);
  if (existsSync(opts.file) && !opts.force)
    throw new InputError(
      `${opts.file} already exists; Baton will not overwrite it (pass --force to replace it)`,
    );
  const timeZone = opts.timeZone ?? machineZone();
  if (!isValidZone(timeZone))
    throw new InputError(`--time-zone ${timeZone} is not an IANA time zone such as Europe/Berlin`);
  const today = opts.asOf ?? todayIn(timeZone, new Date());
  if (daysFromIso(today) === undefined)
    throw new InputError(`--as-of ${today} is not a date (YYYY-MM-DD)`);
  const content = opts.demo ? demoContent({ today, timeZone }) : { settings: { timeZone } };
  const host = XlsxHost.empty();
  await host.apply(templatePlan(content));
  await host.save(opts.file);

  const { workbook, issues } = validateGrids(await host.readSheets(Object.values(SHEET)));
  const counts = {
    objectives: workbook.objectives.length,
    kpis: workbook.kpis.length,
    initiatives: workbook.initiatives.length,
    handoffs: workbook.handoffs.length,
    checkins: workbook.checkins.length,
  };
  if (opts.json) {
    json(out, {
      file: opts.file,
      demo: opts.demo,
      timeZone,
      asOf: today,
      created: counts,
      issues: issues.length,
    });
    return { exitCode: 0 };
  }
  line(
    out,
    `${paint(out, "bold", "Wrote " + opts.file)}: ${opts.demo ? "the Baton demo workbook" : "an empty Baton template"} (time zone ${timeZone}).`,
  );
  if (opts.demo) {
    line(
      out,
      `  ${counts.objectives} objectives, ${counts.kpis} KPIs, ${counts.initiatives} initiatives, ${counts.handoffs} hand-offs, ${counts.checkins} check-ins, as of ${today}.`,
    );
    line(
      out,
      `  The story: IT Support's ticket-routing initiative waits on a routing API the development team has not delivered.`,
    );
    line(out, `  It carries ${issues.length} honest data problems for "baton validate" to find.`);
  }
  return { exitCode: 0 };
}
