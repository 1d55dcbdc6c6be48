import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { extractMentions } from '../../extract/index.js';
import type { ParsedDocument, Parser } from '../parser.js';
import type { ContactEdge } from './phone-export-parties.js';
import { readNumber } from './phone-export-parties.js';
import { parseTimestamp } from './phone-export-schema.js';
import { phoneExportCsvParser, phoneExportJsonParser } from './phone-export.js';
import { json, khalidsPhone } from './phone-export.fixture.js';

async function parse(parser: Parser, bytes: Uint8Array, path = '/haul/khalid.phone.json'): Promise<ParsedDocument[]> {
  const out: ParsedDocument[] = [];
  for await (const doc of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.byteLength })) out.push(doc);
  return out;
}
const parseJson = (value: unknown) => parse(phoneExportJsonParser, json(value));
const parseCsv = (text: string, path = '/haul/export/Chats.csv') => parse(phoneExportCsvParser, new TextEncoder().encode(text), path);

const byPart = (docs: ParsedDocument[], part: string) => docs.filter((d) => d.metadata.phoneExport === part);
const edges = (doc: ParsedDocument): ContactEdge[] => JSON.parse(doc.metadata.contacts!) as ContactEdge[];
const found = (text: string, type: string, country = 'SY') => extractMentions(text, { country }).filter((m) => m.type === type).map((m) => m.value ?? m.text);

async function refusal(promise: Promise<unknown>): Promise<VigilError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VigilError, String(error));
    return error;
  }
  assert.fail('expected the file to be refused');
}

