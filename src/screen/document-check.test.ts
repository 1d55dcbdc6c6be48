import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentVerdict, readTravellerDocument } from './document-check.js';

// ICAO 9303-4 Appendix B specimen passport (Utopia), valid to 2012-04-15.
const specimen = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const before = new Date('2010-01-01T00:00:00Z');
const after = new Date('2026-01-01T00:00:00Z');

describe('readTravellerDocument', () => {
  it('takes the name, birth date, nationality, sex and document from an MRZ given alone', () => {
    const { traveller, document } = readTravellerDocument({ mrz: specimen }, before);
    assert.deepEqual(traveller, { name: 'ANNA MARIA ERIKSSON', dob: '1974-08-12', nationality: 'UTO', gender: 'F', document: { number: 'L898902C3', country: 'UTO' } });
    assert.deepEqual([document?.number, document?.country, document?.expiry, document?.mrz?.valid], ['L898902C3', 'UTO', '2012-04-15', true]);
    assert.deepEqual(document?.consistency, []);
  });

  it('accepts the lines separated by a typed "\\n", as a shell argument holds them', () => {
    assert.equal(readTravellerDocument({ mrz: specimen.replace('\n', '\\n') }, before).document?.mrz?.valid, true);
  });

  it('keeps what the caller gave and says where it disagrees with the MRZ', () => {
    const { traveller, document } = readTravellerDocument({ mrz: specimen, name: 'Anna Eriksson', dob: '1975-08-12', nationality: 'uto' }, before);
    assert.equal((traveller as { name: string }).name, 'Anna Eriksson');
    assert.deepEqual(
      document?.consistency.map((c) => [c.field, c.agrees]),
      [['name', true], ['birthDate', false], ['nationality', true]],
    );
  });

  it('refuses an MRZ that is not one, naming the field', () => {
    assert.throws(() => readTravellerDocument({ mrz: 'hello' }, before), /traveller mrz/);
    assert.throws(() => readTravellerDocument({ mrz: '' }, before), /traveller mrz/);
  });

  it('gives the document of a traveller without an MRZ, and none without a number', () => {
    assert.deepEqual(readTravellerDocument({ name: 'X Y', document: { number: 'ab 12-34', country: 'syr', expiry: '2020-01-01' } }, before).document, {
      number: 'AB1234', country: 'SYR', expiry: '2020-01-01', mrz: null, consistency: [],
    });
    assert.equal(readTravellerDocument({ name: 'X Y' }, before).document, null);
  });
});

describe('documentVerdict', () => {
  it('raises no alert for a valid, unexpired, unreported document that agrees with the traveller', () => {
    const { document } = readTravellerDocument({ mrz: specimen, name: 'Anna Maria Eriksson' }, before);
    const verdict = documentVerdict(document!, [], before);
    assert.deepEqual([verdict.status, verdict.alerts, verdict.expired], ['ok', [], false]);
  });

  it('alerts on a registry report, an expired document, a failed check digit and a disagreement, saying which', () => {
    const broken = specimen.replace('L898902C36', 'L898902C37');
    const { document } = readTravellerDocument({ mrz: broken, dob: '1980-01-01' }, after);
    const hit = { status: 'stolen-blank' as const, match: 'range' as const, entry: { country: 'UTO', number: 'L898900000', numberEnd: 'L898999999', status: 'stolen-blank' } };
    const verdict = documentVerdict(document!, [hit], after);
    assert.equal(verdict.status, 'alert');
    assert.equal(verdict.mrz?.valid, false);
    assert.equal(verdict.alerts.length, 4, verdict.alerts.join(' | '));
    assert.match(verdict.alerts.join(' | '), /MRZ invalid.*registry: stolen-blank \(inside a reported range\).*expired on 2012-04-15.*birthDate in the MRZ \(1974-08-12\) differs/);
  });

  it('reads expiry from a manifest document when there is no MRZ', () => {
    const { document } = readTravellerDocument({ name: 'X Y', document: { number: 'A1', expiry: '2025-06-30' } }, after);
    assert.deepEqual([documentVerdict(document!, [], after).expired, documentVerdict(document!, [], before).expired], [true, false]);
  });
});
