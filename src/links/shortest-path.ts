// A shortest path between two entities over a graph known only through a function that gives the edges of a set
// of nodes (the store's co-mentions): a bidirectional breadth-first search, each side's next frontier capped and
// filled heaviest edge first, so that a hub with thousands of neighbours never makes one step read the whole haul.

export interface WeightedEdge {
  source: string;
  target: string;
  weight: number;
}

export interface PathSearchOptions {
  /** The most edges a path may have. */
  maxDepth: number;
  /** The most new nodes one side takes into its next frontier (those reached by the heaviest edges). */
  frontierCap: number;
}

/** The nodes the search may step to from each side each time: beyond it the path found may be longer than the shortest, or none found. */
export const defaultFrontierCap = 200;

interface Side {
  /** How each visited node was reached: the node before it (towards this side's root) and the edge's weight. */
  reached: Map<string, { via: string; weight: number } | null>;
  depth: Map<string, number>;
  frontier: string[];
  level: number;
}

function side(root: string): Side {
  return { reached: new Map([[root, null]]), depth: new Map([[root, 0]]), frontier: [root], level: 0 };
}

/** The edges from a visited node back to its side's root, each pointing away from the root. */
function towardsRoot(s: Side, node: string): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (let at = node, step = s.reached.get(at); step; at = step.via, step = s.reached.get(at)) {
    edges.push({ source: step.via, target: at, weight: step.weight });
  }
  return edges.reverse();
}

const reversed = (e: WeightedEdge): WeightedEdge => ({ source: e.target, target: e.source, weight: e.weight });

/**
 * The edges of a shortest path from `from` to `to` in order (empty when they are the same node), or null when none
 * has at most `maxDepth` edges. Among the shortest it found it prefers the one whose lightest edge is heaviest, then
 * the heaviest in all (each side keeps, for each node, the heaviest edge it was first reached by). `expand` gives
 * edges leaving the nodes it is given (other edges it returns are ignored); edges are taken as undirected.
 * Uncapped (a frontier cap at least the number of nodes) the result is exact; capped, it may miss a path.
 */
export async function shortestPath(
  from: string,
  to: string,
  expand: (frontier: string[]) => Promise<WeightedEdge[]>,
  options: PathSearchOptions,
): Promise<WeightedEdge[] | null> {
  if (from === to) return [];
  const [start, goal] = [side(from), side(to)];
  while (start.level + goal.level < options.maxDepth && start.frontier.length > 0 && goal.frontier.length > 0) {
    // The smaller frontier is the cheaper one to step from.
    const [near, far] = start.frontier.length <= goal.frontier.length ? [start, goal] : [goal, start];
    const inFrontier = new Set(near.frontier);
    const edges = (await expand(near.frontier))
      .filter((e) => inFrontier.has(e.source))
      .sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    const meetings: { edge: WeightedEdge; length: number }[] = [];
    const next: string[] = [];
    for (const edge of edges) {
      const farDepth = far.depth.get(edge.target);
      if (farDepth !== undefined) {
        meetings.push({ edge, length: near.level + 1 + farDepth });
        continue;
      }
      if (near.reached.has(edge.target) || next.length >= options.frontierCap) continue;
      near.reached.set(edge.target, { via: edge.source, weight: edge.weight });
      near.depth.set(edge.target, near.level + 1);
      next.push(edge.target);
    }
    near.frontier = next;
    near.level += 1;
    if (meetings.length > 0) {
      const shortest = Math.min(...meetings.map((m) => m.length));
      const paths = meetings
        .filter((m) => m.length === shortest)
        .map(({ edge }) => {
          const path = [...towardsRoot(near, edge.source), edge, ...towardsRoot(far, edge.target).reverse().map(reversed)];
          return near === start ? path : path.reverse().map(reversed);
        });
      // The strongest weakest link, then the heaviest in all; paths come in edge order, so the first wins a tie.
      const strength = (path: WeightedEdge[]) => [Math.min(...path.map((e) => e.weight)), path.reduce((sum, e) => sum + e.weight, 0)] as const;
      return paths.reduce((best, path) => {
        const [a, b] = [strength(path), strength(best)];
        return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? path : best;
      });
    }
  }
  return null;
}
