/** `baton init FILE.xlsx [--demo]`: an empty template, or the demo workbook. */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import {
  demoContent,
  demoPortfolioContent,
  DEMO_WORKBOOKS,
  templatePlan,
  todayIn,
  isValidZone,
  daysFromIso,
  validateGrids,
  SHEET,
} from "@baton/core";
import { XlsxHost } from "../files/xlsx-host.ts";
import { allOrNone, assertWritable, withLock } from "../files/atomic.ts";
import { InputError } from "../files/open.ts";
import { line, json, paint, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface InitOptions {
  readonly file: string;
  readonly demo: boolean;
  /** `file` is a folder to write the demo split in two team workbooks into. */
  readonly demoPortfolio?: boolean;
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
  if (opts.demoPortfolio) return initDemoPortfolio(opts, out);
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

/**
 * `baton init --demo-portfolio DIR`: the demo as two team workbooks, DIR/support.xlsx and
 * DIR/dev.xlsx (the folder is made if it does not exist), written both or neither.
 */
async function initDemoPortfolio(opts: InitOptions, out: Out): Promise<CommandResult> {
  const dir = opts.file;
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InputError(
      `${dir}: --demo-portfolio writes two workbooks into a folder; ${dir} is a file`,
    );
  const timeZone = opts.timeZone ?? machineZone();
  if (!isValidZone(timeZone))
    throw new InputError(`--time-zone ${timeZone} is not an IANA time zone such as Europe/Berlin`);
  const today = opts.asOf ?? todayIn(timeZone, new Date());
  if (daysFromIso(today) === undefined)
    throw new InputError(`--as-of ${today} is not a date (YYYY-MM-DD)`);
  const content = demoPortfolioContent({ today, timeZone });
  const files = (Object.keys(DEMO_WORKBOOKS) as (keyof typeof DEMO_WORKBOOKS)[]).map((side) => ({
    side,
    file: join(dir, `${DEMO_WORKBOOKS[side]}.xlsx`),
  }));
  for (const { file } of files)
    if (existsSync(file) && !opts.force)
      throw new InputError(
        `${file} already exists; Baton will not overwrite it (pass --force to replace it)`,
      );
  mkdirSync(dir, { recursive: true });
  for (const { file } of files) assertWritable(file);
  await withLock(
    files.map((f) => f.file),
    () =>
      allOrNone(async () => {
        for (const { side, file } of files) {
          const host = XlsxHost.empty();
          await host.apply(templatePlan(content[side]));
          await host.save(file);
        }
      }),
  );
  if (opts.json) {
    json(out, { folder: dir, files: files.map((f) => f.file), timeZone, asOf: today });
    return { exitCode: 0 };
  }
  line(
    out,
    `${paint(out, "bold", `Wrote ${files.map((f) => f.file).join(" and ")}`)}: the Baton demo as two team workbooks (time zone ${timeZone}, as of ${today}).`,
  );
  line(
    out,
    `  IT Support's ticket routing (support:INI-1) waits on the routing API the development team owes it (dev:DEP-1). Run "baton portfolio ${dir}" to see the stall across both.`,
  );
  return { exitCode: 0 };
}
