import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore, type Store } from '../store/index.js';
import { saveViewHaul } from '../store/view.contract-fixtures.js';
import { entityNetwork, entityPath, heaviest, relatedEntities } from './network.js';

// The haul of view.contract-fixtures.ts: Khalid is named with Azad (r-1, r-4) and Raqqa (r-1, r-2) twice each, with
// Islamic State, the phone, Khalifa Group, Nowhere, Umm Sayyaf and Mosul once; Azad with Raqqa in r-1 and r-3.
describe('the co-mention graph', () => {
  let store: Store;
  before(async () => {
    store = openSqliteStore(':memory:');
    await saveViewHaul(store);
  });
  after(() => store.close());

  const people = ['PERSON', 'ORG', 'LOCATION'] as const;

  it('ranks related entities by shared documents, then by name, leaving dates out by default', async () => {
    const related = await relatedEntities(store, 'e-khalid', { limit: 4 }, null);
    assert.deepEqual(related, [
      { id: 'e-azad', name: 'Azad Mirhan', type: 'PERSON', documents: 2, mentions: 2 },
      { id: 'e-raqqa', name: 'Raqqa', type: 'LOCATION', documents: 2, mentions: 2 },
      { id: 'e-phone', name: '+963944123456', type: 'PHONE', documents: 1, mentions: 1 },
      { id: 'e-isis', name: 'Islamic State', type: 'ORG', documents: 1, mentions: 1 },
    ]);
    assert.deepEqual((await relatedEntities(store, 'e-khalid', { types: ['DATE'] }, null)).map((r) => r.id), ['e-date']);
    assert.deepEqual((await relatedEntities(store, 'e-khalid', {}, ['mosul'])).map((r) => r.id), ['e-mosul', 'e-umm']);
  });

  it('builds the network of a seed: its heaviest neighbours and every link among them', async () => {
    const network = await entityNetwork(store, { entities: ['e-khalid'], limit: 3, types: [...people] }, null);
    assert.deepEqual(network.nodes, [
      { id: 'e-khalid', name: 'Abu Khalid', type: 'PERSON', mentions: 5, documents: 4, seed: true },
      { id: 'e-azad', name: 'Azad Mirhan', type: 'PERSON', mentions: 3, documents: 3, seed: false },
      { id: 'e-raqqa', name: 'Raqqa', type: 'LOCATION', mentions: 3, documents: 3, seed: false },
      { id: 'e-isis', name: 'Islamic State', type: 'ORG', mentions: 2, documents: 2, seed: false },
    ]);
    assert.deepEqual(network.edges, [
      { source: 'e-azad', target: 'e-khalid', weight: 2, kind: 'co-mention' },
      { source: 'e-azad', target: 'e-raqqa', weight: 2, kind: 'co-mention' },
      { source: 'e-khalid', target: 'e-raqqa', weight: 2, kind: 'co-mention' },
      { source: 'e-azad', target: 'e-isis', weight: 1, kind: 'co-mention' },
      { source: 'e-isis', target: 'e-khalid', weight: 1, kind: 'co-mention' },
      { source: 'e-isis', target: 'e-raqqa', weight: 1, kind: 'co-mention' },
    ]);
  });

  it('drops links under minWeight, and counts only documents in the date range and the scope', async () => {
    const strong = await entityNetwork(store, { entities: ['e-khalid'], types: [...people], minWeight: 2 }, null);
    assert.deepEqual(strong.nodes.map((n) => n.id), ['e-khalid', 'e-azad', 'e-raqqa']);
    assert.deepEqual(strong.edges.map((e) => `${e.source}-${e.target}:${e.weight}`), ['e-azad-e-khalid:2', 'e-azad-e-raqqa:2', 'e-khalid-e-raqqa:2']);
    const summer = await entityNetwork(store, { entities: ['e-khalid'], types: [...people], from: '2017-07-01', to: '2017-12' }, null);
    assert.deepEqual(summer.nodes.map((n) => [n.id, n.mentions, n.documents]), [['e-khalid', 3, 2], ['e-raqqa', 3, 3], ['e-azad', 2, 2], ['e-isis', 1, 1]]);
    assert.deepEqual(summer.edges.find((e) => e.source === 'e-khalid' && e.target === 'e-raqqa')?.weight, 2);
    const raqqa = await entityNetwork(store, { entities: ['e-khalid'], types: [...people] }, ['raqqa']);
    assert.deepEqual(raqqa.nodes.map((n) => n.id).sort(), ['e-azad', 'e-isis', 'e-khalid', 'e-khalifa', 'e-nowhere', 'e-raqqa']);
    assert.equal(raqqa.nodes.find((n) => n.id === 'e-khalid')?.mentions, 4, 'its mention in Mosul is not counted');
  });

  it('weighs a neighbour of two seeds by what it shares with both', async () => {
    const network = await entityNetwork(store, { entities: ['e-azad', 'e-umm'], limit: 1, types: [...people] }, null);
    // Khalid shares 2 documents with Azad and 1 with Umm; Raqqa 2 with Azad only; Mosul 2 with Umm only.
    assert.deepEqual(network.nodes.map((n) => [n.id, n.seed]), [['e-azad', true], ['e-umm', true], ['e-khalid', false]]);
    assert.deepEqual(network.edges.map((e) => `${e.source}-${e.target}:${e.weight}`), ['e-azad-e-khalid:2', 'e-khalid-e-umm:1']);
  });

  it('finds a shortest path of co-mentions, the stronger of two of one length, within the scope', async () => {
    const path = await entityPath(store, { from: 'e-azad', to: 'e-umm' }, null);
    assert.deepEqual(path.path?.map((p) => p.name), ['Azad Mirhan', 'Abu Khalid', 'Umm Sayyaf']);
    assert.deepEqual(path.edges, [
      { source: 'e-azad', target: 'e-khalid', weight: 2, kind: 'co-mention' },
      { source: 'e-khalid', target: 'e-umm', weight: 1, kind: 'co-mention' },
    ]);
    // Raqqa to Mosul: through Khalid (2, then 1) or through Islamic State (1, then 1): Khalid's is the stronger.
    assert.deepEqual((await entityPath(store, { from: 'e-raqqa', to: 'e-mosul' }, null)).path?.map((p) => p.id), ['e-raqqa', 'e-khalid', 'e-mosul']);
    assert.deepEqual(await entityPath(store, { from: 'e-azad', to: 'e-umm', maxDepth: 1 }, null), { path: null, edges: [] });
    assert.deepEqual(await entityPath(store, { from: 'e-azad', to: 'e-mosul' }, ['raqqa']), { path: null, edges: [] }, 'Mosul is in the other case');
    assert.deepEqual((await entityPath(store, { from: 'e-raqqa', to: 'e-raqqa' }, null)).path?.map((p) => p.id), ['e-raqqa']);
  });

  it('asks for the names of the ties at the cut only', async () => {
    const asked: string[][] = [];
    const names = async (ids: string[]) => {
      asked.push([...ids].sort());
      return new Map(ids.map((id) => [id, { a: 'Zed', b: 'Bee', c: 'Cee', d: 'Dee', e: 'Eve' }[id] ?? id]));
    };
    assert.deepEqual(await heaviest(new Map([['a', 5], ['b', 1], ['c', 1], ['d', 1], ['e', 0]]), 2, names), ['a', 'b']);
    assert.deepEqual(asked, [['a', 'b', 'c', 'd']]);
    assert.deepEqual(await heaviest(new Map([['a', 1], ['b', 1]]), 5, names), ['b', 'a']);
  });
});
