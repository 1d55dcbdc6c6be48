// Small e-mail messages for tests, written out line by line (RFC 5322 wants CRLF line ends; mailboxes often hold LF).

/** Lines joined with CRLF, ending in one. */
export const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');

/** A 320×200 PNG's signature and header chunk: enough for file-type to call it image/png, and large enough to be read with OCR. */
export const tinyPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x40, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0]);

export const reportText = 'Report: Leila Haddad received 4,000 USD from Abu Omar in Gaziantep.\n';

/**
 * multipart/mixed: a plain and an HTML alternative of the body (the plain one in quoted-printable, with a soft line
 * break), an inline image referenced from the HTML by Content-ID, and a text file attached in base64.
 */
export function multipartMessage(subject = 'Crossing at Tal Abyad', messageId = '<m1.2017@example.org>'): string {
  return crlf(
    'Return-Path: <abu.omar@example.org>',
    'From: Abu Omar <abu.omar@example.org>',
    'To: Leila Haddad <leila.haddad@example.net>, khalid@example.com',
    'Cc: "Yusuf al-Masri" <y.masri@example.org>',
    'Date: Wed, 03 May 2017 01:30:00 +0300',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'In-Reply-To: <m0.2017@example.net>',
    'References: <m0.2017@example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: multipart/related; boundary="related"',
    '',
    '--related',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'The courier will meet Abu Bakr in Mosul tomorrow, and the money goes to Lei=',
    'la Haddad =E2=80=94 as agreed.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>The courier will meet <b>Abu Bakr</b> in Mosul tomorrow.</p><img src="cid:logo@example.org">',
    '--alt--',
    '--related',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <logo@example.org>',
    'Content-Disposition: inline',
    '',
    base64(tinyPng),
    '--related--',
    '--mixed',
    'Content-Type: text/plain; charset=utf-8; name="report.txt"',
    'Content-Disposition: attachment; filename="report.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(reportText),
    '--mixed--',
  );
}

/** An HTML-only message (no plain alternative), with a forwarded message attached as message/rfc822. */
export function htmlMessageWithForward(): string {
  return crlf(
    'From: khalid@example.com',
    'To: Abu Omar <abu.omar@example.org>',
    'Date: Thu, 04 May 2017 09:00:00 +0000',
    'Subject: Fwd: the list',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>See below.</p><table><tr><td>Yusuf al-Masri</td><td>+963 944 123 456</td></tr></table></body></html>',
    '--b1',
    // No Content-Disposition: mail clients forwarding "inline" send none, and such a part is still a message.
    'Content-Type: message/rfc822',
    '',
    'From: Yusuf al-Masri <y.masri@example.org>',
    'To: khalid@example.com',
    'Subject: the list',
    'Date: Wed, 03 May 2017 18:00:00 +0300',
    '',
    'Names for the crossing.',
    '--b1--',
  );
}

// "السلام عليكم يا أبو عمر" ("Peace be upon you, Abu Omar") in windows-1256, byte by byte from the code page's
// table, so the test does not lean on the decoder it checks.
const arabicGreeting1256 = [
  0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3, 0x20, 0xed, 0xc7, 0x20, 0xc3, 0xc8, 0xe6, 0x20, 0xda, 0xe3, 0xd1,
];
export const arabicGreeting = 'السلام عليكم يا أبو عمر';

/**
 * Arabic: the subject as an RFC 2047 encoded word (UTF-8, base64), the sender's name as one in windows-1256
 * (quoted-printable), and an 8-bit windows-1256 body.
 */
export function arabicMessage(): Uint8Array {
  const head = crlf(
    // "اجتماع في الرقة" ("meeting in Raqqa")
    `Subject: =?UTF-8?B?${Buffer.from('اجتماع في الرقة').toString('base64')}?=`,
    // "أبو عمر" (Abu Omar)
    'From: =?windows-1256?Q?=C3=C8=E6_=DA=E3=D1?= <abu.omar@example.org>',
    'To: leila.haddad@example.net',
    'Date: Sat, 06 May 2017 12:00:00 +0300',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=windows-1256',
    'Content-Transfer-Encoding: 8bit',
    '',
  );
  return new Uint8Array([...Buffer.from(head, 'latin1'), ...arabicGreeting1256, 0x0d, 0x0a]);
}
