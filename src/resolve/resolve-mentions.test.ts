import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExtractedMention } from '../extract/index.js';
import { openSqliteStore, type DocumentRecord, type EntityType, type Store } from '../store/index.js';
import { seededRandom } from '../seeded-random.js';
import { decisionReplay, mergeDecision, splitDecision } from './decisions.js';
import { entityKeys, keysOfEntity, resolveMentions, type DocumentMentions } from './resolve-mentions.js';

const at = '2024-05-01T10:00:00.000Z';

/** A mention of `text` at its n-th occurrence (0-based) in `documentText`. */
function find(documentText: string, type: EntityType, text: string, extra: Partial<ExtractedMention> = {}, occurrence = 0): ExtractedMention {
  let start = documentText.indexOf(text);
  for (let n = 0; n < occurrence && start >= 0; n++) start = documentText.indexOf(text, start + 1);
  assert.ok(start >= 0, `fixture: "${text}" is not in "${documentText}" ${occurrence + 1} times`);
  return { type, text, start, end: start + text.length, confidence: 0.9, method: 'rule:test', ...extra };
}

interface FixtureDocument {
  id: string;
  text: string;
  mentions: ExtractedMention[];
}

function fixture(id: string, text: string, mentions: (text: string) => ExtractedMention[]): FixtureDocument {
  return { id, text, mentions: mentions(text) };
}

const toResolve = (docs: FixtureDocument[]): DocumentMentions[] => docs.map((d) => ({ documentId: d.id, mentions: d.mentions }));

/** Resolves the documents against the store and saves them as one source, as the ingest pipeline does. */
async function ingest(store: Store, sourceNumber: number, docs: FixtureDocument[]) {
  const resolved = await resolveMentions(toResolve(docs), store);
  const sha256 = sourceNumber.toString(16).padStart(64, '0');
  const path = `/haul/${sourceNumber}.txt`;
  const documents: DocumentRecord[] = docs.map((d, i) => ({
    id: d.id, sha256, size: d.text.length, path, mediaType: 'text/plain', ingestedAt: at, parentId: null, position: i,
    title: null, author: null, date: null, language: 'en', text: d.text, span: null, isLeaf: true, metadata: {},
  }));
  await store.saveIngestBatch({ source: { sha256, size: 1, path, mediaType: 'text/plain', ingestedAt: at }, documents, ...resolved });
  return resolved;
}

const tikriti = fixture('doc-a', 'Abu Khalid al-Tikriti met the courier in Mosul.', (t) => [find(t, 'PERSON', 'Abu Khalid al-Tikriti')]);
const tikritiVariant = fixture('doc-b', 'Payment from Abou Khaled el-Tikriti to the cell.', (t) => [find(t, 'PERSON', 'Abou Khaled el-Tikriti')]);
const raqqawi = fixture('doc-c', 'Abu Hamza al-Raqqawi ran the safe house.', (t) => [find(t, 'PERSON', 'Abu Hamza al-Raqqawi')]);
const sdf = fixture('doc-d', 'Fighters of the Syrian Democratic Forces (SDF) took the town; the SDF then withdrew.', (t) => [
  find(t, 'ORG', 'Syrian Democratic Forces'),
  find(t, 'ORG', 'SDF', { antecedent: 0, method: 'acronym' }),
  find(t, 'ORG', 'SDF', { antecedent: 0, method: 'acronym' }, 1),
]);
const phoneA = fixture('doc-e', 'Call +963 944 123 456 after dark.', (t) => [find(t, 'PHONE', '+963 944 123 456', { value: '+963944123456', method: 'pattern:phone' })]);
const phoneB = fixture('doc-f', 'New number: 0944-123-456 (Syria).', (t) => [find(t, 'PHONE', '0944-123-456', { value: '+963944123456', method: 'pattern:phone' })]);

