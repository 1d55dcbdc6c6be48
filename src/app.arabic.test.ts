// Arabic prose beside English reporting, through ingest: the people and places named in an Arabic document are
// found, and each is one entity with its English spellings.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createVigil, type Vigil } from './app.js';
import { fixedClock } from './clock.js';
import { silentLogger } from './logger.js';
import { openBlobStore, openSqliteStore } from './store/index.js';

describe('Arabic prose in the haul', () => {
  let dir: string;
  let vigil: Vigil;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-arabic-'));
    // Fictional, but for a name of public record. A statement in Arabic, and a report in English.
    await writeFile(join(dir, 'statement.txt'), 'بيان\n\nقال أبو بكر البغدادي إن مقاتلي التنظيم سيواصلون القتال في دير الزور والموصل.\n');
    await writeFile(join(dir, 'report.txt'), 'Report\n\nAbu Bakr al-Baghdadi was said to be near Deir ez-Zor, far from Mosul.\n');
    vigil = createVigil({ store: openSqliteStore(':memory:'), blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger });
    await vigil.ingest([dir], { workers: 0, ocr: null });
  });
  after(async () => {
    await vigil.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the person and the places in the Arabic text and makes each one entity with its English spelling', async () => {
    const entities = (await vigil.entities({}, { limit: 100 })).results;
    const named = (pattern: RegExp) => entities.filter((e) => pattern.test(e.name) || e.aliases.some((a) => pattern.test(a)));
    const baghdadi = named(/Baghdadi|البغدادي/);
    assert.equal(baghdadi.length, 1, `one entity: ${JSON.stringify(baghdadi.map((e) => [e.name, e.aliases]))}`);
    assert.deepEqual([baghdadi[0]!.name, ...baghdadi[0]!.aliases].sort(), ['Abu Bakr al-Baghdadi', 'أبو بكر البغدادي'].sort());
    assert.equal(baghdadi[0]!.documents.length, 2);
    for (const place of [/Deir ez-Zor|دير الزور/, /Mosul|الموصل/]) {
      const found = named(place);
      assert.equal(found.length, 1, `${place}: ${JSON.stringify(found.map((e) => [e.name, e.aliases]))}`);
      assert.equal(found[0]!.type, 'LOCATION');
      assert.equal(found[0]!.documents.length, 2);
    }
  });
});
