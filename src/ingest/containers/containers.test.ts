import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { gzip, tarArchive, zipArchive } from './archive-fixtures.js';
import { containedName, defaultContainerLimits, ExpansionBudget, type Container, type ContainerEntry, type ContainerLimits } from './container.js';
import { gzipContainer } from './gzip.js';
import { tarContainer } from './tar.js';
import { zipContainer } from './zip.js';

async function entriesOf(container: Container, bytes: Uint8Array, limits: Partial<ContainerLimits> = {}): Promise<ContainerEntry[]> {
  const out: ContainerEntry[] = [];
  for await (const entry of container.entries({ bytes }, '/haul/box', new ExpansionBudget({ ...defaultContainerLimits, ...limits }))) out.push(entry);
  return out;
}

const text = (entry: ContainerEntry | undefined) => (entry && 'bytes' in entry ? new TextDecoder().decode(entry.bytes) : null);
const problem = (entry: ContainerEntry | undefined) => (entry && 'problem' in entry ? entry : null);

describe('containedName', () => {
  for (const [raw, name, unsafe] of [
    ['mail/inbox/a.eml', 'mail/inbox/a.eml', false],
    ['./docs/./b.txt', 'docs/b.txt', false],
    ['../../etc/passwd', 'etc/passwd', true],
    ['/etc/shadow', 'etc/shadow', true],
    ['C:\\Users\\ops\\plan.docx', 'Users/ops/plan.docx', true],
    ['docs\\sub\\c.txt', 'docs/sub/c.txt', false],
    ['a/../../b', 'a/b', true],
    ['..', '(unnamed)', true],
  ] as const) {
    it(`reads ${JSON.stringify(raw)} as ${JSON.stringify(name)}${unsafe ? ', flagged' : ''}`, () => {
      assert.deepEqual(containedName(raw), { name, unsafe });
    });
  }
});

describe('ZIP archives', () => {
  it('yields each file with its path inside, stored or deflated, and skips folders', async () => {
    const zip = zipArchive([
      { name: 'mail/', data: '', method: 0 },
      { name: 'mail/a.txt', data: 'Abu Khalid paid the fighters.' },
      { name: 'notes.md', data: '# Notes\nplain', method: 0 },
    ]);
    const entries = await entriesOf(zipContainer, zip);
    assert.deepEqual(entries.map((e) => e.name), ['mail/a.txt', 'notes.md']);
    assert.equal(text(entries[0]), 'Abu Khalid paid the fighters.');
    assert.equal(text(entries[1]), '# Notes\nplain');
  });

  it('reads an entry whose name climbs out of the archive under a contained name, and says so', async () => {
    const entries = await entriesOf(zipContainer, zipArchive([{ name: '../../etc/passwd', data: 'root:x:0:0' }, { name: 'ok.txt', data: 'fine' }]));
    assert.equal(entries[0]!.name, 'etc/passwd');
    assert.equal(text(entries[0]), 'root:x:0:0');
    assert.match('note' in entries[0]! ? entries[0].note ?? '' : '', /"\.\.\/\.\.\/etc\/passwd", points outside the archive/);
    assert.equal(text(entries[1]), 'fine');
    assert.equal('note' in entries[1]! && entries[1].note !== undefined, false);
  });

  it('records encrypted entries and entries in methods it cannot expand, and reads the rest', async () => {
    const entries = await entriesOf(zipContainer, zipArchive([
      { name: 'secret.txt', data: 'ciphertext', encrypted: true, method: 0 },
      { name: 'old.txt', data: 'bzip2 data', method: 12 },
      { name: 'open.txt', data: 'readable' },
    ]));
    assert.equal(problem(entries[0])?.code, 'ingest.encrypted');
    assert.match(problem(entries[0])?.problem ?? '', /password-protected/);
    assert.equal(problem(entries[1])?.code, 'ingest.unsupported-compression');
    assert.match(problem(entries[1])?.problem ?? '', /BZIP2.*7-Zip/);
    assert.equal(text(entries[2]), 'readable');
  });

  it('refuses an entry whose declared expansion is a bomb, before inflating it', async () => {
    const zeros = new Uint8Array(20 * 2 ** 20);
    const entries = await entriesOf(zipContainer, zipArchive([{ name: 'bomb.bin', data: zeros }, { name: 'after.txt', data: 'still read' }]));
    assert.equal(problem(entries[0])?.code, 'ingest.compression-bomb');
    assert.match(problem(entries[0])?.problem ?? '', /declares 20\.0 MiB from .* stored, more than 200× compression/);
    assert.equal(text(entries[1]), 'still read');
  });

  it('stops an entry whose declared size lies, once the bytes it inflates to pass a limit', async () => {
    const zeros = new Uint8Array(20 * 2 ** 20);
    const entries = await entriesOf(zipContainer, zipArchive([{ name: 'liar.bin', data: zeros, declaredSize: 10 }, { name: 'after.txt', data: 'still read' }]));
    const refused = problem(entries[0]);
    assert.ok(refused, 'the lying entry is a problem, not bytes');
    assert.match(refused.code, /^ingest\.(compression-bomb|corrupt)$/);
    assert.equal(text(entries[1]), 'still read');
  });

  it('stops the whole archive once everything expanded from the file passes its limit (a flat bomb)', async () => {
    const chunk = randomBytes(40_000);
    const zip = zipArchive(Array.from({ length: 6 }, (_, i) => ({ name: `part-${i}.bin`, data: chunk })));
    const read: string[] = [];
    await assert.rejects(async () => {
      for await (const entry of zipContainer.entries({ bytes: zip }, '/haul/flat.zip', new ExpansionBudget({ ...defaultContainerLimits, maxExpandedBytes: 100_000 }))) read.push(entry.name);
    }, (error: unknown) => error instanceof VigilError && error.code === 'ingest.container-limit' && /expanded to over 97\.7 KiB/.test(error.message));
    assert.deepEqual(read, ['part-0.bin', 'part-1.bin']);
  });

  it('stops after the entry limit (a bomb of empty entries)', async () => {
    const zip = zipArchive(Array.from({ length: 12 }, (_, i) => ({ name: `e${i}`, data: '' })));
    await assert.rejects(entriesOf(zipContainer, zip, { maxEntries: 10 }), /holds more than 10 entries/);
  });

  it('says a damaged or truncated archive is not readable', async () => {
    const zip = zipArchive([{ name: 'a.txt', data: 'hello' }]);
    for (const bytes of [zip.subarray(0, zip.length - 30), new TextEncoder().encode('not a zip at all')]) {
      await assert.rejects(entriesOf(zipContainer, bytes), (error: unknown) =>
        error instanceof VigilError && error.kind === 'input' && error.code === 'ingest.corrupt' && /^\/haul\/box: not a readable ZIP archive/.test(error.message));
    }
  });
});

