// Gives every extracted mention an entity: the antecedent's entity for acronyms and short forms of a name,
// else an existing entity whose names compare closely enough (same blocking key or same spelling),
// else a new entity; then analysts' merges and splits are replayed over the result. Values found by pattern
// (phones, e-mails, passports, dates, sums…) resolve by their normalised value.
import { createHash } from 'node:crypto';
import type { ExtractedMention } from '../extract/index.js';
import { memoiseString, nameBlockingKey, nameTokenKeys, normaliseText } from '../names/index.js';
import { CandidatePool, foldedName } from './candidate-pool.js';
import { knownAliasKey } from './known-aliases.js';
import { entityTypes, type EntityCandidate, type EntityKeyRecord, type EntityRecord, type EntitySummary, type EntityType, type MentionRecord, type Store } from '../store/index.js';
import { noDecisions, type DecisionReplay } from './decisions.js';
import { placeContextOf, placeIdentity, type PlaceIdentity } from './places.js';
import { isBarePersonName, sameEntityScore } from './same-entity.js';
import { linkShortForms } from './within-document.js';

export type EntityLookup = Pick<Store, 'findEntityCandidates' | 'sharedCompany'>;

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



/**
 * The version of the rules behind `entityKeys` for names. Raise it whenever a change to the name keys
 * (skeletons, folds, particles) would give a stored name a different key, so stores written before are re-keyed.
 */
export const entityKeyVersion = 6;

/** The entity types whose keys come from the name rules, and so change with `entityKeyVersion`. */
export const nameKeyedTypes: EntityType[] = ['PERSON', 'ORG', 'LOCATION'];

/** Every other type is a value found by pattern (a phone, a date, a sum) and resolves by that value alone. */
const identifierTypes = new Set<EntityType>(entityTypes.filter((t) => !nameKeyedTypes.includes(t)));

/** The lookup keys of a stored entity under the current rules: those of every surface form it was seen under. */
export function keysOfEntity(entity: Pick<EntitySummary, 'id' | 'type' | 'name' | 'aliases'>): EntityKeyRecord[] {
  const own = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) {
    for (const key of entityKeys({ type: entity.type, text: name })) own.add(key);
    // Places stored before they could be linked get their gazetteer key, so new spellings find them.
    const place = entity.type === 'LOCATION' ? placeIdentity({ type: entity.type, text: name }) : null;
    if (place) own.add(place.key);
    if (entity.type === 'PERSON' && isBarePersonName(name)) own.add(spellingKey(name));
  }
  return [...own].map((key) => ({ entityId: entity.id, type: entity.type, key }));
}

/** A document names the same people many times over, and a haul the same people in many documents. */
const tokenKeysOf = memoiseString(nameTokenKeys, 100_000);

/** Lookup keys for a mention: its identifier value, or the skeletons of its name tokens. Never change the list. */
export function entityKeys(mention: Pick<ExtractedMention, 'type' | 'text' | 'value'>): readonly string[] {
  if (identifierTypes.has(mention.type)) return [mention.value ?? normaliseText(mention.text).replace(/ /g, '')];
  // A known alias ("ISIS", "Daesh") is looked up under its group, whatever it is spelt like.
  const alias = knownAliasKey(mention.type, mention.text);
  if (alias) return [alias];
  const keys = tokenKeysOf(mention.text);
  return keys.length > 0 ? keys : [nameBlockingKey(mention.text) || normaliseText(mention.text)];
}

/**
 * The key a bare name ("Haddad", "Abou Hajer") is looked up by: its folded spelling, which only the entities once
 * written so (or as "Abu Hajer", "Haddād") carry. By its name-token key it met every "… Haddad" in the store, a
 * number that grew with the store, to keep only those written the same way.
 */
function spellingKey(text: string): string {
  return `spelling:${foldedName(text)}`;
}

const isSpellingKey = (key: string) => key.startsWith('spelling:');

