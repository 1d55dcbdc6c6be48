import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractMentions } from './extract-mentions.js';
import type { ExtractedMention } from './mention.js';

/** The one mention whose text is `text` (the first, or the n-th 0-based), failing the test when there is none. */
function mention(mentions: ExtractedMention[], text: string, occurrence = 0): ExtractedMention {
  const found = mentions.filter((m) => m.text === text)[occurrence];
  assert.ok(found, `no mention "${text}" (#${occurrence}) in ${JSON.stringify(mentions.map((m) => m.text))}`);
  return found;
}

// Small texts in the style of the corpus; every test below also checks offsets on all of them.
const fixtures = {
  acronym: 'The Syrian Democratic Forces (SDF) entered Raqqa on Tuesday. Later the SDF withdrew.',
  ampersand: 'The Research & Development (R&D) office closed. Staff of R&D left.',
  phones: 'He called +963 944 123 456 twice, then +90 532 111 2233. A local number, 0944 123 456, was also written down.',
  email: 'Orders came from Courier.Cell@Example.ORG every week.',
  passports: 'He carried passport number N04318872. The courier was travelling on Iraqi passport A7731905.',
  particles: 'Abu Khalid met Hamza bin Laden in the market.',
  roleCue: 'The spokesman Azad Mirhan said the attack failed.\nAccording to Mirhan, ten fighters died.',
  organisation: 'The Black Banner Brigades claimed the attack in Deir ez-Zor.',
  noEntities: 'The convoy left at dawn. According to reports it moved fast.',
  possessive: "Commander Abu Omar al-Shishani's men left Raqqa.",
};

