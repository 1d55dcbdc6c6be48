// The PostgreSQL connection as the store's parts use it: a pool, plain parameterised queries, and transactions that
// hand the same client to every query inside them (node-postgres gives each pool query a client of its own).
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface PgQueries {
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]>;
  /** The first row, or undefined. */
  one<R extends Row = Row>(text: string, params?: unknown[]): Promise<R | undefined>;
}

export interface PgDb extends PgQueries {
  /** Runs `work` in one transaction (READ COMMITTED unless asked); rolled back when it throws. */
  transaction<T>(work: (tx: PgQueries) => Promise<T>, isolation?: 'read committed' | 'repeatable read' | 'serializable'): Promise<T>;
  close(): Promise<void>;
}

// BIGINT and NUMERIC come back as numbers: counts and sequence numbers here stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function queriesOf(client: pg.Pool | pg.PoolClient): PgQueries {
  return {
    async query<R extends Row>(text: string, params: unknown[] = []) {
      return (await client.query<R>(text, params)).rows;
    },
    async one<R extends Row>(text: string, params: unknown[] = []) {
      return (await client.query<R>(text, params)).rows[0] as R | undefined;
    },
  };
}

export function openPgDb(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client's connection that drops (a restart) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  return {
    ...queriesOf(pool),
    async transaction(work, isolation = 'read committed') {
      // Two writers that lock rows in crossing orders (a merge while an ingest writes the same entities) can
      // deadlock; PostgreSQL then aborts one, which is safe to run again from the start, as are serialisation
      // failures. Anything else is thrown as it is.
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
          const result = await work(queriesOf(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (error as { code?: string }).code;
          if ((code === '40P01' || code === '40001') && attempt < 5) {
            await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
            continue;
          }
          throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
