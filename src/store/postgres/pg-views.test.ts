// What the PostgreSQL views do their own way and the contract only touches: snippets shaped as the SQLite store's,
// query text that is tsquery syntax, hyphenated words, and spellings saved after a name search has run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { all, entity, mention, term, textBatch } from '../store.contract-fixtures.js';
import type { TextQuery } from '../records.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './postgres-store.js';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const skip = postgresSkipReason();
const greek = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');
/** `count` Greek letters with "courier" at `at`, ending with a full stop. */
const words = (count: number, at: number) => Array.from({ length: count }, (_, i) => (i === at ? 'courier' : greek[i % greek.length])).join(' ') + '.';
const prefixQuery = (...words: string[]): TextQuery => ({ clauses: [{ alternatives: [{ words, prefix: true }], negated: false }] });

describe('PostgreSQL views beside SQLite', { skip: skip ?? false }, () => {
  let cluster: ThrowawayCluster;
  let pg: Store;
  let sqlite: Store;
  before(async () => {
    cluster = await startThrowawayCluster();
    pg = await openPostgresStore(await cluster.createDatabase());
    sqlite = openSqliteStore(':memory:');
    const batch = textBatch(1, [words(80, 40), words(80, 2), 'Short courier text, with the Courier twice.', 'nothing here', "O'Brien met al-Baghdadi & co | !x at 10:30"]);
    batch.documents[3]!.title = 'The courier report';
    for (const store of [pg, sqlite]) await store.saveIngestBatch(batch);
  });
  after(async () => {
    await pg?.close();
    await sqlite?.close();
    await cluster?.stop();
  });

  it('gives the snippets and highlights the SQLite store gives: cut with … mid-text, whole when short, from the title when only it matches', async () => {
    const snippets = async (store: Store) =>
      (await store.searchDocuments(all('courier'), { offset: 0, limit: 10 })).hits.map((h) => [h.id, h.snippet, h.highlights]).sort();
    assert.deepEqual(await snippets(pg), await snippets(sqlite));
  });

  it('takes tsquery operators and quotes in the query as text to find, never as syntax', async () => {
    const found = async (query: TextQuery) => (await pg.searchDocuments(query, { offset: 0, limit: 10 })).hits.map((h) => h.id);
    assert.deepEqual(await found(all("O'Brien")), ['d1-4']);
    assert.deepEqual(await found(all('!x')), ['d1-4']);
    assert.deepEqual(await found(all('10:30')), ['d1-4']);
    for (const hostile of ["'):* | !", '& |', '\\']) {
      assert.deepEqual(await found(all(hostile)), []);
      assert.deepEqual(await found(prefixQuery(hostile)), []);
    }
  });

  it('finds a hyphenated word by its parts and by a prefix, as SQLite does', async () => {
    for (const store of [pg, sqlite]) {
      const found = async (query: TextQuery) => (await store.searchDocuments(query, { offset: 0, limit: 10 })).hits.map((h) => h.id);
      assert.deepEqual(await found(prefixQuery('al-bagh')), ['d1-4']);
      assert.deepEqual(await found(all('al baghdadi')), ['d1-4']);
      assert.deepEqual(await found({ clauses: [{ alternatives: [term('al-bagh')], negated: false }] }), []);
    }
  });

  it('finds spellings saved after an earlier name search folded the others', async () => {
    const batch = (n: number, id: string, name: string) => {
      const b = textBatch(n, [`${name} was seen.`], `n${n}`);
      return { ...b, newEntities: [entity(id, 'PERSON', name)], mentions: [mention(`n${n}-0`, id, 'PERSON', name, 0)] };
    };
    await pg.saveIngestBatch(batch(2, 'e-one', 'Ḥamza Yūsuf'));
    assert.deepEqual((await pg.findEntitiesByName('hamza', {}, { offset: 0, limit: 10 })).map((e) => e.id), ['e-one']);
    await pg.saveIngestBatch(batch(3, 'e-two', 'Hamzah Yusuf'));
    assert.deepEqual((await pg.findEntitiesByName('YUSUF', {}, { offset: 0, limit: 10 })).map((e) => e.id).sort(), ['e-one', 'e-two']);
  });

  it('folds new spellings once when several searches arrive together, and each finds them', async () => {
    const b = textBatch(4, ['A list of names.'], 'n4');
    const names = Array.from({ length: 40 }, (_, i) => `Zubayr Qāsim ${i}`);
    await pg.saveIngestBatch({
      ...b,
      newEntities: names.map((name, i) => entity(`e-z${i}`, 'PERSON', name)),
      mentions: names.map((name, i) => mention('n4-0', `e-z${i}`, 'PERSON', name, 0)),
    });
    const found = await Promise.all(Array.from({ length: 5 }, () => pg.findEntitiesByName('qasim', {}, { offset: 0, limit: 100 })));
    for (const entities of found) assert.equal(entities.length, 40);
  });
});
