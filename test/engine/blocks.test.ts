/** Blocks counts distinct initiatives downstream: the bit-set count against a plain walk. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { condense } from "../../core/src/engine/condense.ts";
import { downstreamCounts } from "../../core/src/engine/blocks.ts";

/** Distinct counted nodes reachable from each node, itself included, by breadth-first search. */
function walk(
  n: number,
  edges: readonly [number, number][],
  counted: (i: number) => boolean,
): number[] {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) out[a]!.push(b);
  return Array.from({ length: n }, (_, s) => {
    const seen = new Set([s]);
    const queue = [s];
    for (let k = 0; k < queue.length; k++)
      for (const m of out[queue[k]!]!)
        if (!seen.has(m)) {
          seen.add(m);
          queue.push(m);
        }
    return [...seen].filter(counted).length;
  });
}

const graphs = fc.integer({ min: 2, max: 90 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
      { maxLength: 3 * n },
    ),
    skip: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    maxWords: fc.integer({ min: 1, max: 8 }),
  }),
);

describe("Blocks counts each downstream initiative once, cycles and diamonds included", () => {
  it("matches a plain walk on any graph, in as many memory slices as it takes", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, skip, maxWords }) => {
        const names = Array.from({ length: n }, (_, i) => `INI-${i + 1}`);
        const index = new Map(names.map((name, i) => [name, i]));
        const from = edges.map((e) => e[0]);
        const to = edges.map((e) => e[1]);
        const counted = (i: number) => !skip[i];
        // maxWords below the node count forces the bit sets into several slices.
        const got = downstreamCounts(condense(names, index, from, to), from, to, counted, maxWords);
        expect([...got]).toEqual(walk(n, edges, counted));
      }),
      { numRuns: 300 },
    );
  });

  it("matches a plain walk on plans of separate parts, each counted in its own bit sets", () => {
    // Clusters of nodes with edges only inside each, numbered interleaved so no part is a run
    // of consecutive nodes; a slice width below a part's size forces several slices per part.
    const plans = fc
      .array(
        fc.integer({ min: 2, max: 24 }).chain((size) =>
          fc
            .array(
              fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).filter(([a, b]) => a !== b),
              { maxLength: 2 * size },
            )
            .map((edges) => ({ size, edges })),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .chain((parts) =>
        fc.record({
          parts: fc.constant(parts),
          skip: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
          maxWords: fc.integer({ min: 1, max: 8 }),
        }),
      );
    fc.assert(
      fc.property(plans, ({ parts, skip, maxWords }) => {
        const node: number[][] = parts.map(() => []);
        let n = 0;
        while (parts.some((p, j) => node[j]!.length < p.size))
          parts.forEach((p, j) => {
            if (node[j]!.length < p.size) node[j]!.push(n++);
          });
        const edges = parts.flatMap((p, j) =>
          p.edges.map(([a, b]) => [node[j]![a]!, node[j]![b]!] as [number, number]),
        );
        const names = Array.from({ length: n }, (_, i) => `INI-${i + 1}`);
        const index = new Map(names.map((name, i) => [name, i]));
        const from = edges.map((e) => e[0]);
        const to = edges.map((e) => e[1]);
        const counted = (i: number) => !skip[i];
        const got = downstreamCounts(condense(names, index, from, to), from, to, counted, maxWords);
        expect([...got]).toEqual(walk(n, edges, counted));
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });
});
