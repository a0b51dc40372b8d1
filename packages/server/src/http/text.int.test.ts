import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { COMMUNE_A, auditCount, makePlan, signIn, signInNewUser, taskIdsOf, type Session } from '../test/factories.ts';

/**
 * Hostile text through the real routes, each as the least-privileged role that reaches it: a
 * viewer for searches, a commune officer for progress notes, the administrator for the names only
 * the administrator writes. Every refusal is a 400 naming the field, in Vietnamese and English, and
 * writes nothing.
 */
let t: TestApp;
let admin: Session;
let viewer: Session;
let officer: Session;
let communeTask: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
  officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  const planId = await makePlan(t.db);
  communeTask = (await taskIdsOf(t.db, planId))[2] ?? '';
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown>) => ({
  username: `u-${Math.random().toString(36).slice(2, 10)}`,
  displayName: 'Nguyễn Văn A',
  password: 'long-enough-password',
  role: 'viewer',
  ...overrides,
});

describe('control characters and bidi overrides', () => {
  it('refuses NUL in a name with 400 naming the field, in Vietnamese and English, and stores nothing', async () => {
    const before = await auditCount(t.db);
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: newUser({ displayName: 'Nguyễn\u0000Văn A' }),
    });
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        field: 'displayName',
        message: 'Trường "displayName": ký tự điều khiển U+0000 không được phép',
      },
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: newUser({ displayName: 'Nguyễn\u0000Văn A' }),
    });
    expect(en.json().error.message).toBe('Field "displayName": control character U+0000 is not allowed');
    expect(await auditCount(t.db)).toBe(before);
  });

  it('refuses a right-to-left override in a name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: { kind: 'other', shortName: 'Ban \u202Efdp.exe', fullName: 'Ban thử' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'shortName', message: expect.stringContaining('U+202E') as unknown });
  });

  it('refuses a run of combining marks longer than any text has, before normalising it, even at sign-in', async () => {
    const username = `a${'\u0301\u0316'.repeat(20_000)}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'username', message: expect.stringContaining('tối đa 30') as unknown });
  });

  it('refuses NUL in a progress note from a commune officer, and keeps line breaks and tabs there', async () => {
    const put = (note: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/plans/tasks/${communeTask}/progress`,
        headers: officer.headers,
        payload: { period: '2025S1', status: 'in_progress', note, evidenceFileId: null },
      });
    const bad = await put('Đã làm\u0000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    expect(await t.db.kysely.selectFrom('task_progress').select('id').execute()).toEqual([]);
    const ok = await put('Dòng một\nDòng hai\tcột');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().note).toBe('Dòng một\nDòng hai\tcột');
  });

  it('refuses NUL and C1 controls in a search as the viewer, naming the query field', async () => {
    for (const q of ['%00', '%C2%85', '%E2%80%AE']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/units/communes?q=Vinh${q}`, headers: viewer.headers });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.q' });
    }
    const users = await t.app.inject({ method: 'GET', url: '/api/users?q=a%00', headers: admin.headers });
    expect(users.statusCode).toBe(400);
  });

  it('refuses control characters in route parameters and in the keys of a JSON body', async () => {
    const param = await t.app.inject({ method: 'GET', url: '/api/units/communes/166%0081', headers: viewer.headers });
    expect(param.statusCode).toBe(400);
    expect(param.json().error.field).toBe('params.code');
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...newUser({}), 'x\u0000': 1 }),
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.message).toContain('U+0000');
  });

  it('refuses a body nested deeper than any form with 400, not a crash', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: `{"displayName":${deep}}`,
    });
    expect(res.statusCode).toBe(400);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('refuses a line break in a name but not in the text around it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: newUser({ displayName: 'Nguyễn\nVăn A' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'displayName',
      message: 'Trường "displayName": chỉ được nhập một dòng (không xuống dòng)',
    });
  });
});

describe('Unicode normal forms', () => {
  it('does not create a second "Sở Y tế" typed in decomposed Unicode (NFD)', async () => {
    const nfd = 'Sở Y tế'.normalize('NFD');
    expect(nfd).not.toBe('Sở Y tế');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: { kind: 'department', shortName: nfd, fullName: 'Sở Y tế thứ hai'.normalize('NFD') },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', field: 'shortName' });
    const rows = await t.db.kysely
      .selectFrom('agency')
      .select('short_name')
      .where('short_name', 'in', ['Sở Y tế', nfd])
      .execute();
    expect(rows).toEqual([{ short_name: 'Sở Y tế' }]);
  });

  it('stores names in NFC whatever form they were typed in, and finds them by either form', async () => {
    const name = 'Ban Đại diện Hội Người cao tuổi';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: { kind: 'mass_organisation', shortName: name.normalize('NFD'), fullName: name.normalize('NFD') },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ shortName: name, fullName: name });
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: newUser({ displayName: 'Trần Thị Ánh'.normalize('NFD') }),
    });
    expect(user.json().displayName).toBe('Trần Thị Ánh');
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent('Ánh'.normalize('NFD'))}`,
      headers: admin.headers,
    });
    expect(found.json().items.map((u: { displayName: string }) => u.displayName)).toContain('Trần Thị Ánh');
  });
});

