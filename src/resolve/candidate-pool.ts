// The entities a mention may be compared with, found by what they share with it instead of by reading them all.
// Resolution compared every mention with every entity made earlier in the batch: a document naming 50,000 people
// made over a billion comparisons. A candidate can only score as the same entity if it is written the same way
// (folded), shares the mention's alias group, or shares min(2, its keys, the mention's keys) lookup keys (see
// bestCandidate in resolve-mentions.ts); the pool is indexed so that `near` returns every such candidate and few others.
import { memoiseString } from '../names/index.js';
import type { EntityCandidate } from '../store/index.js';
import { knownAliasKey } from './known-aliases.js';
import { tokeniseName } from './same-entity.js';

/** Folded tokens: "Abou Hajer" and "Abu Hajer", "Al-Qahtani" and "al-Qahtani" are written the same way here. */
export const foldedName = memoiseString((text: string): string => tokeniseName(text).map((t) => t.folded).join(' '));

export class CandidatePool {
  /** Candidates of one key, which one shared key is enough for. */
  private readonly oneKey = new Map<string, Set<EntityCandidate>>();
  /** Candidates of several keys, which must share two with a mention of several. */
  private readonly severalKeys = new Map<string, Set<EntityCandidate>>();
  private readonly byFoldedName = new Map<string, Set<EntityCandidate>>();
  /** The order candidates joined the pool: ties between equally good ones go to the first, as they always did. */
  private readonly order = new Map<EntityCandidate, number>();

  constructor(candidates: Iterable<EntityCandidate> = []) {
    for (const candidate of candidates) this.add(candidate);
  }

  add(candidate: EntityCandidate): void {
    if (this.order.has(candidate)) return;
    this.order.set(candidate, this.order.size);
    const index = candidate.keys.length >= 2 ? this.severalKeys : this.oneKey;
    for (const key of candidate.keys) put(index, key, candidate);
    for (const name of candidate.names) this.indexName(candidate, name);
  }

  /** Records another spelling of a candidate (in the pool or not yet). */
  addName(candidate: EntityCandidate, name: string): void {
    if (candidate.names.includes(name)) return;
    candidate.names.push(name);
    if (this.order.has(candidate)) this.indexName(candidate, name);
  }

  /** By its folded spelling, and by its alias group: a name of the group makes the candidate that group's. */
  private indexName(candidate: EntityCandidate, name: string): void {
    put(this.byFoldedName, foldedName(name), candidate);
    const alias = knownAliasKey(candidate.type, name);
    if (alias) put(this.oneKey, alias, candidate);
  }

  /**
   * Every candidate that may be the entity of a mention with these lookup keys and this text, in the order they
   * joined. A candidate of several keys sharing two of the mention's shares one other than the mention's most common
   * key, so that key's candidates of several keys (every "Muhammad …") are not read.
   */
  near(keys: readonly string[], text: string | null): EntityCandidate[] {
    const found = new Set<EntityCandidate>();
    for (const key of keys) for (const c of this.oneKey.get(key) ?? []) found.add(c);
    if (keys.length === 1) for (const c of this.severalKeys.get(keys[0]!) ?? []) found.add(c);
    else if (keys.length > 1) {
      const sizes = keys.map((k) => this.severalKeys.get(k)?.size ?? 0);
      const commonest = sizes.indexOf(Math.max(...sizes));
      keys.forEach((key, i) => {
        if (i !== commonest) for (const c of this.severalKeys.get(key) ?? []) found.add(c);
      });
    }
    if (text !== null) for (const c of this.byFoldedName.get(foldedName(text)) ?? []) found.add(c);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

function put(index: Map<string, Set<EntityCandidate>>, key: string, candidate: EntityCandidate): void {
  const set = index.get(key);
  if (set) set.add(candidate);
  else index.set(key, new Set([candidate]));
}
