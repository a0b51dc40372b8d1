import crypto from 'node:crypto';
import pg from 'pg';
import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';

export const TEST_PROVINCE = '40'; // Nghệ An
export const ADMIN_PASSWORD = 'admin-password-1';

export const testEngine = (): 'pglite' | 'postgres' => (process.env.TRE_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    dataDir: 'memory://',
    port: 0,
    host: '127.0.0.1',
    provinceCode: TEST_PROVINCE,
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    secureCookies: false,
    trustProxy: false,
    ...overrides,
  };
}

export function serverUrl(): string {
  const url = process.env.TRE_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TRE_TEST_ENGINE=postgres cần TRE_TEST_DATABASE_URL / needs TRE_TEST_DATABASE_URL (run `source scripts/ci-postgres.sh`)',
    );
  }
  return url;
}

/** A new, empty database on the PostgreSQL server under test, and how to drop it again. */
export async function createServerTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(serverUrl());
  const name = `tre_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: base.toString() });
    await c.connect();
    try {
      // An autovacuum worker in the database makes FORCE fail for a role without
      // pg_signal_backend; it finishes quickly, so try again a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
    } finally {
      await c.end();
    }
  };
  return { url: url.toString(), drop };
}

/**
 * A fresh, empty database on the engine under test: an in-memory PGlite, or a new database on the
 * PostgreSQL server that is dropped again on close.
 */
export async function openEmptyTestDb(): Promise<Db> {
  if (testEngine() === 'pglite') return openDb({ dataDir: 'memory://' });
  const server = await createServerTestDatabase();
  const db = await openDb({ databaseUrl: server.url, dataDir: 'unused' });
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      await server.drop();
    },
  };
}

/** A migrated, seeded database with the first administrator, as after a first start. */
export async function openTestDb(): Promise<Db> {
  const db = await openEmptyTestDb();
  await bootstrap(db, testConfig());
  return db;
}
