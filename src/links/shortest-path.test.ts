import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { shortestPath, type WeightedEdge } from './shortest-path.js';

/** An undirected graph as the store would give it: each edge from both ends. */
function expander(edges: WeightedEdge[]): { expand: (frontier: string[]) => Promise<WeightedEdge[]>; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    expand: async (frontier) => {
      calls.push([...frontier]);
      const set = new Set(frontier);
      return edges.flatMap((e) => [e, { source: e.target, target: e.source, weight: e.weight }]).filter((e) => set.has(e.source));
    },
  };
}

/** The brute-force reference: hops from `from` to every node by plain breadth-first search. */
function hops(edges: WeightedEdge[], from: string): Map<string, number> {
  const distance = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const e of edges) {
        const other = e.source === node ? e.target : e.target === node ? e.source : null;
        if (other !== null && !distance.has(other)) {
          distance.set(other, distance.get(node)! + 1);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

const edge = (source: string, target: string, weight = 1): WeightedEdge => ({ source, target, weight });
const nodesOf = (path: WeightedEdge[]) => [path[0]!.source, ...path.map((e) => e.target)];

describe('shortestPath', () => {
  it('finds the shortest of two routes, whichever end it starts from', async () => {
    // a-b-c-d-e is long; a-x-e is short.
    const graph = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e'), edge('a', 'x'), edge('x', 'e')];
    const path = await shortestPath('a', 'e', expander(graph).expand, { maxDepth: 4, frontierCap: 10 });
    assert.deepEqual(path && nodesOf(path), ['a', 'x', 'e']);
    const back = await shortestPath('e', 'a', expander(graph).expand, { maxDepth: 4, frontierCap: 10 });
    assert.deepEqual(back && nodesOf(back), ['e', 'x', 'a']);
  });

  it('prefers the heavier of two paths of one length, and gives each edge its weight', async () => {
    const graph = [edge('a', 'light', 1), edge('light', 'z', 1), edge('a', 'heavy', 5), edge('heavy', 'z', 4)];
    assert.deepEqual(await shortestPath('a', 'z', expander(graph).expand, { maxDepth: 4, frontierCap: 10 }), [edge('a', 'heavy', 5), edge('heavy', 'z', 4)]);
  });

  it('gives null beyond maxDepth, and an empty path from a node to itself', async () => {
    const chain = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];
    assert.equal(await shortestPath('a', 'd', expander(chain).expand, { maxDepth: 2, frontierCap: 10 }), null);
    assert.equal((await shortestPath('a', 'd', expander(chain).expand, { maxDepth: 3, frontierCap: 10 }))?.length, 3);
    assert.deepEqual(await shortestPath('a', 'a', expander(chain).expand, { maxDepth: 3, frontierCap: 10 }), []);
  });

  it('steps from a hub only to its heaviest neighbours when the frontier is capped', async () => {
    // The hub knows ten people; only the lightest of them knows the target.
    const graph = [...Array.from({ length: 10 }, (_, i) => edge('hub', `n${i}`, 10 - i)), edge('n9', 'target', 3)];
    const capped = expander(graph);
    assert.equal(await shortestPath('hub', 'target', capped.expand, { maxDepth: 2, frontierCap: 3 }), null, 'n9 is not among the 3 heaviest');
    assert.ok(capped.calls.every((frontier) => frontier.length <= 3));
    const path = await shortestPath('hub', 'target', expander(graph).expand, { maxDepth: 2, frontierCap: 10 });
    assert.deepEqual(path && nodesOf(path), ['hub', 'n9', 'target']);
  });

  it('finds a path exactly as long as a plain breadth-first search says, uncapped (property)', async () => {
    const graphs = fc.record({
      edges: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
      from: fc.integer({ min: 0, max: 11 }),
      to: fc.integer({ min: 0, max: 11 }),
      maxDepth: fc.integer({ min: 1, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(graphs, async ({ edges, from, to, maxDepth }) => {
        const graph = edges.filter(([s, t]) => s !== t).map(([s, t, w]) => edge(`n${s}`, `n${t}`, w));
        const expected = hops(graph, `n${from}`).get(`n${to}`);
        const path = await shortestPath(`n${from}`, `n${to}`, expander(graph).expand, { maxDepth, frontierCap: 100 });
        if (expected === undefined || expected > maxDepth) {
          assert.equal(path, null);
          return;
        }
        assert.ok(path, `a path of ${expected} edges exists`);
        assert.equal(path.length, expected);
        if (expected === 0) return;
        const nodes = nodesOf(path);
        assert.deepEqual([nodes[0], nodes.at(-1)], [`n${from}`, `n${to}`]);
        for (let i = 1; i < path.length; i++) assert.equal(path[i]!.source, path[i - 1]!.target);
        const sameEnds = (g: WeightedEdge, e: WeightedEdge) => (g.source === e.source && g.target === e.target) || (g.source === e.target && g.target === e.source);
        for (const e of path) assert.ok(graph.some((g) => sameEnds(g, e) && g.weight === e.weight), `${e.source}-${e.target} is an edge`);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
