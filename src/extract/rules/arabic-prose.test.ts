import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractMentions } from '../extract-mentions.js';

const names = (text: string) => extractMentions(text).filter((m) => ['PERSON', 'LOCATION', 'ORG'].includes(m.type)).map((m) => [m.type, m.text]);

describe('names in Arabic prose', () => {
  const cases: [string, string, string[][]][] = [
    ['a kunya and its nisba, and a two-word place', 'قال أبو بكر البغدادي إن التنظيم سيواصل القتال في دير الزور.', [['PERSON', 'أبو بكر البغدادي'], ['LOCATION', 'دير الزور']]],
    ['a given name with a nisba, a kunya, and a place after "in"', 'التقى خالد التكريتي مع أبو عمر الشيشاني في الرقة يوم الخميس.', [['PERSON', 'خالد التكريتي'], ['PERSON', 'أبو عمر الشيشاني'], ['LOCATION', 'الرقة']]],
    ['ibn/bin and a mother\'s kunya', 'وصل محمد بن سلمان إلى الموصل وأرسل المال إلى أم سياف.', [['PERSON', 'محمد بن سلمان'], ['LOCATION', 'الموصل'], ['PERSON', 'أم سياف']]],
    ['a compound given name, a place with "in" written onto it', 'أرسل عبد الرحمن القحطاني المال من غازي عنتاب بالرقة.', [['PERSON', 'عبد الرحمن القحطاني'], ['LOCATION', 'غازي عنتاب'], ['LOCATION', 'الرقة']]],
    ['a family name without the article', 'ووصلت ليلى حداد إلى حلب مساء الأحد.', [['PERSON', 'ليلى حداد'], ['LOCATION', 'حلب']]],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.deepEqual(names(text), expected));
  }

  it('leaves out a lone given name, verbs after a name, times, and words that only transliterate like a place', () => {
    assert.deepEqual(names('قال خالد إن القتال سيستمر.'), [], 'خالد alone; القتال ("the fighting") is not Kaithal');
    assert.deepEqual(names('وصل خالد اليوم إلى حمص.'), [['LOCATION', 'حمص']], 'اليوم ("today") is no nisba');
    assert.deepEqual(names('أحمد يقول إن الوضع صعب في الحسكة.'), [['LOCATION', 'الحسكة']], 'يقول ("says") is no family name');
  });

  it('keeps the offsets on the name itself, without the "and" or "in" written onto it', () => {
    const text = 'وأبو محمد العدناني بالموصل.';
    const found = extractMentions(text).filter((m) => m.type === 'PERSON' || m.type === 'LOCATION');
    assert.deepEqual(found.map((m) => [m.text, text.slice(m.start, m.end)]), [['أبو محمد العدناني', 'أبو محمد العدناني'], ['الموصل', 'الموصل']]);
  });

  it('still reads a short name standing alone (a contact, a signature) as before', () => {
    assert.deepEqual(names('أبو عمر'), [['PERSON', 'أبو عمر']]);
  });
});
