import type { ReadLogEntryDto, ReadLogReply } from '@tre/core/access/read-log';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ADMIN_PASSWORD, openEmptyTestDb, openTestDb, testConfig } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, makeUser, signIn, signInNewUser, type Session } from '../test/factories.ts';
import { FLUSH_ROWS, ReadLogBuffer, flushReadLog, logRead, toRow } from '../audit/read-log.ts';

/**
 * The read log: a sensitive read or a refused attempt is one row with who, when, from where, what
 * and through which route; the administrator filters it; nobody changes it.
 */
let t: TestApp;
let admin: Session;
let officerA: Session;
let officerAId: string;
let officerAName: string;
let viewer: Session;

type Row = Awaited<ReturnType<typeof rowsAfter>>[number];

async function lastId(): Promise<number> {
  await flushReadLog(t.db.kysely);
  const r = await t.db.kysely
    .selectFrom('read_log')
    .select((eb) => eb.fn.max<number | null>('id').as('id')) // null while the log is empty
    .executeTakeFirstOrThrow();
  return r.id ?? 0;
}

/** The rows written since `id`, after flushing the buffer. */
async function rowsAfter(id: number) {
  await flushReadLog(t.db.kysely);
  return t.db.kysely.selectFrom('read_log').selectAll().where('id', '>', id).orderBy('id').execute();
}

/** The rows one request leaves. */
async function rowsOf(request: () => Promise<{ statusCode: number }>, status: number): Promise<Row[]> {
  const before = await lastId();
  const res = await request();
  expect(res.statusCode).toBe(status);
  return rowsAfter(before);
}

const get = (url: string, s?: Session) => () => t.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });

async function logOf(query: string, s: Session = admin): Promise<ReadLogReply> {
  await flushReadLog(t.db.kysely);
  const res = await t.app.inject({ method: 'GET', url: `/api/access-log?${query}`, headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const vietnamDay = (d: Date, plusDays = 0) =>
  new Date(d.getTime() + 7 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  const a = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A });
  officerAId = a.id;
  officerAName = a.username;
  officerA = await signIn(t.app, a.username);
  viewer = await signInNewUser(t, { role: 'viewer' });
});
afterAll(() => t.close());

