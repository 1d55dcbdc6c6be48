import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectScript, splitByScript } from './name-script.js';

describe('detectScript', () => {
  const cases: [string, string][] = [
    ['Abu Khalid al-Tikriti', 'latin'],
    ['Müller-Lüdenscheidt', 'latin'],
    ['أبو بكر البغدادي', 'arabic'],
    ['أديب شعبـان العانــي', 'arabic'],
    ['Олег Сидоренко', 'cyrillic'],
    ['金铁三', 'other'],
    ['07', 'other'],
  ];
  for (const [name, script] of cases) it(`finds ${script} in "${name}"`, () => assert.equal(detectScript(name), script));
});

describe('splitByScript', () => {
  it('splits a Latin name followed by its Arabic spelling in parentheses', () => {
    assert.deepEqual(splitByScript('Abdul Haq son of M. Anwar Khan (عبد الحق ولد محمد انور خان)'), [
      { name: 'Abdul Haq son of M. Anwar Khan', script: 'latin' },
      { name: 'عبد الحق ولد محمد انور خان', script: 'arabic' },
    ]);
  });

  it('splits a name written twice without brackets', () => {
    assert.deepEqual(splitByScript('Agha Jan Alizai اغا جان عالیزی'), [
      { name: 'Agha Jan Alizai', script: 'latin' },
      { name: 'اغا جان عالیزی', script: 'arabic' },
    ]);
  });

  it('keeps a one-script name whole, the Arabic tatweel included', () => {
    assert.deepEqual(splitByScript('رودي سليــوة'), [{ name: 'رودي سليــوة', script: 'arabic' }]);
    assert.deepEqual(splitByScript('  EMT Co. (2) '), [{ name: 'EMT Co. (2)', script: 'latin' }]);
  });
});
