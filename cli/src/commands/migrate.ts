/**
 * `baton migrate SOURCE --out FILE.xlsx [--mapping M.json] [--sheet NAME]`: a foreign tracker
 * into a new Baton workbook, with the report of every row and the mapping written beside the
 * output (FILE.mapping.json) for correcting and running again. The source is only read.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, extname, basename, join, resolve } from "node:path";
import {
  migrate,
  parseMappingFile,
  MappingFileSchema,
  MappingColumnSchema,
  templatePlan,
  todayIn,
  daysFromIso,
  isValidZone,
  validateGrids,
  SHEET,
  type MappingFile,
  type MigrationReport,
} from "@baton/core";
import { XlsxHost } from "../files/xlsx-host.ts";
import { writeFileAtomic } from "../files/atomic.ts";
import { InputError, assertReadable } from "../files/open.ts";
import { readMigrationSource } from "../files/migration-source.ts";
import { machineZone } from "./init.ts";
import { line, json, paint, table, type Out, type Tint } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface MigrateCliOptions {
  readonly source: string;
  readonly out?: string;
  readonly mapping?: string;
  readonly sheet?: string;
  readonly json: boolean;
  readonly progress: boolean;
  readonly force: boolean;
  readonly asOf?: string;
  readonly timeZone?: string;
}

/** Where the mapping used is written: beside the output, `plan.xlsx` → `plan.mapping.json`. */
export function mappingPathFor(out: string): string {
  return join(dirname(out), basename(out, extname(out)) + ".mapping.json");
}

const MAPPING_KEYS = Object.keys(MappingFileSchema.shape);
const COLUMN_KEYS = Object.keys(MappingColumnSchema.shape);

function readMapping(file: string): MappingFile {
  assertReadable(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8").replace(/^\ufeff/, ""));
  } catch (e) {
    throw new InputError(`${file}: not JSON (${(e as Error).message})`);
  }
  // Every key of a mapping file is optional, so a file of another shape would read as "detect
  // everything" and be silently ignored: keys Baton does not know are refused instead.
  const expected =
    "a JSON object with the keys " +
    MAPPING_KEYS.join(", ") +
    ", as baton migrate writes beside its output";
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(`${file}: not a mapping file: expected ${expected}`);
  const unknown = Object.keys(value).filter((k) => !MAPPING_KEYS.includes(k));
  if (unknown.length)
    throw new InputError(
      `${file}: not a mapping file: ${unknown.map((k) => `"${k}"`).join(", ")} ${unknown.length === 1 ? "is not a key" : "are not keys"} of one; expected ${expected}`,
    );
  const columns = (value as { columns?: unknown }).columns;
  if (Array.isArray(columns))
    columns.forEach((c, i) => {
      const extra =
        c && typeof c === "object" ? Object.keys(c).filter((k) => !COLUMN_KEYS.includes(k)) : [];
      if (extra.length)
        throw new InputError(
          `${file}: not a mapping file: columns.${i} has ${extra.map((k) => `"${k}"`).join(", ")}; a column has the keys ${COLUMN_KEYS.join(", ")}`,
        );
    });
  const parsed = parseMappingFile(value);
  if (!parsed.ok)
    throw new InputError(`${file}: not a mapping file: ${parsed.problems.join("; ")}`);
  return parsed.mapping;
}

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

