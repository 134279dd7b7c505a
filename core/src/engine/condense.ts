/**
 * The condensation of a graph over numbered nodes: each cycle (strongly connected component
 * with a cycle) shrunk to one component, every other node its own, and the components in
 * dependency order. It is how the status engine walks a graph that may hold cycles: the
 * cycles are data, and everything around them is still ordered and evaluated.
 */
import { cycles, graphOf, topoSort } from "./graph.ts";

export interface Condensation {
  /** Component of each node. */
  readonly comp: Int32Array;
  /** Nodes of each component, in node order for singletons and cycle order otherwise. */
  readonly members: readonly (readonly number[])[];
  /** True for a component that holds a cycle. */
  readonly cyclic: readonly boolean[];
  /** Every component once, each before the components its edges lead to. */
  readonly order: readonly number[];
}

/**
 * Condenses the graph whose nodes are `0 … names.length − 1` (`names` unique, `index` their
 * inverse) and whose edges go from `from[e]` to `to[e]`.
 */
export function condense(
  names: readonly string[],
  index: ReadonlyMap<string, number>,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): Condensation {
  const n = names.length;
  const edges: [string, string][] = new Array(from.length);
  for (let e = 0; e < from.length; e++) edges[e] = [names[from[e]!]!, names[to[e]!]!];
  const graph = graphOf(names, edges);
  const sorted = topoSort(graph);
  // Without a node caught on or behind a cycle there is no cycle to look for.
  const found = sorted.cycled.length ? cycles(graph) : [];
  const comp = new Int32Array(n);
  for (let i = 0; i < n; i++) comp[i] = i;
  const members: number[][] = [];
  const cyclic: boolean[] = [];
  for (let i = 0; i < n; i++) {
    members.push([i]);
    cyclic.push(false);
  }
  if (!found.length)
    return { comp, members, cyclic, order: sorted.sorted.map((name) => index.get(name)!) };
  // A cycle takes the number of its first member; its other members' singletons fall empty.
  for (const c of found) {
    const ids = c.members.map((name) => index.get(name)!);
    const head = ids[0]!;
    for (const i of ids) {
      comp[i] = head;
      members[i] = [];
    }
    members[head] = ids;
    cyclic[head] = true;
  }
  const heads: string[] = [];
  for (let i = 0; i < n; i++) if (comp[i] === i) heads.push(names[i]!);
  const between: [string, string][] = [];
  for (let e = 0; e < from.length; e++) {
    const a = comp[from[e]!]!;
    const b = comp[to[e]!]!;
    if (a !== b) between.push([names[a]!, names[b]!]);
  }
  const order = topoSort(graphOf(heads, between)).sorted.map((name) => index.get(name)!);
  return { comp, members, cyclic, order };
}
