import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { bootstrap } from '../../bootstrap.ts';
import { openDb, type Db } from '../../db/pool.ts';
import { SmtpMailer } from '../../notifications/mailer.ts';
import { startTestApp } from '../../test/app.ts';
import { createServerTestDatabase, testConfig, testEngine } from '../../test/db.ts';
import { COMMUNE_A, makeUser } from '../../test/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import { at, logOf, makeRound, setContact } from './rounds.fixture.ts';

/** The reminder runs as the server starts them: on their own, after a failure, and after a restart. */
const COMMUNE = { kind: 'commune' as const, code: COMMUNE_A };
const MAILBOX = 'ubnd.thanhvinh@nghean.gov.vn';
let sink: SmtpSink;
let mailer: SmtpMailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>');
});
afterAll(async () => {
  await sink.close();
});

describe('the scheduler in the app', () => {
  it('runs soon after start and again at each interval; a failed run is logged and the next one goes', async () => {
    let calls = 0;
    const now = () => {
      calls++;
      if (calls === 1) throw new Error('the first run fails');
      return at('2025-06-12');
    };
    const t = await startTestApp({ reminders: { intervalMs: 50, firstDelayMs: 0, now, mailer } });
    try {
      // a test app has none unless it asks, as here
      const plain = await buildApp({ db: t.db, config: testConfig() });
      expect(plain.reminders).toBeNull();
      await plain.close();

      const round = await makeRound(t.db.kysely, { deadline: '2025-06-15', bodies: [COMMUNE] });
      await setContact(t.db.kysely, COMMUNE, { email: MAILBOX });
      await t.app.ready(); // onReady starts it
      await sink.waitFor(1);
      // the second run sent it; later runs keep coming and send nothing more
      await until(() => calls >= 5);
      expect(sink.messages).toHaveLength(1);
      expect((await logOf(t.db.kysely, round)).map((r) => `${r.step}|${r.channel}|${String(r.delivered)}`)).toEqual([
        'before|email|true',
        'before|in_app|false', // nobody signs in for this commune in this test
      ]);
    } finally {
      await t.close();
    }
    // closed: no run after the app has stopped
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(after);
    sink.messages.length = 0;
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A database that outlives its first server: a PGlite folder, or a database on the PostgreSQL server. */
async function lastingDatabase(): Promise<{ open(): Promise<Db>; drop(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-reminders-'));
    return {
      open: () => openDb({ dataDir: dir }),
      drop: async () => {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = await createServerTestDatabase();
  return { open: () => openDb({ databaseUrl: server.url, dataDir: 'unused' }), drop: server.drop };
}

describe('a restart', () => {
  it('sends nothing again: the log is in the database, not in the process', async () => {
    const database = await lastingDatabase();
    const reminders = { mailer, now: () => at('2025-06-12'), intervalMs: 3_600_000, firstDelayMs: 0 };
    try {
      // first start: the step goes out
      const db1 = await database.open();
      await bootstrap(db1, testConfig());
      const officer = await makeUser(db1, { role: 'commune_officer', communeCode: COMMUNE_A });
      const round = await makeRound(db1.kysely, { deadline: '2025-06-15', bodies: [COMMUNE] });
      await setContact(db1.kysely, COMMUNE, { email: MAILBOX });
      const app1 = await buildApp({ db: db1, config: testConfig(), reminders });
      await app1.ready();
      await app1.reminders?.runNow(); // joins the run the start began
      const log = await logOf(db1.kysely, round);
      expect(log.map((r) => `${r.step}|${r.channel}|${String(r.delivered)}|${r.recipients}`)).toEqual([
        'before|email|true|contact',
        `before|in_app|true|${officer.username}`,
      ]);
      expect(sink.messages).toHaveLength(1);
      await app1.close();
      await db1.close();

      // the server restarts on the same database, the same day
      const db2 = await database.open();
      await bootstrap(db2, testConfig());
      const app2 = await buildApp({ db: db2, config: testConfig(), reminders });
      await app2.ready();
      const summary = await app2.reminders?.runNow();
      expect(summary).toMatchObject({ today: '2025-06-12', claimed: 0 });
      expect(await logOf(db2.kysely, round)).toEqual(log);
      expect(sink.messages).toHaveLength(1);
      const notes = await db2.kysely.selectFrom('notification').select('id').where('user_id', '=', officer.id).execute();
      expect(notes).toHaveLength(1);
      await app2.close();
      await db2.close();
    } finally {
      await database.drop();
    }
  });
});
