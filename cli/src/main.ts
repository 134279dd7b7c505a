/**
 * The `baton` command line. Exit codes (DESIGN.md): 0 success, 1 validation errors, 2 bad usage
 * or unreadable input, 3 when verification finds tampering.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./files/open.ts";
import { terminalOut, visibleOut, type Out } from "./output.ts";
import { assertWritable, FileError, onFileNotice, withLock } from "./files/atomic.ts";
import type { CommandResult } from "./command.ts";
import { init } from "./commands/init.ts";
import { validate } from "./commands/validate.ts";
import { close } from "./commands/close.ts";
import { verify } from "./commands/verify.ts";
import { status } from "./commands/status.ts";
import { mappingPathFor, migrateCommand } from "./commands/migrate.ts";
import { summary } from "./commands/summary.ts";
import { notify, type Destination } from "./commands/notify.ts";
import { portfolio } from "./commands/portfolio.ts";
import { upgrade } from "./commands/upgrade.ts";

export type { CommandResult } from "./command.ts";

export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: Options;
  /**
   * The files the command will write, given its arguments: each is checked writable before
   * anything is read or written, and each workbook among them is locked for the whole command.
   */
  readonly writes?: (file: string, values: Values) => readonly Output[];
  readonly run: (
    file: string,
    values: Values,
    out: Out,
    paths: readonly string[],
  ) => Promise<CommandResult>;
  /** Takes several paths (`baton portfolio A B C`); `run` gets them all. */
  readonly many?: boolean;
}

interface Output {
  readonly path: string;
  /** A workbook that is read, then written: held under the lock from before it is read. */
  readonly lock: boolean;
}

const JSON_FLAG = { json: { type: "boolean" } } as const satisfies Options;

const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);

/** What each option's value must be, said when it is given empty. */
const EXPECTED: Record<string, string> = {
  "as-of": "a date (YYYY-MM-DD)",
  "time-zone": "an IANA time zone such as Europe/Berlin",
  out: "a file name",
  mapping: "a mapping file (.json)",
  sheet: "a sheet name",
  period: "a period: a week such as 2026-W47, or a month such as 2026-10",
  smtp: "an SMTP URL such as smtp://user:password@mail.example.com:587",
  webhook: "a webhook URL (https://…)",
  from: "a sender address such as Baton <baton@example.com>",
};

/** Where `notify` sends: one of --out, --smtp, --webhook, else BATON_SMTP_URL; none for a dry run. */
function destinationOf(v: Values): Destination {
  const given = (["out", "smtp", "webhook"] as const).filter((k) => str(v[k]) !== undefined);
  if (given.length > 1)
    throw new UsageError(
      `notify sends one way at a time: choose one of ${given.map((g) => "--" + g).join(", ")}`,
    );
  if (str(v.out)) return { to: "eml", dir: str(v.out)! };
  if (str(v.webhook)) return { to: "webhook", url: str(v.webhook)! };
  // The environment keeps a password out of the process list, where --smtp would show it.
  const smtp = str(v.smtp) ?? (process.env.BATON_SMTP_URL || undefined);
  if (smtp) return { to: "smtp", url: smtp };
  if (v["dry-run"]) return { to: "none" };
  throw new UsageError(
    "notify needs somewhere to send: --out DIR, --smtp URL (or BATON_SMTP_URL), --webhook URL, or --dry-run to see what would go",
  );
}

