/// <reference types="office-js" />
/**
 * The task pane's backend: the shared sidebar's `Backend` over Excel, running the core in the
 * pane. Each call is one `Excel.run` with a fresh host; errors come back as messages, never as
 * exceptions the pane would have to guess at.
 *
 * An action is offered once it works here: `ACTIONS` lists them, each a few lines over the core.
 */
import {
  a1,
  type ClosingKey,
  closePeriod as closeLedgerPeriod,
  evaluate,
  hasErrors,
  verifyLedger,
  headlineText,
  summarize,
  summaryPlan,
  summarySheetName,
  migrate,
  templatePlan,
  paneIssue,
  SHEET,
  paneState,
  setUpTemplatePlan,
  statusPlan,
  todayIn,
  validateGrids,
  type ActionOutcome,
  type Backend,
  type PaneAction,
  type PaneState,
} from "@baton/core";
import type { ExcelHost } from "./host.ts";
import { loadMarks, queueMarks } from "./marks.ts";
import { describeError } from "./messages.ts";
import { readTemplate, templateSheetsIn, withHost, type RunExcel } from "./session.ts";

export interface ExcelBackendOptions {
  readonly run: RunExcel;
  /** The instant statuses are computed as of. */
  readonly now?: () => Date;
  /** The zone written into a new template's Settings: the user's own. */
  readonly timeZone?: () => string;
  /**
   * The closer's signing key, from the add-in's own storage for this user (never the workbook).
   * Without it closes are unsigned, and refused where Settings lists Closers.
   */
  readonly closingKey?: () => Promise<ClosingKey | null>;
}

type Action = (
  host: ExcelHost,
  options: Required<ExcelBackendOptions>,
  arg?: string,
) => Promise<ActionOutcome>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const withWarnings = (message: string, host: ExcelHost) => [message, ...host.warnings].join(" ");

const setUpTemplate: Action = async (host, options) => {
  const plan = setUpTemplatePlan(await host.sheetNames(), options.timeZone());
  const added = [...new Set(plan.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : [])))];
  if (!added.length) return { ok: true, message: "The template is already set up." };
  await host.apply(plan);
  return { ok: true, message: withWarnings(`Added ${added.join(", ")}.`, host) };
};

