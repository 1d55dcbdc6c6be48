import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adversarialLines } from './adversarial-text.js';
import { type CoordinatesValue, findCoordinates } from './coordinates.js';

describe('findCoordinates', () => {
  const cases: [string, string, CoordinatesValue][] = [
    ['the camp at 36.34, 43.13 was hit', '36.34, 43.13', { lat: 36.34, lon: 43.13 }],
    ['(36.3400, 43.1300)', '36.3400, 43.1300', { lat: 36.34, lon: 43.13 }],
    ['-33.86, 151.21', '-33.86, 151.21', { lat: -33.86, lon: 151.21 }],
    ['at 36.34°N 43.13°E.', '36.34°N 43.13°E', { lat: 36.34, lon: 43.13 }],
    ['36.34N, 43.13E', '36.34N, 43.13E', { lat: 36.34, lon: 43.13 }],
    ['33.5°S 70.6°W', '33.5°S 70.6°W', { lat: -33.5, lon: -70.6 }],
    ['36°20′N 43°08′E', '36°20′N 43°08′E', { lat: 36.333333, lon: 43.133333 }],
    ['36°20\'24"N, 43°07\'48"E', '36°20\'24"N, 43°07\'48"E', { lat: 36.34, lon: 43.13 }],
    ['36°20′24″N 43°07′48″E', '36°20′24″N 43°07′48″E', { lat: 36.34, lon: 43.13 }],
    ['36 20 24N 43 07 48E', '36 20 24N 43 07 48E', { lat: 36.34, lon: 43.13 }],
    ['43°08′E 36°20′N', '43°08′E 36°20′N', { lat: 36.333333, lon: 43.133333 }],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findCoordinates(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.deepEqual(found[0]!.value, value);
    });
  }

  const notCoordinates: [string, string][] = [
    ['91.00, 43.13', 'a latitude beyond 90°'],
    ['36.34, 181.50', 'a longitude beyond 180°'],
    ['36°61′N 43°08′E', 'sixty-one minutes'],
    ['36°20′75″N 43°08′E', 'seventy-five seconds'],
    ['36.34N 43.13N', 'two latitudes'],
    ['1.5, 2.5', 'numbers with one decimal'],
    ['prices 12.50, 13.75, 14.00', 'a list of numbers'],
    ['192.168.1.1', 'an IP address'],
    ['in 2013, 4,000 fighters', 'a year and a count'],
    ['+963 11 234 5678', 'a phone number'],
  ];
  for (const [text, what] of notCoordinates) {
    it(`finds nothing in ${what} ("${text}")`, () => assert.deepEqual(findCoordinates(text), []));
  }

  it('trusts a bare pair of numbers less than one with hemispheres', () => {
    const [bare] = findCoordinates('36.34, 43.13');
    const [marked] = findCoordinates('36.34°N 43.13°E');
    assert.ok(bare!.confidence < marked!.confidence);
  });

  it('finds every position in a paragraph at its offsets, without overlaps', () => {
    const text = 'Strikes hit 36°20′N 43°08′E and 36.34, 43.13; the convoy left 35.95°N 39.01°E.';
    const found = findCoordinates(text);
    assert.deepEqual(found.map((f) => f.text), ['36°20′N 43°08′E', '36.34, 43.13', '35.95°N 39.01°E']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
  });

  for (const { name, text } of adversarialLines) {
    it(`returns on a 1 MB line of ${name}`, () => assert.ok(Array.isArray(findCoordinates(text))));
  }
});
