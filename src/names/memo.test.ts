import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoiseString } from './memo.js';

describe('memoiseString', () => {
  it('calls the function once per short string and gives the same answer', () => {
    let calls = 0;
    const upper = memoiseString((s: string) => (calls++, s.toUpperCase()), 10, 5);
    assert.equal(upper('abc'), 'ABC');
    assert.equal(upper('abc'), 'ABC');
    assert.equal(calls, 1);
  });

  it('never remembers strings longer than the bound', () => {
    let calls = 0;
    const upper = memoiseString((s: string) => (calls++, s.toUpperCase()), 10, 5);
    upper('abcdefgh');
    upper('abcdefgh');
    assert.equal(calls, 2);
  });

  it('forgets everything once the limit is reached, and still answers right', () => {
    let calls = 0;
    const double = memoiseString((s: string) => (calls++, s + s), 2, 10);
    double('a');
    double('b');
    double('c'); // clears a and b
    assert.equal(calls, 3);
    assert.equal(double('a'), 'aa');
    assert.equal(calls, 4);
    assert.equal(double('c'), 'cc');
    assert.equal(calls, 4);
  });
});
