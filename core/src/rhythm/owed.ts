/**
 * Digests owed: what a run could not send (Google Sheets stops at the day's mail quota) is kept
 * in the Baton sheet under "Owed" and goes first with the next run. The told marks move on for
 * everyone, so the people who were sent their digest are not told twice; the ones owed one are
 * told from here, once.
 */
import type { Grid } from "../cells/values.ts";
import type { IsoDate } from "../cells/dates.ts";
import { stateValueIn, stateWrites } from "../ledger/state.ts";
import type { WriteOp } from "../ports/plan.ts";
import type { Digest, DigestItem } from "./digest.ts";
import { EVENT_ORDER } from "./events.ts";
import { personKey } from "./people.ts";

export const OWED_KEY = "Owed";

const SEVERITIES = new Set(["Red", "Amber", "Request", "Done"]);

const isItem = (v: unknown): v is DigestItem => {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  const where = o.where as Record<string, unknown> | undefined;
  return (
    EVENT_ORDER.includes(o.kind as DigestItem["kind"]) &&
    SEVERITIES.has(o.severity as string) &&
    ["id", "changed", "since", "ask", "short"].every((k) => typeof o[k] === "string") &&
    typeof where?.sheet === "string" &&
    typeof where.cell === "string"
  );
};

/** The digests owed in a Baton sheet's grid; a value Baton cannot read owes nothing. */
export function owedIn(grid: Grid | undefined | null): Digest[] {
  const raw = stateValueIn(grid ?? undefined, OWED_KEY);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    type Raw = { to?: { name?: unknown; email?: unknown }; items?: unknown; heldSince?: unknown };
    return v.flatMap((d: Raw) => {
      const { name, email } = d?.to ?? {};
      if (typeof name !== "string" || typeof email !== "string" || !Array.isArray(d.items))
        return [];
      const items = d.items.filter(isItem);
      const held = typeof d.heldSince === "string" ? { heldSince: d.heldSince } : {};
      return items.length ? [{ to: { name, email }, items, ...held }] : [];
    });
  } catch {
    return [];
  }
}

/** A link is made for one run's mail; an owed item gets a fresh one when it goes. */
const unlinked = (item: DigestItem): DigestItem => {
  const { link: _link, ...rest } = item;
  return rest;
};

/**
 * The plan that keeps `owed` in the Baton sheet (an empty list when nothing is owed), each
 * digest held since the run that first could not send it, or `asOf`.
 */
export function owedWrites(
  grid: Grid | undefined | null,
  owed: readonly Digest[],
  asOf: IsoDate,
): WriteOp[] {
  const value = owed.map((d) => ({
    to: d.to,
    items: d.items.map(unlinked),
    heldSince: d.heldSince ?? asOf,
  }));
  return stateWrites(grid ?? undefined, OWED_KEY, JSON.stringify(value));
}

const rank = (i: DigestItem) => EVENT_ORDER.indexOf(i.kind);

/**
 * Owed digests and this run's, one per person: the owed items and the new ones, worst first,
 * an item told anew (the same kind about the same ID) only once.
 */
export function withOwed(owed: readonly Digest[], fresh: readonly Digest[]): Digest[] {
  const byPerson = new Map<
    string,
    { to: Digest["to"]; items: DigestItem[]; heldSince?: IsoDate }
  >();
  for (const d of [...owed, ...fresh]) {
    const k = personKey(d.to.email);
    let p = byPerson.get(k);
    if (!p) byPerson.set(k, (p = { to: d.to, items: [] }));
    if (d.heldSince && !p.heldSince) p.heldSince = d.heldSince;
    for (const item of d.items)
      if (!p.items.some((i) => i.kind === item.kind && i.id === item.id)) p.items.push(item);
  }
  const digests = [...byPerson.values()].map((d) => ({
    ...(d.heldSince ? { heldSince: d.heldSince } : {}),
    to: d.to,
    // Stable: owed first within a kind.
    items: d.items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
      .map((x) => x.item),
  }));
  return digests.sort(
    (a, b) => rank(a.items[0]!) - rank(b.items[0]!) || a.to.name.localeCompare(b.to.name),
  );
}