/** A stored candidate as resolution compares it: by its name and value keys, never by its spelling keys. */
function withoutSpellingKeys(candidate: EntityCandidate): EntityCandidate {
  return candidate.keys.some(isSpellingKey) ? { ...candidate, keys: candidate.keys.filter((k) => !isSpellingKey(k)) } : candidate;
}

function entityId(type: EntityType, key: string, text: string): string {
  return 'e_' + createHash('sha256').update(`${type}\u0000${key}\u0000${normaliseText(text)}`).digest('hex').slice(0, 16);
}

function sharesAliasGroup(mention: ExtractedMention, candidate: EntityCandidate): boolean {
  const alias = knownAliasKey(mention.type, mention.text);
  return alias !== null && candidate.names.some((name) => knownAliasKey(candidate.type, name) === alias);
}

function sharedKeys(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const k of a) if (b.includes(k)) n++;
  return n;
}

function bestCandidate(mention: ExtractedMention, keys: readonly string[], candidates: EntityCandidate[]): EntityCandidate | null {
  let best: EntityCandidate | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    if (candidate.type !== mention.type) continue;
    let score: number;
    if (identifierTypes.has(mention.type)) score = candidate.keys.includes(keys[0]!) ? 1 : 0;
    else if (candidate.names.includes(mention.text)) score = 1;
    else if (sharesAliasGroup(mention, candidate)) score = 1;
    // Names of two or more identity words that share one key only ("Muhammad") are other people: not compared.
    else if (sharedKeys(keys, candidate.keys) < Math.min(2, keys.length, candidate.keys.length)) score = 0;
    else score = Math.max(0, ...candidate.names.map((name) => sameEntityScore(mention.type, mention.text, name)));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const threshold = identifierTypes.has(mention.type) ? 1 : (sameEntityThreshold[mention.type] ?? 0.9);
  return bestScore >= threshold ? best : null;
}

function exactCandidates(text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const folded = foldedName(text);
  const same = candidates.filter((c) => c.names.includes(text) || c.names.some((n) => foldedName(n) === folded));
  return [...new Map(same.map((c) => [c.id, c])).values()];
}

function uniqueExact(text: string, candidates: EntityCandidate[]): EntityCandidate | undefined {
  const exact = exactCandidates(text, candidates);
  return exact.length === 1 ? exact[0] : undefined;
}

/**
 * "Haddad", "Abu Hajer": only an entity already written exactly so. When several are, the one whose documents name
 * the most of the entities this document names (more than any other); else none, and the name stays on its own.
 */
async function bareNameCandidate(text: string, candidates: EntityCandidate[], context: Set<string>, lookup: EntityLookup): Promise<string | undefined> {
  const exact = exactCandidates(text, candidates);
  if (exact.length <= 1) return exact[0]?.id;
  if (context.size === 0) return undefined;
  const company = await lookup.sharedCompany(exact.map((c) => c.id), [...context]);
  const shared = exact
    .map((c) => ({ id: c.id, shared: company[c.id] ?? 0 }))
    .sort((a, b) => b.shared - a.shared);
  return shared[0]!.shared > 0 && shared[0]!.shared > shared[1]!.shared ? shared[0]!.id : undefined;
}

export interface ResolveOptions {
  /** Analysts' merges and splits, replayed over every mention (see decisions.ts). */
  decisions?: DecisionReplay;
}

