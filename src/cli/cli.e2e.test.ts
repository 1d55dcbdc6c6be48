// End to end: the built `vigil` executable driven as a user would, on the sample corpus, in temp folders.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipArchive } from '../ingest/containers/archive-fixtures.js';
import { buildPdf } from '../ingest/parsers/pdf.fixture.js';
import { packageRoot, sampleCorpus, sampleWatchlist } from './package-files.js';

const bin = join(packageRoot, 'dist/src/cli/bin.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function vigil(data: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [bin, '--data', data, ...args], { encoding: 'utf8', env: { ...process.env, VIGIL_LOG_LEVEL: 'silent' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

interface DocumentLine {
  id: string;
  title: string | null;
  author: string | null;
  date: string | null;
  path: string;
  sha256: string;
  parent: string | null;
  metadata: Record<string, string>;
}

describe('vigil CLI on the sample corpus', () => {
  let dir: string;
  let data: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-cli-'));
    data = join(dir, 'data');
    const first = vigil(data, 'ingest', sampleCorpus);
    assert.equal(first.status, 0, first.stderr);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('stores the same bytes once, and a second run adds nothing', () => {
    const before = jsonLines<DocumentLine>(vigil(data, 'documents', '--json').stdout);
    const again = vigil(data, 'ingest', sampleCorpus);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /0 stored, 28 already known/);
    const after = jsonLines<DocumentLine>(vigil(data, 'documents', '--json').stdout);
    assert.deepEqual(after.map((d) => d.id), before.map((d) => d.id));
    // The corpus holds one byte-identical copy of a report: 28 files, 27 distinct top-level documents.
    const topLevel = after.filter((d) => d.parent === null);
    assert.equal(topLevel.length, 27);
    assert.equal(new Set(topLevel.map((d) => d.sha256)).size, 27);
  });

  it('lists documents with provenance, and split articles with their page as parent', () => {
    const docs = jsonLines<DocumentLine>(vigil(data, 'documents', '--json').stdout);
    for (const d of docs) {
      for (const key of ['id', 'title', 'author', 'date', 'path', 'sha256', 'parent']) assert.ok(key in d, `${d.id} has ${key}`);
      assert.match(d.sha256, /^[0-9a-f]{64}$/);
    }
    const page = docs.find((d) => d.path.endsWith('web/index-page.txt') && d.parent === null)!;
    const articles = docs.filter((d) => d.parent === page.id);
    assert.equal(articles.length, 5);
    assert.equal(articles[0]!.title, 'Fuel convoys return to the Hasakah road');
    assert.equal(articles[0]!.author, 'Sam Reyes');
    assert.equal(articles[0]!.date, '2018-03-03');
    assert.equal(articles.filter((a) => a.metadata.truncated === 'true').length, 1, 'one article is a "Read more" teaser');
    const html = docs.find((d) => d.path.endsWith('web/monitor-blog.html') && d.parent === null)!;
    assert.deepEqual(
      docs.filter((d) => d.parent === html.id).map((d) => d.title),
      articles.map((a) => a.title),
      'the HTML and plain-text index pages split into the same articles',
    );
  });

  it('resolves spellings of one person to one entity with every alias', () => {
    const run = vigil(data, 'entities', '--type', 'PERSON', '--json');
    assert.equal(run.status, 0);
    const people = jsonLines<{ id: string; type: string; name: string; aliases: string[]; mentions: number; documents: string[] }>(run.stdout);
    assert.ok(people.every((p) => p.type === 'PERSON'));
    const hamoud = people.find((p) => p.name === 'Muhammad Yasin al-Hamoud' || p.aliases.includes('Muhammad Yasin al-Hamoud'))!;
    assert.deepEqual(
      [hamoud.name, ...hamoud.aliases].sort(),
      ['Mohamad Yaseen el-Hamoud', 'Mohammed Yassin Al Hamoud', 'Muhammad Yasin al-Hamoud'],
    );
    assert.equal(hamoud.mentions >= 3, true);
    assert.equal(hamoud.documents.length >= 3, true);
    const places = jsonLines<{ name: string; aliases: string[] }>(vigil(data, 'entities', '--type', 'LOCATION', '--json').stdout);
    const deir = places.find((p) => [p.name, ...p.aliases].includes('Deir ez-Zor'))!;
    assert.ok([deir.name, ...deir.aliases].includes('Deir ez Zor'), 'Deir ez-Zor and Deir ez Zor are one place');
  });

  it('searches phrases exactly, pages with a cursor, and prints every result with --json', () => {
    const phrase = jsonLines<{ id: string; snippet: string; highlights: [number, number][]; score: number; title: string }>(
      vigil(data, 'search', '"money exchanger"', '--json').stdout,
    );
    assert.ok(phrase.length > 0);
    for (const hit of phrase) {
      assert.ok(typeof hit.score === 'number' && typeof hit.title === 'string');
      assert.ok(hit.highlights.length > 0);
    }
    const all = jsonLines<{ id: string }>(vigil(data, 'search', 'Tikriti', '--json').stdout);
    const firstPage = vigil(data, 'search', 'Tikriti', '--json', '--limit', '2');
    assert.equal(jsonLines(firstPage.stdout).length, 2);
    const cursor = /--cursor (\S+)/.exec(firstPage.stderr)?.[1];
    assert.ok(cursor, 'a limited page says how to get the next one');
    const secondPage = jsonLines<{ id: string }>(vigil(data, 'search', 'Tikriti', '--json', '--limit', '2', '--cursor', cursor).stdout);
    assert.deepEqual(secondPage.map((h) => h.id), all.slice(2, 4).map((h) => h.id));
    assert.ok(all.length > 4, 'without --limit, --json returns every match');
  });

  it('imports, adds, promotes and screens through the watchlist commands', () => {
    assert.match(vigil(data, 'watchlist', 'import', sampleWatchlist).stdout, /7 added/);
    assert.match(vigil(data, 'watchlist', 'import', sampleWatchlist).stdout, /0 added, 0 updated, 7 unchanged/);
    const added = vigil(data, 'watchlist', 'add', '--name', 'Qais Hamad al-Tikriti', '--alias', 'Kais Hammad al-Tikriti', '--dob', '1983', '--nationality', 'irq', '--document', 'passport:A1234567:IRQ', '--json');
    assert.equal(added.status, 0, added.stderr);
    const entry = JSON.parse(added.stdout) as { id: string; nationalities: string[]; documents: { number: string }[] };
    assert.deepEqual(entry.nationalities, ['IRQ']);
    assert.equal(entry.documents[0]!.number, 'A1234567');

    const people = jsonLines<{ id: string; name: string }>(vigil(data, 'entities', '--type', 'PERSON', '--json').stdout);
    const karaca = people.find((p) => p.name.includes('Karaca'))!;
    const promoted = JSON.parse(vigil(data, 'watchlist', 'promote', karaca.id, '--json').stdout) as { created: boolean; evidence: { entityId: string; documentIds: string[] }[] };
    assert.equal(promoted.created, true);
    assert.equal(promoted.evidence[0]!.entityId, karaca.id);
    assert.ok(promoted.evidence[0]!.documentIds.length >= 2);
    assert.match(vigil(data, 'watchlist', 'promote', karaca.id).stdout, /already listed/);
    assert.equal(jsonLines(vigil(data, 'watchlist', 'list', '--json').stdout).length, 9);

    const screened = jsonLines<{ entryId: string; name: string; score: number; reason: string }>(
      vigil(data, 'screen', '--name', 'Abou Ayoub el-Forati', '--json').stdout,
    );
    assert.equal(screened[0]!.name, 'Abu Ayyub al-Furati');
    assert.ok(screened[0]!.score >= 0.9 && screened[0]!.score <= 1);
    assert.match(screened[0]!.reason, /name/);
    const clear = vigil(data, 'screen', '--name', 'Jane Smith');
    assert.equal(clear.status, 0);
    assert.match(clear.stdout, /no watchlist candidates/);
  });

  it('screens a passenger manifest: one JSON line per traveller, verdicts, clear travellers empty, bad rows reported', async () => {
    assert.match(vigil(data, 'watchlist', 'import', sampleWatchlist).stdout, /sample-agency/);
    const manifest = join(dir, 'manifest.csv');
    await writeFile(
      manifest,
      'id,name,dob,nationality,document_number,document_country\n' +
        'T1,Abou Khaled el-Tikriti,1979-04-11,IRQ,,\n' +
        'T2,Jane Smith,1990-01-01,GBR,,\n' +
        'T3,Jean Dupont,1970-01-01,FRA,A7731905,IRQ\n' +
        'T4,Ali Hassan,31/02/1990,IRQ,,\n' +
        'T5,too few\n',
    );
    const run = vigil(data, 'screen', '--manifest', manifest, '--json');
    assert.equal(run.status, 1, 'a manifest with unreadable rows exits 1 after screening the rest');
    const results = jsonLines<{ id: string; matches: { entry: string; list: string; sourceId: string; name: string; score: number; verdict: string; explanation: string }[]; error?: string }>(run.stdout);
    assert.deepEqual(results.map((r) => r.id), ['T1', 'T2', 'T3', 'T4']);
    const [t1, t2, t3, t4] = results;
    assert.equal(t1!.matches[0]!.sourceId, 'SA-001');
    assert.equal(t1!.matches[0]!.verdict, 'match');
    assert.match(t1!.matches[0]!.explanation, /birth date 1979-04-11 matches/);
    assert.deepEqual(t2!.matches, []);
    assert.equal(t3!.matches[0]!.sourceId, 'SA-005', 'the listed passport number finds the courier under another name');
    assert.match(t4!.error!, /31\/02\/1990/);
    assert.match(run.stderr, /line 6 \(id T5\): expected 6 columns, found 2/);
    const human = vigil(data, 'screen', '--manifest', manifest);
    assert.match(human.stdout, /4 travellers: 2 match, 0 review, 1 clear, 1 not screened/);
  });

  it('remembers a false match for the same traveller until the entry changes', () => {
    vigil(data, 'watchlist', 'import', sampleWatchlist);
    const traveller = ['--name', 'Ayyub Furati', '--dob', '1968-01-01'];
    const first = jsonLines<{ travellerKey: string; entryId: string; ref: string }>(vigil(data, 'screen', ...traveller, '--json').stdout);
    const hit = first.find((c) => c.ref === 'SA-004')!;
    assert.match(hit.travellerKey, /^t_[0-9a-f]{20}$/);
    const decided = vigil(data, 'decide', hit.travellerKey, hit.entryId, 'false-match', '--note', 'different person, checked passport');
    assert.equal(decided.status, 0, decided.stderr);
    const again = vigil(data, 'screen', ...traveller);
    assert.doesNotMatch(again.stdout, new RegExp(`  ${hit.entryId}: `));
    assert.match(again.stdout, new RegExp(`not raised: ${hit.entryId} .*marked a false match by cli:`));
    // Another traveller with the same name but another birth date is a different identity: still raised.
    assert.ok(jsonLines<{ entryId: string }>(vigil(data, 'screen', '--name', 'Ayyub Furati', '--dob', '1975-05-05', '--json').stdout).some((c) => c.entryId === hit.entryId));
    const history = jsonLines<{ decision: string; note: string; actor: string }>(vigil(data, 'decisions', hit.travellerKey, '--json').stdout);
    assert.deepEqual(history.map((d) => [d.decision, d.note]), [['false-match', 'different person, checked passport']]);
    assert.equal(vigil(data, 'decide', hit.travellerKey, 'w_nope', 'false-match').status, 1);
    assert.equal(vigil(data, 'decide', hit.travellerKey, hit.entryId, 'maybe').status, 1);
  });

  it('merges and splits entities, shows them in context, and keeps the decisions through vigil extract', () => {
    const people = jsonLines<{ id: string; name: string; aliases: string[]; documents: string[] }>(vigil(data, 'entities', '--type', 'PERSON', '--json').stdout);
    const [first, second] = people;
    assert.ok(first && second);
    const merged = vigil(data, 'entities', 'merge', first.id, second.id, '--note', 'one courier');
    assert.equal(merged.status, 0, merged.stderr);
    assert.match(merged.stdout, /merged 1 into/);
    const show = vigil(data, 'entities', 'show', first.id);
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /\[.+\]/, 'mentions in context, bracketed');
    assert.match(show.stdout, /decision: .* merged/);
    const extract = jsonLines<{ documents: number; interrupted: boolean }>(vigil(data, 'extract', '--json').stdout)[0]!;
    assert.equal(extract.interrupted, false);
    assert.ok(extract.documents > 20);
    const after = jsonLines<{ entity: { mergedInto: string | null } }>(vigil(data, 'entities', 'show', second.id, '--json').stdout)[0]!;
    assert.equal(after.entity.mergedInto, first.id);
    const decisions = jsonLines<{ kind: string; note: string }>(vigil(data, 'entities', 'decisions', '--json').stdout);
    assert.deepEqual(decisions.map((d) => [d.kind, d.note]), [['merge', 'one courier']]);
    const refused = vigil(data, 'entities', 'split', first.id);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /--name and\/or --document/);
  });

  it('answers user mistakes with one line and exit code 1', () => {
    const cases: [string[], RegExp][] = [
      [['ingest', join(dir, 'missing')], /no such file or folder/],
      [['search', 'x', '--limit', 'ten'], /--limit/],
      [['search', '--', '-fuel'], /only excludes words/],
      [['screen'], /--name/],
      [['screen', '--name', 'A B', '--dob', 'yesterday-ish'], /not a date/],
      [['watchlist', 'promote', 'e_nope'], /no entity with id "e_nope"/],
      [['entities', '--type', 'WEAPON'], /--type/],
      [['entities', 'merge', 'e_nope', 'e_nada'], /no entity with id "e_nope"/],
      [['entities', 'show', 'e_nope'], /no entity with id "e_nope"/],
      [['frobnicate'], /unknown command/],
      [['ingest', sampleCorpus, '--max-entry-size', 'huge'], /--max-entry-size.*not a size/],
      [['ingest', sampleCorpus, '--workers', 'two'], /--workers.*not a whole number/],
      [['ingest', sampleCorpus, '--file-timeout', '0'], /--file-timeout.*seconds above 0/],
      [['ingest', sampleCorpus, '--max-depth', '0'], /--max-depth must be 1 or more/],
      [['--store', 'mysql://root:secret@db/vigil', 'status'], /--store: "mysql:\/\/db\/vigil" is not a valid store/],
      // Port 1 on loopback: nothing listens, the connection is refused at once.
      [['--store', 'postgres://vigil:secret@127.0.0.1:1/vigil', 'status'], /cannot open the PostgreSQL store at postgres:\/\/127\.0\.0\.1:1\/vigil: .*ECONNREFUSED/],
    ];
    for (const [args, message] of cases) {
      const run = vigil(data, ...args);
      assert.equal(run.status, 1, `${args.join(' ')} exits 1`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, `${args.join(' ')} prints no stack trace`);
      assert.doesNotMatch(run.stderr, /secret/, 'a password in a store URL is never printed');
    }
  });

  it('refuses a data folder that is a file, in one line', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const run = vigil(file, 'status');
    assert.equal(run.status, 1);
    assert.equal(run.stderr.trim(), `vigil: data folder ${file}: a file is in the way; choose a folder with --data`);
  });

  it('has --help for every command', () => {
    for (const args of [[], ['ingest'], ['search'], ['documents'], ['entities'], ['entities', 'merge'], ['entities', 'split'], ['extract'], ['watchlist'], ['watchlist', 'add'], ['watchlist', 'promote'], ['screen'], ['serve'], ['start']]) {
      const run = vigil(data, ...args, '--help');
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /Usage: vigil/);
    }
  });
});

