import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/pool.ts';
import { buildApp, type AppOptions } from '../app.ts';
import { openTestDb, testConfig } from './db.ts';

export interface TestApp {
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real HTTP app on a fresh, seeded database of the engine under test. */
export async function startTestApp(options: Pick<AppOptions, 'imports' | 'reminders' | 'population'> = {}): Promise<TestApp> {
  const db = await openTestDb();
  const app = await buildApp({ db, config: testConfig(), ...options });
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
