import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { auditCount, signIn, type Session } from '../test/factories.ts';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, before and after, and shows it newest first', async () => {
    const agencies = (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: admin.headers })).json().items as {
      id: string;
      shortName: string;
    }[];
    const target = agencies.find((a) => a.shortName === 'Tỉnh Đoàn');
    expect(target).toBeDefined();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${target?.id}`,
      headers: admin.headers,
      payload: { aliases: ['Tỉnh đoàn', 'Đoàn TN tỉnh'] },
    });
    expect(res.statusCode).toBe(200);
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entity=agency&entityId=${target?.id}`,
      headers: admin.headers,
    });
    const [latest] = log.json().items;
    expect(latest).toMatchObject({ actorName: 'admin', action: 'update', entity: 'agency', entityId: target?.id });
    expect(latest.before.aliases).not.toContain('Đoàn TN tỉnh');
    expect(latest.after.aliases).toEqual(['Tỉnh đoàn', 'Đoàn TN tỉnh']);
  });

  it('has no route that changes or deletes an entry', async () => {
    const before = await auditCount(t.db);
    const [first] = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: admin.headers })).json().items;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/audit/${first.id}`,
        headers: admin.headers,
        payload: { action: 'nothing' },
      });
      expect(res.statusCode).toBe(404);
      const all = await t.app.inject({ method, url: '/api/audit', headers: admin.headers, payload: {} });
      expect(all.statusCode).toBe(404);
    }
    expect(await auditCount(t.db)).toBe(before);
    const again = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: admin.headers })).json().items[0];
    expect(again).toEqual(first);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even in SQL', async () => {
    const before = await auditCount(t.db);
    await expect(sql`UPDATE audit_event SET actor_name = 'someone else'`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect(await auditCount(t.db)).toBe(before);
    const names = await t.db.kysely
      .selectFrom('audit_event')
      .select('actor_name')
      .where('actor_name', '=', 'someone else')
      .execute();
    expect(names).toHaveLength(0);
  });

  it('pages backwards with ?before=', async () => {
    const page1 = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: admin.headers })).json().items as {
      id: number;
    }[];
    expect(page1).toHaveLength(2);
    const last = page1[1]?.id ?? 0;
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/audit?limit=2&before=${last}`, headers: admin.headers })).json()
      .items as { id: number }[];
    expect(page2.every((e) => e.id < last)).toBe(true);
  });
});
