import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adversarialLines } from './adversarial-text.js';
import { type CountValue, findCounts } from './counts.js';

describe('findCounts', () => {
  const cases: [string, string, CountValue][] = [
    ['4,000 people fled the town', '4,000 people', { count: 4000, of: 'people' }],
    ['8,000 militants and their families left', '8,000 militants', { count: 8000, of: 'militants' }],
    ['some 300 fighters arrived', 'some 300 fighters', { count: 300, of: 'fighters', qualifier: 'about' }],
    ['dozens of civilians were killed', 'dozens of civilians', { count: 24, of: 'civilians', approximate: true }],
    ['Hundreds of detainees', 'Hundreds of detainees', { count: 200, of: 'detainees', approximate: true }],
    ['thousands of Syrians crossed', 'thousands of Syrians', { count: 2000, of: 'Syrians', approximate: true }],
    ['tens of thousands of refugees', 'tens of thousands of refugees', { count: 20_000, of: 'refugees', approximate: true }],
    ['several hundred men', 'several hundred men', { count: 200, of: 'men', approximate: true }],
    ['more than 1,200 foreign fighters', 'more than 1,200 foreign fighters', { count: 1200, of: 'foreign fighters', qualifier: 'more-than' }],
    ['at least 15 children died', 'at least 15 children', { count: 15, of: 'children', qualifier: 'at-least' }],
    ['two hundred Syrian refugees', 'two hundred Syrian refugees', { count: 200, of: 'refugees', modifiers: ['Syrian'] }],
    ['between 300 and 500 fighters', 'between 300 and 500 fighters', { count: 300, max: 500, of: 'fighters' }],
    ['300-500 recruits', '300-500 recruits', { count: 300, max: 500, of: 'recruits' }],
    ['4 million people', '4 million people', { count: 4_000_000, of: 'people' }],
    ['nearly 40 women and', 'nearly 40 women', { count: 40, of: 'women', qualifier: 'nearly' }],
    ['20 suspected members of the cell', '20 suspected members', { count: 20, of: 'members', modifiers: ['suspected'] }],
    ['held 1,500 prisoners', '1,500 prisoners', { count: 1500, of: 'prisoners' }],
    ['5 soldiers', '5 soldiers', { count: 5, of: 'soldiers' }],
    ['a force of 2000 fighters', '2000 fighters', { count: 2000, of: 'fighters' }],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findCounts(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.deepEqual(found[0]!.value, value);
    });
  }

  const notCounts: [string, string][] = [
    ['in 2014 people fled', 'a year before a person noun'],
    ['since 2013 fighters have come', 'a year after "since"'],
    ['by the end of 2014 militants held it', 'a year after "the end of"'],
    ['300 vehicles', 'a noun that is not people'],
    ['300 of the fighters', 'a part of a group'],
    ['500 dollars to fighters', 'a sum paid to people'],
    ['20 km from civilians', 'a distance'],
    ['$300 fighters', 'a number after a currency sign'],
    ['300 and 500 fighters', '"and" without "between"'],
    ['a fighters', 'an article, not a number'],
    ['+963 11 234 5678', 'a phone number'],
  ];
  for (const [text, what] of notCounts) {
    it(`finds no count in ${what} ("${text}")`, () => assert.deepEqual(findCounts(text), []));
  }

  it('trusts a bare year-like number before a person noun less', () => {
    assert.equal(findCounts('2014 militants attacked')[0]!.confidence, 0.5);
  });

  it('gives every count in a paragraph its own offsets, without overlaps', () => {
    const text = 'Some 300 fighters and dozens of civilians left; more than 1,200 foreign fighters stayed with 4,000 people.';
    const found = findCounts(text);
    assert.deepEqual(found.map((f) => f.text), ['Some 300 fighters', 'dozens of civilians', 'more than 1,200 foreign fighters', '4,000 people']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
  });

  for (const { name, text } of adversarialLines) {
    it(`returns on a 1 MB line of ${name}`, () => assert.ok(Array.isArray(findCounts(text))));
  }
});
