import fs from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';
import { PGliteThread, type PgliteModule } from './pglite-thread.ts';
import { upgradePgdata } from './pglite-upgrade.ts';

export type Engine = 'pglite' | 'postgres';

/** The PostgreSQL major that the installed PGlite runs (0.6: 19); db/pgdata-version.test.ts holds it to the truth. */
export const PGLITE_POSTGRES_MAJOR = '19';

/**
 * The major of the previous PGlite (0.5, kept as the package pglite-pg18): a folder it wrote is
 * carried across when opened (pglite-upgrade.ts) instead of refused.
 */
export const PGLITE_PREVIOUS_MAJOR = '18';

/** The PostgreSQL major that wrote a data folder, or undefined for a new (empty) folder. */
export function readPgdataVersion(pgdata: string): string | undefined {
  const file = `${pgdata}/PG_VERSION`;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * A data folder written by another PostgreSQL major cannot be opened by this one: PGlite would only
 * say "failed to initialize". Said plainly instead, with the way across (a logical dump is
 * independent of the PostgreSQL version). The previous major never gets here from openDb: it is
 * upgraded first.
 */
export function checkPgdataVersion(pgdata: string, expected = PGLITE_POSTGRES_MAJOR): void {
  const found = readPgdataVersion(pgdata);
  if (found === undefined || found === expected) return;
  if (Number(found) > Number(expected)) {
    throw new Error(
      `Thư mục dữ liệu ${pgdata} do PostgreSQL ${found} tạo (một bản Tre mới hơn); bản Tre này dùng PostgreSQL ${expected} và không mở được nó. ` +
        'Hãy chạy bản Tre mới hơn đó.\n' +
        `The data folder ${pgdata} was written by PostgreSQL ${found} (a newer Tre); this Tre runs PostgreSQL ${expected} and cannot open it. ` +
        'Run that newer Tre.',
    );
  }
  throw new Error(
    `Thư mục dữ liệu ${pgdata} do PostgreSQL ${found} tạo (bản Tre trước); bản Tre này dùng PostgreSQL ${expected} và không mở được nó. ` +
      'Với bản Tre cũ: `npx tre db dump tre.jsonl`; rồi với bản này, trên một TRE_DATA_DIR mới: `npx tre db restore tre.jsonl`.\n' +
      `The data folder ${pgdata} was written by PostgreSQL ${found} (an earlier Tre); this Tre runs PostgreSQL ${expected} and cannot open it. ` +
      'With the earlier Tre: `npx tre db dump tre.jsonl`; then with this one, on a new TRE_DATA_DIR: `npx tre db restore tre.jsonl`.',
  );
}

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
// A calendar date stays 'YYYY-MM-DD': as a JS Date it would be local midnight and shift by the
// time zone when written out as ISO (and in dumps).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it each time. Naming a
 * parameterised query makes node-postgres prepare it once per connection and then only bind and
 * execute: on PGlite this saves about a quarter of a small query's cost. The names are bounded so
 * that queries with varying text (IN lists of different lengths) cannot grow the cache forever.
 */
const MAX_PREPARED = 2000;
const preparedNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `tre_${preparedNames.size}`;
    preparedNames.set(text, name);
  }
  return name;
}

type PoolClient = pg.PoolClient;

function preparingClient(client: PoolClient) {
  return {
    query: (text: unknown, values?: unknown[]) => {
      if (typeof text === 'string' && values && values.length > 0) {
        const name = statementName(text);
        if (name) return client.query({ name, text, values });
      }
      return client.query(text as string, values);
    },
    release: () => client.release(),
  };
}

function kyselyOver(pool: pg.Pool, prepare: boolean): Kysely<Database> {
  if (!prepare) return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const preparing = {
    connect: async () => preparingClient(await pool.connect()),
    end: () => pool.end(),
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparing as unknown as pg.Pool }) });
}

export interface OpenOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, or 'memory://' for a throw-away one (tests). */
  dataDir: string;
  poolSize?: number;
  /**
   * Which PGlite opens the folder. 'pg18' (the previous PGlite) only makes sense for a folder an
   * earlier Tre wrote, and in the tests that make one; it skips the upgrade.
   */
  pglite?: PgliteModule;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    // jit off: Tre's queries are short, and PostgreSQL's JIT compiles any plan it costs above 100,000
    // (a count over 50,000 cases), adding ~50 ms of compilation to a 20 ms query (bench/cases.ts)
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off' });
    // An idle connection the server ends (restart, pg_terminate_backend, DROP DATABASE … FORCE)
    // is an 'error' event on the pool; without a listener Node exits. The pool has already dropped
    // that connection and opens a new one for the next query, so a restart costs one failed query at most.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.warn(`PostgreSQL: kết nối rảnh bị đóng / idle connection closed: ${error.message}`);
    });
    const kysely = kyselyOver(pool, true);
    return {
      engine: 'postgres',
      pool,
      kysely,
      close: async () => {
        await kysely.destroy(); // ends the pool too
      },
    };
  }
  const pglite = options.pglite ?? 'current';
  let lock: DataDirLock | undefined;
  let dir = options.dataDir;
  if (dir !== 'memory://') {
    lock = lockDataDir(dir);
    dir = `${dir}/pgdata`;
    fs.mkdirSync(dir, { recursive: true });
  }
  try {
    if (dir !== 'memory://') {
      // under the folder lock: no other Tre touches the folder while it is carried across
      if (pglite === 'current' && readPgdataVersion(dir) === PGLITE_PREVIOUS_MAJOR) await upgradePgdata(dir);
      checkPgdataVersion(dir, pglite === 'current' ? PGLITE_POSTGRES_MAJOR : PGLITE_PREVIOUS_MAJOR);
    }
    const db = await openPgliteFolder(dir, pglite, options.poolSize);
    return {
      ...db,
      close: async () => {
        await db.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * PGlite on one PostgreSQL data folder (or 'memory://'), with the given package. Takes no lock:
 * openDb holds the data folder's, and the upgrade opens its work folders under that same lock.
 */
export async function openPgliteFolder(pgdata: string, pglite: PgliteModule = 'current', poolSize = 4): Promise<Db> {
  const lite = new PGliteThread(pgdata, pglite);
  try {
    await lite.waitReady;
  } catch (e) {
    await lite.terminate();
    throw e;
  }
  // A few connections share PGlite's one session (the worker keeps transactions apart); kept
  // open, since an idle timeout would only reconnect to the same session.
  const pool = new pg.Pool({
    max: poolSize,
    idleTimeoutMillis: 0,
    user: 'postgres',
    database: 'postgres',
    password: 'pglite',
    stream: () => lite.stream(),
  });
  // no named statements here: the connections share one session, where a name prepared by one
  // would collide with the same name prepared by another
  const kysely = kyselyOver(pool, false);
  return {
    engine: 'pglite',
    pool,
    kysely,
    close: async () => {
      await kysely.destroy();
      await lite.close();
    },
  };
}