describe('reads of sensitive records', () => {
  it('a read of a commune’s figures is one row: who, from where, which unit, which route and period', async () => {
    const rows = await rowsOf(get(`/api/indicators/values?period=2025&unit=${COMMUNE_A}`, officerA), 200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      province_code: '40',
      user_id: officerAId,
      username: officerAName,
      ip: '127.0.0.1',
      method: 'GET',
      route: '/api/indicators/values',
      params: { period: '2025' },
      kind: 'unit_values',
      record_id: COMMUNE_A,
      status: 200,
      reason: null,
    });
    expect(Date.now() - (rows[0]?.at.getTime() ?? 0)).toBeGreaterThanOrEqual(0);
  });

  it('the entry form of a unit is logged; the province’s statistics are not', async () => {
    const form = await rowsOf(get(`/api/data-values?period=2025&unit=${COMMUNE_A}&dataSet=commune`, officerA), 200);
    expect(form.map((r) => [r.kind, r.record_id, r.route, r.params])).toEqual([
      ['unit_values', COMMUNE_A, '/api/data-values', { period: '2025', dataSet: 'commune' }],
    ]);
    expect(await rowsOf(get('/api/indicators/values?period=2025&unit=40', viewer), 200)).toHaveLength(0);
  });

  it('a commune officer asking for another commune’s figures is refused (403), and the refusal is one row', async () => {
    const rows = await rowsOf(get(`/api/indicators/values?period=2025&unit=${COMMUNE_B}`, officerA), 403);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: officerAId, kind: 'unit_values', record_id: COMMUNE_B, status: 403 });
  });

  it('an unsigned request is refused (401) and logged with nobody as the reader', async () => {
    const rows = await rowsOf(get(`/api/indicators/values?period=2025&unit=${COMMUNE_A}`), 401);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: null, username: null, kind: 'unit_values', record_id: COMMUNE_A, status: 401 });
    // on a route that reads nothing sensitive too, by its pattern only
    const plain = await rowsOf(get('/api/plans'), 401);
    expect(plain.map((r) => [r.kind, r.route, r.record_id, r.params])).toEqual([['api', '/api/plans', null, null]]);
    // any method the HTTP parser accepts, on a URL no route has: kept with the pattern '*'
    const webdav = await rowsOf(() => t.app.inject({ method: 'PROPFIND' as 'GET', url: '/api/plans?q=Nguy%E1%BB%85n' }), 401);
    expect(webdav.map((r) => [r.kind, r.method, r.route, r.params])).toEqual([['api', 'PROPFIND', '*', null]]);
  });

  it('a 404 on a record is a refusal; an unknown URL, “am I signed in?” and a failed sign-in are not rows', async () => {
    const missing = await rowsOf(get('/api/files/00000000-0000-4000-8000-000000000000', officerA), 404);
    expect(missing.map((r) => [r.kind, r.record_id, r.status])).toEqual([['file', '00000000-0000-4000-8000-000000000000', 404]]);
    expect(await rowsOf(get('/api/no-such-thing', officerA), 404)).toHaveLength(0);
    expect(await rowsOf(get('/api/session'), 401)).toHaveLength(0);
    const badSignIn = () =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'wrong-password-1' } });
    expect(await rowsOf(badSignIn, 401)).toHaveLength(0);
  });

  it('an export and a template are one row each, with their parameters', async () => {
    const exp = await rowsOf(get('/api/data-values/export?period=2025', admin), 200);
    expect(exp.map((r) => [r.kind, r.route, r.record_id, r.params])).toEqual([
      ['export', '/api/data-values/export', null, { period: '2025' }],
    ]);
    const template = await rowsOf(
      get(`/api/data-values/template.xlsx?period=2025&dataSet=commune&unit=${COMMUNE_A}`, officerA),
      200,
    );
    expect(template.map((r) => [r.kind, r.record_id, r.params])).toEqual([
      ['template', COMMUNE_A, { period: '2025', dataSet: 'commune' }],
    ]);
    const chart = await rowsOf(get(`/api/indicators/chart.xlsx?view=overview&period=2025&unit=${COMMUNE_A}`, officerA), 200);
    expect(chart.map((r) => [r.kind, r.record_id, r.params])).toEqual([
      ['export', COMMUNE_A, { view: 'overview', period: '2025' }],
    ]);
  });

  it('an evidence download leaves one trace, in the read log, not in the audit', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=bien-ban.pdf',
      headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 biên bản'),
    });
    expect(up.statusCode).toBe(201);
    const id = (up.json() as { id: string }).id;
    const audits = await auditCount(t.db);
    const rows = await rowsOf(get(`/api/files/${id}`, admin), 200);
    expect(rows.map((r) => [r.kind, r.record_id, r.route])).toEqual([['file', id, '/api/files/:id']]);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it('the user list and a commune’s staff are logged, without the search text', async () => {
    const users = await rowsOf(get('/api/users?q=Nguy%E1%BB%85n%20V%C4%83n%20A', admin), 200);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ kind: 'user_list', record_id: null, params: null, route: '/api/users' });
    expect(JSON.stringify(users[0])).not.toMatch(/Nguy|%20/);
    const staff = await rowsOf(get(`/api/units/communes/${COMMUNE_A}/staff`, officerA), 200);
    expect(staff.map((r) => [r.kind, r.record_id, r.route])).toEqual([
      ['staff_list', COMMUNE_A, '/api/units/communes/:code/staff'],
    ]);
  });

  it('a service reading several records logs one row each through logRead', async () => {
    const before = await lastId();
    const reader = { userId: officerAId, username: officerAName, provinceCode: '40', ip: '10.0.0.9' };
    await logRead(t.db.kysely, reader, [
      {
        kind: 'unit_values',
        recordId: COMMUNE_A,
        method: 'GET',
        route: '/api/example',
        status: 200,
        reason: 'kiểm tra\u0000 số liệu',
      },
      { kind: 'unit_values', recordId: COMMUNE_B, method: 'GET', route: '/api/example', status: 200 },
    ]);
    const rows = await rowsAfter(before);
    expect(rows.map((r) => [r.record_id, r.ip, r.reason])).toEqual([
      [COMMUNE_A, '10.0.0.9', 'kiểm tra  số liệu'],
      [COMMUNE_B, '10.0.0.9', null],
    ]);
  });

  it('a full buffer is written at once, and in the order of the reads', async () => {
    const before = await lastId();
    const reader = { userId: null, username: null, provinceCode: '40', ip: null };
    const reads = Array.from({ length: FLUSH_ROWS + 5 }, (_, i) => ({
      kind: 'api' as const,
      recordId: String(i),
      method: 'GET',
      route: '/api/example',
      status: 403,
    }));
    await logRead(t.db.kysely, reader, reads);
    const rows = await rowsAfter(before);
    expect(rows.map((r) => r.record_id)).toEqual(reads.map((r) => r.recordId));
  });
});