const validate: Action = async (host, options) => {
  const sheetNames = await host.sheetNames();
  const checkins = templateSheetsIn(sheetNames).find(
    (n) => n.toLowerCase() === SHEET.checkins.toLowerCase(),
  );
  const marks = checkins ? loadMarks(host.context, checkins) : null;
  const { grids } = await readTemplate(host);
  // With the anchor, a rewritten chain or cut-off history is found too, not only an edited row.
  const { issues } = validateGrids(grids, [], {
    anchor: await host.readAnchor(),
    now: options.now(),
  });
  let unmarked = "";
  if (checkins && marks) {
    queueMarks(
      host.context,
      checkins,
      marks,
      "all",
      issues.filter((i) => i.sheet === checkins).map((i) => i.cell),
    );
    try {
      await host.sync();
    } catch (e) {
      // The list matters more than the marks: a sheet protected against formatting keeps it.
      unmarked = ` The cells on ${checkins} could not be marked: ${describeError(e)}`;
    }
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const message = issues.length
    ? `${plural(errors, "error")} and ${plural(warnings, "warning")}.`
    : "No issues: the workbook is valid.";
  return { ok: !hasErrors(issues), message: message + unmarked, issues: issues.map(paneIssue) };
};

const refreshStatus: Action = async (host, options) => {
  const { grids } = await readTemplate(host);
  const { workbook, issues } = validateGrids(grids);
  const asOf = todayIn(workbook.settings.timeZone, options.now());
  const evaluation = evaluate(workbook, { asOf });
  await host.apply(statusPlan(workbook, evaluation));
  const counts = (["Red", "Amber", "Green", "Done", "Paused"] as const)
    .map((s) => [s, evaluation.initiatives.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const errors = issues.filter((i) => i.severity === "error").length;
  const message =
    `Statuses as of ${asOf}: ${counts.length ? `${plural(evaluation.initiatives.length, "initiative")}, ${counts.join(", ")}` : "no initiatives yet"}.` +
    (errors ? ` ${plural(errors, "validation error")} left those cells out; see Validate.` : "");
  return { ok: true, message: withWarnings(message, host) };
};

/**
 * Imports a foreign tracker from a sheet of this workbook (the active one unless named): the
 * template sheets are added beside it and the source sheet is only read. Rows that could not be
 * imported come back as issues pointing at their source rows.
 */
const importSheet: Action = async (host, options, arg) => {
  const present = templateSheetsIn(await host.sheetNames());
  if (present.length)
    return {
      ok: false,
      message: `This workbook already has Baton's template (${present.join(", ")}). To import a tracker, copy its sheet into a new workbook and import it there.`,
    };
  const source = arg ?? (await host.activeSheetName());
  const grid = (await host.readSheets([source]))[source];
  if (!grid?.length)
    return {
      ok: false,
      message: `"${source}" is empty: open the sheet that holds the tracker and import again.`,
    };
  const timeZone = options.timeZone();
  const asOf = todayIn(timeZone, options.now());
  const { report, content } = migrate({ sheet: source, grid }, { asOf, timeZone, title: source });
  await host.apply(templatePlan(content));
  const count = (outcome: string) => report.rows.filter((r) => r.outcome === outcome).length;
  const c = report.created;
  const made = [
    plural(c.objectives, "objective"),
    plural(c.kpis, "KPI"),
    plural(c.initiatives, "initiative"),
    plural(c.handoffs, "hand-off"),
    plural(c.checkins, "check-in"),
  ];
  const rejected = report.rows.filter((r) => r.outcome === "rejected");
  const message =
    `Imported ${plural(count("imported"), "row")} of "${source}": ${made.join(", ")}.` +
    (rejected.length
      ? ` ${plural(rejected.length, "row")} could not be imported (listed below).`
      : "") +
    (count("skipped") ? ` ${plural(count("skipped"), "row")} skipped.` : "") +
    ` "${source}" is unchanged.`;
  const issues = rejected.map((r) => ({
    code: "migration-rejected",
    severity: "error" as const,
    sheet: source,
    row: r.sourceRow,
    column: "",
    cell: `A${r.sourceRow}`,
    message: `Row ${r.sourceRow} was not imported: ${r.reason}`,
  }));
  return { ok: true, message: withWarnings(message, host), issues };
};

/** Writes this period's board summary sheet (earlier periods' sheets stay) and shows it. */
const writeSummary: Action = async (host, options) => {
  const { sheetNames, grids } = await readTemplate(host);
  const { workbook, issues } = validateGrids(grids);
  const asOf = todayIn(workbook.settings.timeZone, options.now());
  const summary = summarize(workbook, { asOf });
  await host.apply(summaryPlan(summary, sheetNames));
  const sheet = summarySheetName(summary.period);
  await host.select(sheet, "A1");
  const errors = issues.filter((i) => i.severity === "error").length;
  const message =
    `Wrote "${sheet}". ${headlineText(summary)}` +
    (errors ? ` ${plural(errors, "validation error")} left some rows out; see Validate.` : "");
  return { ok: true, message: withWarnings(message, host) };
};

/**
 * Closes a period (and every earlier open one): seals their check-ins, locks the sealed rows,
 * stores the anchor. Refused with the issues to fix when validation finds errors.
 */
const closePeriod: Action = async (host, options, period) => {
  if (!period) return { ok: false, message: "Enter the period to close, such as 2026-W48." };
  const { grids } = await readTemplate(host);
  const key = options.closingKey ? await options.closingKey() : null;
  const result = closeLedgerPeriod({
    grids,
    anchor: await host.readAnchor(),
    period,
    now: options.now(),
    ...(key ? { key } : {}),
  });
  if (!result.ok)
    return { ok: false, message: result.message, issues: result.issues.map(paneIssue) };
  await host.apply(result.plan);
  const message =
    `Closed ${result.closedPeriods.join(", ")}: ${plural(result.sealed, "check-in")} sealed, ` +
    `${plural(result.sealedRows, "sealed row")} in all. The current period is now ${result.currentPeriod}.`;
  return { ok: true, message: withWarnings(message, host) };
};

/** Recomputes the seal chain and compares it with the anchor; names the rows that broke it. */
const verify: Action = async (host) => {
  const { grids } = await readTemplate(host);
  const v = verifyLedger(grids, await host.readAnchor());
  if (v.intact)
    return {
      ok: true,
      message: v.sealedRows
        ? `History intact: ${plural(v.sealedRows, "sealed row")} match their seals and the anchor.`
        : "Nothing is sealed yet: close a period to seal its check-ins.",
    };
  const issues = v.breaks.map((b) => ({
    code: `ledger-${b.reason}`,
    severity: "error" as const,
    sheet: b.sheet,
    row: b.row,
    column: "",
    cell: a1(Math.max(1, b.row), 1),
    message: b.message,
  }));
  return {
    ok: false,
    message: `History was changed: ${v.firstBroken?.message ?? "the seals do not match the anchor"}`,
    issues,
  };
};

/** What the Excel pane offers, in the order the pane shows them. */
export const ACTIONS: Partial<Record<PaneAction, Action>> = {
  setUpTemplate,
  validate,
  refreshStatus,
  writeSummary,
  closePeriod,
  verify,
};

/**
 * Actions run from the ribbon only. Import works on the sheet the user is looking at, in a
 * workbook without the template, where the pane offers only the set-up.
 */
const RIBBON_ONLY: Partial<Record<PaneAction, Action>> = { migrate: importSheet };

export function excelBackend(options: ExcelBackendOptions): Backend {
  const opts: Required<ExcelBackendOptions> = {
    run: options.run,
    now: options.now ?? (() => new Date()),
    timeZone: options.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
    closingKey: options.closingKey ?? (async () => null),
  };
  return {
    async state(): Promise<PaneState> {
      try {
        return await withHost(opts.run, async (host) => {
          const { grids } = await readTemplate(host);
          return paneState({
            grids,
            now: opts.now(),
            actions: Object.keys(ACTIONS) as PaneAction[],
          });
        });
      } catch (e) {
        // The pane shows this message with a way to try again.
        throw new Error(describeError(e));
      }
    },
    async select(sheet, cell) {
      try {
        await withHost(opts.run, (host) => host.select(sheet, cell));
      } catch (e) {
        throw new Error(describeError(e));
      }
    },
    async run(action, arg) {
      const act = ACTIONS[action] ?? RIBBON_ONLY[action];
      if (!act) return { ok: false, message: `"${action}" is not an action of Baton for Excel.` };
      try {
        return await withHost(opts.run, (host) => act(host, opts, arg));
      } catch (e) {
        return { ok: false, message: describeError(e) };
      }
    },
  };
}
