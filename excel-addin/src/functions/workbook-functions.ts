/// <reference types="office-js" />
/**
 * What Baton's custom functions compute, over a read of the workbook. Excel calls many
 * functions in one recalculation: they share one read (and one evaluation) while it is in
 * flight, so a sheet full of `=BATON.STATUS(...)` reads the workbook once.
 */
import {
  evaluate,
  findSheet,
  formatPeriod,
  isoFromSerial,
  periodOf,
  todayIn,
  validateGrids,
  type Cadence,
  type Evaluation,
  type Validation,
} from "@baton/core";
import { ExcelHost } from "../host.ts";
import { readTemplate } from "../session.ts";

export interface FunctionsDeps {
  /** A request context outside any batch, as custom functions get one (`new Excel.RequestContext()`). */
  newContext(): Excel.RequestContext;
  /** The error a function gives Excel for a bad argument (`#VALUE!` with a message). */
  invalid(message: string): Error;
  /** The instant statuses are judged as of; now, unless a test says otherwise. */
  now?(): Date;
}

interface Snapshot {
  readonly validation: Validation;
  evaluation(): Evaluation;
}

export function workbookFunctions(deps: FunctionsDeps) {
  const now = deps.now ?? (() => new Date());
  let inFlight: Promise<Snapshot> | null = null;
  const snapshot = (): Promise<Snapshot> =>
    (inFlight ??= readTemplate(new ExcelHost(deps.newContext()))
      .then(({ grids }): Snapshot => {
        const validation = validateGrids(grids);
        let evaluation: Evaluation | null = null;
        const { workbook } = validation;
        return {
          validation,
          evaluation: () =>
            (evaluation ??= evaluate(workbook, {
              asOf: todayIn(workbook.settings.timeZone, now()),
            })),
        };
      })
      .finally(() => (inFlight = null)));

  return {
    /** Validation errors in the workbook, or on the sheet named (any case). */
    async issues(sheet?: string | null): Promise<number> {
      const { workbook, issues } = (await snapshot()).validation;
      const errors = issues.filter((i) => i.severity === "error");
      if (sheet === undefined || sheet === null || sheet === "") return errors.length;
      const names = Object.values(workbook.layout).map((l) => l!.name);
      const found = findSheet(names, sheet);
      if (!found) throw deps.invalid(`There is no template sheet named "${sheet}".`);
      return errors.filter((i) => i.sheet === found).length;
    },

    /** The status of an objective, KPI, initiative or hand-off as of today: Green, Amber, Red, Done or Paused. */
    async status(id: string): Promise<string> {
      const key = String(id ?? "")
        .trim()
        .toUpperCase();
      if (!key) throw deps.invalid("Give an ID, such as INI-3.");
      const ev = (await snapshot()).evaluation();
      const found = [...ev.objectives, ...ev.kpis, ...ev.initiatives, ...ev.handoffs].find(
        (e) => e.id.toUpperCase() === key,
      );
      if (!found)
        throw deps.invalid(`No objective, KPI, initiative or hand-off has the ID "${id}".`);
      return found.status;
    },

    /** The period (2026-W48 or 2026-11) a date falls in, by the cadence given or the workbook's. */
    async period(date: number, cadence?: string | null): Promise<string> {
      if (typeof date !== "number" || !Number.isFinite(date) || date < 1)
        throw deps.invalid("Give a date, such as a cell holding 2026-11-26.");
      let c: Cadence;
      if (cadence === undefined || cadence === null || cadence === "")
        c = (await snapshot()).validation.workbook.settings.cadence;
      else if (/^weekly$/i.test(cadence)) c = "Weekly";
      else if (/^monthly$/i.test(cadence)) c = "Monthly";
      else throw deps.invalid(`Cadence is Weekly or Monthly, not "${cadence}".`);
      return formatPeriod(periodOf(isoFromSerial(Math.floor(date)), c));
    },
  };
}
