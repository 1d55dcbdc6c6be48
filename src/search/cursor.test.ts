import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import { decodeCursor, encodeCursor, maxPageSize, pageSize } from './cursor.js';

function isInputError(code: string) {
  return (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.code === code;
}

describe('page cursors', () => {
  it('decode to the offset they were encoded with, for the same scope', () => {
    for (const offset of [0, 1, 20, 123_456]) {
      assert.equal(decodeCursor(encodeCursor(offset, 'search:khalid'), 'search:khalid'), offset);
    }
  });

  it('start at the first page when there is no cursor', () => {
    assert.equal(decodeCursor(undefined, 'search:khalid'), 0);
    assert.equal(decodeCursor('', 'search:khalid'), 0);
  });

  it('refuse a cursor issued for another query', () => {
    const cursor = encodeCursor(20, 'search:khalid');
    assert.throws(() => decodeCursor(cursor, 'search:mosul'), isInputError('paging.bad-cursor'));
    assert.throws(() => decodeCursor(cursor, 'documents'), isInputError('paging.bad-cursor'));
  });

  it('refuse garbage, naming the cursor and how to start again', () => {
    assert.throws(
      () => decodeCursor('not-a-cursor', 'documents'),
      (error: unknown) => isInputError('paging.bad-cursor')(error) && /"not-a-cursor".*without --cursor/.test((error as Error).message),
    );
  });

  it('refuse a well-formed cursor whose offset is negative or fractional', () => {
    const forge = (o: unknown) => Buffer.from(JSON.stringify({ o, s: JSON.parse(Buffer.from(encodeCursor(0, 'documents'), 'base64url').toString()).s })).toString('base64url');
    assert.equal(decodeCursor(forge(5), 'documents'), 5);
    for (const o of [-1, 2.5, '5', null]) assert.throws(() => decodeCursor(forge(o), 'documents'), isInputError('paging.bad-cursor'));
  });
});

describe('pageSize', () => {
  it('uses the fallback when no limit is given', () => {
    assert.equal(pageSize(undefined, 20), 20);
  });

  it('accepts whole numbers from 1 to the maximum', () => {
    assert.equal(pageSize(1, 20), 1);
    assert.equal(pageSize(maxPageSize, 20), maxPageSize);
  });

  it('refuses limits out of range, naming the limit and the range', () => {
    for (const limit of [0, -3, maxPageSize + 1, 2.5, Number.NaN]) {
      assert.throws(
        () => pageSize(limit, 20),
        (error: unknown) => isInputError('paging.bad-limit')(error) && (error as Error).message.includes(`limit ${limit} `) && (error as Error).message.includes(`1 to ${maxPageSize}`),
      );
    }
  });
});
