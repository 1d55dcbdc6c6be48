// Analysts' merges and splits through the app, and re-extraction after a change of extractor: decisions and
// watchlist links survive, relative dates are read against the document's own date.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createVigil, type Vigil } from './app.js';
import { fixedClock } from './clock.js';
import { silentLogger } from './logger.js';
import { openBlobStore, openSqliteStore, type EntitySummary, type Store } from './store/index.js';

async function person(vigil: Vigil, pattern: RegExp): Promise<EntitySummary[]> {
  const page = await vigil.entities({ type: 'PERSON' }, { limit: 500 });
  return page.results.filter((e) => pattern.test(e.name) || e.aliases.some((a) => pattern.test(a)));
}

describe('analysts\u2019 decisions on entities', () => {
  let dir: string;
  let store: Store;
  let vigil: Vigil;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-entities-'));
    store = openSqliteStore(':memory:');
    vigil = createVigil({ store, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-01-02T03:04:05Z'), logger: silentLogger });
    // Fictional. The kunya "Abu Hajer" alone and the full name are one man only an analyst can tell.
    await writeFile(join(dir, 'a.txt'), 'Abu Hajer al-Iraqi paid the fighters in Mosul on 3 March 2017.\n');
    await writeFile(join(dir, 'b.txt'), 'The courier Hajer Awad Salim collected the money in Mosul.\n');
    await writeFile(join(dir, 'c.txt'), 'Abu Hajer al-Iraqi was seen in Raqqa. Abu Hajer al-Iraqi left for Hajin.\n');
    await vigil.ingest([dir]);
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('merges two entities, keeps the decision, and a re-extraction keeps them merged and the watchlist link', async () => {
    const [iraqi] = await person(vigil, /Abu Hajer al-Iraqi/);
    const [salim] = await person(vigil, /Hajer Awad Salim/);
    assert.ok(iraqi && salim && iraqi.id !== salim.id, 'two entities before the merge');
    const promoted = await vigil.promote(salim.id, 'local', 'analyst:ana');
    const result = await vigil.mergeEntities(iraqi.id, [salim.id], { actor: 'analyst:ana', note: 'same man, per source X' });
    assert.equal(result.target.id, iraqi.id);
    assert.ok(result.moved >= 1);
    assert.deepEqual((await vigil.entity(salim.id)).mergedInto, iraqi.id);
    const [decision] = await vigil.entityDecisions(iraqi.id);
    assert.deepEqual([decision?.kind, decision?.actor, decision?.note], ['merge', 'analyst:ana', 'same man, per source X']);

    const report = await vigil.reextract();
    assert.equal(report.interrupted, false);
    assert.equal(report.documents, 3);
    const after = await vigil.entity(iraqi.id);
    assert.ok(after.aliases.concat(after.name).includes('Hajer Awad Salim'), 'the merged spelling still resolves to the target');
    assert.equal(after.documents.length, 3);
    assert.deepEqual((await store.findWatchlistEntriesByEntity(iraqi.id)).map((e) => e.id), [promoted.entry.id]);
  });

  it('splits mentions off by document, and a re-extraction keeps them apart', async () => {
    const [iraqi] = await person(vigil, /Abu Hajer al-Iraqi/);
    assert.ok(iraqi);
    const documents = await vigil.documents({ limit: 10 });
    const c = documents.results.find((d) => d.path.endsWith('c.txt'))!;
    const result = await vigil.splitEntity(iraqi.id, { documents: [c.id] }, { actor: 'analyst:ana', note: 'a namesake' });
    assert.equal(result.moved, 2);
    assert.deepEqual(result.newEntity.documents, [c.id]);
    await vigil.reextract();
    assert.deepEqual((await vigil.entity(result.newEntity.id)).documents, [c.id]);
    assert.ok(!(await vigil.entity(iraqi.id)).documents.includes(c.id));
    assert.deepEqual((await vigil.entityDecisions()).map((d) => d.kind), ['merge', 'split']);
  });

  it('refuses to merge an entity into one it was merged into', async () => {
    const decisions = await vigil.entityDecisions();
    const merge = decisions.find((d) => d.kind === 'merge')!;
    assert.equal(merge.kind, 'merge');
    await assert.rejects(vigil.mergeEntities(merge.kind === 'merge' ? merge.merged : '', [merge.kind === 'merge' ? merge.target : '']), /merged into/);
  });

  it('keeps dates as mentions with ISO values, and the sentence of every mention', async () => {
    const doc = (await vigil.documents({ limit: 10 })).results.find((d) => d.path.endsWith('a.txt'))!;
    const mentions = await vigil.documentMentions(doc.id);
    const date = mentions.find((m) => m.type === 'DATE');
    assert.deepEqual([date?.text, date?.value], ['3 March 2017', '2017-03-03']);
    for (const m of mentions) assert.ok(m.sentence.start <= m.start && m.end <= m.sentence.end, JSON.stringify(m));
  });
});

describe('documents too long to extract', () => {
  it('stores a document over the limit, searchable, without entities, and records why; the others are extracted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-too-long-'));
    const store = openSqliteStore(':memory:');
    const vigil = createVigil({ store, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-01-02T03:04:05Z'), logger: silentLogger });
    try {
      await writeFile(join(dir, 'dump.txt'), `Abu Hajer al-Iraqi paid the fighters in Mosul. ${'Ledger line of payments. '.repeat(40)}\n`);
      await writeFile(join(dir, 'note.txt'), 'Abu Hajer al-Iraqi was seen in Raqqa.\n');
      const report = await vigil.ingest([dir], { maxExtractedCharacters: 500 });
      assert.equal(report.stored, 2);
      assert.deepEqual(report.notExtracted.map((n) => n.path), [join(dir, 'dump.txt')]);
      assert.match(report.notExtracted[0]!.reason, /dump\.txt: entities not extracted: its text of 1,048 characters is over the limit of 500/);
      const problems = await vigil.problems();
      assert.deepEqual(problems.map((p) => [p.path, p.kind]), [[join(dir, 'dump.txt'), 'not-extracted']]);
      const docs = (await vigil.documents({ limit: 10 })).results;
      const dump = docs.find((d) => d.path.endsWith('dump.txt'))!;
      const note = docs.find((d) => d.path.endsWith('note.txt'))!;
      assert.deepEqual(await vigil.documentMentions(dump.id), []);
      assert.ok((await vigil.documentMentions(note.id)).some((m) => m.text === 'Abu Hajer al-Iraqi'));
      const hits = await vigil.search({ query: 'ledger', limit: 10 });
      assert.deepEqual(hits.results.map((h) => h.id), [dump.id]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
