import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './pool.ts';
import { openEmptyTestDb, serverUrl, testEngine } from '../test/db.ts';

/**
 * A PostgreSQL restart or an administrator ending connections must not stop Tre: the pool drops
 * the dead idle connections and the next query opens a new one. (On PGlite there is no server to
 * end them; the case is run there too and checks the pool still answers.)
 */
let db: Db;
beforeAll(async () => {
  db = await openEmptyTestDb();
});
afterAll(async () => db.close());

describe('the connection pool', () => {
  it('answers again after the server ends its idle connections', async () => {
    // a few idle connections in the pool
    await Promise.all([1, 2, 3].map(() => sql`SELECT pg_sleep(0.05)`.execute(db.kysely)));
    if (testEngine() === 'postgres') {
      const name = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(db.kysely)).rows[0]?.db;
      const admin = new pg.Client({ connectionString: serverUrl() });
      await admin.connect();
      try {
        const ended = await admin.query(
          'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t',
          [name],
        );
        expect((ended.rows[0] as { n: number }).n).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 200)); // the termination reaches the idle clients
    }
    const again = await sql<{ n: number }>`SELECT 41 + 1 AS n`.execute(db.kysely);
    expect(again.rows[0]?.n).toBe(42);
  });
});
