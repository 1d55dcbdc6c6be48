import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { IngestBatch } from '../records.js';
import { sealAuditEvent } from '../../access/index.js';
import { describeAccessContract } from '../access.contract.js';
import { describeScopeContract } from '../scope.contract.js';
import { describeStoreContract } from '../store.contract.js';
import { describeViewContract } from '../view.contract.js';
import { sqliteMigrations, type Migration } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

describeStoreContract('sqlite', () => openSqliteStore(':memory:'));
describeAccessContract('sqlite', () => openSqliteStore(':memory:'));
describeScopeContract('sqlite', () => openSqliteStore(':memory:'));
describeViewContract('sqlite', () => openSqliteStore(':memory:'));

describe('the SQLite audit log', () => {
  it('refuses to change or remove a record through SQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-'));
    try {
      const file = join(dir, 'vigil.db');
      const store = openSqliteStore(file);
      await store.appendAudit((last) => sealAuditEvent({ at: '2026-12-04T10:00:00Z', actor: 'user:omar', action: 'screen', target: null, outcome: 'ok', details: {} }, last));
      await store.close();
      const db = new Database(file);
      try {
        assert.throws(() => db.prepare("UPDATE audit_log SET actor = 'user:nobody'").run(), /append-only/);
        assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /append-only/);
        assert.equal((db.prepare('SELECT actor FROM audit_log').get() as { actor: string }).actor, 'user:omar');
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const at = '2024-05-01T10:00:00.000Z';

function oneDocumentBatch(path: string): IngestBatch {
  const sha256 = 'ab'.repeat(32);
  return {
    source: { sha256, size: 12, path, mediaType: 'text/plain', ingestedAt: at },
    documents: [
      {
        id: 'doc-1', sha256, size: 12, path, mediaType: 'text/plain', ingestedAt: at, parentId: null, position: 0,
        title: null, author: null, date: null, language: null, text: 'Courier seen in Mosul.', span: null, isLeaf: true, metadata: {},
      },
    ],
    newEntities: [],
    entityKeys: [],
    mentions: [],
  };
}

/** Reads the file behind the store directly: the schema bookkeeping is not part of the Store interface. */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('SQLite file store', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'vigil-sqlite-store-'));
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  let count = 0;
  const freshFile = () => join(folder, `store-${++count}`, 'vigil.sqlite');

  it('records each applied migration in schema_migrations', async () => {
    const file = freshFile();
    await openSqliteStore(file).close();
    const rows = inspect(file, (db) => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all());
    assert.deepEqual(rows, sqliteMigrations.map((m) => ({ version: m.version, name: m.name })));
  });

  it('reopening the same file neither re-runs nor fails the migrations, and keeps the data', async () => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.saveIngestBatch(oneDocumentBatch('/haul/a.txt'));
    await first.close();
    const appliedBefore = inspect(file, (db) => db.prepare('SELECT version, applied_at FROM schema_migrations').all());
    const second = openSqliteStore(file);
    try {
      assert.equal((await second.getDocument('doc-1'))?.text, 'Courier seen in Mosul.');
      assert.equal((await second.searchDocuments({ clauses: [{ alternatives: [{ words: ['mosul'], prefix: false }], negated: false }] }, { offset: 0, limit: 5 })).total, 1);
    } finally {
      await second.close();
    }
    assert.deepEqual(inspect(file, (db) => db.prepare('SELECT version, applied_at FROM schema_migrations').all()), appliedBefore);
  });

  it('applies a migration added since the file was written', async () => {
    const file = freshFile();
    await openSqliteStore(file).close();
    const latest = Math.max(...sqliteMigrations.map((m) => m.version));
    const next: Migration = { version: latest + 1, name: 'analyst-notes', sql: 'CREATE TABLE analyst_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);' };
    await openSqliteStore(file, [...sqliteMigrations, next]).close();
    const versions = inspect(file, (db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all());
    assert.deepEqual(versions, [...sqliteMigrations.map((m) => m.version), latest + 1]);
    assert.equal(inspect(file, (db) => db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'analyst_notes'`).pluck().get()), 1);
  });

  it('refuses a store file written by a newer schema version with a clear error', async () => {
    const file = freshFile();
    const future: Migration = { version: 99, name: 'from-the-future', sql: 'CREATE TABLE future_things (id INTEGER);' };
    await openSqliteStore(file, [...sqliteMigrations, future]).close();
    assert.throws(
      () => openSqliteStore(file),
      (error: unknown) =>
        error instanceof VigilError &&
        error.kind === 'input' &&
        error.code === 'store.too-new' &&
        error.message.includes(`newer Vigil (schema 99, this one knows ${Math.max(...sqliteMigrations.map((m) => m.version))})`),
    );
  });

  it('refuses a file that is not an SQLite database with a clear error naming it', async () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'Subject: meeting in Mosul\n\nThis is an e-mail, not a store.\n');
    assert.throws(
      () => openSqliteStore(file),
      (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.code === 'store.open' && error.message.includes(file),
    );
  });

  it('runs in WAL journal mode', async () => {
    const file = freshFile();
    await openSqliteStore(file).close();
    assert.equal(inspect(file, (db) => db.pragma('journal_mode', { simple: true })), 'wal');
  });

  it('remembers every path at which known bytes were seen, once each', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    try {
      await store.saveIngestBatch(oneDocumentBatch('/haul/a.txt'));
      assert.equal(await store.saveIngestBatch(oneDocumentBatch('/haul/copy/a.txt')), 'already-known');
      await store.addSourcePath('ab'.repeat(32), '/haul/usb/a.txt', at);
      await store.addSourcePath('ab'.repeat(32), '/haul/usb/a.txt', at);
    } finally {
      await store.close();
    }
    const paths = inspect(file, (db) => db.prepare('SELECT path FROM source_paths ORDER BY path').pluck().all());
    assert.deepEqual(paths, ['/haul/a.txt', '/haul/copy/a.txt', '/haul/usb/a.txt']);
  });
});