describe('when the database refuses a flush', () => {
  const reader = { userId: null, username: null, provinceCode: '40', ip: null };
  const read = (recordId: string, kind = 'api') =>
    ({ kind, recordId, method: 'GET', route: '/api/example', status: 401 }) as Parameters<typeof toRow>[1];

  it('drops the one row the table refuses and writes the others', async () => {
    const before = await lastId();
    await logRead(t.db.kysely, reader, [read('good-1'), read('bad', 'NOT A KIND'), read('good-2')]);
    expect((await rowsAfter(before)).map((r) => r.record_id)).toEqual(['good-1', 'good-2']);
  });

  it('keeps the rows while the database cannot take them, and writes them in order when it can', async () => {
    const db = await openEmptyTestDb();
    try {
      const reports: string[] = [];
      const buffer = new ReadLogBuffer(db.kysely, (_error, message) => reports.push(message));
      for (const id of ['r1', 'r2', 'r3']) buffer.add(toRow(reader, read(id)));
      await buffer.flush(); // no read_log table yet: the rows wait
      expect(reports).toEqual([expect.stringContaining('3 rows not written; 3 kept')]);
      await migrateToLatest(db);
      await buffer.flush();
      const rows = await db.kysely.selectFrom('read_log').select('record_id').orderBy('id').execute();
      expect(rows.map((r) => r.record_id)).toEqual(['r1', 'r2', 'r3']);
      expect(reports).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});

describe('the administrator reads the log', () => {
  it('filters by user, record and kind, outcome and date, newest first, paged by id', async () => {
    await rowsOf(get(`/api/indicators/values?period=2024&unit=${COMMUNE_A}`, officerA), 200);
    await rowsOf(get(`/api/indicators/values?period=2024&unit=${COMMUNE_B}`, officerA), 403);

    const byUser = await logOf(`userId=${officerAId}&limit=500`);
    expect(byUser.items.length).toBeGreaterThanOrEqual(2);
    expect(byUser.items.every((e) => e.userId === officerAId)).toBe(true);
    const ids = byUser.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const record = await logOf(`recordId=${COMMUNE_A}&kind=unit_values`);
    expect(record.items.length).toBeGreaterThan(0);
    expect(record.items.every((e) => e.recordId === COMMUNE_A && e.kind === 'unit_values')).toBe(true);
    expect(record.items[0]).toMatchObject<Partial<ReadLogEntryDto>>({
      username: officerAName,
      outcome: 'allowed',
      params: { period: '2024' },
    });

    const refused = await logOf(`outcome=refused&userId=${officerAId}`);
    expect(refused.items[0]).toMatchObject({ recordId: COMMUNE_B, status: 403, outcome: 'refused' });
    expect(refused.items.every((e) => e.status >= 400 && e.outcome === 'refused')).toBe(true);

    const now = new Date();
    const today = await logOf(`from=${vietnamDay(now)}&to=${vietnamDay(now)}&userId=${officerAId}`);
    expect(today.items.map((e) => e.id)).toEqual(byUser.items.map((e) => e.id).slice(0, today.items.length));
    expect(today.items.length).toBe(byUser.items.length);
    expect((await logOf(`from=${vietnamDay(now, 1)}&userId=${officerAId}`)).items).toEqual([]);
    expect((await logOf(`to=${vietnamDay(now, -1)}&userId=${officerAId}`)).items).toEqual([]);

    const page1 = await logOf(`userId=${officerAId}&limit=2`);
    expect(page1.items).toHaveLength(2);
    expect(page1.next).toBe(page1.items[1]?.id);
    const page2 = await logOf(`userId=${officerAId}&limit=2&before=${page1.next}`);
    expect(page2.items.every((e) => e.id < (page1.next ?? 0))).toBe(true);
    expect(page2.items[0]?.id).toBe(byUser.items[2]?.id);
    const all = await logOf(`userId=${officerAId}&limit=500`);
    expect(all.next).toBeNull();
  });

  it('refuses a bad filter with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/access-log?kind=child_name', headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('query.kind');
  });

  it('is for the administrator only, and a refused look at it is itself logged', async () => {
    for (const s of [officerA, viewer]) {
      const rows = await rowsOf(get('/api/access-log', s), 403);
      expect(rows.map((r) => [r.kind, r.route, r.status])).toEqual([['access_log', '/api/access-log', 403]]);
    }
    // the administrator's own reading is not a row: the screen would fill the log with itself
    expect(await rowsOf(get('/api/access-log?limit=1', admin), 200)).toHaveLength(0);
  });
});

describe('the log cannot be changed', () => {
  it('has no route that changes or deletes an entry', async () => {
    const [first] = (await logOf('limit=1')).items;
    expect(first).toBeDefined();
    const before = await lastId();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/access-log', `/api/access-log/${first?.id}`]) {
        const res = await t.app.inject({ method, url, headers: admin.headers, payload: { kind: 'api' } });
        expect(res.statusCode).toBe(404);
      }
    }
    expect(await rowsAfter(before)).toHaveLength(0);
    expect((await logOf(`limit=1&before=${(first?.id ?? 0) + 1}`)).items[0]).toEqual(first);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even in SQL', async () => {
    const count = async () =>
      (
        await t.db.kysely
          .selectFrom('read_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sql`UPDATE read_log SET username = 'someone else'`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM read_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE read_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});

describe('shutdown', () => {
  it('writes what waits in the buffer when the app closes', async () => {
    const db = await openTestDb();
    try {
      const app = await buildApp({ db, config: testConfig() });
      const res = await app.inject({ method: 'GET', url: `/api/indicators/values?period=2025&unit=${COMMUNE_A}` });
      expect(res.statusCode).toBe(401);
      await app.close();
      const rows = await db.kysely.selectFrom('read_log').select(['record_id', 'status']).execute();
      expect(rows).toEqual([{ record_id: COMMUNE_A, status: 401 }]);
    } finally {
      await db.close();
    }
  });
});
