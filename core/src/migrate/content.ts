/**
 * The template's content from what migration built: rows in template column order, and the
 * columns no field took, after the template's, on the sheet their rows went to. An extra column
 * keeps its source header unless that is a template header (then "(source)" is added); the
 * source's ID column is "Source ID".
 */
import { COLUMNS } from "../template/sheets.ts";
import type { TemplateContent } from "../template/write.ts";
import type { PlanValue } from "../ports/plan.ts";
import type { Settings } from "../template/settings.ts";
import type { FieldKey } from "./vocabulary.ts";
import type { HandoffRec, InitiativeRec, ObjectiveRec, Sheet } from "./model.ts";
import { fold } from "./words.ts";

export interface ContentInputs {
  readonly settings: Partial<Settings>;
  readonly objectives: readonly ObjectiveRec[];
  readonly initiatives: readonly InitiativeRec[];
  readonly kpis: readonly {
    readonly values: PlanValue[];
    readonly extras: Map<number, PlanValue>;
  }[];
  readonly handoffs: readonly HandoffRec[];
  readonly checkins: readonly PlanValue[][];
  /** Source columns that may be written as extra columns, in any order. */
  readonly extraColumns: readonly number[];
  /** Fields some extra columns hold in normalised form (the source ID, a risk's response …). */
  readonly keptAs: ReadonlyMap<number, FieldKey>;
  readonly label: (column: number) => string;
}

type Rows = { values: PlanValue[]; extras: Map<number, PlanValue> }[];

export function contentOf(i: ContentInputs): TemplateContent {
  const extraColumns: Partial<Record<Sheet, string[]>> = {};
  const headersFor = (sheet: Sheet, cols: number[]): string[] => {
    const taken = new Set(
      (COLUMNS[sheet] as readonly { header: string }[]).map((c) => fold(c.header)),
    );
    return cols.map((c) => {
      const kept = i.keptAs.get(c);
      let h = kept === "id" ? `Source ${i.label(c)}` : i.label(c);
      if (kept === "response" && !fold(h).includes("response")) h = `${h} (response)`;
      let candidate = h;
      for (let k = 2; taken.has(fold(candidate)); k++)
        candidate = `${h} (source${k > 2 ? ` ${k - 1}` : ""})`;
      taken.add(fold(candidate));
      return candidate;
    });
  };
  const withExtras = (sheet: Sheet, rows: Rows): PlanValue[][] => {
    const cols = [...new Set(i.extraColumns)]
      .filter((c) => rows.some((r) => r.extras.has(c)))
      .sort((a, b) => a - b);
    if (cols.length) extraColumns[sheet] = headersFor(sheet, cols);
    return rows.map((r) => [...r.values, ...cols.map((c) => r.extras.get(c) ?? null)]);
  };
  const initiatives = withExtras(
    "initiatives",
    i.initiatives.map((x) => ({
      values: [
        x.id,
        x.objective.id,
        x.name,
        x.team,
        x.owner,
        x.start,
        x.due,
        x.stage,
        // The rest of the template's columns (governance, computed) start blank, so extra
        // columns land after all of them, whichever template version adds more.
        ...new Array<PlanValue>(COLUMNS.initiatives.length - 8).fill(null),
      ],
      extras: x.extras,
    })),
  );
  const kpis = withExtras(
    "kpis",
    i.kpis.map((k) => ({ values: k.values, extras: k.extras })),
  );
  const handoffs = withExtras(
    "handoffs",
    i.handoffs.map((h) => ({
      values: [
        h.id,
        h.from.id,
        h.to.id,
        h.deliverable,
        h.neededBy,
        h.committed,
        h.delivered,
        h.state,
        h.owner,
        null,
        null,
        null,
      ],
      extras: h.extras,
    })),
  );
  return {
    settings: i.settings,
    objectives: i.objectives.map((o) => [o.id, o.name, o.owner, o.targetDate, o.notes, null, null]),
    kpis,
    initiatives,
    handoffs,
    checkins: i.checkins,
    ...(Object.keys(extraColumns).length ? { extraColumns } : {}),
  };
}
