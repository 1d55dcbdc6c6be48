// The co-mention graph read from the store: an entity's related entities, the network around seed entities, and
// a shortest path between two. Two entities are linked by each leaf document that mentions both; the weight of
// the link is the number of such documents. Ranking and the path search are plain logic over the store's counts.
import { entityTypes, valueEntityTypes, type EntityType, type Scope, type Store } from '../store/index.js';
import { defaultFrontierCap, shortestPath, type WeightedEdge } from './shortest-path.js';

/** How two entities are linked. Relations stated in the text ("X paid Y") will be kinds of their own. */
export type LinkKind = 'co-mention';

export interface NetworkNode {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions and documents in the scope (and date range). */
  mentions: number;
  documents: number;
  /** One of the entities the network was asked around. */
  seed: boolean;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Documents mentioning both. */
  weight: number;
  kind: LinkKind;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface RelatedEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Documents mentioning both. */
  documents: number;
  /** Its mentions in those documents. */
  mentions: number;
}

export interface NetworkRequest {
  entities: string[];
  /** Neighbours besides the seeds (default 40). */
  limit?: number;
  /** Types of neighbours (default: every type but values — dates, sums, counts). */
  types?: EntityType[];
  from?: string;
  to?: string;
  /** Links over fewer documents than this are left out (default 1). */
  minWeight?: number;
}

export interface PathRequest {
  from: string;
  to: string;
  /** The most links on the path (default 4). */
  maxDepth?: number;
  /** Types the path may pass through (default: every type but values); its two ends are always allowed. */
  types?: EntityType[];
}

export interface EntityPath {
  /** From `from` to `to`; null when no path of at most maxDepth links was found. */
  path: { id: string; name: string; type: EntityType }[] | null;
  edges: NetworkEdge[];
}

/** Types linked by default: values such as dates are in nearly every document and would link everyone to everyone. */
export const linkedTypes: readonly EntityType[] = entityTypes.filter((t) => !valueEntityTypes.includes(t));

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The `limit` heaviest of `weights`, ties broken by name: only the names of the ties at the cut are asked for,
 * since a hub's neighbours sharing one document run into thousands.
 */
export async function heaviest(weights: Map<string, number>, limit: number, namesOf: (ids: string[]) => Promise<Map<string, string>>): Promise<string[]> {
  const ranked = [...weights].sort(([a, x], [b, y]) => y - x || byId(a, b));
  if (ranked.length <= limit) return orderByWeightThenName(ranked, await namesOf(ranked.map(([id]) => id)));
  const cut = ranked[limit - 1]![1];
  const above = ranked.filter(([, w]) => w > cut);
  const tied = ranked.filter(([, w]) => w === cut);
  const names = await namesOf([...above, ...tied].map(([id]) => id));
  return orderByWeightThenName([...above, ...orderByWeightThenName(tied, names).slice(0, limit - above.length).map((id) => [id, cut] as [string, number])], names);
}

function orderByWeightThenName(entries: [string, number][], names: Map<string, string>): string[] {
  return [...entries]
    .sort(([a, x], [b, y]) => y - x || (names.get(a) ?? '').localeCompare(names.get(b) ?? '') || byId(a, b))
    .map(([id]) => id);
}

const namesFrom = (store: Store, scope: Scope) => async (ids: string[]) =>
  new Map((await store.entityActivity(ids, {}, scope)).map((a) => [a.id, a.name]));

/** Entities mentioned with `id`, most shared documents first, then by name. */
export async function relatedEntities(store: Store, id: string, options: { limit?: number; types?: EntityType[] }, scope: Scope): Promise<RelatedEntity[]> {
  const links = await store.coMentions([id], { types: options.types ?? [...linkedTypes] }, scope);
  const byOther = new Map(links.map((l) => [l.to, l]));
  const names = new Map<string, string>();
  const chosen = await heaviest(new Map(links.map((l) => [l.to, l.documents])), options.limit ?? 20, async (ids) => {
    for (const [k, v] of await namesFrom(store, scope)(ids)) names.set(k, v);
    return names;
  });
  return chosen.map((other) => {
    const l = byOther.get(other)!;
    return { id: other, name: names.get(other) ?? '', type: l.type, documents: l.documents, mentions: l.mentions };
  });
}

/** The seeds, their heaviest neighbours, and every link among all of them. */
export async function entityNetwork(store: Store, request: NetworkRequest, scope: Scope): Promise<Network> {
  const seeds = [...new Set(request.entities)];
  const range = { from: request.from, to: request.to };
  const minWeight = request.minWeight ?? 1;
  const links = await store.coMentions(seeds, { ...range, types: request.types ?? [...linkedTypes] }, scope);
  // A neighbour of several seeds weighs what it shares with all of them.
  const weights = new Map<string, number>();
  for (const l of links) {
    if (seeds.includes(l.to) || l.documents < minWeight) continue;
    weights.set(l.to, (weights.get(l.to) ?? 0) + l.documents);
  }
  const neighbours = await heaviest(weights, request.limit ?? 40, namesFrom(store, scope));
  const ids = [...seeds, ...neighbours];
  const edges = (await store.coMentions(ids, { ...range, among: ids }, scope))
    .filter((l) => l.from < l.to && l.documents >= minWeight)
    .map((l): NetworkEdge => ({ source: l.from, target: l.to, weight: l.documents, kind: 'co-mention' }))
    .sort((a, b) => b.weight - a.weight || byId(a.source, b.source) || byId(a.target, b.target));
  const activity = new Map((await store.entityActivity(ids, range, scope)).map((a) => [a.id, a]));
  const nodes = ids.flatMap((id): NetworkNode[] => {
    const a = activity.get(id);
    return a ? [{ id, name: a.name, type: a.type, mentions: a.mentions, documents: a.documents, seed: seeds.includes(id) }] : [];
  });
  return { nodes, edges };
}

/** A shortest chain of co-mentions from one entity to another, heaviest links preferred among equals. */
export async function entityPath(store: Store, request: PathRequest, scope: Scope): Promise<EntityPath> {
  const ends = await store.entityActivity([request.from, request.to], {}, scope);
  const types = [...new Set([...(request.types ?? linkedTypes), ...ends.map((e) => e.type)])];
  const expand = async (frontier: string[]): Promise<WeightedEdge[]> =>
    (await store.coMentions(frontier, { types }, scope)).map((l) => ({ source: l.from, target: l.to, weight: l.documents }));
  const found = await shortestPath(request.from, request.to, expand, { maxDepth: request.maxDepth ?? 4, frontierCap: defaultFrontierCap });
  if (found === null) return { path: null, edges: [] };
  const ids = found.length === 0 ? [request.from] : [found[0]!.source, ...found.map((e) => e.target)];
  const named = new Map((await store.entityActivity(ids, {}, scope)).map((a) => [a.id, a]));
  return {
    path: ids.map((id) => ({ id, name: named.get(id)?.name ?? '', type: named.get(id)!.type })),
    edges: found.map((e) => ({ source: e.source, target: e.target, weight: e.weight, kind: 'co-mention' })),
  };
}