export async function migrateCommand(opts: MigrateCliOptions, out: Out): Promise<CommandResult> {
  assertReadable(opts.source);
  if (!opts.out)
    throw new InputError(`baton migrate needs --out FILE.xlsx, the Baton workbook to write`);
  if (extname(opts.out).toLowerCase() !== ".xlsx")
    throw new InputError(
      `--out ${opts.out}: baton migrate writes an .xlsx workbook; name the file *.xlsx`,
    );
  if (!existsSync(dirname(resolve(opts.out))))
    throw new InputError(`--out ${opts.out}: the folder ${dirname(opts.out)} does not exist`);
  if (existsSync(opts.out) && same(opts.out, opts.source))
    throw new InputError(
      `--out ${opts.out} is the source; Baton never writes over the tracker it migrates`,
    );
  if (existsSync(opts.out) && !opts.force)
    throw new InputError(
      `${opts.out} already exists; Baton will not overwrite it (pass --force to replace it)`,
    );
  const timeZone = opts.timeZone ?? machineZone();
  if (!isValidZone(timeZone))
    throw new InputError(`--time-zone ${timeZone} is not an IANA time zone such as Europe/Berlin`);
  const asOf = opts.asOf ?? todayIn(timeZone, new Date());
  if (daysFromIso(asOf) === undefined)
    throw new InputError(`--as-of ${asOf} is not a date (YYYY-MM-DD)`);
  const mapping = opts.mapping ? readMapping(opts.mapping) : undefined;
  const mappingOut = mappingPathFor(opts.out);
  if (opts.mapping && same(opts.mapping, opts.source))
    throw new InputError(`--mapping ${opts.mapping} is the source`);
  if (existsSync(mappingOut) && !opts.force && !(opts.mapping && same(opts.mapping, mappingOut)))
    throw new InputError(
      `${mappingOut} already exists; Baton will not overwrite it (pass --force to replace it, or --out another name)`,
    );

  const showProgress = opts.progress || Boolean(process.stderr.isTTY && !opts.json);
  const progress = (done: number, total: number) => {
    if (showProgress)
      out.stderr.write(`\rbaton migrate: ${done} of ${total} rows${done === total ? "\n" : ""}`);
  };
  if (showProgress) out.stderr.write(`baton migrate: reading ${opts.source}\n`);
  const read = await readMigrationSource(opts.source, opts.sheet ?? mapping?.sheet);
  const result = migrate(read.source, {
    asOf,
    timeZone,
    title: basename(opts.source, extname(opts.source)),
    ...(mapping ? { mapping } : {}),
    onProgress: progress,
  });

  const host = XlsxHost.empty();
  await host.apply(templatePlan(result.content));
  await host.save(opts.out);
  await writeFileAtomic(mappingOut, JSON.stringify(result.mapping, null, 2) + "\n");
  const { issues } = validateGrids(await host.readSheets(Object.values(SHEET)));

  const report = result.report;
  // Lines that are not well-formed CSV were read as they stand; the user must check them.
  const unreadable = read.unreadable.map((p) => ({
    sourceRow: p.row,
    line: p.line,
    reason: `line ${p.line}: a double quote opens a cell that never ends as CSV says; the line was read as it stands, split at the separator`,
  }));
  const exitCode = unreadable.length ? 1 : 0;
  if (opts.json) {
    json(out, unreadable.length ? { ...report, unreadable } : report);
    return { exitCode };
  }
  printReport(
    out,
    opts,
    report,
    read.otherSheets,
    mappingOut,
    issues.filter((i) => i.severity === "error").length,
    issues.length,
  );
  if (unreadable.length) {
    line(out);
    line(
      out,
      paint(
        out,
        "red",
        `${unreadable.length} row${unreadable.length === 1 ? "" : "s"} of ${opts.source} could not be read as CSV; check ${unreadable.length === 1 ? "it" : "them"} in ${opts.out} and correct the source:`,
      ),
    );
    table(
      out,
      ["Row", "Why"],
      unreadable.map((u) => [String(u.sourceRow), u.reason]),
      {},
      140,
    );
  }
  return { exitCode };
}

const OUTCOME_TINT: Record<string, Tint> = { imported: "green", skipped: "grey", rejected: "red" };

function printReport(
  out: Out,
  opts: MigrateCliOptions,
  r: MigrationReport,
  otherSheets: readonly string[],
  mappingOut: string,
  errors: number,
  issues: number,
): void {
  const count = (o: string) => r.rows.filter((x) => x.outcome === o).length;
  const c = r.created;
  line(
    out,
    `${paint(out, "bold", `Migrated ${opts.source}`)} (sheet "${r.sheet}", header row ${r.headerRow ?? "none"}, a ${r.kind} tracker) into ${opts.out}:`,
  );
  line(
    out,
    `  ${c.objectives} objectives, ${c.kpis} KPIs, ${c.initiatives} initiatives, ${c.handoffs} hand-offs, ${c.checkins} check-ins.`,
  );
  line(
    out,
    `  ${r.rows.length} source rows: ${paint(out, "green", `${count("imported")} imported`)}, ${count("skipped")} skipped, ${paint(out, count("rejected") ? "red" : "grey", `${count("rejected")} rejected`)}.`,
  );
  if (otherSheets.length)
    line(
      out,
      `  The workbook has other sheets with data (${otherSheets.map((s) => `"${s}"`).join(", ")}); migrate them with --sheet.`,
    );
  line(out);
  table(
    out,
    ["Column", "Field", "Confidence"],
    r.mapping.map((m) => [
      m.column,
      m.field ?? "(kept as a column)",
      m.field ? m.confidence.toFixed(2) : "",
    ]),
  );
  const notable = r.rows.filter((x) => x.outcome !== "imported");
  if (notable.length) {
    line(out);
    table(
      out,
      ["Row", "Outcome", "Why"],
      notable.slice(0, 200).map((x) => [String(x.sourceRow), x.outcome, x.reason]),
      { 1: (v) => OUTCOME_TINT[v] ?? "grey" },
      100,
    );
    if (notable.length > 200)
      line(out, `  … and ${notable.length - 200} more; --json lists them all.`);
  }
  if (r.warnings.length) {
    line(out);
    for (const w of r.warnings) line(out, `${paint(out, "yellow", "warning")} ${w.message}`);
  }
  line(out);
  line(
    out,
    `The mapping used is in ${mappingOut}: correct it and run again with --mapping ${mappingOut}.`,
  );
  if (issues)
    line(
      out,
      `The new workbook has ${errors} validation error${errors === 1 ? "" : "s"} and ${issues - errors} warning${issues - errors === 1 ? "" : "s"}, mostly cells the source left blank: run baton validate ${opts.out}.`,
    );
}
