/**
 * Dependencies between imported rows become hand-offs: "#4" is the row whose ID column says 4
 * (or the 4th data row when there is none), "INI-4" or "T-12" a row's own ID, anything else a
 * name (exactly, else the only name that contains it). The row with the dependency waits; the
 * row it names provides. A hand-off is needed by the waiting initiative's Start (else Due),
 * committed for the provider's Due, owned by the provider's Owner, and Delivered when the
 * provider is Done, Accepted when it has a Due, else Requested.
 */
import { isBlank } from "../cells/values.ts";
import type { HandoffState } from "../template/sheets.ts";
import type { Dependency } from "./dependencies.ts";
import type { HandoffRec, InitiativeRec, Item } from "./model.ts";
import { stripIndent } from "./layout.ts";
import { textOf } from "./source.ts";
import { fold } from "./words.ts";

export interface LinkInputs {
  readonly items: readonly Item[];
  readonly initiatives: readonly InitiativeRec[];
  readonly pending: readonly { readonly item: Item; readonly deps: readonly Dependency[] }[];
  /** The source's ID column, if mapped. */
  readonly idCol: number | undefined;
  /** The source's name column, if mapped: an initiative is also found by its own name, without a parent's prefix. */
  readonly nameCol: number | undefined;
  readonly handoffs: HandoffRec[];
  /** "INI-1>INI-2" for every hand-off made, so none is made twice. */
  readonly keys: Set<string>;
}

/** Adds the hand-offs; returns the source rows with a dependency that matched nothing. */
export function linkDependencies(i: LinkInputs): number[] {
  const unresolved: number[] = [];
  if (!i.pending.length) return unresolved;
  const bySourceId = new Map<string, Item>();
  const byNumber = new Map<number, Item>();
  for (const it of i.items) {
    if (i.idCol !== undefined) {
      const v = it.row[i.idCol];
      if (isBlank(v)) continue;
      const t = textOf(v).trim();
      bySourceId.set(fold(t), it);
      const num = /^#?\s*0*(\d+)$/.exec(t);
      if (num) byNumber.set(Number(num[1]), it);
    } else byNumber.set(it.ordinal, it);
  }
  const byTemplateId = new Map<string, InitiativeRec>();
  for (const ini of i.initiatives) byTemplateId.set(ini.id.toLowerCase(), ini);
  // Names are indexed only when some dependency names a row: folding 50k names costs.
  let names: Map<string, InitiativeRec[]> | undefined;
  // Folded once, so a name matched by part costs one pass of substring tests, not a fold per row.
  let folded: string[] | undefined;
  const foldedNames = () => (folded ??= i.initiatives.map((x) => fold(x.name)));
  const byName = () => {
    if (names) return names;
    names = new Map();
    for (const ini of i.initiatives) {
      const own =
        ini.item && i.nameCol !== undefined
          ? fold(stripIndent(textOf(ini.item.row[i.nameCol])))
          : "";
      for (const key of new Set([fold(ini.name), own])) {
        if (!key) continue;
        const list = names.get(key) ?? [];
        list.push(ini);
        names.set(key, list);
      }
    }
    return names;
  };
  for (const { item, deps } of i.pending) {
    const to = item.initiative!;
    for (const dep of deps) {
      let target: Item | undefined;
      let ini: InitiativeRec | undefined;
      const ref = dep.ref;
      if (ref.kind === "number") target = byNumber.get(ref.n);
      else if (ref.kind === "id") {
        target = bySourceId.get(fold(ref.id));
        ini = target ? undefined : byTemplateId.get(ref.id.toLowerCase().replace(/\s+/g, ""));
      } else {
        const exact = byName().get(fold(ref.name));
        if (exact?.length === 1) ini = exact[0];
        else if (!exact && !dep.weak) {
          const key = fold(ref.name);
          const near: InitiativeRec[] = [];
          if (key.length >= 4) {
            const all = foldedNames();
            // Only a single match is used, so the search stops at the second.
            for (let n = 0; n < all.length && near.length < 2; n++)
              if (all[n]!.includes(key)) near.push(i.initiatives[n]!);
          }
          if (near.length === 1) ini = near[0];
        }
      }
      ini ??= target?.initiative;
      if (!ini) {
        if (dep.weak && ref.kind === "name") continue;
        const why = target?.asObjective
          ? `refers to the summary row ${target.r + 1}, not a task`
          : target
            ? `refers to row ${target.r + 1}, which was not imported as an initiative`
            : "matches no imported row";
        item.notes.push(`dependency "${dep.text.slice(0, 40)}" ${why}; no hand-off`);
        unresolved.push(item.r + 1);
        continue;
      }
      if (ini === to) {
        item.notes.push(`dependency "${dep.text.slice(0, 40)}" is the row itself; no hand-off`);
        continue;
      }
      const key = `${ini.id}>${to.id}`;
      if (i.keys.has(key)) continue;
      i.keys.add(key);
      const id = `DEP-${i.handoffs.length + 1}`;
      const committed = ini.due;
      const state: HandoffState =
        ini.stage === "Done" ? "Delivered" : committed ? "Accepted" : "Requested";
      const linkNote = dep.link && dep.link !== "finish-to-start" ? ` (${dep.link})` : "";
      i.handoffs.push({
        id,
        from: ini,
        to,
        deliverable: dep.deliverable ?? `${ini.name}${linkNote}`,
        neededBy: to.start ?? to.due,
        committed,
        delivered: null,
        state,
        owner: ini.owner,
        extras: new Map(),
      });
      item.report.ids.push(id);
      item.notes.unshift(`hand-off ${id} from ${ini.id}`);
    }
  }
  return [...new Set(unresolved)];
}
