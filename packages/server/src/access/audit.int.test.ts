import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/pool.ts';
import { buildApp } from '../http/app.ts';
import { ADMIN_PASSWORD, openTestDb, testConfig } from '../test/db.ts';
import { auditCount, signIn, type Session } from '../test/factories.ts';

let db: Db;
let app: FastifyInstance;
let admin: Session;

beforeAll(async () => {
  db = await openTestDb();
  app = await buildApp({ db, config: testConfig() });
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('audit log', () => {
  it('records who changed what, before and after, and shows it newest first', async () => {
    const agencies = (await app.inject({ method: 'GET', url: '/api/agencies', headers: admin.headers })).json().items as { id: string; shortName: string }[];
    const target = agencies.find((a) => a.shortName === 'Tỉnh Đoàn');
    expect(target).toBeDefined();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/agencies/${target?.id}`,
      headers: admin.headers,
      payload: { aliases: ['Tỉnh đoàn', 'Đoàn Thanh niên tỉnh'] },
    });
    expect(res.statusCode).toBe(200);
    const log = await app.inject({ method: 'GET', url: `/api/audit?entity=agency&entityId=${target?.id}`, headers: admin.headers });
    const [latest] = log.json().items;
    expect(latest).toMatchObject({ actorName: 'admin', action: 'update', entity: 'agency', entityId: target?.id });
    expect(latest.before.aliases).not.toContain('Đoàn Thanh niên tỉnh');
    expect(latest.after.aliases).toEqual(['Tỉnh đoàn', 'Đoàn Thanh niên tỉnh']);
  });

  it('has no route that changes or deletes an entry', async () => {
    const before = await auditCount(db);
    const [first] = (await app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: admin.headers })).json().items;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await app.inject({ method, url: `/api/audit/${first.id}`, headers: admin.headers, payload: { action: 'nothing' } });
      expect(res.statusCode).toBe(404);
      const all = await app.inject({ method, url: '/api/audit', headers: admin.headers, payload: {} });
      expect(all.statusCode).toBe(404);
    }
    expect(await auditCount(db)).toBe(before);
    const again = (await app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: admin.headers })).json().items[0];
    expect(again).toEqual(first);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even in SQL', async () => {
    const before = await auditCount(db);
    await expect(sql`UPDATE audit_event SET actor_name = 'someone else'`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(db.kysely)).rejects.toThrow(/append-only/);
    expect(await auditCount(db)).toBe(before);
    const names = await db.kysely.selectFrom('audit_event').select('actor_name').where('actor_name', '=', 'someone else').execute();
    expect(names).toHaveLength(0);
  });

  it('pages backwards with ?before=', async () => {
    const page1 = (await app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: admin.headers })).json().items as { id: number }[];
    expect(page1).toHaveLength(2);
    const last = page1[1]?.id ?? 0;
    const page2 = (await app.inject({ method: 'GET', url: `/api/audit?limit=2&before=${last}`, headers: admin.headers })).json().items as { id: number }[];
    expect(page2.every((e) => e.id < last)).toBe(true);
  });
});
