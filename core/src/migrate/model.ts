/** What migration builds from the rows of a sheet, before it becomes the template's content. */
import type { CellValue } from "../cells/values.ts";
import type { IsoDate } from "../cells/dates.ts";
import type { HandoffState, SheetKey, Stage } from "../template/sheets.ts";
import type { PlanValue } from "../ports/plan.ts";
import type { RowReport } from "./report.ts";
import { textOf } from "./source.ts";

export type Row = readonly CellValue[];
export type Sheet = Exclude<SheetKey, "settings">;

/** A row with one text cell, heading the rows below it. */
export interface Section {
  readonly r: number;
  readonly text: string;
  objective?: ObjectiveRec;
  items: number;
}

/** A data row of the source (0-based `r`), with the notes its reading gathers. */
export interface Item {
  readonly r: number;
  readonly row: Row;
  /** 1-based place among the data rows: what "#4" means in a sheet without an ID column. */
  readonly ordinal: number;
  readonly indent: number;
  readonly section: Section | undefined;
  readonly report: RowReport;
  readonly notes: string[];
  parent?: Item;
  children: Item[];
  objective?: ObjectiveRec;
  initiative?: InitiativeRec;
  /** The objective this row itself became (a top-level summary task). */
  asObjective?: ObjectiveRec;
}

export interface ObjectiveRec {
  readonly id: string;
  readonly name: string;
  owner: string | null;
  targetDate: IsoDate | null;
  notes: string | null;
  /** Owners of its rows: one shared by all is the objective's. */
  readonly owners: Set<string>;
}

export interface InitiativeRec {
  readonly id: string;
  readonly objective: ObjectiveRec;
  readonly name: string;
  readonly team: string | null;
  readonly owner: string | null;
  readonly start: IsoDate | null;
  readonly due: IsoDate | null;
  readonly stage: Stage | null;
  readonly item?: Item;
  /** Values of carried columns, by source column. */
  readonly extras: Map<number, PlanValue>;
}

export interface HandoffRec {
  readonly id: string;
  readonly from: InitiativeRec;
  readonly to: InitiativeRec;
  readonly deliverable: string;
  readonly neededBy: IsoDate | null;
  readonly committed: IsoDate | null;
  readonly delivered: IsoDate | null;
  readonly state: HandoffState | null;
  readonly owner: string | null;
  readonly extras: Map<number, PlanValue>;
}

export function topOf(it: Item): Item {
  let t = it;
  while (t.parent) t = t.parent;
  return t;
}

export function countLeaves(it: Item): number {
  if (!it.children.length) return 1;
  let n = 0;
  for (const c of it.children) n += countLeaves(c);
  return n;
}

/**
 * Keeps the source's numbers as initiative IDs (row 4 becomes INI-4) when every data row has a
 * plain, unique number, so "#4" and INI-4 name the same thing; otherwise IDs are counted.
 */
export function initiativeIds(
  items: readonly Item[],
  idCol: number | undefined,
): (item?: Item) => string {
  const kept = new Map<Item, string>();
  const used = new Set<string>();
  let keep = idCol !== undefined;
  for (const it of idCol === undefined ? [] : items) {
    const m = /^(?:#|INI-)?0*(\d{1,9})$/i.exec(textOf(it.row[idCol!]).trim());
    if (!m || used.has(m[1]!)) {
      keep = false;
      break;
    }
    used.add(m[1]!);
    kept.set(it, `INI-${m[1]}`);
  }
  if (!keep) {
    kept.clear();
    used.clear();
  }
  let next = 1;
  return (item) => {
    const k = item ? kept.get(item) : undefined;
    if (k) return k;
    while (used.has(String(next))) next++;
    return `INI-${next++}`;
  };
}
