import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './pool.ts';

/** Several driver connections share PGlite's one session; transactions must still not mix. */
let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://' });
  await sql`CREATE TABLE t (id int PRIMARY KEY, who text NOT NULL)`.execute(db.kysely);
});
afterAll(async () => {
  await db.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PGlite in a worker thread', () => {
  it('keeps a rolled-back transaction from taking concurrent writes with it', async () => {
    const failing = db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('t' as never)
        .values({ id: 1, who: 'rolled back' })
        .execute();
      await sleep(50); // other connections want the session meanwhile
      await trx
        .insertInto('t' as never)
        .values({ id: 2, who: 'rolled back' })
        .execute();
      throw new Error('abort');
    });
    const others = Array.from({ length: 20 }, (_, i) =>
      db.kysely
        .insertInto('t' as never)
        .values({ id: 100 + i, who: 'committed' } as never)
        .execute(),
    );
    await expect(failing).rejects.toThrow('abort');
    await Promise.all(others);
    const rows = await sql<{ who: string; n: number }>`SELECT who, count(*)::int AS n FROM t GROUP BY who`.execute(db.kysely);
    expect(rows.rows).toEqual([{ who: 'committed', n: 20 }]);
  });

  it('does not let a concurrent reader see uncommitted rows', async () => {
    let seen = -1;
    let reader: Promise<unknown> = Promise.resolve();
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('t' as never)
        .values({ id: 3, who: 'pending' })
        .execute();
      reader = sql<{ n: number }>`SELECT count(*)::int AS n FROM t WHERE who = 'pending'`
        .execute(db.kysely)
        .then((r) => (seen = r.rows[0]?.n ?? -1));
      await sleep(30);
      expect(seen).toBe(-1); // the reader waits for the session: it has not run inside our transaction
    });
    await reader;
    expect(seen).toBe(1); // and ran after the commit
  });

  it('reports SQL errors with their PostgreSQL code and keeps working', async () => {
    await expect(sql`SELECT * FROM nowhere`.execute(db.kysely)).rejects.toMatchObject({ code: '42P01' });
    const ok = await sql<{ x: number }>`SELECT 41 + 1 AS x`.execute(db.kysely);
    expect(ok.rows[0]?.x).toBe(42);
  });
});
