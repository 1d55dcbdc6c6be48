// Small phone exports in the shape of docs/phone-exports.md, for the parser's and the pipeline's tests.

/** Khalid Haddad's phone: two contacts (one saved in Arabic), a WhatsApp chat of three messages, an SMS, three calls. */
export function khalidsPhone() {
  return {
    vigilPhoneExport: 1,
    device: {
      owner: { name: 'Khalid Haddad', numbers: ['0933 111 222'] },
      imei: ['356938035643809'],
      imsi: ['417010123456789'],
      model: 'Samsung SM-G930F',
      extraction: { tool: 'Cellebrite UFED 4PC 7.5', date: '2017-07-01T09:30:00+03:00' },
      country: 'SY',
    },
    contacts: [
      { name: 'أبو عمر', numbers: ['0944 123 456'], notes: 'courier' },
      { name: 'Leila Haddad', numbers: ['+90 532 111 22 33'], emails: ['leila.h@example.com'] },
    ],
    messages: [
      {
        app: 'whatsapp', thread: 'wa-17', direction: 'incoming', timestamp: '2017-06-02T10:15:00+03:00',
        from: { number: '+963944123456', name: 'Abu Omar' }, text: 'The parcel is ready in Raqqa.',
      },
      {
        app: 'whatsapp', thread: 'wa-17', direction: 'outgoing', timestamp: '2017-06-02T10:17:30+03:00',
        to: [{ number: '0944 123 456' }], text: 'I will send Leila tomorrow.',
      },
      {
        app: 'whatsapp', thread: 'wa-17', direction: 'incoming', timestamp: '2017-06-02T10:20:00+03:00',
        from: { number: '+963 944 123 456', name: 'Abu Omar' }, text: 'Good.\nBring the papers.', attachments: ['IMG-20170602-WA0003.jpg'],
      },
      {
        app: 'sms', direction: 'incoming', timestamp: '2017-06-03T08:00:00+03:00',
        from: { number: '+905321112233' }, text: 'Crossing at Akçakale tonight.',
      },
    ],
    calls: [
      { direction: 'outgoing', timestamp: '2017-06-02T11:00:00+03:00', number: '0944 123 456', durationSeconds: 125 },
      { app: 'whatsapp', direction: 'missed', timestamp: '2017-06-02T09:58:00+03:00', number: '+963944123456', name: 'Abu Omar' },
      { direction: 'incoming', timestamp: '2017-06-03T07:40:00+03:00', number: '+90 532 111 22 33', name: 'Leila Haddad', durationSeconds: 45 },
    ],
  };
}

/** Abu Omar's phone, seized elsewhere: his own number is one Khalid's phone called; he calls Khalid. */
export function abuOmarsPhone() {
  return {
    vigilPhoneExport: 1,
    device: { owner: { name: 'Abu Omar', numbers: ['+963 944 123 456'] }, model: 'Nokia 105', country: 'SY' },
    contacts: [{ name: 'Khalid', numbers: ['0933111222'] }],
    calls: [{ direction: 'outgoing', timestamp: '2017-06-02T09:58:00+03:00', number: '0933 111 222', durationSeconds: 0 }],
  };
}

export const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
