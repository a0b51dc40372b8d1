import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';

export type Engine = 'pglite' | 'postgres';

/** One handle on the database, whichever engine is behind it. */
export interface Db {
  engine: Engine;
  pool: pg.Pool;
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (int8) as text; our counts and ids fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, or 'memory://' for a throw-away one (tests). */
  dataDir: string;
  poolSize?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      engine: 'postgres',
      pool,
      kysely,
      close: async () => {
        await kysely.destroy(); // ends the pool too
      },
    };
  }
  let lock: DataDirLock | undefined;
  let dir = options.dataDir;
  if (dir !== 'memory://') {
    lock = lockDataDir(dir);
    dir = `${dir}/pgdata`;
    fs.mkdirSync(dir, { recursive: true });
  }
  try {
    const lite = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
    // PGlite is a single connection: the pool hands it out to one query or transaction at a time.
    const pool = new pg.Pool(createPgConfig(lite));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      engine: 'pglite',
      pool,
      kysely,
      close: async () => {
        await kysely.destroy();
        await lite.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
