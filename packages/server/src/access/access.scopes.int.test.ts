import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, firstAgencyId, makeUser, signIn, type Session } from '../test/factories.ts';

/**
 * Who may call what, at the HTTP level: an outsider gets 401/403/404 and nothing changes.
 * (OpenCRVS *.scopes.test.ts, documenso unauthorized-api-access.)
 */
let t: TestApp;
let officerA: Session;
let reporter: Session;
let admin: Session;
let staffA: string;
let agencyId: string;

beforeAll(async () => {
  t = await startTestApp();
  agencyId = await firstAgencyId(t.db);
  const a = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A });
  staffA = a.id;
  await makeUser(t.db, { role: 'case_worker', communeCode: COMMUNE_B, username: 'worker-b' });
  const r = await makeUser(t.db, { role: 'agency_reporter', agencyId });
  officerA = await signIn(t.app, a.username);
  reporter = await signIn(t.app, r.username);
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

const adminRoutes = [
  { method: 'GET', url: '/api/users' },
  {
    method: 'POST',
    url: '/api/users',
    payload: { username: 'intruder', displayName: 'I', password: 'long-enough-pass', role: 'admin' },
  },
  { method: 'PATCH', url: '/api/users/00000000-0000-4000-8000-000000000000', payload: { role: 'admin' } },
  { method: 'GET', url: '/api/audit' },
  { method: 'POST', url: '/api/agencies', payload: { kind: 'other', shortName: 'Giả', fullName: 'Cơ quan giả', aliases: [] } },
  { method: 'PUT', url: '/api/settings/standing-body', payload: { agencyId: '00000000-0000-4000-8000-000000000000' } },
] as const;

describe('a commune officer', () => {
  it.each(adminRoutes)('is refused $method $url with 403 and nothing changes', async (route) => {
    const before = await auditCount(t.db);
    const users = await t.db.kysely.selectFrom('app_user').select('id').execute();
    const res = await t.app.inject({ ...route, headers: officerA.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await auditCount(t.db)).toBe(before);
    expect(await t.db.kysely.selectFrom('app_user').select('id').execute()).toHaveLength(users.length);
  });

  it('cannot change their own role to admin', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${staffA}`,
      headers: officerA.headers,
      payload: { role: 'admin' },
    });
    expect(res.statusCode).toBe(403);
    const row = await t.db.kysely.selectFrom('app_user').select('role').where('id', '=', staffA).executeTakeFirstOrThrow();
    expect(row.role).toBe('commune_officer');
  });

  it("reads their own commune's staff but not another commune's", async () => {
    const own = await t.app.inject({ method: 'GET', url: `/api/units/communes/${COMMUNE_A}/staff`, headers: officerA.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((u: { id: string }) => u.id)).toContain(staffA);
    const other = await t.app.inject({ method: 'GET', url: `/api/units/communes/${COMMUNE_B}/staff`, headers: officerA.headers });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('worker-b');
  });

  it("gets 404 for a commune outside the installation's province", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units/communes/00004/staff', headers: officerA.headers });
    expect(res.statusCode).toBe(404);
  });
});

describe('an agency reporter', () => {
  it('sees no commune staff and no admin route', async () => {
    const staff = await t.app.inject({ method: 'GET', url: `/api/units/communes/${COMMUNE_A}/staff`, headers: reporter.headers });
    expect(staff.statusCode).toBe(403);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: reporter.headers });
    expect(users.statusCode).toBe(403);
  });
});

describe('the administrator', () => {
  it('sees every commune staff list', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/units/communes/${COMMUNE_B}/staff`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toContain('worker-b');
  });
});

describe('an anonymous caller', () => {
  it.each([
    { method: 'GET', url: '/api/users' },
    { method: 'GET', url: '/api/audit' },
    { method: 'GET', url: '/api/agencies' },
    { method: 'GET', url: '/api/units/communes' },
    { method: 'GET', url: `/api/units/communes/${COMMUNE_A}/staff` },
    { method: 'POST', url: '/api/agencies', payload: { kind: 'other', shortName: 'X', fullName: 'X', aliases: [] } },
  ] as const)('gets 401 on $method $url', async (route) => {
    const before = await auditCount(t.db);
    const res = await t.app.inject(route);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('NOT_SIGNED_IN');
    expect(await auditCount(t.db)).toBe(before);
  });
});
