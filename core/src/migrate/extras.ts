/**
 * Carried columns: every non-empty column no field of this kind of sheet takes stays beside the
 * template's columns, as do the fields kept in a column of their own (normalised where they can
 * be). A carried column of numbers written as text is written as numbers.
 */
import { isBlank } from "../cells/values.ts";
import type { PlanValue } from "../ports/plan.ts";
import { textOf } from "./source.ts";
import { toFraction } from "./numbers.ts";
import { responseOf } from "./lookups.ts";
import { plainOf } from "./cells.ts";
import type { FieldKey } from "./vocabulary.ts";
import type { Item } from "./model.ts";
import type { SheetReading } from "./reading.ts";

/** Fields kept in an extra column of their own (normalised where they can be): the source ID, a RAID type, a risk's numbers and response. */
const KEPT_FIELDS: ReadonlySet<FieldKey> = new Set([
  "id",
  "probability",
  "impact",
  "response",
  "type",
]);

export interface Extras {
  /** Source columns written as extra columns, in sheet order. */
  readonly carried: readonly number[];
  /** The field a kept column holds, by source column. */
  readonly keptAs: ReadonlyMap<number, FieldKey>;
  /** Mapped columns whose values some rows could not place (progress without a RAG), kept as extras there. */
  readonly demoted: Set<number>;
  /** A row's carried values, by source column. */
  of(item: Item): Map<number, PlanValue>;
}

export function extrasOf(s: SheetReading): Extras {
  const { mapping, nonEmpty, used, colOf, conv, zone } = s;
  const carried: number[] = [];
  const keptAs = new Map<number, FieldKey>();
  for (const m of mapping) {
    if (!nonEmpty[m.index]) continue;
    if (m.field && KEPT_FIELDS.has(m.field)) {
      carried.push(m.index);
      keptAs.set(m.index, m.field);
    } else if (!m.field || !used.has(m.field) || colOf.get(m.field) !== m.index)
      carried.push(m.index);
  }
  const unusedMapped = mapping.filter(
    (m) => m.field && !KEPT_FIELDS.has(m.field) && nonEmpty[m.index] && !used.has(m.field),
  );
  if (unusedMapped.length)
    s.warn(
      "carried-columns",
      `A ${s.kind} sheet has no place for ${unusedMapped.map((m) => `"${s.read.label(m.index)}" (${m.field})`).join(", ")}; they are kept as extra columns.`,
    );
  const numericText = numericTextColumns(s, carried);
  const of = (item: Item): Map<number, PlanValue> => {
    const out = new Map<number, PlanValue>();
    for (const c of carried) {
      const v = item.row[c];
      if (isBlank(v)) continue;
      const kept = keptAs.get(c);
      if (kept === "probability" || kept === "impact") {
        const p = conv.percentParts(v);
        out.set(c, p ? toFraction(p, conv.percentPoints.get(c) ?? false) : textOf(v));
      } else if (kept === "response" && typeof v === "string") out.set(c, responseOf(v) ?? v);
      else out.set(c, plainOf(v, numericText.get(c) ?? false, conv.numberOf, zone));
    }
    return out;
  };
  return { carried, keptAs, demoted: new Set(), of };
}

/** Carried columns whose every value is a number, some of them written as text. */
function numericTextColumns(
  { grid, layout, conv }: SheetReading,
  carried: readonly number[],
): Map<number, boolean> {
  const numericText = new Map<number, boolean>();
  for (const c of carried) {
    let all = true;
    let any = false;
    for (const r of layout.dataRows) {
      const v = grid[r]![c];
      if (isBlank(v) || typeof v === "number") continue;
      if (typeof v !== "string" || conv.numberOf(v) === undefined) {
        all = false;
        break;
      }
      any = true;
    }
    numericText.set(c, all && any);
  }
  return numericText;
}
