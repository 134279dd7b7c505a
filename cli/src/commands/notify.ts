/**
 * `baton notify FILE [--as-of DATE] [--out DIR | --smtp URL | --webhook URL] [--dry-run]
 * [--json]`: tells each person what changed since they were last told, as one digest each,
 * and records in the workbook's hidden Baton sheet what was told, once it went. A dry run
 * shows what would go to whom; a failed send records nothing (exit 2), so the next run sends
 * it again. Names People has no address for are warned about once each; the rest still go.
 */
import { basename } from "node:path";
import {
  daysFromIso,
  findSheet,
  notify as decideNotify,
  readState,
  PEOPLE_SHEET,
  subjectOf,
  digestText,
  type Digest,
  type DigestContext,
  type Notification,
} from "@baton/core";
import { InputError, openWorkbook } from "../files/open.ts";
import { json, line, paint, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";
import {
  DeliveryError,
  defaultFrom,
  postWebhook,
  sendSmtp,
  smtpServer,
  smtpUrlProblem,
  writeEml,
} from "../delivery.ts";

export type Destination =
  | { readonly to: "eml"; readonly dir: string }
  | { readonly to: "smtp"; readonly url: string }
  | { readonly to: "webhook"; readonly url: string }
  | { readonly to: "none" };

export interface NotifyOptions {
  readonly file: string;
  readonly destination: Destination;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly asOf?: string;
  readonly from?: string;
  /** The moment of the run (tests fix it); else now. */
  readonly now?: Date;
}

/** Checks the destination before the workbook is read: a bad URL is bad usage. */
export function checkDestination(d: Destination): void {
  if (d.to === "smtp") {
    const problem = smtpUrlProblem(d.url);
    if (problem) throw new InputError(`the SMTP URL ${problem}`);
  }
  if (d.to === "webhook") {
    const ok = URL.canParse(d.url) && ["http:", "https:"].includes(new URL(d.url).protocol);
    if (!ok) throw new InputError(`--webhook ${d.url} is not an http:// or https:// URL`);
  }
}

export async function notify(opts: NotifyOptions, out: Out): Promise<CommandResult> {
  if (opts.asOf !== undefined && daysFromIso(opts.asOf) === undefined)
    throw new InputError(`--as-of ${opts.asOf} is not a date (YYYY-MM-DD)`);
  checkDestination(opts.destination);
  const opened = await openWorkbook(opts.file, [PEOPLE_SHEET]);
  const host = opened.host;
  if (!host)
    throw new InputError(
      `${opts.file}: baton notify needs an .xlsx workbook: it remembers what it told in the workbook's hidden Baton sheet, which a folder of CSV files does not have`,
    );
  const sheetNames = await host.sheetNames();
  const people = findSheet(sheetNames, PEOPLE_SHEET);
  const grids = { ...opened.grids, ...(people ? await host.readSheets([people]) : {}) };
  const result = decideNotify(
    { sheetNames, grids, state: await readState(host) },
    {
      now: opts.now ?? new Date(),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      place: basename(opts.file),
    },
  );
  const n = result.notification;
  for (const issue of n.peopleIssues)
    out.stderr.write(
      `baton: ${issue.sheet}!${issue.cell}: ${issue.message}${issue.fix ? ` ${issue.fix}` : ""}\n`,
    );
  for (const u of n.unreached)
    out.stderr.write(
      u.why === "not-in-people"
        ? `baton: ${u.name} is not in the People sheet, so nothing was sent to them; add a row with their Name and Email.\n`
        : `baton: ${u.name} has no usable Email in the People sheet, so nothing was sent to them.\n`,
    );

  const context: DigestContext = { place: n.place, asOf: n.asOf };
  const from = opts.from ?? process.env.BATON_MAIL_FROM ?? defaultFrom();
  const d = opts.destination;
  let delivered = "";
  if (!opts.dryRun && n.digests.length) {
    try {
      if (d.to === "eml") {
        const files = await writeEml(n.digests, context, d.dir, from);
        delivered = `Wrote ${files.length} message${files.length === 1 ? "" : "s"} to ${d.dir}`;
      } else if (d.to === "smtp") {
        await sendSmtp(n.digests, context, d.url, from);
        delivered = `Sent ${n.digests.length} digest${n.digests.length === 1 ? "" : "s"} through ${smtpServer(d.url)}`;
      } else if (d.to === "webhook") {
        await postWebhook(n.digests, context, d.url);
        delivered = `Posted ${n.digests.length} digest${n.digests.length === 1 ? "" : "s"} to the webhook at ${new URL(d.url).host}`;
      }
    } catch (e) {
      if (!(e instanceof DeliveryError)) throw e;
      out.stderr.write(`baton: ${e.message}\n`);
      if (opts.json) json(out, { ...shape(n), sent: false, recorded: false, error: e.message });
      return { exitCode: 2 };
    }
  }
  const record = !opts.dryRun && result.plan.ops.length > 0;
  if (record) {
    await host.apply(result.plan);
    await host.save(opts.file);
  }
  if (opts.json) json(out, { ...shape(n), sent: Boolean(delivered), recorded: record });
  else show(out, opts, n, context, result.outcome.message, delivered, record);
  return { exitCode: 0 };
}

/** `--json`: `{events: [{kind, id, recipients}], digests: [{to, items}]}` and a little more. */
function shape(n: Notification) {
  return {
    asOf: n.asOf,
    events: n.events.map((e) => ({
      kind: e.kind,
      id: e.id,
      since: e.since,
      recipients: e.recipients.map((r) => ({ name: r.name, role: r.role })),
    })),
    digests: n.digests.map((d: Digest) => ({
      to: d.to.email,
      name: d.to.name,
      subject: subjectOf(d),
      items: d.items.map(({ kind, id, severity, changed, since, ask, where }) => ({
        kind,
        id,
        severity,
        changed,
        since,
        ask,
        where: `${where.sheet}!${where.cell}`,
      })),
    })),
    unreached: n.unreached,
    peopleIssues: n.peopleIssues,
  };
}

function show(
  out: Out,
  opts: NotifyOptions,
  n: Notification,
  context: DigestContext,
  message: string,
  delivered: string,
  recorded: boolean,
): void {
  line(out, message);
  if (opts.dryRun) {
    for (const d of n.digests) {
      line(out);
      line(out, paint(out, "bold", `To: ${d.to.name} <${d.to.email}>`));
      line(out, `Subject: ${subjectOf(d)}`);
      line(out);
      line(out, digestText(d, context).trimEnd());
    }
    line(out);
    line(out, "Dry run: nothing was sent and nothing recorded.");
    return;
  }
  for (const d of n.digests)
    line(out, `  ${d.to.name} <${d.to.email}>: ${d.items.map((i) => i.id).join(", ")}`);
  if (delivered) line(out, `${delivered}.`);
  if (recorded) line(out, `Recorded in ${opts.file} what was told; a rerun now sends nothing.`);
}
