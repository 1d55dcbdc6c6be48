import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { ParsedDocument } from '../parser.js';
import { jsonDocumentsParser } from './json-documents.js';

const path = '/haul/json/wire-digest.json';

async function parseJson(json: string): Promise<ParsedDocument[]> {
  const bytes = new TextEncoder().encode(json);
  const docs: ParsedDocument[] = [];
  for await (const doc of jsonDocumentsParser.parse(bytes, { path, mediaType: 'application/json', size: bytes.byteLength })) docs.push(doc);
  return docs;
}

/** Asserts that parsing fails with a VigilError of `code` whose message matches every pattern. */
async function assertRejects(json: string, code: string, ...patterns: RegExp[]): Promise<void> {
  await assert.rejects(parseJson(json), (error: unknown) => {
    assert.ok(error instanceof VigilError, String(error));
    assert.equal(error.kind, 'input');
    assert.equal(error.code, code);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('jsonDocumentsParser', () => {
  it('reads one document object', async () => {
    const docs = await parseJson(JSON.stringify({
      title: 'CTFC bulletin 16/09',
      author: 'Counter-Terrorism Finance Cell',
      date: 'September 14, 2016',
      source: 'ctfc.example.org',
      url: 'https://ctfc.example.org/b/16-09',
      language: 'en',
      text: 'Cash couriers on the Al-Bukamal route.\r\nSecond line.',
    }));
    assert.deepEqual(docs, [{
      title: 'CTFC bulletin 16/09',
      author: 'Counter-Terrorism Finance Cell',
      date: '2016-09-14',
      language: 'en',
      text: 'Cash couriers on the Al-Bukamal route.\nSecond line.',
      metadata: { source: 'ctfc.example.org', url: 'https://ctfc.example.org/b/16-09' },
    }]);
  });

  it('reads a {"documents": [...]} collection in order, missing fields as null', async () => {
    const docs = await parseJson(JSON.stringify({ documents: [{ text: 'first' }, { title: 'Second', date: '2018-06', text: 'second' }] }));
    assert.deepEqual(docs, [
      { title: null, author: null, date: null, language: null, text: 'first', metadata: {} },
      { title: 'Second', author: null, date: '2018-06', language: null, text: 'second', metadata: {} },
    ]);
  });

  it('names the file and the bad field when a record in a collection has the wrong shape', async () => {
    await assertRejects(JSON.stringify({ documents: [{ text: 'ok' }, { text: 5 }] }), 'ingest.json-shape', /^\/haul\/json\/wire-digest\.json: /, /documents\.1\.text/);
  });

  it('names an unknown field', async () => {
    await assertRejects(JSON.stringify({ documents: [{ text: 'ok' }, { txt: 'typo' }] }), 'ingest.json-shape', /documents\.1/, /"txt"/);
    await assertRejects(JSON.stringify({ text: 'ok', body: 'extra' }), 'ingest.json-shape', /"body"/);
  });

  it('says what a language code should look like', async () => {
    await assertRejects(JSON.stringify({ text: 'x', language: 'English' }), 'ingest.json-shape', /language: a language code such as "en" or "ar"/);
  });

  it('refuses an empty collection and a bare array', async () => {
    await assertRejects(JSON.stringify({ documents: [] }), 'ingest.json-shape', /documents/);
    await assertRejects('[]', 'ingest.json-shape', /^\/haul\/json\/wire-digest\.json: not a Vigil JSON document/);
  });

  it('refuses a date that is not a date, quoting it', async () => {
    await assertRejects(JSON.stringify({ documents: [{ text: 'a' }, { text: 'b', date: 'someday' }] }), 'ingest.json-date', /: documents\[1\]\.date "someday" is not a date$/);
  });

  it('says how to have a phone export not named as one read as one', async () => {
    await assertRejects(JSON.stringify({ device: {}, vigilPhoneExport: 1 }), 'ingest.json-shape', /: a Vigil phone export; name it NAME\.phone\.json, or put "vigilPhoneExport" first/);
  });

  it('refuses text that is not JSON, naming the file', async () => {
    await assertRejects('{"text": "a",}', 'ingest.json-syntax', /^\/haul\/json\/wire-digest\.json: not valid JSON/);
  });

  it('refuses a NUL character in the text', async () => {
    await assertRejects(JSON.stringify({ text: 'a\u0000b' }), 'ingest.binary', /wire-digest\.json/);
  });
});
