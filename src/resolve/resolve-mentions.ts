// Gives every extracted mention an entity: the antecedent's entity for acronyms and partial names,
// else an existing entity whose names compare closely enough (same blocking key or same spelling),
// else a new entity. Identifiers (phones, e-mails, passports) resolve by their normalised value.
import { createHash } from 'node:crypto';
import type { ExtractedMention } from '../extract/index.js';
import { compareNames, nameBlockingKey, nameTokenKeys, normaliseText } from '../names/index.js';
import { knownAliasKey } from './known-aliases.js';
import type { EntityCandidate, EntityKeyRecord, EntityRecord, EntitySummary, EntityType, MentionRecord, Store } from '../store/index.js';

export type EntityLookup = Pick<Store, 'findEntityCandidates'>;

export interface DocumentMentions {
  documentId: string;
  mentions: ExtractedMention[];
}

export interface ResolvedMentions {
  mentions: MentionRecord[];
  newEntities: EntityRecord[];
  entityKeys: EntityKeyRecord[];
}

/** Lowest name score at which two spellings are taken as one entity, per type. */
const sameEntityThreshold: Partial<Record<EntityType, number>> = { PERSON: 0.9, ORG: 0.9, LOCATION: 0.88 };

const identifierTypes = new Set<EntityType>(['PHONE', 'EMAIL', 'PASSPORT']);

/**
 * The version of the rules behind `entityKeys` for names. Raise it whenever a change to the name keys
 * (skeletons, folds, particles) would give a stored name a different key, so stores written before are re-keyed.
 */
export const entityKeyVersion = 4;

/** The entity types whose keys come from the name rules, and so change with `entityKeyVersion`. */
export const nameKeyedTypes: EntityType[] = ['PERSON', 'ORG', 'LOCATION'];

/** The lookup keys of a stored entity under the current rules: those of every surface form it was seen under. */
export function keysOfEntity(entity: Pick<EntitySummary, 'id' | 'type' | 'name' | 'aliases'>): EntityKeyRecord[] {
  const own = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) for (const key of entityKeys({ type: entity.type, text: name })) own.add(key);
  return [...own].map((key) => ({ entityId: entity.id, type: entity.type, key }));
}

/** Lookup keys for a mention: its identifier value, or the skeletons of its name tokens. */
export function entityKeys(mention: Pick<ExtractedMention, 'type' | 'text' | 'value'>): string[] {
  if (identifierTypes.has(mention.type)) return [mention.value ?? normaliseText(mention.text).replace(/ /g, '')];
  // A known alias ("ISIS", "Daesh") is looked up under its group, whatever it is spelt like.
  const alias = knownAliasKey(mention.type, mention.text);
  if (alias) return [alias];
  const keys = nameTokenKeys(mention.text);
  return keys.length > 0 ? keys : [nameBlockingKey(mention.text) || normaliseText(mention.text)];
}

function entityId(type: EntityType, key: string, text: string): string {
  return 'e_' + createHash('sha256').update(`${type}\u0000${key}\u0000${normaliseText(text)}`).digest('hex').slice(0, 16);
}

/**
 * The name score, counted only when at least one token agrees exactly or as a known spelling variant:
 * a merely similar word ("Antep" / "Antwerp") is not evidence enough to make two entities one.
 */
function sameEntityScore(a: string, b: string): number {
  const comparison = compareNames(a, b);
  const anchored = comparison.matches.some((m) => m.kind === 'exact' || m.kind === 'spelling-variant');
  return anchored ? comparison.score : 0;
}

function sharesAliasGroup(mention: ExtractedMention, candidate: EntityCandidate): boolean {
  const alias = knownAliasKey(mention.type, mention.text);
  return alias !== null && candidate.names.some((name) => knownAliasKey(candidate.type, name) === alias);
}

function bestCandidate(mention: ExtractedMention, keys: string[], candidates: EntityCandidate[]): EntityCandidate | null {
  let best: EntityCandidate | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    if (candidate.type !== mention.type) continue;
    let score: number;
    if (identifierTypes.has(mention.type)) score = candidate.keys.includes(keys[0]!) ? 1 : 0;
    else if (candidate.names.includes(mention.text)) score = 1;
    else if (sharesAliasGroup(mention, candidate)) score = 1;
    else score = Math.max(0, ...candidate.names.map((name) => sameEntityScore(mention.text, name)));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const threshold = identifierTypes.has(mention.type) ? 1 : (sameEntityThreshold[mention.type] ?? 0.9);
  return bestScore >= threshold ? best : null;
}

export async function resolveMentions(documents: DocumentMentions[], lookup: EntityLookup): Promise<ResolvedMentions> {
  const newEntities: EntityRecord[] = [];
  const created = new Map<string, EntityCandidate>(); // entities made in this batch, with names seen so far
  const mentions: MentionRecord[] = [];
  const keyRecords: EntityKeyRecord[] = [];
  const keysSeen = new Set<string>();
  for (const doc of documents) {
    const keys = doc.mentions.map(entityKeys);
    // One store query per type for the whole document.
    const known = new Map<EntityType, EntityCandidate[]>();
    for (const type of new Set(doc.mentions.map((m) => m.type))) {
      const ofType = doc.mentions.map((m, i) => ({ m, key: keys[i]! })).filter((x) => x.m.type === type);
      known.set(type, await lookup.findEntityCandidates(type, [...new Set(ofType.flatMap((x) => x.key))], [...new Set(ofType.map((x) => x.m.text))]));
    }
    const resolved: string[] = [];
    doc.mentions.forEach((mention, index) => {
      const key = keys[index]!;
      const antecedent = mention.antecedent !== undefined ? resolved[mention.antecedent] : undefined;
      let id = antecedent;
      if (id === undefined) {
        const pool = [...(known.get(mention.type) ?? []), ...[...created.values()].filter((c) => c.type === mention.type)];
        id = bestCandidate(mention, key, pool)?.id;
      }
      if (id === undefined) {
        id = entityId(mention.type, key.join(' '), mention.text);
        if (!created.has(id)) {
          newEntities.push({ id, type: mention.type, firstName: mention.text });
          created.set(id, { id, type: mention.type, keys: key, names: [mention.text] });
        }
      }
      const local = created.get(id);
      if (local && !local.names.includes(mention.text)) local.names.push(mention.text);
      const knownCandidate = known.get(mention.type)?.find((c) => c.id === id);
      if (knownCandidate && !knownCandidate.names.includes(mention.text)) knownCandidate.names.push(mention.text);
      for (const k of key) {
        const record = `${id}\u0000${k}`;
        if (!keysSeen.has(record)) {
          keysSeen.add(record);
          keyRecords.push({ entityId: id, type: mention.type, key: k });
        }
      }
      resolved[index] = id;
      mentions.push({
        documentId: doc.documentId,
        entityId: id,
        type: mention.type,
        text: mention.text,
        start: mention.start,
        end: mention.end,
        confidence: mention.confidence,
        method: mention.method,
      });
    });
  }
  return { mentions, newEntities, entityKeys: keyRecords };
}
