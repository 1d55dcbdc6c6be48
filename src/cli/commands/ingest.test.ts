import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IngestReport } from '../../ingest/index.js';
import { failuresByReason, progressLabel } from './ingest.js';

describe('ingest progress label', () => {
  it('shows bytes done of all, the rate and the time left, then the file', () => {
    const label = progressLabel({ done: 3, total: 10, bytesDone: 50 * 2 ** 20, bytesTotal: 200 * 2 ** 20, path: '/haul/box.zip' }, 10);
    assert.equal(label, '50.0 MiB of 200 MiB · 5.0 MiB/s · 30 s left  /haul/box.zip');
  });
  it('says nothing of rate or time before the first bytes are read', () => {
    assert.equal(progressLabel({ done: 0, total: 2, bytesDone: 0, bytesTotal: 4096, path: '/haul/a.txt' }, 0), '0 bytes of 4.0 KiB  /haul/a.txt');
  });
  it('gives long runs in minutes and hours', () => {
    assert.match(progressLabel({ done: 1, total: 9, bytesDone: 2 ** 30, bytesTotal: 40 * 2 ** 30, path: 'x' }, 600), /· 6\.5 h left/);
  });
});

describe('failuresByReason', () => {
  it('counts failures by code, most common first', () => {
    const failed = ['ingest.corrupt', 'ingest.encrypted', 'ingest.encrypted'].map((code, i) => ({ path: `/h/${i}`, reason: 'r', code }));
    assert.deepEqual(Object.entries(failuresByReason({ failed } as IngestReport)), [['ingest.encrypted', 2], ['ingest.corrupt', 1]]);
  });
});
