import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secondsOption, sizeOption } from './context.js';

describe('size and seconds flags', () => {
  it('reads sizes in bytes, binary and decimal units, and the bare binary letters', () => {
    assert.equal(sizeOption('4096'), 4096);
    assert.equal(sizeOption('512MiB'), 512 * 2 ** 20);
    assert.equal(sizeOption('2 GB'), 2e9);
    assert.equal(sizeOption('16G'), 16 * 2 ** 30);
    assert.equal(sizeOption('1.5k'), 1536);
  });

  it('refuses what is not a size, naming what would be', () => {
    for (const bad of ['huge', '12 parsecs', '-5MiB', '', '0']) assert.throws(() => sizeOption(bad), /size|at least one byte/, bad);
  });

  it('reads seconds as milliseconds and refuses nothing, zero and words', () => {
    assert.equal(secondsOption('90'), 90_000);
    assert.equal(secondsOption('0.25'), 250);
    for (const bad of ['0', '-3', 'soon', ' ']) assert.throws(() => secondsOption(bad), /seconds above 0/, bad);
  });
});