describe('phone export (JSON)', () => {
  it('makes the device, one document per conversation, the call log and the contacts', async () => {
    const docs = await parseJson(khalidsPhone());
    assert.deepEqual(docs.map((d) => [d.metadata.phoneExport, d.title]), [
      ['device', 'Phone of Khalid Haddad (Samsung SM-G930F)'],
      ['conversation', 'WhatsApp with +963 944 123 456 (Abu Omar)'],
      ['conversation', 'SMS with +90 532 111 22 33 (Leila Haddad)'],
      ['calls', 'Call log (3 calls)'],
      ['contacts', 'Contacts (2 contacts)'],
    ]);
    assert.ok(docs.every((d) => d.metadata.country === 'SY'), 'the device country is on every document');
    const [device] = docs;
    assert.equal(device!.metadata.imei, '356938035643809');
    assert.equal(device!.metadata.ownerNumbers, '["+963933111222"]', 'the owner\'s local number as E.164');
    assert.equal(device!.metadata.extractedAt, '2017-07-01T09:30:00+03:00');
    assert.match(device!.text, /^Owner: Khalid Haddad, \+963 933 111 222$/m);
  });

  it('writes each message as a line: time, sender (name) → recipient (name): text, attachments', async () => {
    const [chat] = byPart(await parseJson(khalidsPhone()), 'conversation');
    const lines = chat!.text.split('\n').filter((line) => line.startsWith('2017-'));
    assert.deepEqual(lines, [
      '2017-06-02 10:15:00+03:00 +963 944 123 456 (Abu Omar) → +963 933 111 222 (Khalid Haddad): The parcel is ready in Raqqa.',
      // Left out of an outgoing message, the sender is the owner; the address book names the recipient's number.
      '2017-06-02 10:17:30+03:00 +963 933 111 222 (Khalid Haddad) → +963 944 123 456 (أبو عمر): I will send Leila tomorrow.',
      '2017-06-02 10:20:00+03:00 +963 944 123 456 (Abu Omar) → +963 933 111 222 (Khalid Haddad): Good.',
    ]);
    assert.match(chat!.text, /\n {4}Bring the papers\. \[attached: IMG-20170602-WA0003\.jpg\]\n/);
    assert.equal(chat!.date, '2017-06-02');
    assert.equal(chat!.metadata.thread, 'wa-17');
    assert.equal(chat!.metadata.messages, '3');
  });

  it('records who contacted whom with E.164 numbers, one edge per direction with its count and span', async () => {
    const docs = await parseJson(khalidsPhone());
    const [chat, sms] = byPart(docs, 'conversation');
    const owner = { number: '+963933111222', name: 'Khalid Haddad', owner: true };
    assert.deepEqual(edges(chat!), [
      { from: { number: '+963944123456', name: 'Abu Omar' }, to: owner, kind: 'message', app: 'whatsapp', count: 2, first: '2017-06-02T10:15:00+03:00', last: '2017-06-02T10:20:00+03:00' },
      { from: owner, to: { number: '+963944123456', name: 'أبو عمر' }, kind: 'message', app: 'whatsapp', count: 1, first: '2017-06-02T10:17:30+03:00', last: '2017-06-02T10:17:30+03:00' },
    ]);
    assert.deepEqual(edges(sms!).map((e) => [e.from.number, e.from.name, e.to.owner]), [['+905321112233', 'Leila Haddad', true]]);
    const [calls] = byPart(docs, 'calls');
    assert.deepEqual(edges(calls!).map((e) => [e.from.number, e.to.number, e.app, e.durationSeconds, e.missed ?? 0]), [
      ['+963944123456', '+963933111222', 'whatsapp', 0, 1],
      ['+963933111222', '+963944123456', 'phone', 125, 0],
      ['+905321112233', '+963933111222', 'phone', 45, 0],
    ]);
    const [contacts] = byPart(docs, 'contacts');
    assert.deepEqual(edges(contacts!).map((e) => [e.kind, e.to.number, e.to.name]), [
      ['address-book', '+963944123456', 'أبو عمر'],
      ['address-book', '+905321112233', 'Leila Haddad'],
    ]);
  });

  it('writes the call log one call a line, in time order, and the contacts one a line', async () => {
    const docs = await parseJson(khalidsPhone());
    assert.deepEqual(byPart(docs, 'calls')[0]!.text.split('\n').slice(2, 5), [
      '2017-06-02 09:58:00+03:00 missed call from +963 944 123 456 (Abu Omar), WhatsApp',
      '2017-06-02 11:00:00+03:00 outgoing call to +963 944 123 456 (أبو عمر), 2 min 5 s',
      '2017-06-03 07:40:00+03:00 incoming call from +90 532 111 22 33 (Leila Haddad), 45 s',
    ]);
    assert.deepEqual(byPart(docs, 'contacts')[0]!.text.split('\n').slice(2, 4), [
      'أبو عمر: +963 944 123 456 — notes: courier',
      'Leila Haddad: +90 532 111 22 33; leila.h@example.com',
    ]);
  });

  it('gives extraction names beside numbers: PERSON and PHONE in Latin and Arabic script', async () => {
    const docs = await parseJson(khalidsPhone());
    const chat = byPart(docs, 'conversation')[0]!.text;
    assert.ok(found(chat, 'PERSON').includes('Abu Omar'));
    assert.ok(found(chat, 'PERSON').includes('أبو عمر'));
    assert.deepEqual([...new Set(found(chat, 'PHONE'))].sort(), ['+963933111222', '+963944123456']);
    const contacts = byPart(docs, 'contacts')[0]!.text;
    assert.ok(found(contacts, 'PERSON').includes('Leila Haddad'));
    // Numbers are written in international form, so they are read even without a country.
    assert.deepEqual(found(contacts, 'PHONE', ''), ['+963933111222', '+963944123456', '+905321112233']);
  });

  it('reads local numbers in the device country: the same number in another country is another number', async () => {
    const inIraq = khalidsPhone();
    inIraq.device.country = 'IQ';
    const docs = await parseJson(inIraq);
    assert.equal(docs[0]!.metadata.country, 'IQ');
    const outgoing = edges(byPart(docs, 'calls')[0]!).find((e) => e.to.name === 'أبو عمر');
    assert.notEqual(outgoing?.to.number, '+963944123456');
    assert.match(outgoing?.to.number ?? '', /^(\+964|0944)/, 'read as Iraqi, or kept as written when not an Iraqi number');
  });

  it('groups messages without a chat id by app and the other side', async () => {
    const value = {
      vigilPhoneExport: 1,
      messages: [
        { app: 'sms', direction: 'incoming', timestamp: '2017-06-03T08:00:00Z', from: { number: '+905321112233' }, text: 'one' },
        { app: 'sms', direction: 'outgoing', timestamp: '2017-06-03T08:05:00Z', to: [{ number: '+90 532 111 22 33' }], text: 'two' },
        { app: 'sms', direction: 'incoming', timestamp: '2017-06-03T08:06:00Z', from: { number: '+963944123456' }, text: 'three' },
      ],
    };
    const docs = await parseJson(value);
    assert.deepEqual(docs.map((d) => d.metadata.messages), ['2', '1'], 'no device document without a device');
    assert.match(docs[0]!.text, /^2017-06-03 08:05:00Z the phone's owner → \+90 532 111 22 33: two$/m);
  });
});

describe('phone export records that are wrong', () => {
  it('leaves out a bad record, naming it and its field, and keeps the others', async () => {
    const value = khalidsPhone();
    value.messages[1]!.timestamp = '31/02/2017';
    (value.calls[0] as Record<string, unknown>).durationSeconds = '2:05';
    const docs = await parseJson(value);
    assert.equal(byPart(docs, 'conversation')[0]!.metadata.messages, '2');
    assert.equal(byPart(docs, 'calls')[0]!.metadata.calls, '2');
    assert.equal(docs[0]!.metadata.skippedRecords, '2');
    assert.deepEqual(docs[0]!.warnings, [
      '2 of its 9 records left out as malformed: ' +
        'messages[1].timestamp: "31/02/2017" is not an ISO 8601 date and time with an offset (such as "2017-06-02T10:15:00+03:00", or "…Z" for UTC); ' +
        'calls[0].durationSeconds: a whole number of seconds',
    ]);
  });

  it('names a misspelt field rather than dropping it silently', async () => {
    const value = khalidsPhone();
    (value.messages[0] as Record<string, unknown>).txt = 'hello';
    const docs = await parseJson(value);
    assert.match(docs[0]!.warnings![0]!, /messages\[0\]: "txt" is not a field of the shape/);
  });

  it('fails the file when no record could be read', async () => {
    const error = await refusal(parseJson({ vigilPhoneExport: 1, calls: [{ direction: 'out', timestamp: '2017-06-02T11:00:00+03:00', number: '1' }] }));
    assert.equal(error.code, 'ingest.phone-export-records');
    assert.match(error.message, /^\/haul\/khalid\.phone\.json: none of its 1 records could be read: calls\[0\]\.direction: "out" is not/);
  });

  const notTheShape: [string, unknown, RegExp][] = [
    ['a Vigil JSON document', { title: 'memo', text: 'x' }, /no top-level "vigilPhoneExport": 1/],
    ['a list', [{ vigilPhoneExport: 1 }], /no top-level "vigilPhoneExport"/],
    ['a newer version', { vigilPhoneExport: 2 }, /vigilPhoneExport is 2; this Vigil reads version 1/],
    ['a misspelt section', { vigilPhoneExport: 1, mesages: [] }, /"mesages" is not a field/],
    ['messages that are not a list', { vigilPhoneExport: 1, messages: { a: 1 } }, /messages: a list of messages/],
    ['an unknown device country', { vigilPhoneExport: 1, device: { country: 'Syria' } }, /device\.country: "Syria" is not an ISO 3166-1 alpha-2 code/],
    ['an IMEI with letters', { vigilPhoneExport: 1, device: { imei: ['35693803564380X'] } }, /device\.imei\.0: "35693803564380X" is not an IMEI/],
  ];
  for (const [what, value, message] of notTheShape) {
    it(`refuses ${what} as not the shape, naming why`, async () => {
      const error = await refusal(parseJson(value));
      assert.equal(error.code, 'ingest.phone-export-shape');
      assert.match(error.message, message);
      assert.match(error.message, /^\/haul\/khalid\.phone\.json: /);
    });
  }

  it('refuses a file that is not JSON', async () => {
    const error = await refusal(parse(phoneExportJsonParser, new TextEncoder().encode('{"vigilPhoneExport": 1,')));
    assert.equal(error.code, 'ingest.json-syntax');
  });
});

describe('phone export (CSV)', () => {
  it('reads a messages file by its header line, recipients across toNumbers and toNames by position', async () => {
    const docs = await parseCsv([
      'app,thread,direction,timestamp,fromNumber,fromName,toNumbers,toNames,text,attachments',
      'whatsapp,g-1,incoming,2017-06-02T10:15:00+03:00,+963944123456,Abu Omar,+963933111222;+905321112233,Khalid;Leila Haddad,"Meet at the mill, 9pm",',
      'whatsapp,g-1,outgoing,2017-06-02T10:16:00+03:00,+963933111222,Khalid,+963944123456,,On my way,voice-01.opus',
    ].join('\r\n'));
    assert.equal(docs.length, 1);
    assert.deepEqual(edges(docs[0]!).map((e) => [e.from.number, e.to.number, e.to.name]), [
      ['+963944123456', '+963933111222', 'Khalid'],
      ['+963944123456', '+905321112233', 'Leila Haddad'],
      ['+963933111222', '+963944123456', undefined],
    ]);
    assert.match(docs[0]!.text, /^2017-06-02 10:15:00\+03:00 \+963 944 123 456 \(Abu Omar\) → \+963 933 111 222 \(Khalid\), \+90 532 111 22 33 \(Leila Haddad\): Meet at the mill, 9pm$/m);
    assert.match(docs[0]!.text, /On my way \[attached: voice-01\.opus\]/);
  });

  it('reads calls and contacts files, semicolon-separated as European Excel writes them', async () => {
    const [calls] = await parseCsv('direction;timestamp;number;name;durationSeconds\nincoming;2017-06-03T07:40:00Z;+90 532 111 22 33;Leila Haddad;45\n', '/haul/Call Log.csv');
    assert.equal(calls!.metadata.phoneExport, 'calls');
    assert.match(calls!.text, /^2017-06-03 07:40:00Z incoming call from \+90 532 111 22 33 \(Leila Haddad\), 45 s$/m);
    const [contacts] = await parseCsv('name,numbers,emails,notes\nأبو عمر,+963944123456;+963955555666,,courier\n', '/haul/x.csv');
    assert.match(contacts!.text, /^أبو عمر: \+963 944 123 456, \+963 955 555 666 — notes: courier$/m);
  });

  it('names the line and column of a bad row and keeps the others', async () => {
    const docs = await parseCsv([
      'direction,timestamp,number,durationSeconds',
      'outgoing,2017-06-02T11:00:00+03:00,+963944123456,125',
      'outgoing,2017-06-02 11:00,+963944123456,125',
      'missed,2017-06-02T12:00:00+03:00,+963944123456,',
    ].join('\n'), '/haul/calls.csv');
    assert.equal(docs[0]!.metadata.calls, '2');
    assert.deepEqual(docs[0]!.warnings, ['1 of its 3 records left out as malformed: line 3: timestamp: "2017-06-02 11:00" is not an ISO 8601 date and time with an offset (such as "2017-06-02T10:15:00+03:00", or "…Z" for UTC)']);
  });

  it('counts lines across quoted cells that hold line breaks', async () => {
    const docs = await parseCsv('app,direction,timestamp,fromNumber,text\nsms,incoming,2017-06-02T10:00:00Z,+963944123456,"two\nlines"\nsms,sideways,2017-06-02T10:01:00Z,+963944123456,x\n');
    assert.match(docs[0]!.warnings![0]!, /line 4: direction: "sideways" is not "incoming" or "outgoing"/);
    assert.match(docs[0]!.text, /two\n {4}lines/);
  });

  it('recognises the three shapes by their header line only, in any column order', () => {
    const recognises = (header: string) => phoneExportCsvParser.recognises!(new TextEncoder().encode(`${header}\nx\n`));
    assert.ok(recognises('name,numbers'));
    assert.ok(recognises('\uFEFF"numbers","name","emails"'), 'a BOM and quoted names');
    assert.ok(recognises('timestamp,direction,durationSeconds,number'));
    assert.ok(recognises('text,app,direction,timestamp'));
    assert.ok(!recognises('name,number'), 'a column the shapes do not have');
    assert.ok(!recognises('name,numbers,phone'), 'an extra column');
    assert.ok(!recognises('direction,timestamp,number'), 'a required column missing');
    assert.ok(!recognises('Name,Numbers'), 'column names are exact');
  });
});

describe('phone export timestamps', () => {
  const cases: [string, string | null][] = [
    ['2017-06-02T10:15:00+03:00', '2017-06-02T10:15:00+03:00'],
    ['2017-06-02 10:15+0300', '2017-06-02T10:15+03:00'],
    ['2017-06-02T10:15:00.250Z', '2017-06-02T10:15:00Z'],
    ['2017-06-02T10:15:00-05', '2017-06-02T10:15:00-05:00'],
    ['2016-02-29T00:00:00Z', '2016-02-29T00:00:00Z'],
    ['2017-02-29T00:00:00Z', null],
    ['31/02/2017', null],
    ['2017-06-02T10:15:00', null],
    ['2017-06-02T24:00:00Z', null],
    ['2017-06-02T10:15:00+15:00', null],
    ['2017-13-02T10:15:00Z', null],
  ];
  for (const [written, iso] of cases) {
    it(`reads ${written} as ${iso ?? 'no timestamp'}`, () => assert.equal(parseTimestamp(written)?.iso ?? null, iso));
  }
  it('orders by the instant, not the local time', () => {
    assert.ok(parseTimestamp('2017-06-02T10:15:00+03:00')!.instant < parseTimestamp('2017-06-02T08:00:00Z')!.instant);
  });
});

describe('phone export numbers', () => {
  const cases: [string, string | undefined, string][] = [
    ['0944 123 456', 'SY', '+963944123456'],
    ['00963944123456', 'SY', '+963944123456'],
    ['+90 532 111 22 33', 'SY', '+905321112233'],
    ['0944 123 456', undefined, '0944 123 456'],
    ['Syriatel', 'SY', 'Syriatel'],
    ['1234', 'SY', '1234'],
  ];
  for (const [written, country, value] of cases) {
    it(`reads ${written} in ${country ?? 'no country'} as ${value}`, () => assert.equal(readNumber(written, country as never).value, value));
  }
});
