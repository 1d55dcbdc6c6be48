// Moving an embedded store to PostgreSQL: every table copied row for row (the PostgreSQL schema mirrors SQLite's
// tables and columns), parents before children, in one PostgreSQL transaction, so a failure leaves the target as
// it was. Then each table is checked: the same number of rows, and the same checksum of its rows read back — the sum
// of each row's SHA-256, so that it does not depend on the order either database reads them in. Identity counters
// are moved past the copied rows, so new rows never collide.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { VigilError } from '../errors.js';
import { migrate } from './postgres/migrations.js';
import { openPgDb, type PgQueries, type Row } from './postgres/pg-db.js';

export interface TableCopy {
  table: string;
  rows: number;
  sha256: string;
}

export interface StoreMigrationReport {
  tables: TableCopy[];
  rows: number;
}

interface PgColumn {
  name: string;
  type: string;
  generated: boolean;
}

// Tables the PostgreSQL store has that the embedded one never fills.
const postgresOnly = new Set(['schema_migrations', 'ingest_jobs']);
// Tables whose rows the migrations themselves write (a counter starting at 0, the key rules' version).
const seededByMigrations = new Set(['counters', 'store_settings']);

async function tablesInOrder(pg: PgQueries): Promise<string[]> {
  const tables = (await pg.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).map((r) => r.name).filter((t) => !postgresOnly.has(t));
  const references = await pg.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
  );
  // Parents first (a depth-first order over the foreign keys); tables without references keep name order.
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const r of references) if (r.child === table && tables.includes(r.parent)) visit(r.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function columnsOf(pg: PgQueries, table: string): Promise<PgColumn[]> {
  return (
    await pg.query<{ name: string; type: string; generated: string; identity: string }>(
      `SELECT column_name AS name, data_type AS type, is_generated AS generated, is_identity AS identity FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).map((c) => ({ name: c.name, type: c.type, generated: c.generated === 'ALWAYS' }));
}

/** A table's checksum: the sum modulo 2^256 of the SHA-256 of each row, whatever order the rows come in. */
class RowSum {
  private sum = 0n;
  add(values: unknown[]): void {
    this.sum = (this.sum + BigInt('0x' + createHash('sha256').update(JSON.stringify(values)).digest('hex'))) % 2n ** 256n;
  }
  hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/** One value as both stores give it back, for the checksum: numbers as numbers, 0/1 flags and booleans alike. */
function canonical(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === 'boolean') return value === true || value === 1 ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value.replace(/\u0000/g, '\uFFFD');
  return value;
}

export async function migrateStore(fromFile: string, toUrl: string, onTable?: (table: string, rows: number) => void): Promise<StoreMigrationReport> {
  if (!existsSync(fromFile)) throw new VigilError('input', 'store.no-source', `${fromFile}: no embedded store here (give the data folder with --from)`);
  const sqlite = new Database(fromFile, { readonly: true, fileMustExist: true });
  const pg = openPgDb(toUrl, { max: 2 });
  try {
    await migrate(pg);
    const report = await pg.transaction(async (tx) => {
      const tables = await tablesInOrder(tx);
      // Empty means nothing of a haul, a list or a user in it; the settings rows the migrations seed (counters, the
      // key version) are replaced by the embedded store's own.
      for (const table of tables) {
        const [{ n }] = (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)) as [{ n: number }];
        if (n === 0) continue;
        if (!seededByMigrations.has(table)) throw new VigilError('conflict', 'store.target-not-empty', `the PostgreSQL store already holds rows in ${table}: migrate into an empty database`);
        await tx.query(`DELETE FROM ${table}`);
      }
      const copies: TableCopy[] = [];
      for (const table of tables) {
        const pgColumns = (await columnsOf(tx, table)).filter((c) => !c.generated);
        const sqliteColumns = new Set((sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
        if (sqliteColumns.size === 0) continue; // a table the embedded store does not have: nothing to move
        const columns = pgColumns.filter((c) => sqliteColumns.has(c.name));
        const names = columns.map((c) => c.name);
        // Few enough rows per INSERT to stay well under PostgreSQL's 65,535 parameters.
        const perInsert = Math.max(1, Math.floor(20_000 / Math.max(1, names.length)));
        const hash = new RowSum();
        let batch: unknown[][] = [];
        let rows = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * names.length + c + 1}`).join(', ')})`).join(', ');
          await tx.query(`INSERT INTO ${table} (${names.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${values}`, batch.flat());
          batch = [];
        };
        for (const row of sqlite.prepare(`SELECT ${names.join(', ')} FROM ${table}`).iterate() as Iterable<Row>) {
          const values = columns.map((c) => {
            const value = canonical(row[c.name], c.type);
            return c.type === 'boolean' && value !== null ? value === 1 : value;
          });
          hash.add(columns.map((c) => canonical(row[c.name], c.type)));
          batch.push(values);
          rows++;
          if (batch.length >= perInsert) await flush();
        }
        await flush();
        copies.push({ table, rows, sha256: hash.hex() });
        onTable?.(table, rows);
      }
      // Identity columns carry on after the copied rows.
      for (const table of tables) {
        for (const c of await tx.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'YES'`, [table])) {
          await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${c.name}) FROM ${table}), 0) + 1, false)`, [table, c.name]);
        }
      }
      // Read back on the PostgreSQL side in the same order: the same rows, the same checksum, or nothing is kept.
      for (const copy of copies) {
        const columns = (await columnsOf(tx, copy.table)).filter((c) => !c.generated && (sqlite.prepare(`PRAGMA table_info(${copy.table})`).all() as { name: string }[]).some((s) => s.name === c.name));
        const rows = await tx.query(`SELECT ${columns.map((c) => c.name).join(', ')} FROM ${copy.table}`);
        const hash = new RowSum();
        for (const row of rows) hash.add(columns.map((c) => canonical(row[c.name], c.type)));
        const sha256 = hash.hex();
        if (rows.length !== copy.rows || sha256 !== copy.sha256) {
          throw new VigilError('internal', 'store.migration-mismatch', `${copy.table}: ${copy.rows} rows copied but ${rows.length} read back${sha256 !== copy.sha256 ? ', with other contents' : ''}; nothing was kept`);
        }
      }
      return { tables: copies, rows: copies.reduce((n, c) => n + c.rows, 0) };
    });
    return report;
  } finally {
    sqlite.close();
    await pg.close();
  }
}
