/**
 * Blocks: how many initiatives wait on a hand-off, directly or through further hand-offs.
 *
 * The count is of distinct initiatives, so a diamond (A feeds B and C, both feed D) counts D
 * once. Distinct reachability has no linear-time algorithm in general; this computes it
 * exactly with bit sets propagated backwards along the dependency order, one machine word per
 * 32 initiatives of the connected part of the graph a node sits in, in slices of those
 * initiatives so memory stays under about 16 MB however large the workbook. Work is about
 * (part's initiatives × (part's initiatives + hand-offs)) / 32 word operations summed over the
 * parts: at worst, one part of 10k initiatives and 30k hand-offs, some 12 million; a plan of
 * separate programmes costs a small fraction of that.
 */
import type { Condensation } from "./condense.ts";

/** Words of bit set held at once, across all components: 16 MB. */
const MAX_WORDS = 4_000_000;

/**
 * For each node, the number of distinct `counted` nodes reachable from it along the edges
 * (`from[e]` → `to[e]`), itself included.
 */
export function downstreamCounts(
  c: Condensation,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  counted: (node: number) => boolean,
  maxWords = MAX_WORDS,
): Int32Array {
  const n = c.comp.length;
  const heads = c.order;
  const C = heads.length;
  const pos = new Int32Array(n);
  heads.forEach((h, p) => (pos[h] = p));

  // Successor lists by position in the order (edges only go to later positions).
  const start = new Int32Array(C + 1);
  for (let e = 0; e < from.length; e++) {
    const a = pos[c.comp[from[e]!]!]!;
    if (a !== pos[c.comp[to[e]!]!]) start[a + 1]!++;
  }
  for (let p = 0; p < C; p++) start[p + 1]! += start[p]!;
  const succ = new Int32Array(start[C]!);
  const fill = start.slice(0, C);
  for (let e = 0; e < from.length; e++) {
    const a = pos[c.comp[from[e]!]!]!;
    const b = pos[c.comp[to[e]!]!]!;
    if (a !== b) succ[fill[a]!++] = b;
  }

  // Reach never leaves the part of the graph its edges join (whatever their direction), so
  // each part gets bit sets as wide as its own counted nodes, not the whole workbook's: plans
  // of many separate programmes (or a portfolio of departments) cost what each one costs.
  const root = new Int32Array(C);
  for (let p = 0; p < C; p++) root[p] = p;
  const find = (p: number): number => {
    while (root[p] !== p) p = root[p] = root[root[p]!]!;
    return p;
  };
  for (let p = 0; p < C; p++)
    for (let s = start[p]!; s < start[p + 1]!; s++) {
      const a = find(p);
      const b = find(succ[s]!);
      if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
    }
  // Each part's positions, in order (CSR), and each position's place within its part.
  const partOf = new Int32Array(C);
  const partSize: number[] = [];
  for (let p = 0; p < C; p++) {
    const r = find(p);
    if (r === p) {
      partOf[p] = partSize.length;
      partSize.push(0);
    } else partOf[p] = partOf[r]!;
    partSize[partOf[p]!]!++;
  }
  const parts = partSize.length;
  const partStart = new Int32Array(parts + 1);
  for (let k = 0; k < parts; k++) partStart[k + 1] = partStart[k]! + partSize[k]!;
  const partPos = new Int32Array(C);
  const local = new Int32Array(C);
  const partFill = partStart.slice(0, parts);
  for (let p = 0; p < C; p++) {
    const k = partOf[p]!;
    local[p] = partFill[k]! - partStart[k]!;
    partPos[partFill[k]!++] = p;
  }

  // Counted nodes are numbered within their part.
  const bit = new Int32Array(n).fill(-1);
  const bits = new Int32Array(parts);
  for (let p = 0; p < C; p++)
    for (const i of c.members[heads[p]!]!) if (counted(i)) bit[i] = bits[partOf[p]!]!++;

  const perComp = new Int32Array(C);
  let sets = new Uint32Array(0);
  for (let k = 0; k < parts; k++) {
    const m = bits[k]!;
    if (!m) continue;
    const first = partStart[k]!;
    const g = partStart[k + 1]! - first;
    const words = Math.max(1, Math.min(Math.ceil(m / 32), Math.floor(maxWords / g)));
    const size = g * words;
    if (sets.length < size) sets = new Uint32Array(size);
    for (let lo = 0; lo < m; lo += words * 32) {
      const hi = lo + words * 32;
      sets.fill(0, 0, size);
      for (let j = g - 1; j >= 0; j--) {
        const p = partPos[first + j]!;
        const base = j * words;
        for (const i of c.members[heads[p]!]!) {
          const b = bit[i]!;
          if (b >= lo && b < hi) sets[base + ((b - lo) >>> 5)]! |= 1 << ((b - lo) & 31);
        }
        for (let s = start[p]!; s < start[p + 1]!; s++) {
          const q = local[succ[s]!]! * words;
          for (let w = 0; w < words; w++) sets[base + w]! |= sets[q + w]!;
        }
        let count = 0;
        for (let w = 0; w < words; w++) count += popcount(sets[base + w]!);
        perComp[p]! += count;
      }
    }
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = perComp[pos[c.comp[i]!]!]!;
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
