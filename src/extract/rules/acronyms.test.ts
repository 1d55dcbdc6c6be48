import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAcronymDefinitions } from './acronyms.js';

describe('findAcronymDefinitions', () => {
  it('finds the long form whose initials spell the acronym', () => {
    const text = 'Fighters of the Syrian Democratic Forces (SDF) entered Raqqa.';
    const [definition] = findAcronymDefinitions(text);
    assert.equal(definition?.acronym, 'SDF');
    assert.equal(definition?.long.text, 'Syrian Democratic Forces');
    assert.equal(text.slice(definition!.long.start, definition!.long.end), 'Syrian Democratic Forces');
    assert.equal(text.slice(definition!.short.start, definition!.short.end), 'SDF');
  });

  it('takes one initial per part of a hyphenated word', () => {
    const [definition] = findAcronymDefinitions('A report by the Counter-Terrorism Finance Cell (CTFC) said so.');
    assert.equal(definition?.long.text, 'Counter-Terrorism Finance Cell');
  });

  it('skips minor words inside the long form but never starts with one', () => {
    const [definition] = findAcronymDefinitions('Transfers went through the Commercial Bank of Syria (CBS) in Damascus.');
    assert.equal(definition?.long.text, 'Commercial Bank of Syria');
  });

  it('keeps an acronym with "&" as written, spelled by the words around it', () => {
    const text = 'The Research & Development (R&D) office closed.';
    const [definition] = findAcronymDefinitions(text);
    assert.equal(definition?.acronym, 'R&D');
    assert.equal(definition?.long.text, 'Research & Development');
    assert.equal(text.slice(definition!.short.start, definition!.short.end), 'R&D');
  });

  it('finds nothing when no run of words spells the acronym', () => {
    assert.deepEqual(findAcronymDefinitions('Officials from the ministry (UNSC) met.'), []);
  });

  it('does not reach back across a line break', () => {
    assert.deepEqual(findAcronymDefinitions('Syrian Democratic\nForces (SDF) moved.'), []);
  });
});