describe('TAR archives', () => {
  it('yields regular files with their paths and leaves folders and links alone', async () => {
    const tar = await tarArchive([
      { name: 'phone/', type: 'directory' },
      { name: 'phone/sms.txt', data: 'call me on 0944 123 456' },
      { name: 'phone/link', type: 'symlink', linkname: '/etc/passwd' },
      { name: '../escape.txt', data: 'out' },
    ]);
    const entries = await entriesOf(tarContainer, tar);
    assert.deepEqual(entries.map((e) => e.name), ['phone/sms.txt', 'escape.txt']);
    assert.equal(text(entries[0]), 'call me on 0944 123 456');
    assert.match('note' in entries[1]! ? entries[1].note ?? '' : '', /points outside the archive/);
  });

  it('refuses an entry over the size limit and reads the next', async () => {
    const tar = await tarArchive([{ name: 'big.bin', data: new Uint8Array(5000) }, { name: 'small.txt', data: 'ok' }]);
    const entries = await entriesOf(tarContainer, tar, { maxEntryBytes: 4096 });
    assert.equal(problem(entries[0])?.code, 'ingest.entry-too-large');
    assert.equal(text(entries[1]), 'ok');
  });

  it('says a damaged archive is not readable, after the files before the damage', async () => {
    const tar = await tarArchive([{ name: 'a.txt', data: 'first' }, { name: 'b.txt', data: 'second' }]);
    const damaged = new Uint8Array(tar);
    damaged.fill(0x41, 1024, 1536);
    const read: string[] = [];
    await assert.rejects(async () => {
      for await (const entry of tarContainer.entries({ bytes: damaged }, '/haul/t.tar', new ExpansionBudget(defaultContainerLimits))) read.push(entry.name);
    }, /not a readable TAR archive after 1 files/);
    assert.deepEqual(read, ['a.txt']);
  });
});

describe('gzip', () => {
  it('yields the one file inside, named from the file or the header', async () => {
    const [plain] = await entriesOf(gzipContainer, gzip('hello'));
    assert.equal(text(plain), 'hello');
    const withName = new Uint8Array(gzip('named'));
    assert.equal((await entriesOf(gzipContainer, withName))[0]!.name, 'box.contents');
    const tgz = [];
    for await (const entry of gzipContainer.entries({ bytes: gzip('x') }, '/haul/logs.tgz', new ExpansionBudget(defaultContainerLimits))) tgz.push(entry.name);
    assert.deepEqual(tgz, ['logs.tar']);
  });

  it('refuses a gzip bomb as it inflates', async () => {
    const [entry] = await entriesOf(gzipContainer, gzip(new Uint8Array(30 * 2 ** 20)));
    assert.equal(problem(entry)?.code, 'ingest.compression-bomb');
  });

  it('says truncated gzip is not readable', async () => {
    const bytes = gzip('some text that is long enough to be cut in the middle of its deflate stream '.repeat(20));
    await assert.rejects(entriesOf(gzipContainer, bytes.subarray(0, 40)), /not a readable gzip file/);
  });
});