describe('resolveMentions', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps apart places whose names are merely similar (Antep, Antwerp)', async () => {
    const antep = fixture('doc-antep', 'The courier waited in Antep for a week.', (t) => [find(t, 'LOCATION', 'Antep')]);
    const antwerp = fixture('doc-antwerp', 'His family in Antwerp sent money.', (t) => [find(t, 'LOCATION', 'Antwerp')]);
    const first = await ingest(store, 101, [antep]);
    const second = await ingest(store, 102, [antwerp]);
    assert.notEqual(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
    assert.equal(second.newEntities.length, 1);
  });

  it('gives two spellings of one person one entity once the first batch is saved', async () => {
    const first = await ingest(store, 1, [tikriti]);
    const second = await ingest(store, 2, [tikritiVariant]);
    assert.equal(first.newEntities.length, 1);
    assert.deepEqual(second.newEntities, []);
    assert.equal(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
    const person = await store.getEntity(first.mentions[0]!.entityId);
    assert.deepEqual(person?.documents, ['doc-a', 'doc-b']);
    assert.deepEqual([person?.name, ...(person?.aliases ?? [])].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
  });

  it('gives two spellings of one person one entity within one batch', async () => {
    const resolved = await resolveMentions(toResolve([tikriti, tikritiVariant]), store);
    assert.equal(resolved.newEntities.length, 1);
    assert.equal(new Set(resolved.mentions.map((m) => m.entityId)).size, 1);
  });

  it('gives the known aliases of a group one entity (ISIS, Daesh, Islamic State), across batches, and keeps other groups apart', async () => {
    const first = await ingest(store, 1, [fixture('doc-g', 'Daesh fighters and ISIS recruiters left.', (t) => [find(t, 'ORG', 'Daesh'), find(t, 'ORG', 'ISIS')])]);
    assert.equal(new Set(first.mentions.map((m) => m.entityId)).size, 1);
    const second = await ingest(store, 2, [
      fixture('doc-h', 'The Islamic State and Hezbollah both claimed it.', (t) => [find(t, 'ORG', 'Islamic State'), find(t, 'ORG', 'Hezbollah')]),
    ]);
    assert.equal(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
    assert.notEqual(second.mentions[1]!.entityId, first.mentions[0]!.entityId);
    const group = await store.getEntity(first.mentions[0]!.entityId);
    assert.deepEqual([group?.name, ...(group?.aliases ?? [])].sort(), ['Daesh', 'ISIS', 'Islamic State']);
  });

  it('gives every spelling of a place that links to one gazetteer record one entity, with its coordinates', async () => {
    const spellings = ['Deir ez-Zor', 'Dayr az-Zawr', 'Deir ez-Sor', 'دير الزور'];
    const docs = spellings.map((name, i) => fixture(`doc-p${i}`, `Fighters moved to ${name} at night.`, (t) => [find(t, 'LOCATION', name)]));
    const ids = new Set<string>();
    for (const [i, doc] of docs.entries()) ids.add((await ingest(store, 300 + i, [doc])).mentions[0]!.entityId);
    assert.equal(ids.size, 1);
    const place = (await store.getEntity([...ids][0]!))?.place;
    assert.equal(place?.country, 'SYR');
    assert.ok(Math.abs(place!.lat - 35.34) < 0.05 && Math.abs(place!.lon - 40.14) < 0.05, JSON.stringify(place));
    // A different town with a similar name is another place.
    const hafer = await ingest(store, 310, [fixture('doc-p9', 'They fled to Deir Hafer.', (t) => [find(t, 'LOCATION', 'Deir Hafer')])]);
    assert.ok(!ids.has(hafer.mentions[0]!.entityId));
  });

  it('gives a given name alone the entity of the one full name in the document it starts', async () => {
    const doc = fixture('doc-k', 'Karim Mansour ran the shop. Karim paid the rent.', (t) => [find(t, 'PERSON', 'Karim Mansour'), find(t, 'PERSON', 'Karim')]);
    const ids = (await ingest(store, 1, [doc])).mentions.map((m) => m.entityId);
    assert.equal(ids[1], ids[0]);
  });

  it('takes a known name of a group for the group even when the extractor typed it a person or a place', async () => {
    const doc = fixture('doc-da', 'Daesh fighters left; the Islamic State denied it.', (t) => [find(t, 'PERSON', 'Daesh'), find(t, 'LOCATION', 'Islamic State')]);
    const resolved = await ingest(store, 1, [doc]);
    assert.deepEqual(resolved.mentions.map((m) => m.type), ['ORG', 'ORG']);
    assert.equal(new Set(resolved.mentions.map((m) => m.entityId)).size, 1);
  });

  it('keeps clearly different people apart', async () => {
    const first = await ingest(store, 1, [tikriti]);
    const second = await ingest(store, 2, [raqqawi]);
    assert.equal(second.newEntities.length, 1);
    assert.notEqual(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
    assert.equal((await store.listEntities({ type: 'PERSON' }, { offset: 0, limit: 10 })).length, 2);
  });

  it('keeps apart people who share a kunya and given name but not a nisba', async () => {
    // Same lookup key ("hlt"), so the two are compared; the names still differ too much to be one person.
    const namesake = fixture('doc-i', 'Abu Khalid al-Raqqawi guarded the depot.', (t) => [find(t, 'PERSON', 'Abu Khalid al-Raqqawi')]);
    const first = await ingest(store, 1, [tikriti]);
    const second = await ingest(store, 2, [namesake]);
    assert.equal(second.newEntities.length, 1);
    assert.notEqual(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
  });

  it('gives an acronym the entity of the long form it abbreviates', async () => {
    const resolved = await ingest(store, 1, [sdf]);
    assert.deepEqual(resolved.newEntities.map((e) => e.firstName), ['Syrian Democratic Forces']);
    assert.equal(new Set(resolved.mentions.map((m) => m.entityId)).size, 1);
    const org = await store.getEntity(resolved.newEntities[0]!.id);
    assert.equal(org?.mentions, 3);
    assert.deepEqual(org?.aliases, ['Syrian Democratic Forces']);
    assert.equal(org?.name, 'SDF');
  });

  it('finds the entity of a bare acronym seen with its long form in an earlier batch', async () => {
    const first = await ingest(store, 1, [sdf]);
    const later = fixture('doc-g', 'The SDF checkpoint was moved.', (t) => [find(t, 'ORG', 'SDF')]);
    const second = await ingest(store, 2, [later]);
    assert.deepEqual(second.newEntities, []);
    assert.equal(second.mentions[0]!.entityId, first.newEntities[0]!.id);
  });

  it('makes one PHONE entity of the same number written two ways in two documents', async () => {
    const together = await resolveMentions(toResolve([phoneA, phoneB]), store);
    assert.equal(together.newEntities.length, 1);
    assert.equal(together.newEntities[0]!.type, 'PHONE');
    assert.equal(together.mentions[0]!.entityId, together.mentions[1]!.entityId);
    // And across batches, through the saved identifier key.
    const first = await ingest(store, 1, [phoneA]);
    const second = await ingest(store, 2, [phoneB]);
    assert.deepEqual(second.newEntities, []);
    assert.equal(second.mentions[0]!.entityId, first.mentions[0]!.entityId);
    assert.deepEqual(await store.summary().then((s) => s.entitiesByType), { PHONE: 1 });
  });

  it('does not merge a phone number with a person, nor different numbers', async () => {
    const other = fixture('doc-h', 'Call +963 955 000 111.', (t) => [find(t, 'PHONE', '+963 955 000 111', { value: '+963955000111' })]);
    const resolved = await resolveMentions(toResolve([phoneA, other, tikriti]), store);
    assert.equal(resolved.newEntities.length, 3);
  });

  it('keeps every mention with its document, offsets, confidence and method', async () => {
    const resolved = await resolveMentions(toResolve([tikriti, phoneA]), store);
    assert.deepEqual(
      resolved.mentions.map(({ entityId: _, ...rest }) => rest),
      [
        {
          documentId: 'doc-a', type: 'PERSON', text: 'Abu Khalid al-Tikriti', start: 0, end: 21, confidence: 0.9, method: 'rule:test',
          value: null, sentence: { start: 0, end: 21 },
        },
        {
          documentId: 'doc-e', type: 'PHONE', text: '+963 944 123 456', start: 5, end: 21, confidence: 0.9, method: 'pattern:phone',
          value: '+963944123456', sentence: { start: 5, end: 21 },
        },
      ],
    );
  });

  it('resolves values found by pattern (dates, sums) by their value, however written', async () => {
    const a = fixture('doc-v1', 'On 3 March 2018 he was paid $4,000.', (t) => [
      find(t, 'DATE', '3 March 2018', { value: '2018-03-03' }),
      find(t, 'MONEY', '$4,000', { value: 'USD 4000' }),
    ]);
    const b = fixture('doc-v2', 'Paid 2018-03-03: US$4000, and again on 4 March 2018.', (t) => [
      find(t, 'DATE', '2018-03-03', { value: '2018-03-03' }),
      find(t, 'MONEY', 'US$4000', { value: 'USD 4000' }),
      find(t, 'DATE', '4 March 2018', { value: '2018-03-04' }),
    ]);
    const first = await ingest(store, 1, [a]);
    const second = await ingest(store, 2, [b]);
    assert.deepEqual(second.mentions.slice(0, 2).map((m) => m.entityId), first.mentions.map((m) => m.entityId));
    assert.deepEqual(second.newEntities.map((e) => e.type), ['DATE']);
  });

  it('gives a short form of a name in the same document the full name’s entity ("Silo", "Mr. Trump")', async () => {
    const doc = fixture('doc-s', 'Talal Silo defected in 2017. Donald Trump spoke later. Silo said little; Mr. Trump said more.', (t) => [
      find(t, 'PERSON', 'Talal Silo'),
      find(t, 'PERSON', 'Donald Trump'),
      find(t, 'PERSON', 'Silo'),
      find(t, 'PERSON', 'Mr. Trump'),
    ]);
    const resolved = await ingest(store, 1, [doc]);
    const ids = resolved.mentions.map((m) => m.entityId);
    assert.equal(ids[2], ids[0]);
    assert.equal(ids[3], ids[1]);
    assert.notEqual(ids[0], ids[1]);
    assert.equal(resolved.newEntities.length, 2);
  });

  it('leaves a short form alone when two different people in the document could be meant', async () => {
    const doc = fixture('doc-t', 'Ahmed Hassan and Omar Hassan met. Hassan paid.', (t) => [
      find(t, 'PERSON', 'Ahmed Hassan'),
      find(t, 'PERSON', 'Omar Hassan'),
      find(t, 'PERSON', 'Hassan'),
    ]);
    const ids = (await ingest(store, 1, [doc])).mentions.map((m) => m.entityId);
    assert.equal(new Set(ids).size, 3);
  });

  it('resolves a bare name written so for two people by the company it keeps in the document', async () => {
    const iraqi = fixture('doc-h1', 'Abu Hajer al-Iraqi and Abu Hajer ran the Mosul office with Khalid Salman.', (t) => [
      find(t, 'PERSON', 'Abu Hajer al-Iraqi'), find(t, 'PERSON', 'Abu Hajer'), find(t, 'LOCATION', 'Mosul'), find(t, 'PERSON', 'Khalid Salman'),
    ]);
    const suri = fixture('doc-h2', 'Abu Hajer al-Suri, known as Abu Hajer, trained recruits in Idlib.', (t) => [
      find(t, 'PERSON', 'Abu Hajer al-Suri'), find(t, 'PERSON', 'Abu Hajer'), find(t, 'LOCATION', 'Idlib'),
    ]);
    const first = await ingest(store, 1, [iraqi, suri]);
    const [iraqiId, suriId] = [first.mentions[0]!.entityId, first.mentions[4]!.entityId];
    assert.notEqual(iraqiId, suriId);
    const inMosul = fixture('doc-h3', 'In Mosul, Abu Hajer paid Khalid Salman.', (t) => [find(t, 'LOCATION', 'Mosul'), find(t, 'PERSON', 'Abu Hajer'), find(t, 'PERSON', 'Khalid Salman')]);
    const inIdlib = fixture('doc-h4', 'Abu Hajer was seen in Idlib.', (t) => [find(t, 'PERSON', 'Abu Hajer'), find(t, 'LOCATION', 'Idlib')]);
    const nowhere = fixture('doc-h5', 'Abu Hajer called twice.', (t) => [find(t, 'PERSON', 'Abu Hajer')]);
    const later = await ingest(store, 2, [inMosul, inIdlib, nowhere]);
    assert.equal(later.mentions[1]!.entityId, iraqiId);
    assert.equal(later.mentions[3]!.entityId, suriId);
    assert.ok(![iraqiId, suriId].includes(later.mentions[5]!.entityId), 'without company to go by, a bare kunya is nobody in particular');
  });

  it('finds a bare name by its folded spelling, as a short form wrote it before ("Abou Hajer", "Abu Hajer")', async () => {
    const iraqi = fixture('doc-f1', 'Abu Hajer al-Iraqi ran the office. Abu Hajer paid.', (t) => [find(t, 'PERSON', 'Abu Hajer al-Iraqi'), find(t, 'PERSON', 'Abu Hajer', {}, 1)]);
    const first = await ingest(store, 1, [iraqi]);
    const variant = fixture('doc-f2', 'Abou Hajer called twice.', (t) => [find(t, 'PERSON', 'Abou Hajer')]);
    const later = await ingest(store, 2, [variant]);
    assert.equal(later.mentions[0]!.entityId, first.mentions[0]!.entityId);
  });

  it('looks a bare name up by its spelling, never reading every entity that shares its key ("Haddad", "… Haddad")', async () => {
    const given = ['Ahmed', 'Omar', 'Khalid', 'Yusuf', 'Karim', 'Mahmoud', 'Samir', 'Tariq', 'Walid', 'Ziad'];
    const haddads = given.map((name, i) => fixture(`doc-hd${i}`, `${name} Haddad crossed at night.`, (t) => [find(t, 'PERSON', `${name} Haddad`)]));
    await ingest(store, 1, haddads);
    const bare = fixture('doc-hd-bare', 'Haddad was seen at the border.', (t) => [find(t, 'PERSON', 'Haddad')]);
    const read: string[] = [];
    const lookup = {
      findEntityCandidates: async (...args: Parameters<Store['findEntityCandidates']>) => {
        const found = await store.findEntityCandidates(...args);
        read.push(...found.map((c) => c.names[0]!));
        return found;
      },
      sharedCompany: (...args: Parameters<Store['sharedCompany']>) => store.sharedCompany(...args),
    };
    const resolved = await resolveMentions(toResolve([bare]), lookup);
    assert.deepEqual(read, []);
    assert.equal(resolved.newEntities.length, 1);
    // A person once written "Haddad" alone is found, and only that one.
    await ingest(store, 2, [bare]);
    read.length = 0;
    const again = await resolveMentions(toResolve([fixture('doc-hd-again', 'Hadad paid.', (t) => [find(t, 'PERSON', 'Hadad')])]), lookup);
    assert.deepEqual(read, ['Haddad']);
    assert.equal(again.mentions[0]!.entityId, resolved.mentions[0]!.entityId);
  });

  it('replays an analyst’s merge: a later mention resolved to the merged entity goes to the target', async () => {
    const first = await ingest(store, 1, [tikriti, raqqawi]);
    const [tikritiId, raqqawiId] = first.mentions.map((m) => m.entityId);
    await store.mergeEntities(mergeDecision(tikritiId!, raqqawiId!, 'analyst:ana', at));
    const replay = decisionReplay(await store.entityDecisions());
    const again = fixture('doc-r2', 'Abu Hamza al-Raqqawi returned.', (t) => [find(t, 'PERSON', 'Abu Hamza al-Raqqawi')]);
    const resolved = await resolveMentions(toResolve([again]), store, { decisions: replay });
    assert.equal(resolved.mentions[0]!.entityId, tikritiId);
    assert.deepEqual(resolved.newEntities, []);
    // Without the decisions (a store-less run) the same mention would have made its own entity again.
    const blind = await resolveMentions(toResolve([again]), openSqliteStore(':memory:'));
    assert.equal(blind.mentions[0]!.entityId, raqqawiId);
  });

  it('replays an analyst’s split: mentions the split selects go to the new entity, others stay', async () => {
    const first = await ingest(store, 1, [tikriti, tikritiVariant]);
    const personId = first.mentions[0]!.entityId;
    const split = splitDecision(personId, { names: ['Abou Khaled el-Tikriti'], documents: [] }, 'analyst:ana', at);
    const replay = decisionReplay([split]);
    const resolved = await resolveMentions(toResolve([tikriti, tikritiVariant]), store, { decisions: replay });
    assert.deepEqual(resolved.mentions.map((m) => m.entityId), [personId, split.newEntity]);
    assert.deepEqual(resolved.newEntities, []);
  });

  it('gives the same entity ids for the same input', async () => {
    const docs = toResolve([tikriti, raqqawi, sdf, phoneA]);
    const other = openSqliteStore(':memory:');
    try {
      assert.deepEqual(await resolveMentions(docs, store), await resolveMentions(docs, other));
    } finally {
      await other.close();
    }
  });

  it('gives a bare name no context tells apart the entity it made before, and does not count it as new again', async () => {
    // The second "Abu Hamza" of each text is the short form of the full name before it.
    const raqqawi = fixture('d-raqqawi', 'Abu Hamza al-Raqqawi paid them. Abu Hamza left at night.', (t) => [find(t, 'PERSON', 'Abu Hamza al-Raqqawi'), find(t, 'PERSON', 'Abu Hamza', {}, 1)]);
    const masri = fixture('d-masri', 'Abu Hamza al-Masri preached. Abu Hamza was arrested.', (t) => [find(t, 'PERSON', 'Abu Hamza al-Masri'), find(t, 'PERSON', 'Abu Hamza', {}, 1)]);
    await ingest(store, 1, [raqqawi]);
    await ingest(store, 2, [masri]);
    const bare = fixture('d-bare', 'Abu Hamza was seen.', (t) => [find(t, 'PERSON', 'Abu Hamza')]);
    const first = await ingest(store, 3, [bare]);
    assert.equal(first.newEntities.length, 1, 'two people are written "Abu Hamza": the bare one is neither');
    const again = await resolveMentions(toResolve([bare]), store);
    assert.deepEqual(again.newEntities, []);
    assert.equal(again.mentions[0]!.entityId, first.newEntities[0]!.id);
  });

  it('returns lookup keys for every entity it resolved, once each', async () => {
    const resolved = await resolveMentions(toResolve([tikriti, tikritiVariant, phoneA, phoneB]), store);
    const person = resolved.mentions[0]!.entityId;
    const phone = resolved.mentions[2]!.entityId;
    assert.deepEqual(
      [...resolved.entityKeys].sort((a, b) => a.key.localeCompare(b.key)),
      [
        { entityId: phone, type: 'PHONE', key: '+963944123456' },
        { entityId: person, type: 'PERSON', key: 'hlt' },
        { entityId: person, type: 'PERSON', key: 'tkrt' },
      ],
    );
  });
});

describe('resolveMentions on a document naming many people', () => {
  // Distinct two-word names that all share one given name, as a captured payroll of "Muhammad …" would.
  const random = seededRandom(7);
  const letters = 'bdfghjklmnprstvwz';
  const vowels = 'aeiou';
  const family = () => {
    let word = '';
    for (let n = 0; n < 4; n++) word += letters[Math.floor(random() * letters.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    return word[0]!.toUpperCase() + word.slice(1);
  };
  function payroll(people: number): DocumentMentions {
    const mentions: ExtractedMention[] = [];
    let offset = 0;
    for (let i = 0; i < people; i++) {
      const text = `Muhammad ${family()}`;
      mentions.push({ type: 'PERSON', text, start: offset, end: offset + text.length, confidence: 0.9, method: 'rule:test' });
      offset += text.length + 2;
    }
    return { documentId: `payroll-${people}`, mentions };
  }
  async function milliseconds(people: number): Promise<{ ms: number; entities: number }> {
    const store = openSqliteStore(':memory:');
    const doc = payroll(people);
    const start = performance.now();
    const resolved = await resolveMentions([doc], store);
    const ms = performance.now() - start;
    await store.close();
    return { ms, entities: resolved.newEntities.length };
  }

  it('keeps distinct names apart, in time that grows linearly with the names (4× the names, well under 8× the time)', async () => {
    await milliseconds(500); // warm-up
    const small = Math.min((await milliseconds(2_000)).ms, (await milliseconds(2_000)).ms);
    const large = await milliseconds(8_000);
    // Not one "Muhammad" for all: most stay apart (random family names close enough to be one spelling of the
    // other, "Bazomile" and "Basomile", are joined, as they should be).
    assert.ok(large.entities > 6_000, `${large.entities} entities`);
    // Compared with every entity made before it, each name took 16× the time at 4× the names.
    assert.ok(large.ms / small < 8, `8,000 names took ${(large.ms / small).toFixed(1)}× the time of 2,000`);
  });
});

describe('entityKeys', () => {
  it('keys a stored person by the folded spelling of each bare name it was written under, for re-keying', () => {
    const keys = keysOfEntity({ id: 'e_silo', type: 'PERSON', name: 'Talal Silo', aliases: ['Silo', 'Mr. Silo'] }).map((k) => k.key);
    // "Silo" and "Mr. Silo" fold alike (a title is no name word, "o" and "u" one vowel); "Talal Silo" is no bare name.
    assert.deepEqual(keys.filter((k) => k.startsWith('spelling:')), ['spelling:silu']);
    assert.deepEqual(keys.filter((k) => !k.startsWith('spelling:')).sort(), ['sl', 'tl']);
  });

  it('keys an identifier by its normalised value', () => {
    assert.deepEqual(entityKeys({ type: 'PHONE', text: '0944-123-456', value: '+963944123456' }), ['+963944123456']);
    assert.deepEqual(entityKeys({ type: 'PASSPORT', text: 'n 0123456', value: 'N0123456' }), ['N0123456']);
  });

  it('keys an identifier without a value by its text, lower-cased and without spaces', () => {
    assert.deepEqual(entityKeys({ type: 'EMAIL', text: 'Abu.Khalid @ Example.org' }), ['abukhalidexampleorg']);
  });

  it('keys a name by the skeletons of its identity-bearing tokens, the same for both spellings', () => {
    assert.deepEqual(entityKeys({ type: 'PERSON', text: 'Abu Khalid al-Tikriti' }), ['hlt', 'tkrt']);
    assert.deepEqual(entityKeys({ type: 'PERSON', text: 'Abou Khaled el-Tikriti' }), ['hlt', 'tkrt']);
  });

  it('never keys a name by a connector such as abu', () => {
    assert.ok(!entityKeys({ type: 'PERSON', text: 'Abu Hamza al-Raqqawi' }).includes('ab'));
  });

  it('still keys a name of connectors only, the same for both spellings', () => {
    const keys = entityKeys({ type: 'PERSON', text: 'Abu' });
    assert.equal(keys.length, 1);
    assert.notEqual(keys[0], '');
    assert.deepEqual(entityKeys({ type: 'PERSON', text: 'Abou' }), keys);
  });
});
