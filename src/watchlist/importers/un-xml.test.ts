import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, sharedWatchlists, vigilInputError } from './fixture-paths.js';
import { parseUnXml } from './un-xml.js';

const fixture = (name: string) => readFileSync(fixturePath('un', name), 'utf8');

const syntaxError = (...fragments: string[]) => vigilInputError('watchlist.import-syntax', ...fragments);

describe('parseUnXml', () => {
  it('reads the fixture list into the expected entries and problems', () => {
    assert.deepEqual(parseUnXml(fixture('input.xml')), JSON.parse(fixture('expected.json')));
  });

  it('names the file in problems when given one', () => {
    const { problems } = parseUnXml(fixture('input.xml'), { source: 'un.xml' });
    assert.equal(problems[0]?.where, 'un.xml INDIVIDUAL[3] (LYi.901)');
  });

  it('refuses XML that is not well formed, naming the line', () => {
    const xml = '<CONSOLIDATED_LIST>\n  <INDIVIDUALS>\n    <INDIVIDUAL>\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n';
    assert.throws(() => parseUnXml(xml, { source: 'un.xml' }), syntaxError('un.xml line 4', 'not well formed'));
    assert.throws(() => parseUnXml(''), syntaxError('not well formed'));
  });

  it('refuses a well-formed file that is not a UN consolidated list', () => {
    assert.throws(() => parseUnXml('<sdnList><sdnEntry/></sdnList>', { source: 'sdn.xml' }), syntaxError('sdn.xml', 'sdnList', 'CONSOLIDATED_LIST'));
  });

  it('reads an empty list as no entries', () => {
    assert.deepEqual(parseUnXml('<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>'), { entries: [], problems: [] });
  });

  it('reads the real UN consolidated list in ../shared', (t) => {
    const folder = sharedWatchlists();
    if (folder === null) return t.skip('../shared/data/watchlists not found');
    const { entries, problems } = parseUnXml(readFileSync(join(folder, 'un', 'consolidated-non-isil.xml'), 'utf8'));

    assert.equal(entries.filter((e) => e.schema === 'person').length, 478);
    assert.equal(entries.filter((e) => e.schema === 'organisation').length, 184);
    // The one value in the published file that is not a date: an age.
    assert.deepEqual(problems, [{ where: 'INDIVIDUAL[286] (LYi.022)', reason: 'DATE_OF_BIRTH[1] "30-35 years old" is not a date' }]);

    const aziz = entries.find((e) => e.sourceId === 'IQi.025')!;
    assert.equal(aziz.name, 'TARIQ AZIZ');
    assert.deepEqual(aziz.aliases[0], { name: 'طارق عزيز', quality: 'strong', script: 'arabic' });
    assert.ok(aziz.birthDates.includes('1936-07-01'));
    assert.deepEqual(aziz.nationalities, ['IRQ']);

    // A DOB given only as a NOTE, and a mixed-script alias split in two.
    assert.deepEqual(entries.find((e) => e.sourceId === 'CDi.004')!.birthDates, ['1973-11']);
    const haqqani = entries.find((e) => e.sourceId === 'TAi.034')!;
    assert.ok(haqqani.aliases.some((a) => a.name === 'Haji Gulab Gul' && a.script === 'latin'));
    assert.ok(haqqani.aliases.some((a) => a.name === 'حاجی گلاب گل ولد حاجی حضرت گل' && a.script === 'arabic'));

    const people = entries.filter((e) => e.schema === 'person');
    assert.ok(people.filter((e) => e.aliases.some((a) => a.script === 'arabic')).length >= 200, 'original-script names are kept');
    assert.ok(people.some((e) => e.aliases.some((a) => a.quality === 'weak')));
    for (const date of people.flatMap((e) => e.birthDates)) assert.match(date, /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);
    for (const code of people.flatMap((e) => [...e.nationalities, ...e.documents.map((d) => d.country ?? 'NUL')])) assert.match(code, /^[A-Z]{3}$/);
  });
});