describe('validation messages match the kind of error', () => {
  const post = async (payload: Record<string, unknown>, lang = 'vi') =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { ...admin.headers, 'accept-language': lang },
        payload,
      })
    ).json<{ error: { field: string; message: string } }>().error;
  const list = async (query: string, lang = 'vi') =>
    (
      await t.app.inject({ method: 'GET', url: `/api/users?${query}`, headers: { ...admin.headers, 'accept-language': lang } })
    ).json<{ error: { field: string; message: string } }>().error;

  it('says required only for a missing value, and wrong type for a value of the wrong type', async () => {
    const { displayName: _, ...withoutName } = newUser({});
    expect(await post(withoutName)).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'displayName',
      message: 'Trường "displayName": bắt buộc nhập',
    });
    expect((await post(withoutName, 'en')).message).toBe('Field "displayName" is required');
    expect((await post(newUser({ displayName: 5 }))).message).toBe(
      'Trường "displayName": phải là văn bản, không phải một số nguyên',
    );
    expect((await post(newUser({ displayName: 5 }), 'en')).message).toBe('Field "displayName" must be text, not a whole number');
    expect((await post(newUser({ displayName: null }))).message).toBe('Trường "displayName": phải là văn bản, không phải null');
  });

  it('words range, emptiness, format and allowed values distinctly in both languages', async () => {
    expect((await post(newUser({ displayName: '   ' }))).message).toBe('Trường "displayName": không được để trống');
    expect((await post(newUser({ displayName: 'x'.repeat(201) }), 'en')).message).toBe(
      'Field "displayName" is too long (at most 200 characters)',
    );
    expect((await post(newUser({ role: 'boss' }))).message).toMatch(/^Trường "role": phải là một trong: admin, /);
    expect((await post(newUser({ role: 'boss' }), 'en')).message).toMatch(/^Field "role" must be one of: admin, /);
    expect((await post(newUser({ agencyId: 'abc' }))).message).toBe('Trường "agencyId": sai định dạng (cần mã định danh UUID)');
    expect((await post(newUser({ username: 'A B' }), 'en')).message).toBe(
      'Field "username" has the wrong format: 3–64 lowercase letters, digits, . _ -',
    );
    expect(await list('limit=abc')).toMatchObject({ field: 'query.limit', message: 'Trường "limit": phải là một số' });
    expect((await list('limit=0')).message).toBe('Trường "limit": quá nhỏ (tối thiểu 1)');
    expect((await list('limit=501', 'en')).message).toBe('Field "limit" is too large (at most 500)');
    expect((await list('limit=1.5')).message).toBe('Trường "limit": phải là một số nguyên (không có phần thập phân)');
  });
});