export async function resolveMentions(documents: DocumentMentions[], lookup: EntityLookup, options: ResolveOptions = {}): Promise<ResolvedMentions> {
  const decisions = options.decisions ?? noDecisions;
  const newEntities: EntityRecord[] = [];
  const created = new Map<string, EntityCandidate>(); // entities made in this batch, with names seen so far
  const createdByType = new Map<EntityType, CandidatePool>();
  const mentions: MentionRecord[] = [];
  const keyRecords: EntityKeyRecord[] = [];
  const keysSeen = new Set<string>();
  const addKeys = (id: string, type: EntityType, keys: readonly string[]) => {
    for (const k of keys) {
      const record = `${id}\u0000${k}`;
      if (keysSeen.has(record)) continue;
      keysSeen.add(record);
      keyRecords.push({ entityId: id, type, key: k });
    }
  };
  for (const doc of documents) {
    // Copies, so that linking short forms never changes the caller's mentions.
    const docMentions = doc.mentions.map((m) => ({ ...m }));
    // A known name of a group ("Daesh", "Islamic State") is that group, whatever type the extractor guessed.
    for (const m of docMentions) if ((m.type === 'PERSON' || m.type === 'LOCATION') && knownAliasKey('ORG', m.text)) m.type = 'ORG';
    const { ambiguous } = linkShortForms(docMentions);
    // Places: gazetteer identity first. A place that links is keyed by its record, whatever the spelling.
    const placeContext = placeContextOf(docMentions.filter((m) => m.type === 'LOCATION'));
    const placeOfText = new Map<string, PlaceIdentity | null>();
    const placeOf = (text: string) => {
      let place = placeOfText.get(text);
      if (place === undefined) placeOfText.set(text, (place = placeIdentity({ type: 'LOCATION', text }, placeContext)));
      return place;
    };
    const places = docMentions.map((m) => (m.type === 'LOCATION' ? placeOf(m.text) : null));
    const keys = docMentions.map((m, i) => (places[i] ? [places[i].key] : entityKeys(m)));
    // Bare names ("Haddad", "Abu Hajer") last: which of several people written so they are depends on who
    // else this document names, so every other mention is resolved first.
    const bare = new Set<number>();
    docMentions.forEach((m, index) => {
      if (m.type === 'PERSON' && m.antecedent === undefined && isBarePersonName(m.text)) bare.add(index);
    });
    // One store query per type for the whole document.
    const known = new Map<EntityType, EntityCandidate[]>();
    for (const type of new Set(docMentions.map((m) => m.type))) {
      const ofType = docMentions.map((m, i) => ({ m, key: bare.has(i) ? [spellingKey(m.text)] : keys[i]! })).filter((x) => x.m.type === type);
      // Values are looked up by value alone: "yesterday" is a different date in every document.
      const names = identifierTypes.has(type) ? [] : [...new Set(ofType.map((x) => x.m.text))];
      // A name of several identity words is compared only with entities sharing two of its keys (see bestCandidate):
      // those are read in one query, the keys of one-word names in another (bare names' by their spelling key).
      const several = [...new Set(ofType.filter((x) => x.key.length >= 2).flatMap((x) => x.key))];
      const single = [...new Set(ofType.filter((x) => x.key.length < 2).flatMap((x) => x.key))];
      const found = [
        ...(several.length > 0 && !identifierTypes.has(type) ? await lookup.findEntityCandidates(type, several, [], 2) : []),
        ...(await lookup.findEntityCandidates(type, identifierTypes.has(type) ? [...several, ...single] : single, names)),
      ];
      known.set(type, [...new Map(found.map((c) => [c.id, withoutSpellingKeys(c)])).values()]);
    }
    const knownById = new Map([...known.values()].flat().map((c) => [c.id, c]));
    const knownPools = new Map([...known].map(([type, candidates]) => [type, new CandidatePool(candidates)]));
    /** The entities of this type, stored before or made in this batch, that a mention with these keys and text may be. */
    const near = (type: EntityType, keys: readonly string[], text: string | null) => [
      ...(knownPools.get(type)?.near(keys, text) ?? []),
      ...(createdByType.get(type)?.near(keys, text) ?? []),
    ];
    // Within a document the same spelling of the same type is the same entity: compared once.
    const byText = new Map<string, string | undefined>();
    const resolved: (string | undefined)[] = [];
    const visiting = new Set<number>();
    const resolveAt = (index: number): string => {
      const already = resolved[index];
      if (already !== undefined) return already;
      const mention = docMentions[index]!;
      const key = keys[index]!;
      visiting.add(index);
      // An acronym or a short form takes its antecedent's entity (resolved first, wherever it stands).
      const antecedent = mention.antecedent;
      let id = antecedent !== undefined && antecedent !== index && !visiting.has(antecedent) && docMentions[antecedent]?.type === mention.type
        ? resolveAt(antecedent)
        : undefined;
      const place = places[index];
      let textKey: string | null = null;
      if (id === undefined && !ambiguous.has(index)) {
        // A linked place is the entity of its gazetteer record, and only that one.
        if (place) id = near(mention.type, [place.key], null).find((c) => c.keys.includes(place.key))?.id;
        else if (!bare.has(index)) {
          textKey = `${mention.type}\u0000${mention.text}`;
          id = byText.has(textKey) ? byText.get(textKey) : bestCandidate(mention, key, near(mention.type, key, mention.text))?.id;
        }
        // Reached before the bare names' turn (another name points at it): without context, only a unique spelling.
        else id = bareNameEntity.has(index) ? bareNameEntity.get(index) : uniqueExact(mention.text, near('PERSON', key, mention.text))?.id;
      }
      let isNew = false;
      if (id === undefined) {
        id = entityId(mention.type, key.join(' '), mention.text);
        // The entity this spelling made on its own before (a namesake no context told apart) is not a new one.
        isNew = !created.has(id) && !knownById.has(id);
      }
      // Its entity before any analyst's decision, which is the mention's own to take.
      if (textKey !== null) byText.set(textKey, id);
      const decided = decisions.entityFor(id, mention.text, doc.documentId);
      if (decided !== id) {
        // An analyst said this mention belongs elsewhere: it never makes an entity of its own.
        id = decided;
        isNew = false;
      }
      if (isNew) {
        newEntities.push({ id, type: mention.type, firstName: mention.text, ...(place ? { place: place.place } : {}) });
        const candidate = { id, type: mention.type, keys: [...key], names: [mention.text] };
        created.set(id, candidate);
        const ofType = createdByType.get(mention.type) ?? new CandidatePool();
        ofType.add(candidate);
        createdByType.set(mention.type, ofType);
      }
      // The spelling joins the entity's names, where later mentions compare with them.
      const local = created.get(id);
      if (local) createdByType.get(local.type)?.addName(local, mention.text);
      const knownCandidate = knownById.get(id);
      if (knownCandidate) knownPools.get(knownCandidate.type)?.addName(knownCandidate, mention.text);
      // A bare spelling ("Silo", short for "Talal Silo") is also its entity's spelling key, for bare names to come.
      addKeys(id, mention.type, mention.type === 'PERSON' && isBarePersonName(mention.text) ? [...key, spellingKey(mention.text)] : key);
      visiting.delete(index);
      resolved[index] = id;
      return id;
    };
    const bareNameEntity = new Map<number, string | undefined>();
    docMentions.forEach((_, index) => {
      if (!bare.has(index)) resolveAt(index);
    });
    const context = new Set(resolved.filter((id): id is string => id !== undefined));
    // The same context for every bare name of the document: each spelling is weighed once.
    const bareByText = new Map<string, string | undefined>();
    for (const index of bare) {
      const { text } = docMentions[index]!;
      if (!bareByText.has(text)) bareByText.set(text, await bareNameCandidate(text, near('PERSON', keys[index]!, text), context, lookup));
      bareNameEntity.set(index, bareByText.get(text));
    }
    docMentions.forEach((mention, index) => {
      const id = resolveAt(index);
      mentions.push({
        documentId: doc.documentId,
        entityId: id,
        type: mention.type,
        text: mention.text,
        start: mention.start,
        end: mention.end,
        confidence: mention.confidence,
        method: mention.method,
        value: mention.value ?? null,
        sentence: mention.sentence ?? { start: mention.start, end: mention.end },
      });
    });
  }
  return { mentions, newEntities, entityKeys: keyRecords };
}
