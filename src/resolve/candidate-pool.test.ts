import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityCandidate, EntityType } from '../store/index.js';
import { CandidatePool } from './candidate-pool.js';

const candidate = (id: string, keys: string[], names: string[], type: EntityType = 'PERSON'): EntityCandidate => ({ id, type, keys, names });
const ids = (found: EntityCandidate[]) => found.map((c) => c.id);

describe('CandidatePool', () => {
  it('finds a candidate of several keys by any key but the mention’s commonest, one of one key by any', () => {
    const muhammads = Array.from({ length: 5 }, (_, i) => candidate(`m${i}`, ['mhmd', `x${i}`], [`Muhammad X${i}`]));
    const alone = candidate('alone', ['mhmd'], ['Muhammad']);
    const pool = new CandidatePool([...muhammads, alone]);
    // "Muhammad X3": the four other Muhammads of several keys share only "mhmd" with it, so they are not read.
    assert.deepEqual(ids(pool.near(['mhmd', 'x3'], 'Muhammad X3')), ['m3', 'alone']);
    // A name of one key finds everyone under it.
    assert.deepEqual(ids(pool.near(['mhmd'], 'Muhammad')), ['m0', 'm1', 'm2', 'm3', 'm4', 'alone']);
    assert.deepEqual(ids(pool.near(['zzz', 'yyy'], 'Nobody')), []);
  });

  it('finds a candidate written the same way once folded, whatever its keys', () => {
    const pool = new CandidatePool([candidate('hajer', ['hjr', 'irq'], ['Abu Hajer al-Iraqi'])]);
    assert.deepEqual(ids(pool.near(['zzz'], 'Abou Hajer el-Iraqi')), ['hajer']);
    assert.deepEqual(ids(pool.near(['zzz'], 'Abu Hajer')), []);
  });

  it('indexes a spelling added later, by its folded form and by its alias group', () => {
    const group = candidate('sdf', ['syr', 'dmcr', 'frc'], ['Syrian Democratic Forces'], 'ORG');
    const pool = new CandidatePool([group]);
    pool.addName(group, 'SDF');
    assert.deepEqual(group.names, ['Syrian Democratic Forces', 'SDF']);
    assert.deepEqual(ids(pool.near(['none'], 'SDF')), ['sdf']);
    const state = candidate('is', ['islmk', 'stt'], ['Islamic State Organisation'], 'ORG');
    pool.add(state);
    pool.addName(state, 'ISIS');
    assert.deepEqual(ids(pool.near(['alias:islamic-state'], 'Daesh')), ['is']);
  });

  it('returns candidates in the order they joined, each once', () => {
    const a = candidate('a', ['k1', 'k2'], ['A']);
    const b = candidate('b', ['k2', 'k3'], ['B']);
    const pool = new CandidatePool([b, a]);
    pool.add(b);
    assert.deepEqual(ids(pool.near(['k1', 'k2', 'k3'], 'B')), ['b', 'a']);
  });
});
