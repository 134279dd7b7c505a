/// <reference types="google-apps-script" />
/**
 * Custom functions: `=BATON_STATUS("INI-3")` and `=BATON_ROOT_CAUSE("INI-3")`, or over a range
 * of IDs (`=BATON_STATUS(A2:A40)`), which reads the spreadsheet once for the whole range.
 * A custom function may only read, so this opens the host read-only, and answers as of today
 * in the workbook's time zone.
 */
import { evaluate, todayIn, validateGrids } from "@baton/core";
import { SheetsHost } from "./host.ts";
import { readTemplate } from "./workbook.ts";

export interface Judged {
  readonly status: string;
  readonly rootCauses: readonly string[];
}

/** Every ID of the spreadsheet, judged now. The first row of an ID wins, as in the engine. */
export function judgeSpreadsheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
): Map<string, Judged> {
  const { grids } = readTemplate(new SheetsHost(spreadsheet));
  const { workbook, issues } = validateGrids(grids);
  if (issues.some((i) => i.code === "missing-sheet"))
    throw new Error(
      "This spreadsheet does not have the Baton template yet: use Baton > Set up the template in this spreadsheet.",
    );
  const ev = evaluate(workbook, { asOf: todayIn(workbook.settings.timeZone, now) });
  const out = new Map<string, Judged>();
  const add = (id: string, j: Judged) => {
    if (!out.has(id)) out.set(id, j);
  };
  for (const e of ev.initiatives) add(e.id, e);
  for (const e of ev.handoffs) add(e.id, e);
  for (const e of ev.objectives) add(e.id, { status: e.status, rootCauses: [] });
  for (const e of ev.kpis) add(e.id, { status: e.status, rootCauses: [] });
  return out;
}

export type Pick = (j: Judged) => string;
export const pickStatus: Pick = (j) => j.status;
export const pickRootCause: Pick = (j) => j.rootCauses.join(", ");

/**
 * The answer for one ID or a range of them. A blank cell answers blank; an unknown ID is an
 * error for a single ID (the cell shows why) and "Unknown ID" within a range.
 */
export function answer(
  input: unknown,
  pick: Pick,
  judged: () => Map<string, Judged>,
): string | string[][] {
  let cache: Map<string, Judged> | undefined;
  const all = () => (cache ??= judged());
  const one = (v: unknown, single: boolean): string => {
    const id = v === null || v === undefined ? "" : String(v).trim().toUpperCase();
    if (!id) return "";
    const j = all().get(id);
    if (j) return pick(j);
    if (single) throw new Error(`No objective, KPI, initiative or hand-off has the ID ${id}.`);
    return "Unknown ID";
  };
  if (Array.isArray(input))
    return input.map((row: unknown) =>
      Array.isArray(row) ? row.map((v) => one(v, false)) : [one(row, false)],
    );
  return one(input, true);
}