export const COMMANDS: Command[] = [
  {
    name: "init",
    usage:
      "baton init FILE.xlsx [--demo] | --demo-portfolio DIR [--time-zone ZONE] [--as-of DATE] [--force] [--json]",
    summary: "write an empty template, or the demo workbook",
    options: {
      ...JSON_FLAG,
      demo: { type: "boolean" },
      "demo-portfolio": { type: "boolean" },
      force: { type: "boolean" },
      "time-zone": { type: "string" },
      "as-of": { type: "string" },
    },
    // A demo portfolio's folder may not exist yet; its two workbooks are checked and locked there.
    writes: (file, v) => (v["demo-portfolio"] ? [] : [{ path: file, lock: true }]),
    run: (file, v, out) =>
      init(
        {
          file,
          demo: Boolean(v.demo),
          demoPortfolio: Boolean(v["demo-portfolio"]),
          force: Boolean(v.force),
          json: Boolean(v.json),
          ...(str(v["time-zone"]) !== undefined ? { timeZone: str(v["time-zone"])! } : {}),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
        },
        out,
      ),
  },
  {
    name: "validate",
    usage: "baton validate FILE [--json]",
    summary: "list validation issues with their cell and fix",
    options: { ...JSON_FLAG },
    run: (file, v, out) => validate({ file, json: Boolean(v.json) }, out),
  },
  {
    name: "status",
    usage: "baton status FILE [--as-of DATE] [--json] [--write]",
    summary: "every status with reasons and root causes; --write fills the computed columns",
    options: { ...JSON_FLAG, "as-of": { type: "string" }, write: { type: "boolean" } },
    writes: (file, v) => (v.write ? [{ path: file, lock: true }] : []),
    run: (file, v, out) =>
      status(
        {
          file,
          json: Boolean(v.json),
          write: Boolean(v.write),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
        },
        out,
      ),
  },
  {
    name: "migrate",
    usage:
      "baton migrate SOURCE --out FILE.xlsx [--mapping M.json] [--sheet NAME] [--as-of DATE] [--time-zone ZONE] [--force] [--progress] [--json]",
    summary: "import a foreign tracker (CSV or any sheet of a workbook) and report every row",
    options: {
      ...JSON_FLAG,
      out: { type: "string" },
      mapping: { type: "string" },
      sheet: { type: "string" },
      force: { type: "boolean" },
      progress: { type: "boolean" },
      "as-of": { type: "string" },
      "time-zone": { type: "string" },
    },
    writes: (_file, v) => {
      const target = str(v.out);
      return target
        ? [
            { path: target, lock: true },
            { path: mappingPathFor(target), lock: false },
          ]
        : [];
    },
    run: (file, v, out) =>
      migrateCommand(
        {
          source: file,
          json: Boolean(v.json),
          progress: Boolean(v.progress),
          force: Boolean(v.force),
          ...(str(v.out) !== undefined ? { out: str(v.out)! } : {}),
          ...(str(v.mapping) !== undefined ? { mapping: str(v.mapping)! } : {}),
          ...(str(v.sheet) !== undefined ? { sheet: str(v.sheet)! } : {}),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
          ...(str(v["time-zone"]) !== undefined ? { timeZone: str(v["time-zone"])! } : {}),
        },
        out,
      ),
  },
  {
    name: "summary",
    usage: "baton summary FILE [--as-of DATE] [--out F.md|F.html] [--write] [--json]",
    summary:
      "the board summary as Markdown; --out writes .md or .html, --write adds a Board Summary sheet",
    options: {
      ...JSON_FLAG,
      "as-of": { type: "string" },
      out: { type: "string" },
      write: { type: "boolean" },
    },
    writes: (file, v) => [
      ...(v.write ? [{ path: file, lock: true }] : []),
      ...(str(v.out) ? [{ path: str(v.out)!, lock: false }] : []),
    ],
    run: (file, v, out) =>
      summary(
        {
          file,
          json: Boolean(v.json),
          write: Boolean(v.write),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
          ...(str(v.out) !== undefined ? { out: str(v.out)! } : {}),
        },
        out,
      ),
  },
  {
    name: "close",
    usage: "baton close FILE.xlsx --period P [--as-of DATE] [--key PATH] [--json]",
    summary: "seal and lock the check-ins of every open period up to P, signed with your key",
    options: {
      ...JSON_FLAG,
      period: { type: "string" },
      "as-of": { type: "string" },
      key: { type: "string" },
    },
    writes: (file) => [{ path: file, lock: true }],
    run: (file, v, out) => {
      const period = str(v.period);
      if (!period)
        throw new UsageError(
          "close needs --period P: a week such as 2026-W47, or a month such as 2026-10",
        );
      return close(
        {
          file,
          period,
          json: Boolean(v.json),
          ...(typeof v["as-of"] === "string" ? { asOf: v["as-of"] } : {}),
          ...(typeof v.key === "string" ? { key: v.key } : {}),
        },
        out,
      );
    },
  },
  {
    name: "verify",
    usage: "baton verify FILE [--anchor HEX] [--json]",
    summary:
      "check that sealed check-ins still match their seals and signed anchor (exit 3 if not)",
    options: { ...JSON_FLAG, anchor: { type: "string" } },
    run: (file, v, out) =>
      verify(
        {
          file,
          json: Boolean(v.json),
          ...(typeof v.anchor === "string" ? { anchor: v.anchor } : {}),
        },
        out,
      ),
  },
  {
    name: "portfolio",
    usage: "baton portfolio PATH... [--as-of DATE] [--out F.html|F.md|F.xlsx] [--write] [--json]",
    summary:
      "many team workbooks (files and folders) as one graph; --write fills each one's computed columns",
    many: true,
    options: {
      ...JSON_FLAG,
      "as-of": { type: "string" },
      out: { type: "string" },
      write: { type: "boolean" },
    },
    // The members are known once the folders are read; the command locks them itself.
    run: (_file, v, out, paths) =>
      portfolio(
        {
          paths,
          json: Boolean(v.json),
          write: Boolean(v.write),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
          ...(str(v.out) !== undefined ? { out: str(v.out)! } : {}),
        },
        out,
      ),
  },
  {
    name: "notify",
    usage:
      "baton notify FILE.xlsx [--as-of DATE] [--out DIR | --smtp URL | --webhook URL] [--from ADDRESS] [--dry-run] [--json]",
    summary:
      "tell each owner what changed since they were last told: .eml files, SMTP or a chat webhook",
    options: {
      ...JSON_FLAG,
      "as-of": { type: "string" },
      out: { type: "string" },
      smtp: { type: "string" },
      webhook: { type: "string" },
      from: { type: "string" },
      "dry-run": { type: "boolean" },
    },
    writes: (file, v) => (v["dry-run"] ? [] : [{ path: file, lock: true }]),
    run: (file, v, out) => {
      const destination = destinationOf(v);
      if (
        destination.to === "smtp" &&
        str(v.smtp) &&
        URL.canParse(str(v.smtp)!) &&
        new URL(str(v.smtp)!).password
      )
        out.stderr.write(
          "baton: the password in --smtp can be seen in the process list; set BATON_SMTP_URL instead.\n",
        );
      return notify(
        {
          file,
          destination,
          dryRun: Boolean(v["dry-run"]),
          json: Boolean(v.json),
          ...(str(v["as-of"]) !== undefined ? { asOf: str(v["as-of"])! } : {}),
          ...(str(v.from) !== undefined ? { from: str(v.from)! } : {}),
        },
        out,
      );
    },
  },
  {
    name: "upgrade",
    usage: "baton upgrade FILE.xlsx [--json]",
    summary:
      "bring the workbook to the current template version in place; nothing there is moved or changed",
    options: { ...JSON_FLAG },
    writes: (file) => [{ path: file, lock: true }],
    run: (file, v, out) => upgrade({ file, json: Boolean(v.json) }, out),
  },
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    "Usage: baton <command> FILE [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json. Exit codes: 0 ok, 1 validation errors, 2 bad usage or input, 3 tampering found.",
  ].join("\n");
}

