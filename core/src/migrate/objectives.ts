/**
 * Where each row's objective comes from: its objective column (a grouped list names it once, on
 * the first of its rows, and the rows below take it), a top-level summary task, the section
 * heading above it, or the sheet's title. Objectives are numbered in the order rows first need
 * them, one per name.
 */
import type { Item, ObjectiveRec, Section } from "./model.ts";
import { topOf } from "./model.ts";
import type { RowReport } from "./report.ts";
import type { SheetReading } from "./reading.ts";
import { fold } from "./words.ts";

const TITLE_MAX = 120;

export interface Objectives {
  /** Every objective made, in ID order. */
  readonly list: readonly ObjectiveRec[];
  /** The objective of this name, made on first use. */
  named(name: string): ObjectiveRec;
  /** The objective of rows with none of their own, named after the sheet's title. */
  fallback(): ObjectiveRec;
  /** The fallback objective, if any row needed it. */
  fallbackMade(): ObjectiveRec | undefined;
  /** The objective a row names (or inherits from the row above it in a grouped list). */
  nameIn(item: Item): string | null;
  /** The objective a section heading becomes, made (and its row reported) on first use. */
  ofSection(section: Section): ObjectiveRec;
  /** The objective a row belongs under. */
  of(item: Item): ObjectiveRec;
  /** Rows whose blank objective took the one of the row above: how many, and the first 50. */
  readonly filledDown: { count: number; readonly rows: number[] };
}

export interface ObjectiveInputs {
  readonly sheet: SheetReading;
  readonly reportAt: ReadonlyMap<number, RowReport>;
  /** The sheet's name, for the fallback objective of a sheet with no title block. */
  readonly sheetName: string;
  /** The caller's title for the fallback objective, when the sheet has no title block. */
  readonly title: string | undefined;
}

export function objectivesOf({ sheet, reportAt, sheetName, title }: ObjectiveInputs): Objectives {
  const { read, colOf, layout } = sheet;
  const list: ObjectiveRec[] = [];
  const byKey = new Map<string, ObjectiveRec>();
  const named = (name: string): ObjectiveRec => {
    const key = fold(name) || name;
    let o = byKey.get(key);
    if (!o) {
      o = {
        id: `OBJ-${list.length + 1}`,
        name,
        owner: null,
        targetDate: null,
        notes: null,
        owners: new Set(),
      };
      list.push(o);
      byKey.set(key, o);
    }
    return o;
  };

  let fallbackObjective: ObjectiveRec | undefined;
  const defaultTitle =
    (layout.titleLines[0]?.slice(0, TITLE_MAX) || title || sheetName).trim() || sheetName;
  const fallback = () => (fallbackObjective ??= named(defaultTitle));

  const filledDown = { count: 0, rows: [] as number[] };
  let lastObjective: { name: string; section: Section | undefined } | undefined;
  const nameIn = (item: Item): string | null => {
    const own = read.text(item, "objective");
    if (own) {
      lastObjective = { name: own, section: item.section };
      return own;
    }
    // A grouped list names its objective once, on the first of its rows.
    if (lastObjective && lastObjective.section === item.section && colOf.has("objective")) {
      filledDown.count++;
      if (filledDown.rows.length < 50) filledDown.rows.push(item.r + 1);
      return lastObjective.name;
    }
    return null;
  };

  const ofSection = (s: Section): ObjectiveRec => {
    if (!s.objective) {
      s.objective = named(s.text);
      const rep = reportAt.get(s.r)!;
      rep.outcome = "imported";
      rep.reason = `section heading: objective ${s.objective.id}`;
      rep.ids.push(s.objective.id);
    }
    return s.objective;
  };

  const of = (it: Item): ObjectiveRec => {
    const name = nameIn(it);
    if (name) return named(name);
    const t = topOf(it);
    if (t !== it && t.asObjective) return t.asObjective;
    if (it.section) return ofSection(it.section);
    return fallback();
  };

  return {
    list,
    named,
    fallback,
    fallbackMade: () => fallbackObjective,
    nameIn,
    ofSection,
    of,
    filledDown,
  };
}