describe('vigil watchlist import of other list formats', () => {
  it('imports a plain CSV all or nothing, with --partial for the readable rows, and updates by id on re-import', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-lists-'));
    try {
      const data = join(dir, 'data');
      const csv = join(dir, 'agency-list.csv');
      await writeFile(
        csv,
        'id,name,aliases,dob,nationality,document_number,document_country\n' +
          'AG-1,Abu Khalid al-Tikriti,Abou Khaled el-Tikriti;Faisal Hamad Salih,1979-04-11,IRQ,N04318872,SYR\n' +
          'AG-2,Rezan Haji Osman,,1984-13-45,IRQ,,\n',
      );
      const refused = vigil(data, 'watchlist', 'import', csv, '--list', 'agency');
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /agency-list\.csv: 1 problem, nothing imported \(first: .*1984-13-45.*--partial/);
      assert.equal(jsonLines(vigil(data, 'watchlist', 'list', '--json').stdout).length, 0);

      const partial = vigil(data, 'watchlist', 'import', csv, '--list', 'agency', '--partial');
      assert.equal(partial.status, 0, partial.stderr);
      // The bad birth date is left out and reported; the rest of that person is imported.
      assert.match(partial.stdout, /agency: 2 added, 0 updated, 0 unchanged, 1 with problems/);
      assert.match(partial.stderr, /line 3 \(id AG-2\): dob "1984-13-45" is not a date/);
      const entries = jsonLines<{ ref: string; name: string; aliases: string[]; birthDates: string[]; documents: { number: string; country: string }[] }>(
        vigil(data, 'watchlist', 'list', '--json').stdout,
      );
      assert.deepEqual(entries.sort((a, b) => a.ref.localeCompare(b.ref)).map((e) => [e.ref, e.name, e.aliases, e.birthDates, e.documents[0]]), [
        ['AG-1', 'Abu Khalid al-Tikriti', ['Abou Khaled el-Tikriti', 'Faisal Hamad Salih'], ['1979-04-11'], { type: 'passport', number: 'N04318872', country: 'SYR' }],
        ['AG-2', 'Rezan Haji Osman', [], [], undefined],
      ]);
      await writeFile(csv, 'id,name,dob\nAG-1,Abu Khalid al-Tikriti,1979-04-11\nAG-2,Rezan Haji Osman,1984\n');
      assert.match(vigil(data, 'watchlist', 'import', csv, '--list', 'agency').stdout, /agency: 0 added, 2 updated, 0 unchanged, 0 with problems/);
      const screened = jsonLines<{ ref: string }>(vigil(data, 'screen', '--name', 'Rêzan Hacî Osman', '--json').stdout);
      assert.equal(screened[0]!.ref, 'AG-2');
      const unknown = vigil(data, 'watchlist', 'import', join(dir, 'list.txt'));
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /--format/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vigil ingest on bad input', () => {
  it('records each unreadable file with its reason, stores the rest, and clears the problem once fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bad-'));
    try {
      const src = join(dir, 'haul');
      await mkdir(src);
      await writeFile(join(src, 'good.txt'), 'A good note\n\nAbu Hamza al-Raqqawi runs the exchange in Raqqa.\n');
      await writeFile(join(src, 'broken.json'), '{"title": "x", "text": ');
      await writeFile(join(src, 'shape.json'), '{"title": "x", "body": "no text field"}');
      await writeFile(join(src, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
      await writeFile(join(src, 'scan.tif'), 'II*\u0000 a TIFF image');
      await writeFile(join(src, 'scan.pdf'), buildPdf({ pages: [[]] }));
      await writeFile(join(src, 'cut.pdf'), buildPdf({ pages: [['Half a report']] }).subarray(0, 100));
      const data = join(dir, 'data');
      // Without OCR whether or not tesseract is installed here: the image and the scan are listed, not read.
      const run = vigil(data, 'ingest', '--no-ocr', src);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /7 files, 1 stored, 0 already known, 4 failed, 0 unsupported, 2 need OCR/);
      assert.match(run.stderr, /broken\.json: not valid JSON/);
      assert.match(run.stderr, /shape\.json: .*text/);
      assert.match(run.stderr, /binary\.txt: .*NUL/);
      assert.match(run.stderr, /cut\.pdf: not a readable PDF/);
      assert.match(run.stderr, /needs OCR: .*scan\.pdf: no text layer on 1 of its 1 pages; it needs OCR, and this run had no OCR engine/);
      assert.match(run.stderr, /needs OCR: .*scan\.tif: an image \(image\/tiff\); it needs OCR/);
      const problems = jsonLines<{ path: string; kind: string }>(vigil(data, 'problems', '--json').stdout);
      assert.deepEqual(problems.map((p) => [p.path.split('/').pop(), p.kind]).sort(), [
        ['binary.txt', 'failed'],
        ['broken.json', 'failed'],
        ['cut.pdf', 'failed'],
        ['scan.pdf', 'needs-ocr'],
        ['scan.tif', 'needs-ocr'],
        ['shape.json', 'failed'],
      ]);
      await writeFile(join(src, 'broken.json'), '{"title": "Fixed", "text": "Now valid."}');
      const rerun = vigil(data, 'ingest', '--no-ocr', src);
      assert.match(rerun.stdout, /1 stored, 1 already known, 3 failed, 0 unsupported, 2 need OCR/);
      const after = jsonLines<{ path: string }>(vigil(data, 'problems', '--json').stdout);
      assert.ok(!after.some((p) => p.path.endsWith('broken.json')), 'the fixed file is no longer a problem');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vigil ingest with its limits set on the command line', () => {
  it('opens archives only as deep as --max-depth and reads no entry past --max-entry-size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-limits-'));
    try {
      const src = join(dir, 'haul');
      await mkdir(src);
      const note = 'Abu Hamza al-Raqqawi runs the exchange in Raqqa.\n';
      const inner = zipArchive([{ name: 'deep.txt', data: note }]);
      await writeFile(join(src, 'outer.zip'), zipArchive([{ name: 'inner.zip', data: inner }, { name: 'note.txt', data: note }, { name: 'long.txt', data: note.repeat(40) }]));
      const run = vigil(join(dir, 'data'), 'ingest', src, '--max-depth', '1', '--max-entry-size', '1KiB', '--workers', '1', '--json');
      assert.equal(run.status, 1, run.stderr);
      const report = JSON.parse(run.stdout) as { stored: number; failed: { path: string; code: string }[] };
      assert.deepEqual(report.failed.map((f) => [f.path.slice(src.length + 1), f.code]).sort(), [
        ['outer.zip!/inner.zip', 'ingest.too-deep'],
        ['outer.zip!/long.txt', 'ingest.entry-too-large'],
      ]);
      const defaults = vigil(join(dir, 'defaults'), 'ingest', src, '--json');
      assert.equal(defaults.status, 0, defaults.stderr);
      assert.deepEqual((JSON.parse(defaults.stdout) as { failed: unknown[] }).failed, [], 'the default limits read all of it');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vigil ingest --report, vigil failures, vigil ingest --retry-failed', () => {
  it('writes the report with failures by reason, lists the failures, and reads only those again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-retry-'));
    try {
      const src = join(dir, 'haul');
      await mkdir(src);
      await writeFile(join(src, 'broken.json'), '{"text": ');
      await writeFile(join(src, 'cut.pdf'), buildPdf({ pages: [['Half a report']] }).subarray(0, 100));
      await writeFile(join(src, 'memo.txt'), 'Abu Omar paid the courier.\n');
      const data = join(dir, 'data');
      const run = vigil(data, 'ingest', src, '--report', join(dir, 'report.json'));
      assert.equal(run.status, 1);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { stored: number; failedByReason: Record<string, number>; failed: { path: string }[] };
      assert.equal(report.stored, 1);
      assert.deepEqual(report.failedByReason, { 'ingest.json-syntax': 1, 'ingest.pdf-unreadable': 1 });
      assert.match(run.stdout, /failed by reason: 1 json-syntax, 1 pdf-unreadable/);
      assert.match(run.stdout, /vigil ingest --retry-failed/);

      const failures = vigil(data, 'failures');
      assert.equal(failures.status, 0);
      assert.match(failures.stdout, /failed \(json-syntax\): .*broken\.json: not valid JSON/);
      assert.match(failures.stdout, /2 files failed or need OCR/);
      const problemLine = vigil(data, 'problems').stdout.split('\n').find((l) => l.includes('broken.json'))!;
      assert.equal(problemLine.split('broken.json').length - 1, 1, `the path once: ${problemLine}`);

      await writeFile(join(src, 'broken.json'), '{"text": "Fixed."}');
      const retry = vigil(data, 'ingest', '--retry-failed', '--json');
      const retried = JSON.parse(retry.stdout) as { files: number; stored: number; alreadyKnown: number; failed: { path: string }[] };
      assert.equal(retried.files, 2, 'only the two failed files are read');
      assert.equal(retried.stored, 1);
      assert.deepEqual(retried.failed.map((f) => f.path.slice(src.length + 1)), ['cut.pdf']);
      assert.match(vigil(data, 'failures').stdout, /1 files failed or need OCR/);

      for (const args of [['ingest'], ['ingest', src, '--retry-failed']]) {
        const bad = vigil(data, ...args);
        assert.equal(bad.status, 1);
        assert.match(bad.stderr, /^vigil: ingest: give /m);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vigil ingest interrupted', () => {
  it('leaves a consistent store after Ctrl-C or kill -9, and a re-run completes to the same result as an uninterrupted run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-interrupt-'));
    try {
      const src = join(dir, 'haul');
      await mkdir(src);
      for (let i = 0; i < 600; i++) {
        const text = `Report ${i}\n\nAbu Khalid al-Tikriti met courier number ${i} in Deir ez-Zor; call +963 944 ${String(100000 + i)}.\n` +
          `Author: Analyst ${i % 7} | Date: 2017-03-${String((i % 28) + 1).padStart(2, '0')} | Permalink\n\nSecond item ${i}\n\nBody text of the second item about Raqqa, long enough to be a body line.\nRead more\n`;
        await writeFile(join(src, `r${String(i).padStart(4, '0')}.txt`), text);
      }
      const reference = join(dir, 'reference');
      assert.equal(vigil(reference, 'ingest', src).status, 0);
      const expected = jsonLines<{ id: string }>(vigil(reference, 'documents', '--json').stdout).map((d) => d.id).sort();

      const interrupted = join(dir, 'interrupted');
      for (const signal of ['SIGINT', 'SIGKILL'] as const) {
        const child = spawn(process.execPath, [bin, '--data', interrupted, 'ingest', src], { env: { ...process.env, VIGIL_LOG_LEVEL: 'silent' } });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        await new Promise((resolve) => setTimeout(resolve, 700));
        child.kill(signal);
        const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        if (signal === 'SIGINT' && code === 130) assert.match(stdout, /interrupted: .*run the same command again to resume/s);
        // Whatever was stored is whole: every page that was split has all of its articles.
        const docs = jsonLines<{ id: string; parent: string | null; metadata: Record<string, string> }>(vigil(interrupted, 'documents', '--json').stdout);
        for (const page of docs.filter((d) => d.metadata.articles)) {
          assert.equal(docs.filter((d) => d.parent === page.id).length, Number(page.metadata.articles));
        }
      }
      const resumed = vigil(interrupted, 'ingest', src);
      assert.equal(resumed.status, 0, resumed.stderr);
      const actual = jsonLines<{ id: string }>(vigil(interrupted, 'documents', '--json').stdout).map((d) => d.id).sort();
      assert.deepEqual(actual, expected);
      const summary = (s: string) => JSON.parse(vigil(s, 'status', '--json').stdout) as { mentions: number; entitiesByType: object };
      assert.deepEqual(summary(interrupted).entitiesByType, summary(reference).entitiesByType);
      assert.equal(summary(interrupted).mentions, summary(reference).mentions);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vigil start and serve', () => {
  it('start ingests the samples and watchlist once; a second start duplicates nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-start-'));
    try {
      const data = join(dir, 'data');
      const first = vigil(data, 'start', '--no-serve');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /27 stored/);
      assert.match(first.stdout, /7 added/);
      assert.match(first.stdout, /watchlist: 7 entries/);
      assert.match(first.stdout, /entities: +\d+ PERSON, \d+ ORG, \d+ LOCATION/);
      assert.match(first.stdout, /created administrator admin; one-time password \(shown only now\): \w{5}-\w{5}-\w{5}-\w{5}/);
      const second = vigil(data, 'start', '--no-serve');
      assert.doesNotMatch(second.stdout, /created administrator/, 'the administrator is created once');
      assert.match(second.stdout, /0 stored, 28 already known/);
      assert.match(second.stdout, /0 added, 0 updated, 7 unchanged/);
      assert.equal(
        first.stdout.split('\n').filter((l) => l.startsWith('documents:'))[0],
        second.stdout.split('\n').filter((l) => l.startsWith('documents:'))[0],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the API until Ctrl-C, then stops cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-serve-'));
    let child: ReturnType<typeof spawn> | null = null; // for the finally below
    try {
      const data = join(dir, 'data');
      assert.equal(vigil(data, 'users', 'add', 'omar', '--role', 'screener').status, 0);
      const { token } = JSON.parse(vigil(data, 'tokens', 'create', '--user', 'omar', '--json').stdout) as { token: string };
      const server = spawn(process.execPath, [bin, '--data', data, 'serve', '--port', '0'], { env: { ...process.env, VIGIL_LOG_LEVEL: 'silent' } });
      child = server;
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /serving (http:\/\/\S+\/)/.exec(stdout);
          if (found) resolve(found[1]!);
        });
        server.on('exit', () => reject(new Error('server exited early: ' + stdout)));
      });
      const health = (await (await fetch(url + 'api/health')).json()) as { status: string };
      assert.equal(health.status, 'ok');
      const anonymous = await fetch(url + 'api/screen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(anonymous.status, 401);
      const screened = await fetch(url + 'api/screen', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      assert.equal(screened.status, 400);
      server.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => server.on('exit', (c) => resolve(c)));
      assert.equal(code, 0);
      assert.match(stdout, /stopped/);
    } finally {
      // A failed assertion must not leave the server running, holding this test file open.
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
