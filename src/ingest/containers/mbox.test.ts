import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { defaultContainerLimits, ExpansionBudget, ExpansionExhausted, type ContainerEntry, type ContainerLimits, type ContainerSource } from './container.js';
import { mboxContainer } from './mbox.js';

async function entriesOf(source: ContainerSource | string, limits: Partial<ContainerLimits> = {}): Promise<ContainerEntry[]> {
  const from = typeof source === 'string' ? { bytes: new TextEncoder().encode(source) } : source;
  const out: ContainerEntry[] = [];
  for await (const entry of mboxContainer.entries(from, '/haul/box.mbox', new ExpansionBudget({ ...defaultContainerLimits, ...limits }))) out.push(entry);
  return out;
}

const shown = (entries: ContainerEntry[]) => entries.map((e) => ('bytes' in e ? [e.name, new TextDecoder().decode(e.bytes)] : [e.name, e.code]));

// A thread of three, as an mboxrd writer leaves it (RFC 4155): a "From " line before each message, a blank line
// after each, body lines beginning "From " quoted as ">From " and ">From " as ">>From ".
const thread = [
  'From abu.omar@example.org Tue May  2 10:15:00 2017',
  'From: Abu Omar <abu.omar@example.org>',
  'Subject: Crossing at Tal Abyad',
  'Message-ID: <m1@example.org>',
  '',
  'Meet at the crossing.',
  '>From the north side, not the south.',
  '',
  'From here it is two hours.',
  '',
  'From leila.haddad@example.net Tue May  2 11:00:00 2017',
  'From: Leila Haddad <leila.haddad@example.net>',
  'Subject: =?UTF-8?Q?Re:_Crossing_at_Tal_Abyad?=',
  'Message-ID: <m2@example.net>',
  'In-Reply-To: <m1@example.org>',
  '',
  '>>From the north side, not the south.',
  'Agreed.',
  '',
  'From abu.omar@example.org Tue May  2 12:30:00 2017',
  'From: Abu Omar <abu.omar@example.org>',
  'Message-ID: <m3@example.org>',
  '',
  'No subject on this one.',
  '',
].join('\n');

describe('MBOX mailboxes', () => {
  it('yields each message of a thread as NUMBER-SUBJECT.eml, its "From " line and separating blank line left out, quoted lines restored', async () => {
    assert.deepEqual(shown(await entriesOf(thread)), [
      ['0001-Crossing-at-Tal-Abyad.eml', 'From: Abu Omar <abu.omar@example.org>\nSubject: Crossing at Tal Abyad\nMessage-ID: <m1@example.org>\n\nMeet at the crossing.\nFrom the north side, not the south.\n\nFrom here it is two hours.\n'],
      ['0002-Re-Crossing-at-Tal-Abyad.eml', 'From: Leila Haddad <leila.haddad@example.net>\nSubject: =?UTF-8?Q?Re:_Crossing_at_Tal_Abyad?=\nMessage-ID: <m2@example.net>\nIn-Reply-To: <m1@example.org>\n\n>From the north side, not the south.\nAgreed.\n'],
      ['0003-m3@example.org.eml', 'From: Abu Omar <abu.omar@example.org>\nMessage-ID: <m3@example.org>\n\nNo subject on this one.\n'],
    ]);
  });

  it('reads CRLF mailboxes and names messages by Arabic subjects', async () => {
    const subject = `=?UTF-8?B?${Buffer.from('اجتماع في الرقة').toString('base64')}?=`;
    const box = ['From a@example.org Sat May  6 12:00:00 2017', `Subject: ${subject}`, '', 'نص', '', ''].join('\r\n');
    assert.deepEqual(shown(await entriesOf(box)), [['0001-اجتماع-في-الرقة.eml', `Subject: ${subject}\r\n\r\nنص\r\n`]]);
  });

  it('reads a mailbox in place from its file, as it reads one in memory, with lines cut between chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-mbox-'));
    try {
      // Some 300 KiB, so the file is read in several chunks and separators and body lines fall across their edges.
      const messages = Array.from({ length: 40 }, (_, i) => [
        `From courier${i}@example.org Tue May  2 10:${String(i % 60).padStart(2, '0')}:00 2017`,
        `Subject: Report ${i}`,
        '',
        `${'Abu Omar crossed at Tal Abyad. '.repeat(i * 7 + 3)}`,
        '>From the north.',
        '',
        '',
      ].join('\n'));
      const box = messages.join('');
      const file = join(dir, 'big.mbox');
      await writeFile(file, box);
      const inMemory = await entriesOf(box);
      const inPlace = await entriesOf({ file, size: Buffer.byteLength(box) });
      assert.equal(inPlace.length, 40);
      assert.deepEqual(shown(inPlace), shown(inMemory));
      assert.equal(inPlace[39]!.name, '0040-Report-39.eml');
      assert.match(shown(inPlace)[39]![1]!, /Tal Abyad\. \nFrom the north\.\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts each message against the budget: a message over the entry limit is refused and the next read; too many stop the mailbox', async () => {
    const box = `From a@example.org Tue May  2 10:15:00 2017\nSubject: big\n\n${'x'.repeat(5000)}\n\nFrom b@example.org Tue May  2 10:16:00 2017\nSubject: small\n\nok\n`;
    assert.deepEqual(shown(await entriesOf(box, { maxEntryBytes: 1000 })), [['0001.eml', 'ingest.entry-too-large'], ['0002-small.eml', 'Subject: small\n\nok\n']]);
    await assert.rejects(entriesOf(thread, { maxEntries: 2 }), ExpansionExhausted);
  });

  it('says a file that does not begin with a "From " line is no mailbox, and reads an empty one as empty', async () => {
    await assert.rejects(entriesOf('Subject: hello\n\nFrom a@example.org Tue May  2 10:15:00 2017\n'), (error: unknown) => {
      assert.ok(error instanceof VigilError);
      assert.equal(error.code, 'ingest.mbox-unreadable');
      assert.equal(error.message, '/haul/box.mbox: not an MBOX mailbox (it does not begin with a "From " separator line, RFC 4155)');
      return true;
    });
    assert.deepEqual(await entriesOf(''), []);
    assert.deepEqual(await entriesOf('\n\n'), []);
  });
});
