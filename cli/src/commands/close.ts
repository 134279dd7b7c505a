/**
 * `baton close FILE --period P`: seals the check-ins of every open period up to P, oldest
 * first, locks them, moves Current Period past P and stores the anchor in the file. Exit 1 when
 * validation errors in those check-ins stop it, 2 for a period that cannot be closed.
 */
import { daysFromIso } from "@baton/core";
import { openWorkbook, InputError } from "../files/open.ts";
import { decide, factsOf } from "../act.ts";
import { loadOrCreateKey, type LoadedKey } from "../files/keys.ts";
import { line, json, paint, statusTint, table, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export interface CloseOptions {
  readonly file: string;
  readonly period: string;
  readonly json: boolean;
  /** The date the close is judged by, in the workbook's zone (default: today). */
  readonly asOf?: string;
  /** The signing key's file (default: baton/key in the user's config folder). */
  readonly key?: string;
}

/**
 * Decides the close and applies it to the workbook in memory. The grids and the plan go out of
 * scope when it returns, so they are not held while a large file is written.
 */
async function applyClose(opts: CloseOptions, signing: LoadedKey) {
  const opened = await openWorkbook(opts.file);
  const { host } = opened;
  if (opened.format !== "xlsx" || !host)
    throw new InputError(
      `${opts.file}: baton close needs an .xlsx workbook; a folder of CSV files has no hidden storage for the seal anchor and no cell protection`,
    );
  const result = await decide(opened, "closePeriod", {
    now: new Date(),
    answer: opts.period,
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    key: signing.key,
    keyName: signing.name,
  });
  const facts = factsOf(result);
  if (facts.ok) await host.apply(result.plan);
  return { host, facts, outcome: result.outcome };
}

export async function close(opts: CloseOptions, out: Out): Promise<CommandResult> {
  if (opts.asOf !== undefined && daysFromIso(opts.asOf) === undefined)
    throw new InputError(`--as-of ${opts.asOf} is not a date (YYYY-MM-DD)`);
  const signing = loadOrCreateKey(opts.key);
  if (signing.created)
    out.stderr.write(
      `baton: created your signing key at ${signing.path} (public key ${signing.publicKey}); keep it private and back it up: closes are signed with it.\n`,
    );
  const { host, facts: result, outcome } = await applyClose(opts, signing);
  if (!result.ok && result.reason === "already-closed") {
    // Closing is idempotent: asking again for what is done is success, with nothing written.
    if (opts.json) json(out, { closed: true, alreadyClosed: true, message: outcome.message });
    else line(out, outcome.message);
    return { exitCode: 0 };
  }
  if (!result.ok) {
    const exitCode = result.reason === "validation-errors" ? 1 : 2;
    const issues = outcome.issues ?? [];
    if (opts.json) {
      json(out, { closed: false, reason: result.reason, message: outcome.message, issues });
    } else if (issues.length) {
      line(out, paint(out, "red", outcome.message));
      table(
        out,
        ["Cell", "Severity", "Issue", "Fix"],
        issues.map((i) => [`${i.sheet}!${i.cell}`, i.severity, i.message, i.fix ?? ""]),
        { 1: statusTint },
        90,
      );
    } else {
      out.stderr.write(`baton: ${outcome.message}\n`);
    }
    return { exitCode };
  }
  await host.save(opts.file);
  const periods = result.closedPeriods;
  if (opts.json) {
    json(out, {
      closed: true,
      periods,
      sealed: result.sealed,
      sealedRows: result.sealedRows,
      sealedDecisions: result.sealedDecisions,
      moved: result.moved,
      currentPeriod: result.currentPeriod,
      anchor: {
        seal: result.seal,
        // The anchor counts every sealed row of the chain, the gate decisions included.
        rows: result.sealedRows + result.sealedDecisions,
        through: periods[periods.length - 1],
        signedBy: result.signedBy ?? null,
      },
      keyFile: signing.path,
      closerAdded: Boolean(result.closerAdded),
    });
    return { exitCode: 0 };
  }
  const span =
    periods.length === 1 ? periods[0]! : `${periods[0]} to ${periods[periods.length - 1]}`;
  const rows = result.sealedRows ? `rows 2 to ${result.sealedRows + 1} locked` : "nothing to lock";
  line(
    out,
    `${paint(out, "bold", `Closed ${span}`)} in ${opts.file}: sealed ${result.sealed} check-in${result.sealed === 1 ? "" : "s"}${result.sealedDecisions ? ` and ${result.sealedDecisions} gate decision${result.sealedDecisions === 1 ? "" : "s"}` : ""} (${result.sealedRows} sealed in all, ${rows}).`,
  );
  if (result.moved)
    line(
      out,
      `  Moved ${result.moved} row${result.moved === 1 ? "" : "s"} so that sealed check-ins sit together at the top, oldest first; nothing was removed.`,
    );
  line(
    out,
    `  Current Period is ${result.currentPeriod}. Check the seals any time with "baton verify ${opts.file}".`,
  );
  line(
    out,
    `  Anchor ${result.seal}, signed by ${result.signedBy} (${signing.path}). Keep the anchor elsewhere too: "baton verify ${opts.file} --anchor ${result.seal}" proves the sealed rows up to it unchanged.`,
  );
  if (result.closerAdded)
    line(
      out,
      `  Settings now lists your key under Closers (${signing.name}); add the keys of everyone else who closes, as name:key.`,
    );
  return { exitCode: 0 };
}
