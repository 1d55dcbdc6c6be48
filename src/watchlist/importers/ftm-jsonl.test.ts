import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { fixturePath } from './fixture-paths.js';
import { parseFtmJsonLines } from './ftm-jsonl.js';

const fixture = (name: string) => readFileSync(fixturePath('ftm', name), 'utf8');

describe('parseFtmJsonLines', () => {
  it('reads the fixture entities into the expected entries and problems', () => {
    assert.deepEqual(parseFtmJsonLines(fixture('input.jsonl')), JSON.parse(fixture('expected.json')));
  });

  it('converts FtM alpha-2 country codes, including the ones for former states, to alpha-3', () => {
    const line = JSON.stringify({ id: 'p', schema: 'Person', properties: { name: ['A B'], nationality: ['ir', 'XK', 'suhh'] } });
    assert.deepEqual(parseFtmJsonLines(line).entries[0]?.nationalities, ['IRN', 'XKX', 'SUN']);
  });

  it('reads Windows line endings', () => {
    const text = ['{"id":"a","schema":"Person","properties":{"name":["A B"]}}', '{"id":"b","schema":"Person","properties":{"name":["C D"]}}', ''].join('\r\n');
    assert.deepEqual(parseFtmJsonLines(text).entries.map((e) => e.name), ['A B', 'C D']);
  });

  it('refuses a line that is not JSON, naming the file and line', () => {
    const text = '{"id":"a","schema":"Person","properties":{"name":["A B"]}}\n\n{"id":"b", "schema": "Person",\n';
    assert.throws(
      () => parseFtmJsonLines(text, { source: 'entities.ftm.json' }),
      (error: unknown) =>
        error instanceof VigilError && error.kind === 'input' && error.code === 'watchlist.import-syntax' && error.message.startsWith('entities.ftm.json line 3: not JSON'),
    );
  });
});
