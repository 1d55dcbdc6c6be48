// End to end: users, tokens and the audit log through the built `vigil` executable, and the audit log's tamper
// evidence against someone who edits the store's file directly (dropping the append-only triggers first).
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from './package-files.js';

const bin = join(packageRoot, 'dist/src/cli/bin.js');

function vigil(data: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--data', data, ...args], { encoding: 'utf8', env: { ...process.env, VIGIL_LOG_LEVEL: 'silent' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil init, users, tokens and audit', () => {
  let dir: string;
  let data: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-access-'));
    data = join(dir, 'data');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator once, with a one-time password, then users and a token shown once', () => {
    const init = vigil(data, 'init', '--json');
    assert.equal(init.status, 0, init.stderr);
    const { user, password } = JSON.parse(init.stdout) as { user: { name: string; role: string; mustChangePassword: boolean }; password: string };
    assert.deepEqual([user.name, user.role, user.mustChangePassword], ['admin', 'admin', true]);
    assert.match(password, /^[\w]{5}(-[\w]{5}){3}$/);
    const again = vigil(data, 'init');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already has users/);
    assert.equal(vigil(data, 'users', 'add', 'omar', '--role', 'screener').status, 0);
    const bad = vigil(data, 'users', 'add', 'x y', '--role', 'screener');
    assert.deepEqual([bad.status, bad.stderr.trim()], [1, 'vigil: user name "x y": use letters, digits, ".", "_" or "-" (up to 64, starting with a letter or digit)']);
    const token = JSON.parse(vigil(data, 'tokens', 'create', '--user', 'omar', '--label', 'airline batch', '--json').stdout) as { token: string; id: string };
    assert.match(token.token, /^vigil_t_/);
    const listed = vigil(data, 'tokens', 'list').stdout;
    assert.match(listed, new RegExp(`${token.id}\\s+omar\\s+airline batch`));
    assert.ok(!listed.includes(token.token), 'a list never shows the token');
    assert.equal(vigil(data, 'tokens', 'revoke', token.id).status, 0);
    const twice = vigil(data, 'tokens', 'revoke', token.id);
    assert.deepEqual([twice.status, /already revoked/.test(twice.stderr)], [1, true]);
    assert.equal(vigil(data, 'users', 'disable', 'omar').status, 0);
    assert.match(vigil(data, 'users', 'list').stdout, /omar\s+screener\s+—\s+disabled/);
  });

  it('verifies the log, and finds a record edited, removed or reordered in the file, or a log rewritten past its anchor', () => {
    const intact = vigil(data, 'audit', 'verify');
    assert.equal(intact.status, 0);
    const head = /head (\d+:[0-9a-f]{64})/.exec(intact.stdout)?.[1];
    assert.ok(head, intact.stdout);
    assert.match(intact.stdout, /^audit log intact: 5 records; head 5:/);
    const exported = vigil(data, 'audit', 'export').stdout.trim().split('\n').map((l) => JSON.parse(l) as { action: string; seq: number });
    assert.deepEqual(exported.map((r) => [r.seq, r.action]), [[1, 'users.init'], [2, 'users.add'], [3, 'tokens.create'], [4, 'tokens.revoke'], [5, 'users.disable']], 'refused commands change nothing and record nothing');

    const tampered = (name: string, sql: string) => {
      const copy = join(dir, name);
      cpSync(data, copy, { recursive: true });
      const db = new Database(join(copy, 'vigil.sqlite'));
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      db.exec(sql);
      db.close();
      return vigil(copy, 'audit', 'verify');
    };
    const edited = tampered('edited', "UPDATE audit_log SET actor = 'cli:someone-else' WHERE seq = 2");
    assert.deepEqual([edited.status, edited.stdout.trim()], [1, 'audit log BROKEN: record 2 was changed after it was written (its hash does not match its fields)']);
    const removed = tampered('removed', 'DELETE FROM audit_log WHERE seq = 3');
    assert.deepEqual([removed.status, removed.stdout.trim()], [1, 'audit log BROKEN: records 3–3 are missing']);
    const reordered = tampered('reordered', 'UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;');
    assert.equal(reordered.status, 1);
    assert.match(reordered.stdout, /audit log BROKEN: record 2 /);
    // The last record cut off: the chain itself is whole, the anchor noted before is not there any more.
    const cut = join(dir, 'cut');
    cpSync(data, cut, { recursive: true });
    const db = new Database(join(cut, 'vigil.sqlite'));
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 5;');
    db.close();
    assert.equal(vigil(cut, 'audit', 'verify').status, 0, 'a cut chain is still a chain');
    const anchored = vigil(cut, 'audit', 'verify', '--head', head);
    assert.deepEqual([anchored.status, anchored.stdout.trim()], [1, 'audit log BROKEN: record 5 of the anchor is no longer in the log (the log was cut)']);
    assert.equal(vigil(data, 'audit', 'verify', '--head', head).status, 0);
  });

  it('exports only the records since a time, one JSON object per line', () => {
    assert.equal(vigil(data, 'audit', 'export', '--since', '2999-01-01').stdout, '');
    assert.equal(vigil(data, 'audit', 'export', '--since', '2000-01-01').stdout.trim().split('\n').length, 5);
    const bad = vigil(data, 'audit', 'export', '--since', 'last week');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--since.*not a date/);
  });
});