describe('extractMentions', () => {
  it('gives every mention offsets that slice out exactly its text', () => {
    for (const [name, text] of Object.entries(fixtures)) {
      for (const m of extractMentions(text)) {
        assert.equal(text.slice(m.start, m.end), m.text, `${name}: ${JSON.stringify(m)}`);
      }
    }
  });

  it('returns mentions in text order', () => {
    for (const text of Object.values(fixtures)) {
      const starts = extractMentions(text).map((m) => m.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    }
  });

  describe('acronyms', () => {
    it('finds an acronym definition as a long form and its acronym', () => {
      const mentions = extractMentions(fixtures.acronym);
      const long = mention(mentions, 'Syrian Democratic Forces');
      const short = mention(mentions, 'SDF');
      assert.equal(long.type, 'ORG');
      assert.equal(short.type, 'ORG');
      assert.equal(short.antecedent, mentions.indexOf(long));
    });

    it('points a later bare use of the acronym at the long form', () => {
      const mentions = extractMentions(fixtures.acronym);
      const later = mention(mentions, 'SDF', 1);
      assert.equal(later.type, 'ORG');
      assert.equal(mentions[later.antecedent!]?.text, 'Syrian Democratic Forces');
    });

    it('keeps an acronym with "&" as written in the text', () => {
      const mentions = extractMentions(fixtures.ampersand);
      const short = mention(mentions, 'R&D');
      assert.equal(mentions[short.antecedent!]?.text, 'Research & Development');
    });

    it('types a well-known acronym without a definition as an organisation', () => {
      const [ypg] = extractMentions('YPG fighters entered the town.');
      assert.deepEqual([ypg?.text, ypg?.type, ypg?.antecedent], ['YPG', 'ORG', undefined]);
    });
  });

  describe('identifiers', () => {
    it('finds international phone numbers as E.164, and leaves the local one (its numbers name two countries equally: none is inferred)', () => {
      const phones = extractMentions(fixtures.phones).filter((m) => m.type === 'PHONE');
      assert.deepEqual(
        phones.map((m) => [m.text, m.value]),
        [
          ['+963 944 123 456', '+963944123456'],
          ['+90 532 111 2233', '+905321112233'],
        ],
      );
    });

    it('finds an e-mail address and keeps its value in lower case', () => {
      const [email] = extractMentions(fixtures.email).filter((m) => m.type === 'EMAIL');
      assert.equal(email?.text, 'Courier.Cell@Example.ORG');
      assert.equal(email?.value, 'courier.cell@example.org');
    });

    it('finds passport numbers by their context', () => {
      const passports = extractMentions(fixtures.passports).filter((m) => m.type === 'PASSPORT');
      assert.deepEqual(passports.map((m) => m.value), ['N04318872', 'A7731905']);
    });

    it('finds "passport no." numbers', () => {
      const [passport] = extractMentions('He held Syrian passport no. 011234567 until 2016.').filter((m) => m.type === 'PASSPORT');
      assert.equal(passport?.value, '011234567');
    });

    it('does not take a word after "passport" for a number', () => {
      const text = 'He showed a passport photograph. The passport number n04318872 was written in lower case.';
      assert.deepEqual(extractMentions(text).filter((m) => m.type === 'PASSPORT'), []);
    });

    it('does not also report an identifier as a name', () => {
      const text = 'Write to Abu.Hamza@Example.org before Friday.';
      const mentions = extractMentions(text);
      assert.deepEqual(mentions.map((m) => m.type), ['EMAIL']);
    });
  });

  describe('names', () => {
    it('finds people by their name particles (Abu, bin)', () => {
      const mentions = extractMentions(fixtures.particles);
      for (const name of ['Abu Khalid', 'Hamza bin Laden']) {
        const person = mention(mentions, name);
        assert.equal(person.type, 'PERSON', name);
        assert.match(person.method, /rule:name-particle/, name);
      }
    });

    it('finds a person introduced by a role ("spokesman Azad Mirhan")', () => {
      const person = mention(extractMentions(fixtures.roleCue), 'Azad Mirhan');
      assert.equal(person.type, 'PERSON');
      assert.match(person.method, /rule:role-cue/);
    });

    it('finds a person introduced by a role even with an unlisted given name', () => {
      const person = mention(extractMentions('The courier Dilovan Haco crossed at night.'), 'Dilovan Haco');
      assert.equal(person.type, 'PERSON');
    });

    it('finds an organisation by its designator, without the article', () => {
      const org = mention(extractMentions(fixtures.organisation), 'Black Banner Brigades');
      assert.equal(org.type, 'ORG');
    });

    it('finds a place in the gazetteer ("Deir ez-Zor")', () => {
      const place = mention(extractMentions(fixtures.organisation), 'Deir ez-Zor');
      assert.equal(place.type, 'LOCATION');
      assert.match(place.method, /rule:gazetteer/);
    });

    it('finds a place in the gazetteer under its article spelling ("Al-Mayadeen")', () => {
      const place = mention(extractMentions('Relatives in Al-Mayadeen told us so.'), 'Al-Mayadeen');
      assert.equal(place.type, 'LOCATION');
    });

    it('reads part of a person\'s name after "according to" as that person, not a place', () => {
      const mentions = extractMentions(fixtures.roleCue);
      const partial = mention(mentions, 'Mirhan');
      assert.equal(partial.type, 'PERSON');
      assert.equal(partial.method, 'rule:partial-name');
      assert.equal(mentions[partial.antecedent!]?.text, 'Azad Mirhan');
    });

    it('reads the same word as a place when no person of that name is in the text', () => {
      const [alone] = extractMentions('Fighters gathered near Mirhan before dawn.');
      assert.deepEqual([alone?.text, alone?.type], ['Mirhan', 'LOCATION']);
    });

    it('leaves a possessive "\'s" out of the name', () => {
      const person = mention(extractMentions(fixtures.possessive), 'Abu Omar al-Shishani');
      assert.equal(person.type, 'PERSON');
    });

    it('does not take sentence-initial "The" or "According" for entities', () => {
      assert.deepEqual(extractMentions(fixtures.noEntities), []);
      for (const text of Object.values(fixtures)) {
        for (const m of extractMentions(text)) assert.doesNotMatch(m.text, /^(?:The|According)\b/, JSON.stringify(m));
      }
    });
  });
});

describe('passport numbers from machine-readable zones', () => {
  const zone = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

  it('reads the document number of a valid TD3 zone as a PASSPORT mention at its offsets', () => {
    const text = `Scan of the passport page:\n${zone}\nEnd of scan.`;
    const passports = extractMentions(text).filter((m) => m.type === 'PASSPORT');
    assert.equal(passports.length, 1);
    assert.equal(passports[0]!.value, 'L898902C3');
    assert.equal(passports[0]!.method, 'pattern:mrz');
    assert.equal(text.slice(passports[0]!.start, passports[0]!.end), 'L898902C3');
  });

  it('keeps a zone whose check digits fail, with low confidence', () => {
    const broken = zone.replace('7408122', '7408132');
    const passport = extractMentions(broken).find((m) => m.type === 'PASSPORT')!;
    assert.equal(passport.method, 'pattern:mrz-unverified');
    assert.ok(passport.confidence < 0.9);
  });
});

describe('phone numbers in brackets', () => {
  it('leaves the prose brackets out of the mention', () => {
    const text = 'Karaca (+90 532 111 2233) was called twice; the desk is on +90 (532) 111 2233.';
    const phones = extractMentions(text).filter((m) => m.type === 'PHONE');
    assert.deepEqual(phones.map((p) => p.text), ['+90 532 111 2233', '+90 (532) 111 2233']);
    assert.deepEqual(phones.map((p) => p.value), ['+905321112233', '+905321112233']);
  });
});

describe('local phone numbers', () => {
  it('reads them in the country given, the same value as the international form, after the phone words or trunk prefix', () => {
    const phones = extractMentions(fixtures.phones, { country: 'SY', model: null }).filter((m) => m.type === 'PHONE');
    assert.deepEqual(
      phones.map((m) => [m.text, m.value, m.method]),
      [
        ['+963 944 123 456', '+963944123456', 'pattern:phone'],
        ['+90 532 111 2233', '+905321112233', 'pattern:phone'],
        ['0944 123 456', '+963944123456', 'pattern:phone-local'],
      ],
    );
  });

  it('leaves a number to a sum or a passport number read in the same characters', () => {
    const text = 'On 3 May 2019 he paid 0944 123 456 dollars for passport number 011234567; call 0944 123 457.';
    const mentions = extractMentions(text, { country: 'SY', model: null });
    assert.deepEqual(
      mentions.filter((m) => ['PHONE', 'DATE', 'MONEY', 'PASSPORT'].includes(m.type)).map((m) => [m.type, m.text]),
      [['DATE', '3 May 2019'], ['MONEY', '456 dollars'], ['PASSPORT', '011234567'], ['PHONE', '0944 123 457']],
    );
  });

  it('is an input error for a country code that is none', () => {
    assert.throws(() => extractMentions('Call 0944 123 456.', { country: 'SYR', model: null }), /"SYR" is not an ISO 3166-1 alpha-2 code/);
  });
});

describe('names the text says are one', () => {
  it('points an alias given by "whose real name is", "also known as" or "(a.k.a. …)" at the name before it', () => {
    const cases = [
      ['Abu Layth, whose real name is Faisal al-Dulaimi, ran the office.', 'Abu Layth', 'Faisal al-Dulaimi'],
      ['The commander Mazloum Abdi (also known as Mazloum Kobani) spoke.', 'Mazloum Abdi', 'Mazloum Kobani'],
      ['Abu Hamza al-Raqqawi, a.k.a. Hamza Salim al-Hassan, paid them.', 'Abu Hamza al-Raqqawi', 'Hamza Salim al-Hassan'],
    ] as const;
    for (const [text, first, second] of cases) {
      const mentions = extractMentions(text, { model: null });
      const alias = mention(mentions, second);
      assert.equal(mentions[alias.antecedent!]?.text, first, text);
    }
  });

  it('does not link two names merely listed together', () => {
    const mentions = extractMentions('Abu Layth and Faisal al-Dulaimi met Abu Hamza al-Raqqawi, Hamza Salim al-Hassan.', { model: null });
    assert.ok(mentions.every((m) => m.antecedent === undefined), JSON.stringify(mentions));
  });
});

describe('Arabic-script names', () => {
  it('in English text, types a known place as a LOCATION and an organisation word as an ORG, and keeps people as PERSON', () => {
    const text = 'He met أبو خالد التكريتي in دير الزور. The money came from مؤسسة نور الخير الخيرية last year.';
    const mentions = extractMentions(text, { model: null });
    assert.deepEqual(
      mentions.map((m) => [m.text, m.type]),
      [['أبو خالد التكريتي', 'PERSON'], ['دير الزور', 'LOCATION'], ['مؤسسة نور الخير الخيرية', 'ORG']],
    );
  });
});

describe('the document date', () => {
  it('reads relative dates against it, and ignores one that is no date (a day past the month’s end) rather than failing', () => {
    const [yesterday] = extractMentions('He left yesterday.', { reference: '2019-03-01', model: null }).filter((m) => m.type === 'DATE');
    assert.equal(yesterday?.value, '2019-02-28');
    assert.deepEqual(extractMentions('He left yesterday.', { reference: '2019-02-30', model: null }).filter((m) => m.type === 'DATE'), []);
  });
});

describe('words that name no one', () => {
  const transcript = [
    'CALLER: The money left Mosul this morning.',
    'RECEIVER: Good. Tell Khalid al-Rawi.',
    '',
    'Date | Payer | Payee | Amount',
    '2019-03-02 | Abu Omar al-Rawi | Khalid al-Rawi | $4,000',
    '',
    'Iraqi forces entered Mosul. A Turkish news agency said the President had left.',
  ].join('\n');

  it('leaves out speaker labels, column headings and descriptions only their first word capitalises', () => {
    const texts = extractMentions(transcript).filter((m) => ['PERSON', 'ORG', 'LOCATION'].includes(m.type)).map((m) => m.text);
    for (const generic of ['CALLER', 'RECEIVER', 'Payer', 'Payee', 'Amount', 'Iraqi forces', 'Turkish news agency', 'President']) {
      assert.ok(!texts.includes(generic), `"${generic}" is no name: ${JSON.stringify(texts)}`);
    }
    assert.ok(texts.includes('Mosul'), JSON.stringify(texts));
    assert.ok(texts.includes('Khalid al-Rawi'), JSON.stringify(texts));
  });

  it('keeps a name whose later words are particles written in lower case', () => {
    const texts = extractMentions('Fighters of Jabhat al-Nusra and Liwa al-Tawhid crossed at night.').map((m) => m.text);
    assert.ok(texts.some((t) => t.includes('Jabhat al-Nusra')), JSON.stringify(texts));
  });
});
