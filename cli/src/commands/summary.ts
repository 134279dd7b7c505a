/**
 * `baton summary FILE [--as-of DATE] [--out F.md|F.html] [--write] [--json]`: the board
 * summary, as of today in the workbook's time zone unless `--as-of` says otherwise.
 *
 * Without `--out` or `--write` the Markdown goes to stdout. `--out` writes the Markdown or the
 * self-contained HTML page, chosen by the file's extension. `--write` adds the sheet
 * `Board Summary <period>` to the .xlsx workbook (replacing that period's sheet when the
 * summary is run again in the same period). `--json` prints the summary model.
 *
 * Like `baton status`, it reports on a workbook with validation errors from what could be
 * read, exits 0, and names the error count on stderr.
 */
import { writeFileAtomic } from "../files/atomic.ts";
import { extname } from "node:path";
import { daysFromIso, summaryHtml, summaryMarkdown } from "@baton/core";
import { InputError, openWorkbook } from "../files/open.ts";
import { decide, factsOf } from "../act.ts";
import { json, line, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface SummaryCommandOptions {
  readonly file: string;
  readonly asOf?: string;
  readonly out?: string;
  readonly write: boolean;
  readonly json: boolean;
}

const RENDERERS = {
  ".md": summaryMarkdown,
  ".markdown": summaryMarkdown,
  ".html": summaryHtml,
  ".htm": summaryHtml,
} as const;

export async function summary(opts: SummaryCommandOptions, out: Out): Promise<CommandResult> {
  if (opts.asOf !== undefined && daysFromIso(opts.asOf) === undefined)
    throw new InputError(`--as-of ${opts.asOf} is not a date (YYYY-MM-DD)`);
  const render =
    opts.out === undefined
      ? undefined
      : RENDERERS[extname(opts.out).toLowerCase() as keyof typeof RENDERERS];
  if (opts.out !== undefined && !render)
    throw new InputError(
      `--out ${opts.out}: the summary is written as Markdown (.md) or HTML (.html)`,
    );
  const opened = await openWorkbook(opts.file);
  if (opts.write && !opened.host)
    throw new InputError(
      `${opts.file}: --write adds a summary sheet to an .xlsx workbook; a CSV tracker cannot hold one. Use --out F.md or --out F.html.`,
    );

  const result = await decide(opened, "writeSummary", {
    now: new Date(),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
  });
  const { summary: model, sheet, errors } = factsOf(result);

  if (errors) {
    out.stderr.write(
      `baton: ${errors} validation error${errors === 1 ? "" : "s"} in ${opts.file}; the summary is judged from what could be read (see "baton validate ${opts.file}").\n`,
    );
  }
  const done: string[] = [];
  if (opts.write && opened.host) {
    await opened.host.apply(result.plan);
    await opened.host.save(opts.file);
    done.push(`Wrote the sheet "${sheet}" to ${opts.file}.`);
  }
  if (opts.out !== undefined && render) {
    await writeFileAtomic(opts.out, render(model));
    done.push(`Wrote the board summary to ${opts.out}.`);
  }

  if (opts.json) json(out, model);
  else if (done.length === 0) out.stdout.write(summaryMarkdown(model));
  else for (const d of done) line(out, d);
  return { exitCode: 0 };
}
