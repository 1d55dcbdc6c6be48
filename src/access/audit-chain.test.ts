import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuditChainVerifier, canonicalJson, sealAuditEvent, type AuditRecord } from './audit-chain.js';

function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    records.push(sealAuditEvent({ at: `2026-12-04T10:00:0${i}Z`, actor: 'user:omar', action: 'screen', target: null, outcome: 'ok', details: { hits: [`w_${i}`], traveller: 'AL-TIKRITI KHALID' } }, records[i - 1] ?? null));
  }
  return records;
}

function verify(records: AuditRecord[]): AuditChainVerifier {
  const verifier = new AuditChainVerifier();
  // Fed in two pages, as the command reads it.
  verifier.check(records.slice(0, 2));
  verifier.check(records.slice(2));
  return verifier;
}

describe('audit chain', () => {
  it('accepts the chain as written and names its head', () => {
    const records = chain(5);
    const verifier = verify(records);
    assert.equal(verifier.problem, null);
    assert.equal(verifier.records, 5);
    assert.deepEqual(verifier.head, { seq: 5, hash: records[4]!.hash });
  });

  it('finds a record edited after it was written', () => {
    const records = chain(5);
    records[2] = { ...records[2]!, details: records[2]!.details.replace('w_2', 'w_9') };
    assert.deepEqual(verify(records).problem, { seq: 3, problem: 'record 3 was changed after it was written (its hash does not match its fields)' });
    const actor = chain(5);
    actor[1] = { ...actor[1]!, actor: 'user:someone-else' };
    assert.equal(verify(actor).problem?.seq, 2);
  });

  it('finds a record removed, and records swapped', () => {
    const removed = chain(5);
    removed.splice(1, 1);
    assert.deepEqual(verify(removed).problem, { seq: 3, problem: 'records 2–2 are missing' });
    const swapped = chain(5);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    assert.match(verify(swapped).problem?.problem ?? '', /record 3 is missing|records 2–2 are missing/);
  });

  it('finds a record re-sealed with its new content but not its successors', () => {
    const records = chain(5);
    const edited = sealAuditEvent({ at: records[2]!.at, actor: 'user:omar', action: 'screen', target: null, outcome: 'ok', details: { hits: [] } }, records[1]!);
    records[2] = edited;
    assert.deepEqual(verify(records).problem, { seq: 4, problem: 'record 4 does not follow record 3 (the chain was rewritten or reordered here)' });
  });

  it('leaves a whole chain rewritten from the edit on to the anchor: its head differs', () => {
    const original = chain(5);
    const rewritten = original.slice(0, 2);
    for (let i = 2; i < 5; i++) rewritten.push(sealAuditEvent({ at: original[i]!.at, actor: 'user:omar', action: 'screen', target: null, outcome: 'ok', details: {} }, rewritten[i - 1]!));
    const verifier = verify(rewritten);
    assert.equal(verifier.problem, null);
    assert.notEqual(verifier.head?.hash, original[4]!.hash);
  });

  it('hashes details the same whatever order their keys were given in', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } }), '{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
  });
});
