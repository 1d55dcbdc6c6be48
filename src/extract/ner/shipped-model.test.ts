import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findModelEntities, loadNerModel, shippedModelPath } from './index.js';

const entities = (text: string) => findModelEntities(text, { start: 0, end: text.length }).map((m) => `${m.type}:${m.text}`);

describe('the shipped NER model', () => {
  it('is in the package', () => {
    assert.ok(existsSync(shippedModelPath), `${shippedModelPath} is missing: run npm run train:ner`);
  });

  it('is read once and cached', () => {
    assert.equal(loadNerModel(), loadNerModel());
    assert.ok(loadNerModel().featureCount > 10_000);
  });

  it('finds the person and the place in a plain sentence', () => {
    const found = entities('Abu Bakr al-Baghdadi met officials in Mosul.');
    assert.ok(found.some((e) => e.startsWith('PERSON:') && e.includes('Baghdadi')), found.join(', '));
    assert.ok(found.includes('LOCATION:Mosul'), found.join(', '));
    assert.ok(!found.some((e) => e.includes('officials')), found.join(', '));
  });

  it('types an organisation, a person and places', () => {
    const found = entities('Police in Brussels arrested Salah Abdeslam in March.');
    assert.ok(found.includes('LOCATION:Brussels'), found.join(', '));
    assert.ok(found.includes('PERSON:Salah Abdeslam'), found.join(', '));
    const forces = entities('The Syrian Democratic Forces captured Raqqa in October 2017.');
    assert.ok(forces.includes('ORG:Syrian Democratic Forces'), forces.join(', '));
    assert.ok(forces.includes('LOCATION:Raqqa'), forces.join(', '));
  });

  it('returns mentions with offsets into the whole text, a confidence and its method', () => {
    const text = 'Nothing here. Khalid Hassan sent money to Gaziantep.';
    const sentence = { start: 14, end: text.length };
    const found = findModelEntities(text, sentence);
    assert.ok(found.length >= 2, JSON.stringify(found));
    for (const m of found) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.start >= sentence.start && m.end <= sentence.end);
      assert.ok(m.confidence > 0 && m.confidence <= 1);
      assert.equal(m.method, 'model:perceptron');
    }
    assert.deepEqual(found.find((m) => m.type === 'PERSON')?.text, 'Khalid Hassan');
  });

  it('finds nothing in a sentence without names', () => {
    assert.deepEqual(entities('the money was paid in cash and nobody was arrested .'), []);
  });
});
