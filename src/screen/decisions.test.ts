import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScreeningDecision } from '../store/index.js';
import { applyDecisions } from './decisions.js';
import type { ScreeningCandidate } from './screen-traveller.js';

const candidate = (entryId: string, entryVersion: number): ScreeningCandidate => ({
  entryId, entryVersion, list: 'l', ref: null, name: entryId, matchedName: entryId, score: 0.8, nameScore: 0.8, verdict: 'review', factors: [], reason: '',
});
const decision = (entryId: string, entryVersion: number, kind: ScreeningDecision['decision'], at: string): ScreeningDecision => ({
  travellerKey: 't_0', entryId, entryVersion, decision: kind, actor: 'cli:ana', at, note: null,
});

describe('applyDecisions', () => {
  it('hides a false match on the same entry version and lists it as suppressed', () => {
    const result = applyDecisions([candidate('w1', 2), candidate('w2', 1)], [decision('w1', 2, 'false-match', '2026-01-01')]);
    assert.deepEqual(result.candidates.map((c) => c.entryId), ['w2']);
    assert.deepEqual(result.suppressed.map((s) => [s.entryId, s.decision.actor]), [['w1', 'cli:ana']]);
  });

  it('raises the hit again once the entry has changed, showing the old decision', () => {
    const result = applyDecisions([candidate('w1', 3)], [decision('w1', 2, 'false-match', '2026-01-01')]);
    assert.equal(result.candidates[0]!.decision!.decision, 'false-match');
    assert.equal(result.candidates[0]!.decision!.entryVersion, 2);
    assert.deepEqual(result.suppressed, []);
  });

  it('follows the latest decision and keeps true matches visible with their decision', () => {
    const decisions = [decision('w1', 1, 'false-match', '2026-01-01'), decision('w1', 1, 'true-match', '2026-02-01')];
    const result = applyDecisions([candidate('w1', 1)], decisions);
    assert.equal(result.candidates[0]!.decision!.decision, 'true-match');
    assert.deepEqual(result.suppressed, []);
  });
});
