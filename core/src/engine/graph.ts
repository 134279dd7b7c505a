/**
 * A small directed graph over string nodes, knowing nothing of initiatives or hand-offs.
 *
 * Cycles are data, not exceptions: `topoSort` returns the nodes it could order and the ones
 * caught on or behind a cycle, and `cycles` returns each strongly connected component that
 * holds a cycle with one closed path through it for messages. Both are iterative, so a chain of
 * 100k nodes does not overflow the stack.
 */
export interface Graph {
  readonly nodes: readonly string[];
  /** Successors of a node; unknown nodes have none. */
  readonly successors: (node: string) => readonly string[];
}

/** Builds a graph from edge pairs; nodes are those given plus every edge end. */
export function graphOf(
  nodes: Iterable<string>,
  edges: Iterable<readonly [string, string]>,
): Graph {
  const out = new Map<string, string[]>();
  const all: string[] = [];
  const seen = new Set<string>();
  const add = (n: string) => {
    if (!seen.has(n)) {
      seen.add(n);
      all.push(n);
    }
  };
  for (const n of nodes) add(n);
  for (const [a, b] of edges) {
    add(a);
    add(b);
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  }
  const none: string[] = [];
  return { nodes: all, successors: (n) => out.get(n) ?? none };
}

/** Kahn's algorithm: `sorted` in dependency order; `cycled` every node on or downstream of a cycle. */
export function topoSort(graph: Graph): { sorted: string[]; cycled: string[] } {
  const indegree = new Map<string, number>();
  for (const n of graph.nodes) indegree.set(n, 0);
  for (const n of graph.nodes)
    for (const m of graph.successors(n)) indegree.set(m, (indegree.get(m) ?? 0) + 1);
  const queue: string[] = [];
  for (const n of graph.nodes) if (indegree.get(n) === 0) queue.push(n);
  const sorted: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    sorted.push(n);
    for (const m of graph.successors(n)) {
      const d = indegree.get(m)! - 1;
      indegree.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  const cycled = graph.nodes.filter((n) => indegree.get(n)! > 0);
  return { sorted, cycled };
}

export interface Cycle {
  /** Every node of the strongly connected component. */
  readonly members: readonly string[];
  /** One closed walk through the component, first node repeated at the end. */
  readonly path: readonly string[];
}

/** Strongly connected components that contain a cycle (Tarjan's algorithm, iteratively). */
export function cycles(graph: Graph): Cycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: Cycle[] = [];
  let next = 0;
  for (const root of graph.nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const succ = graph.successors(frame.node);
      if (frame.i < succ.length) {
        const m = succ[frame.i++]!;
        if (!index.has(m)) {
          index.set(m, next);
          low.set(m, next++);
          stack.push(m);
          onStack.add(m);
          work.push({ node: m, i: 0 });
        } else if (onStack.has(m)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(m)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          members.push(m);
        } while (m !== frame.node);
        const selfLoop = members.length === 1 && graph.successors(frame.node).includes(frame.node);
        if (members.length > 1 || selfLoop)
          result.push({ members: members.reverse(), path: closedPath(graph, members) });
      }
    }
  }
  return result;
}

/** Follows edges inside the component from its first member until a node repeats. */
function closedPath(graph: Graph, members: readonly string[]): string[] {
  const inside = new Set(members);
  const start = members[0]!;
  const path = [start];
  const at = new Map<string, number>([[start, 0]]);
  let node = start;
  for (;;) {
    const m = graph.successors(node).find((s) => inside.has(s))!;
    const seenAt = at.get(m);
    if (seenAt !== undefined) return [...path.slice(seenAt), m];
    at.set(m, path.length);
    path.push(m);
    node = m;
  }
}
