// End to end: the document registry through the built `vigil` executable, in a temp folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from './package-files.js';

const bin = join(packageRoot, 'dist/src/cli/bin.js');

function vigil(data: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, '--data', data, ...args], { encoding: 'utf8', env: { ...process.env, VIGIL_LOG_LEVEL: 'silent' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Check {
  mrz: { valid: boolean; format: string; fields: Record<string, { value: unknown }>; errors: unknown[]; warnings: unknown[] } | null;
  registry: { status: string; match: string; entry: { number: string; numberEnd: string | null; country: string; source: string | null } }[];
}

// ICAO 9303-4 Appendix B specimen (Utopia), with its check digits.
const specimenMrz = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('vigil docs: the stolen, lost and blank document registry', () => {
  let dir: string;
  let data: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-docs-'));
    data = join(dir, 'data');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('adds a report, imports a CSV all or nothing (or --partial), and checks numbers and MRZs with --json', async () => {
    const added = vigil(data, 'docs', 'add', '--country', 'uto', '--type', 'passport', '--number', 'L898902C3', '--status', 'stolen-personalised', '--source', 'Utopia police');
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /^added: r_[0-9a-f]{20}  stolen-personalised passport L898902C3 \(UTO\)/);

    const badRange = vigil(data, 'docs', 'add', '--country', 'SYR', '--type', 'passport', '--number', 'Q10', '--number-end', 'P12', '--status', 'stolen-blank');
    assert.equal(badRange.status, 1);
    assert.equal(badRange.stderr.trim(), 'vigil: --number-end "P12" has a different prefix than --number "Q10"');

    const csv = join(dir, 'registry.csv');
    await writeFile(
      csv,
      'country,type,number,number_end,status,reported,source,notes\n' +
        'SYR,passport,P1200000,P1249999,stolen-blank,2024-03-02,Interior ministry,"consignment, Aleppo"\n' +
        'SYR,passport,P1240000,P1300000,revoked,2024-04-01,Interior ministry,\n' +
        'SYR,passport,Q10,P12,stolen-blank,,,\n',
    );
    const refused = vigil(data, 'docs', 'import', csv);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /registry\.csv line 4: number_end "P12" has a different prefix than number "Q10"\n/);
    assert.match(refused.stderr, /1 problem, nothing imported/);
    assert.deepEqual((JSON.parse(vigil(data, 'docs', 'check', '--number', 'P1245000', '--json').stdout) as Check).registry, []);

    const partial = vigil(data, 'docs', 'import', csv, '--partial', '--json');
    assert.equal(partial.status, 0, partial.stderr);
    assert.deepEqual(JSON.parse(partial.stdout), {
      file: 'registry.csv', added: 2, alreadyKnown: 0, rejected: [{ line: 4, reason: 'number_end "P12" has a different prefix than number "Q10"' }], refused: false,
    });
    assert.match(vigil(data, 'docs', 'import', csv, '--partial').stdout, /registry\.csv: 0 added, 2 already in the registry, 1 with problems/);

    const overlap = JSON.parse(vigil(data, 'docs', 'check', '--number', 'p124-5000', '--country', 'SYR', '--json').stdout) as Check;
    assert.equal(overlap.mrz, null);
    assert.deepEqual(overlap.registry.map((h) => [h.status, h.match, h.entry.number, h.entry.numberEnd]), [
      ['stolen-blank', 'range', 'P1200000', 'P1249999'],
      ['revoked', 'range', 'P1240000', 'P1300000'],
    ]);
    assert.deepEqual((JSON.parse(vigil(data, 'docs', 'check', '--number', 'P1245000', '--country', 'IRQ', '--json').stdout) as Check).registry, []);

    const byMrz = vigil(data, 'docs', 'check', '--mrz', specimenMrz, '--json');
    assert.equal(byMrz.status, 0, byMrz.stderr);
    const check = JSON.parse(byMrz.stdout) as Check;
    // The shape: {"mrz": {"valid", "format", "fields", "errors", "warnings"}, "registry": [...]}.
    const mrz = check.mrz!;
    assert.deepEqual([mrz.valid, mrz.format, mrz.fields.documentNumber!.value, mrz.fields.issuingState!.value, mrz.errors], [true, 'TD3', 'L898902C3', 'UTO', []]);
    assert.ok(Array.isArray(mrz.warnings));
    assert.deepEqual(check.registry.map((h) => [h.status, h.match, h.entry.source]), [['stolen-personalised', 'exact', 'Utopia police']]);

    const human = vigil(data, 'docs', 'check', '--number', 'P1300001');
    assert.equal(human.status, 0);
    assert.equal(human.stdout, 'P1300001: not in the registry\n');
    const neither = vigil(data, 'docs', 'check');
    assert.equal(neither.status, 1);
    assert.match(neither.stderr, /give either --mrz/);
  });

  it('has --help for docs and each of its commands', () => {
    for (const args of [['docs'], ['docs', 'add'], ['docs', 'import'], ['docs', 'check']]) {
      const run = vigil(data, ...args, '--help');
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, new RegExp(`Usage: vigil ${args.join(' ')}`));
    }
  });

  it('screens a PAXLST manifest through names and documents, and a traveller from an MRZ alone', () => {
    const screening = join(dir, 'screening');
    assert.equal(vigil(screening, 'watchlist', 'import', join(packageRoot, 'samples/watchlist.json')).status, 0);
    assert.equal(vigil(screening, 'docs', 'import', join(packageRoot, 'samples/travel/stolen-documents.csv')).status, 0);
    const manifest = vigil(screening, 'screen', '--manifest', join(packageRoot, 'samples/travel/flight-va422.edi'), '--json');
    assert.equal(manifest.status, 0, manifest.stderr);
    const lines = manifest.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; matches: { verdict: string }[]; document?: { status: string; alerts: string[] } });
    assert.deepEqual(lines.map((l) => [l.id, l.matches[0]?.verdict ?? 'clear', l.document?.status]), [
      ['VA422A-1', 'match', 'ok'],
      ['VA422A-2', 'clear', 'ok'],
      ['VA422A-3', 'clear', 'alert'],
    ]);
    assert.match(lines[2]!.document!.alerts.join(' '), /stolen-blank \(inside a reported range\)/);

    const byMrz = vigil(screening, 'screen', '--mrz', specimenMrz.replace('\n', '\\n'), '--json');
    assert.equal(byMrz.status, 0, byMrz.stderr);
    const verdict = JSON.parse(byMrz.stdout.trim().split('\n').at(-1)!) as { document: { number: string; alerts: string[] } };
    assert.equal(verdict.document.number, 'L898902C3');
    assert.match(verdict.document.alerts.join(' '), /registry: lost \(this number\).*expired on 2012-04-15/);
  });
});
