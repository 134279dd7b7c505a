/**
 * What a migration's rows have made so far: initiatives, KPIs, check-ins and hand-offs, the
 * dependencies still to link, and the counts the report gives. Every step that places a row
 * adds to the one set of records, so IDs are numbered in the order rows are placed.
 */
import type { Rag } from "../template/sheets.ts";
import type { PlanValue } from "../ports/plan.ts";
import type { Dependency } from "./dependencies.ts";
import { initiativeIds, type HandoffRec, type InitiativeRec, type Item } from "./model.ts";
import type { Created } from "./report.ts";
import type { SheetReading } from "./reading.ts";
import type { Rows } from "./items.ts";
import type { Objectives } from "./objectives.ts";
import type { Extras } from "./extras.ts";

export interface KpiRec {
  readonly values: PlanValue[];
  readonly extras: Map<number, PlanValue>;
}

export interface Records {
  readonly initiatives: InitiativeRec[];
  /** A RAID log's initiatives by folded name, so its dependencies find them. */
  readonly initiativeByName: Map<string, InitiativeRec>;
  /** Initiatives made only because a RAID dependency names them, by folded name. */
  readonly parties: Map<string, InitiativeRec>;
  readonly kpis: KpiRec[];
  readonly checkins: PlanValue[][];
  readonly handoffs: HandoffRec[];
  /** "INI-1>INI-2" for every hand-off made, so none is made twice. */
  readonly handoffKeys: Set<string>;
  /** Rows whose dependencies are linked once every row is placed. */
  readonly pending: { item: Item; deps: Dependency[] }[];
  readonly created: Created;
  /** Check-ins in monthly and in weekly periods: the workbook's cadence is the larger. */
  readonly periods: { monthly: number; weekly: number };
  readonly nextInitiativeId: (item?: Item) => string;
}

export function emptyRecords(items: readonly Item[], idCol: number | undefined): Records {
  return {
    initiatives: [],
    initiativeByName: new Map(),
    parties: new Map(),
    kpis: [],
    checkins: [],
    handoffs: [],
    handoffKeys: new Set(),
    pending: [],
    created: { objectives: 0, kpis: 0, initiatives: 0, handoffs: 0, checkins: 0 },
    periods: { monthly: 0, weekly: 0 },
    nextInitiativeId: initiativeIds(items, idCol),
  };
}

/** A migration under way: the sheet as read, its rows, and what they have made so far. */
export interface Run {
  readonly sheet: SheetReading;
  readonly rows: Rows;
  readonly objectives: Objectives;
  readonly extras: Extras;
  readonly records: Records;
}

export interface CheckinValues {
  readonly rag?: Rag | null;
  readonly progress?: number | null;
  readonly actual?: number | null;
  readonly comment?: string | null;
  readonly pathToGreen?: string | null;
}

/** Adds a check-in for the row's period (the week of the migration when it names none); returns the period. */
export function addCheckin(
  { sheet, records }: Run,
  item: Item,
  id: string,
  v: CheckinValues,
): string {
  const period = sheet.read.period(item) ?? sheet.asOfWeek;
  if (/^\d{4}-\d{2}$/.test(period)) records.periods.monthly++;
  else records.periods.weekly++;
  records.checkins.push([
    period,
    id,
    v.rag ?? null,
    v.progress ?? null,
    v.actual ?? null,
    v.comment ?? null,
    v.pathToGreen ?? null,
    null,
    null,
    null,
  ]);
  records.created.checkins++;
  return period;
}
