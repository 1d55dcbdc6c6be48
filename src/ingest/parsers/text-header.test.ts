import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeTitle, readTextHeader } from './text-header.js';

describe('readTextHeader', () => {
  it('reads a title line and a byline with a date', () => {
    const text = 'New armed faction announces itself\n\nBy Hélène Marchetti, 28 July 2013\n\nA previously unknown armed group announced its formation.';
    assert.deepEqual(readTextHeader(text), { title: 'New armed faction announces itself', author: 'Hélène Marchetti', date: '2013-07-28' });
  });

  it('reads a byline whose date is only a month and a year', () => {
    assert.deepEqual(readTextHeader('Ledger notes\nBy Jane Doe | March 2017\n'), { title: 'Ledger notes', author: 'Jane Doe', date: '2017-03' });
  });

  it('reads a memo block (Subject, Date, Analyst)', () => {
    const text = 'CLASSIFICATION: SAMPLE\nSubject: Courier border crossing\nDate: 13 April 2017\nAnalyst: R. Okonjo\n\nThe courier crossed at Ibrahim Khalil.';
    assert.deepEqual(readTextHeader(text), { title: 'Courier border crossing', author: 'R. Okonjo', date: '2017-04-13' });
  });

  it('prefers a Subject field over a plain first line as the title', () => {
    assert.equal(readTextHeader('Field note\nSubject: Handset 07\n').title, 'Handset 07');
  });

  it('leaves the date null when the Date field is not a date', () => {
    assert.equal(readTextHeader('Subject: Note\nDate: unknown\n').date, null);
  });

  it('does not read a "Date:" or "Author:" line that comes after the body began', () => {
    const text = 'Fuel convoys return\n\nDrivers report that tanker convoys are moving again at night.\n\nAuthor: Sam Reyes | Date: March 3, 2018 | Permalink';
    assert.deepEqual(readTextHeader(text), { title: 'Fuel convoys return', author: null, date: null });
  });

  it('takes no title when the text opens with body text', () => {
    assert.deepEqual(readTextHeader('Paid Abou Khaled 3,000 USD for fuel.\nTitle: not a header\n'), { title: null, author: null, date: null });
  });

  it('returns an empty header for empty text', () => {
    assert.deepEqual(readTextHeader(''), { title: null, author: null, date: null });
  });
});

describe('looksLikeTitle', () => {
  const cases: [string, boolean][] = [
    ['Who is still paying the Mayadin fighters?', true],
    ['A brother in Al-Qaim', true],
    ['The convoy left at dawn.', false],
    ['Paid to the courier:', false],
    ['', false],
    ['x'.repeat(151), false],
  ];
  for (const [line, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} "${line.length > 40 ? line.slice(0, 40) + '…' : line}"`, () => assert.equal(looksLikeTitle(line), expected));
  }
});
