import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readUnDocument, type UnDocumentFields } from './un-documents.js';

const passport = (number: string, more: Partial<UnDocumentFields> = {}): UnDocumentFields => ({ type: 'Passport', type2: '', number, issuingCountry: '', ...more });

describe('readUnDocument', () => {
  const cases: { written: UnDocumentFields; document: { type: string; number: string; country: string | null } }[] = [
    { written: passport('A1234567', { issuingCountry: 'Iraq' }), document: { type: 'passport', number: 'A1234567', country: 'IRQ' } },
    { written: passport('D 000974'), document: { type: 'passport', number: 'D 000974', country: null } },
    { written: passport('CAR diplomatic passport no. D00000898'), document: { type: 'diplomatic-passport', number: 'D00000898', country: 'CAF' } },
    { written: passport('Libya B/002210'), document: { type: 'passport', number: 'B/002210', country: 'LBY' } },
    { written: passport('R00012098, South Sudan'), document: { type: 'passport', number: 'R00012098', country: 'SSD' } },
    { written: passport('403062567 (US)'), document: { type: 'passport', number: '403062567', country: 'USA' } },
    { written: passport('381110042 (Expired 25 Jan. 2016)'), document: { type: 'passport', number: '381110042', country: null } },
    { written: passport('No34409/129'), document: { type: 'passport', number: 'No34409/129', country: null } },
    { written: passport('Congo service passport number SA0020249'), document: { type: 'passport', number: 'SA0020249', country: 'COG' } },
    { written: passport('Laissez-passer no. N°235/MISPAT/DGPC'), document: { type: 'travel-document', number: 'N°235/MISPAT/DGPC', country: null } },
    {
      written: { type: 'National Identification Number', type2: '', number: 'Social Security Number 423-00-1234 (US)', issuingCountry: '' },
      document: { type: 'social-security', number: '423-00-1234', country: 'USA' },
    },
    {
      written: { type: 'National Identification Number', type2: 'Residential card number 665', number: '', issuingCountry: '' },
      document: { type: 'residence-permit', number: '665', country: null },
    },
    {
      written: { type: 'National Identification Number', type2: 'military identification number:', number: '20432', issuingCountry: 'Yemen' },
      document: { type: 'military-id', number: '20432', country: 'YEM' },
    },
  ];
  for (const { written, document } of cases) {
    it(`reads ${JSON.stringify(written.number || written.type2)} as ${document.type} ${document.number}`, () => {
      assert.deepEqual(readUnDocument(written), { document, problems: [] });
    });
  }

  it('reports a document without a number and an issuing country it does not know', () => {
    assert.deepEqual(readUnDocument(passport('')), { document: null, problems: ['has no document number ("Passport")'] });
    assert.deepEqual(readUnDocument(passport('B1', { issuingCountry: 'Atlantis' })), {
      document: { type: 'passport', number: 'B1', country: null },
      problems: ['issuing country "Atlantis" is not a country we know'],
    });
  });
});
