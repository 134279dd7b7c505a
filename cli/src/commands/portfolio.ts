/**
 * `baton portfolio PATH... [--as-of DATE] [--out F.html|F.md|F.xlsx] [--write] [--json]`: many
 * team workbooks judged as one graph (see cli/src/files/members.ts for how folders are read).
 *
 * A member that is missing, unreadable or not a Baton workbook is named, the rest are still
 * judged, and the command exits 1; so does an error only the portfolio finds (a reference to
 * an unknown workbook or ID, a name missing or taken twice, a cycle through workbooks). A
 * member's own validation errors are counted on stderr and judged around, as `status` does
 * (`baton validate` reports them with its exit code). `--write` fills
 * every member's computed columns with the portfolio's answers, every file or none: all are
 * written to temporary files first and renamed only once all are written. It writes nothing
 * when a member could not be judged (the portfolio's answers would be missing its hand-offs)
 * and refuses CSV members, which cannot hold computed columns (as `status --write` does).
 */
import { extname } from "node:path";
import {
  daysFromIso,
  issueJson,
  portfolioHtml,
  portfolioMarkdown,
  portfolioPlan,
  runPortfolio,
  sheetsOf,
  type PortfolioFailure,
  type PortfolioRead,
} from "@baton/core";
import { InputError, openWorkbook, type OpenedWorkbook } from "../files/open.ts";
import { membersOf, type MemberPath } from "../files/members.ts";
import { allOrNone, assertWritable, withLock, writeFileAtomic } from "../files/atomic.ts";
import { XlsxHost } from "../files/xlsx-host.ts";
import { json, line, paint, statusTint, table, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface PortfolioOptions {
  readonly paths: readonly string[];
  readonly asOf?: string;
  readonly out?: string;
  readonly write: boolean;
  readonly json: boolean;
}

const OUT_EXT = new Set([".md", ".markdown", ".html", ".htm", ".xlsx"]);

export async function portfolio(opts: PortfolioOptions, out: Out): Promise<CommandResult> {
  if (opts.asOf !== undefined && daysFromIso(opts.asOf) === undefined)
    throw new InputError(`--as-of ${opts.asOf} is not a date (YYYY-MM-DD)`);
  if (opts.out !== undefined && !OUT_EXT.has(extname(opts.out).toLowerCase()))
    throw new InputError(
      `--out ${opts.out}: the portfolio summary is written as Markdown (.md), HTML (.html) or a workbook (.xlsx)`,
    );
  const members = membersOf(opts.paths);
  if (!members.length)
    throw new InputError(
      `${opts.paths.join(", ")}: no workbooks found (a folder holds .xlsx files and folders of template CSVs)`,
    );
  if (opts.write) {
    const csv = members.filter((m) => m.format === "csv").map((m) => m.file);
    if (csv.length)
      throw new InputError(
        `--write fills the computed columns of .xlsx workbooks; ${csv.join(", ")} ${csv.length === 1 ? "is a CSV tracker, which" : "are CSV trackers, which"} cannot hold them. Run without --write, or leave ${csv.length === 1 ? "it" : "them"} out.`,
      );
  }
  if (opts.out !== undefined) assertWritable(opts.out);
  const written = opts.write ? members.filter((m) => m.format === "xlsx").map((m) => m.open) : [];
  // Held from before the first read to after the last rename, as status --write holds one.
  return withLock(written, () => judge(opts, members, out));
}

async function judge(
  opts: PortfolioOptions,
  members: readonly MemberPath[],
  out: Out,
): Promise<CommandResult> {
  const opened: { member: MemberPath; workbook: OpenedWorkbook }[] = [];
  const failures: PortfolioFailure[] = [];
  for (const member of members) {
    if (member.format === "missing") {
      failures.push({ file: member.file, reason: "no such file or folder" });
      continue;
    }
    try {
      opened.push({ member, workbook: await openWorkbook(member.open) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const reason = e.message.startsWith(`${member.open}: `)
        ? e.message.slice(member.open.length + 2)
        : e.message;
      failures.push({ file: member.file, reason });
    }
  }
  const reads: PortfolioRead[] = [];
  for (const { member, workbook } of opened) {
    const sheetNames = workbook.host ? await workbook.host.sheetNames() : sheetsOf(workbook.grids);
    const anchor = workbook.host ? { anchor: await workbook.host.readAnchor() } : {};
    const unread = workbook.readIssues?.length ? { unread: workbook.readIssues } : {};
    reads.push({
      file: member.file,
      read: { sheetNames, grids: workbook.grids, ...anchor, ...unread },
    });
  }
  const result = runPortfolio(
    reads,
    { now: new Date(), ...(opts.asOf ? { asOf: opts.asOf } : {}) },
    failures,
  );
  const { portfolio: p, summary } = result;
  const errors = p.members.reduce(
    (n, m) => n + m.issues.filter((i) => i.severity === "error").length,
    0,
  );
  const complete = result.failures.length === 0 && p.members.every((m) => m.inGraph);

  if (errors)
    out.stderr.write(
      `baton: ${errors} validation error${errors === 1 ? "" : "s"} in the workbooks; statuses are judged from what could be read.\n`,
    );
  const done: string[] = [];
  if (opts.write) {
    if (!complete)
      out.stderr.write(
        `baton: nothing was written: the portfolio is missing workbooks, so its answers would be incomplete.\n`,
      );
    else {
      const byFile = new Map(opened.map((o) => [o.member.file, o.workbook]));
      await allOrNone(async () => {
        for (const { file, plan } of result.plans) {
          const host = byFile.get(file)!.host!;
          await host.apply(plan);
          await host.save(byFile.get(file)!.file);
        }
      });
      done.push(`Wrote the computed columns of ${result.plans.map((r) => r.file).join(", ")}.`);
    }
  }
  if (opts.out !== undefined) {
    const ext = extname(opts.out).toLowerCase();
    if (ext === ".xlsx") {
      const host = XlsxHost.empty();
      await host.apply(portfolioPlan(summary, []));
      await host.save(opts.out);
    } else
      await writeFileAtomic(
        opts.out,
        ext === ".html" || ext === ".htm" ? portfolioHtml(summary) : portfolioMarkdown(summary),
      );
    done.push(`Wrote the portfolio summary to ${opts.out}.`);
  }

  const exitCode = result.outcome.ok ? 0 : 1;
  if (opts.json) {
    json(out, {
      ...p.evaluation,
      workbooks: [
        ...p.members.map((m) => ({
          name: m.name,
          file: m.file,
          ...(m.inGraph ? {} : { leftOut: `another workbook is named ${m.name}` }),
          issues: m.issues.map(issueJson),
        })),
        ...result.failures.map((f) => ({
          name: null,
          file: f.file,
          unreadable: f.reason,
          issues: [],
        })),
      ],
    });
    return { exitCode };
  }
  if (done.length === 0 && opts.out === undefined) out.stdout.write(portfolioMarkdown(summary));
  for (const f of result.failures)
    out.stderr.write(
      `baton: ${f.file}: ${f.reason}; the other workbooks were judged without it.\n`,
    );
  const shown = p.members.flatMap((m) =>
    m.issues
      .filter((i) => i.severity !== "info")
      .map((i) => [`${m.file} ${i.sheet}!${i.cell}`, i.severity, i.message]),
  );
  if (shown.length) {
    line(out);
    table(out, ["Where", "Severity", "Issue"], shown, { 1: statusTint }, 100);
  }
  line(out);
  line(out, paint(out, "bold", result.outcome.message));
  for (const d of done) line(out, d);
  return { exitCode };
}
