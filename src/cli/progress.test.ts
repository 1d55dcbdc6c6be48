import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createProgress } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  out.isTTY = isTTY;
  out.columns = 60;
  return { out, chunks };
}

describe('progress bar', () => {
  it('draws a bar with counts on a terminal, redrawing in place, and clears it when done', () => {
    const { out, chunks } = stream(true);
    let now = 0;
    const progress = createProgress(out, () => now);
    progress.update(0, 4, '/haul/a.txt');
    now += 100;
    progress.update(2, 4, '/haul/b.txt');
    now += 100;
    progress.update(4, 4, '');
    progress.finish();
    assert.equal(chunks.length, 4);
    assert.match(chunks[1]!, /^\r\u001b\[2K\[#{12}\.{12}\] 2\/4 \/haul\/b\.txt$/);
    assert.equal(chunks[3], '\r\u001b[2K');
  });

  it('shortens long paths from the left to fit the terminal', () => {
    const { out, chunks } = stream(true);
    createProgress(out, () => 0).update(1, 2, '/very/long/path/'.repeat(10) + 'last.txt');
    const line = chunks[0]!.replace('\r\u001b[2K', '');
    assert.ok(line.length < 60);
    assert.match(line, /….*last\.txt$/);
  });

  it('throttles redraws but always draws completion', () => {
    const { out, chunks } = stream(true);
    const progress = createProgress(out, () => 1000);
    progress.update(1, 3, 'a');
    progress.update(2, 3, 'b');
    progress.update(3, 3, '');
    assert.equal(chunks.length, 2);
  });

  it('writes nothing when the output is not a terminal', () => {
    const { out, chunks } = stream(false);
    const progress = createProgress(out);
    progress.update(1, 2, 'a');
    progress.finish();
    assert.deepEqual(chunks, []);
  });
});
