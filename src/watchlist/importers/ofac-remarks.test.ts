import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOfacRemarks, type OfacRemarkFacts } from './ofac-remarks.js';

const none: Omit<OfacRemarkFacts, 'problems'> = { birthDates: [], birthPlaces: [], nationalities: [], gender: null, documents: [], weakAliases: [] };

describe('readOfacRemarks', () => {
  const cases: { behaviour: string; remarks: string; facts: Partial<OfacRemarkFacts> }[] = [
    { behaviour: 'a full date of birth', remarks: 'DOB 28 Jul 1971.', facts: { birthDates: ['1971-07-28'] } },
    { behaviour: 'a month and year', remarks: 'DOB Aug 1971.', facts: { birthDates: ['1971-08'] } },
    { behaviour: 'a year', remarks: 'DOB 1971.', facts: { birthDates: ['1971'] } },
    { behaviour: '"circa" as the date itself', remarks: 'DOB circa 1962.', facts: { birthDates: ['1962'] } },
    { behaviour: 'a range of years as one interval', remarks: 'DOB 1961 to 1964.', facts: { birthDates: ['1961/1964'] } },
    { behaviour: 'a "circa" span of years', remarks: 'DOB circa 1961-1964.', facts: { birthDates: ['1961/1964'] } },
    { behaviour: 'a whole-year range as years', remarks: 'DOB 01 Jan 1958 to 31 Dec 1959.', facts: { birthDates: ['1958/1959'] } },
    { behaviour: 'a range within one day as that day', remarks: 'DOB 05 Mar 1970 to 05 Mar 1970.', facts: { birthDates: ['1970-03-05'] } },
    { behaviour: 'alternative dates', remarks: 'DOB 22 Jan 1958; alt. DOB 20 Jan 1958.', facts: { birthDates: ['1958-01-22', '1958-01-20'] } },
    { behaviour: 'places of birth with their commas', remarks: 'POB Mosul, Iraq; alt. POB Aleppo, Syria.', facts: { birthPlaces: ['Mosul, Iraq', 'Aleppo, Syria'] } },
    { behaviour: 'nationality and citizenship as alpha-3', remarks: 'nationality Korea, North; alt. citizen Burma.', facts: { nationalities: ['PRK', 'MMR'] } },
    { behaviour: 'a "possibly" nationality', remarks: 'nationality possibly Palestinian.', facts: { nationalities: ['PSE'] } },
    { behaviour: 'gender', remarks: 'Gender Female.', facts: { gender: 'F' } },
    { behaviour: 'weak a.k.a.s with apostrophes inside', remarks: "a.k.a. 'ABU AL-MU'TAZ'; a.k.a. 'EL JEFE'.", facts: { weakAliases: ["ABU AL-MU'TAZ", 'EL JEFE'] } },
    {
      behaviour: 'a passport with its country, ignoring issue and expiry',
      remarks: 'Passport A1234567 (Iraq) issued 01 Jan 2010 expires 31 Dec 2019.',
      facts: { documents: [{ type: 'passport', number: 'A1234567', country: 'IRQ' }] },
    },
    {
      behaviour: 'a check digit in parentheses as part of the number',
      remarks: 'National ID No. K357514(4) (Hong Kong).',
      facts: { documents: [{ type: 'national-id', number: 'K357514(4)', country: 'HKG' }] },
    },
    {
      behaviour: 'a country after a comma',
      remarks: 'Passport No.: 0310857, Eritrea, Issue Date 21 August 2006.',
      facts: { documents: [{ type: 'passport', number: '0310857', country: 'ERI' }] },
    },
    {
      behaviour: 'identity documents by label, not tax or company numbers',
      remarks: 'Cedula No. 16247821 (Colombia); Tax ID No. 998877 (Iraq); Diplomatic Passport 008827 (Iran); SSN 123-45-6789 (United States).',
      facts: {
        documents: [
          { type: 'national-id', number: '16247821', country: 'COL' },
          { type: 'diplomatic-passport', number: '008827', country: 'IRN' },
          { type: 'social-security', number: '123-45-6789', country: 'USA' },
        ],
      },
    },
  ];
  for (const { behaviour, remarks, facts } of cases) {
    it(`reads ${behaviour}`, () => {
      assert.deepEqual(readOfacRemarks(remarks), { ...none, ...facts, problems: [] });
    });
  }

  const problems: { behaviour: string; remarks: string; reason: RegExp }[] = [
    { behaviour: 'a date that is not one', remarks: 'DOB 19xx.', reason: /^DOB "19xx" is not a date$/ },
    { behaviour: 'a country it does not know', remarks: 'nationality Narnia.', reason: /"Narnia" is not a country/ },
    { behaviour: 'an a.k.a. cut before its closing quote', remarks: "a.k.a. 'ABU KHA", reason: /no closing quote/ },
    { behaviour: 'a passport clause without a number', remarks: 'Passport issued in Sarajevo.', reason: /no document number/ },
    { behaviour: 'remarks cut at 1,000 characters', remarks: 'Linked To: ' + 'X'.repeat(989), reason: /stop at 1000 characters/ },
  ];
  for (const { behaviour, remarks, reason } of problems) {
    it(`reports ${behaviour}`, () => {
      const facts = readOfacRemarks(remarks);
      assert.equal(facts.problems.length, 1, JSON.stringify(facts.problems));
      assert.match(facts.problems[0]!, reason);
    });
  }
});