/** Runs the command line in-process; returns the exit code. */
export async function run(argv: readonly string[], terminal: Out = terminalOut()): Promise<number> {
  const [name, ...rest] = argv;
  // Human-readable output shows control characters from cells visibly; --json prints data as is.
  const out = argv.includes("--json") ? terminal : visibleOut(terminal);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? out.stdout : out.stderr).write(usage() + "\n");
    return name ? 0 : 2;
  }
  if (name === "--version") {
    out.stdout.write("baton 0.1.0\n");
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  onFileNotice((message) => out.stderr.write(`baton: ${message}\n`));
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError(
        (e as Error).message.replace(/\. To specify a positional argument.*$/, ""),
      );
    }
    const [file, ...extra] = parsed.positionals;
    if (!file) throw new UsageError(`${name} needs a FILE`);
    if (extra.length && !command.many) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const values = parsed.values as Values;
    for (const [key, value] of Object.entries(values))
      if (value === "")
        throw new InputError(`--${key} is empty; it expects ${EXPECTED[key] ?? "a value"}`);
    const writes = command.writes?.(file, values) ?? [];
    // Every output is checked before anything is written, so a command never stops half-way.
    for (const w of writes) assertWritable(w.path);
    const locked = writes.filter((w) => w.lock).map((w) => w.path);
    const result = await withLock(locked, () => command.run(file, values, out, parsed.positionals));
    return result.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      out.stderr.write(`baton: ${e.message}\n${command ? "Usage: " + command.usage : usage()}\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof FileError) {
      out.stderr.write(`baton: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    out.stderr.write(`baton: ${name} failed: ${err?.message ?? String(e)}\n`);
    if (process.env.BATON_DEBUG) out.stderr.write(`${err?.stack ?? ""}\n`);
    return 2;
  } finally {
    onFileNotice(() => {});
  }
}
