import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { COMMUNE_A, PASSWORD, auditCount, makeUser, signIn } from '../test/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in the first administrator and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tre_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ user: { username: 'admin', role: 'admin', provinceCode: '40' } });
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `tre_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ user: { username: 'admin' } });
  });

  it('refuses a wrong password with a Vietnamese message, or English on request', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: 'wrong-one-123' },
    });
    expect(vi.statusCode).toBe(401);
    expect(vi.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { username: 'nobody-here', password: 'whatever-123' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password');
    expect(en.cookies.find((c) => c.name === 'tre_session')).toBeUndefined();
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect(res.json().error.message).toContain('"password"');
  });

  it('locks the account after repeated failures, even against the right password, with back-off', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password } });
    for (let i = 0; i < 4; i++) expect((await attempt('bad-password-x')).statusCode).toBe(401);
    const fifth = await attempt('bad-password-x');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(fifth.headers['retry-after'])).toBe(30);
    const right = await attempt(PASSWORD);
    expect(right.statusCode).toBe(429); // locked: the right password does not help
    const row = await t.db.kysely
      .selectFrom('app_user')
      .select(['failed_signins', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_signins).toBe(5);
    // once the lock has passed, one more failure doubles it
    await t.db.kysely
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    const sixth = await attempt('bad-password-x');
    expect(Number(sixth.headers['retry-after'])).toBe(60);
    // and an administrator's password reset lifts it
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { password: 'a-brand-new-password' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await attempt('a-brand-new-password')).statusCode).toBe(200);
  });

  it('throttles an address that fails across many accounts, ignoring a forged X-Forwarded-For', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const from = (remoteAddress: string, username: string, password: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, headers, payload: { username, password } });
    for (let i = 0; i < 20; i++) {
      expect((await from('10.9.8.7', `spray-${i}`, 'Password2024!')).statusCode).toBe(401);
    }
    const blocked = await from('10.9.8.7', user.username, PASSWORD, { 'x-forwarded-for': '203.0.113.5' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: `Quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau ${blocked.headers['retry-after']} giây`,
    });
    // the rest of the 10-minute window that began with the first failure (however long the 20 took)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    // another address is not affected, and the account itself was never locked
    expect((await from('10.9.8.8', user.username, PASSWORD)).statusCode).toBe(200);
    const row = await t.db.kysely
      .selectFrom('app_user')
      .select('failed_signins')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_signins).toBe(0);
  });

  it('clears expired sessions when someone signs in', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    await t.db.kysely
      .insertInto('session')
      .values({ token_hash: 'expired-token-hash', user_id: user.id, csrf_token: 'x', expires_at: new Date(Date.now() - 60_000) })
      .execute();
    await signIn(t.app, user.username);
    const left = await t.db.kysely.selectFrom('session').select('token_hash').where('expires_at', '<', new Date()).execute();
    expect(left).toEqual([]);
  });

  it('refuses a disabled account exactly as a wrong password, whether its password is right or wrong', async () => {
    const user = await makeUser(t.db, { role: 'viewer', active: false });
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password } });
    for (const res of [await attempt(PASSWORD), await attempt('wrong-one-123')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
      expect(res.cookies.find((c) => c.name === 'tre_session')).toBeUndefined();
    }
  });

  it('signs out: the old cookie no longer works', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const s = await signIn(t.app, user.username);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('NOT_SIGNED_IN');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session token, and changes nothing', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const before = await auditCount(t.db);
    const payload = { username: 'csrf-victim', displayName: 'X', password: 'long-enough-pass', role: 'viewer' };
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const users = await t.db.kysely.selectFrom('app_user').select('id').where('username', '=', 'csrf-victim').execute();
    expect(users).toHaveLength(0);
    expect(await auditCount(t.db)).toBe(before);
    const ok = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(ok.statusCode).toBe(201);
  });
});

describe('users', () => {
  it('creates a commune officer bound to a commune, audited without the password', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'Lan.Nguyen',
        displayName: 'Nguyễn Thị Lan',
        password: 'mat-khau-rat-dai',
        role: 'commune_officer',
        communeCode: COMMUNE_A,
      },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'lan.nguyen', role: 'commune_officer', communeCode: COMMUNE_A, active: true });
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('create');
    expect(JSON.stringify(audit[0]?.after)).not.toContain('scrypt');
    const s = await signIn(t.app, 'lan.nguyen', 'mat-khau-rat-dai');
    expect(s.csrf.length).toBeGreaterThan(20);
  });

  it('rejects a bad user with the field named: weak password, missing commune, taken username, foreign commune', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    const weak = await post({ username: 'weak', displayName: 'W', password: 'short', role: 'viewer' });
    expect(weak.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      field: 'password',
      message: 'Mật khẩu phải có ít nhất 10 ký tự',
    });
    const noCommune = await post({
      username: 'nocommune',
      displayName: 'N',
      password: 'long-enough-pass',
      role: 'commune_officer',
    });
    expect(noCommune.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'communeCode' });
    const taken = await post({ username: 'admin', displayName: 'A', password: 'long-enough-pass', role: 'viewer' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('username');
    const foreign = await post({
      username: 'hanoi',
      displayName: 'H',
      password: 'long-enough-pass',
      role: 'commune_officer',
      communeCode: '00004',
    });
    expect(foreign.json().error).toMatchObject({ field: 'communeCode' });
    expect(foreign.json().error.message).toContain('00004');
    const badRole = await post({ username: 'badrole', displayName: 'B', password: 'long-enough-pass', role: 'king' });
    expect(badRole.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });
    const names = await t.db.kysely
      .selectFrom('app_user')
      .select('username')
      .where('username', 'in', ['weak', 'nocommune', 'hanoi', 'badrole'])
      .execute();
    expect(names).toHaveLength(0);
  });

  it('disabling a user ends their open session at once', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const s = await signIn(t.app, user.username);
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(res.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('lets a user change their own password only with the current one', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const s = await signIn(t.app, user.username);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: s.headers,
      payload: { currentPassword: 'nope-nope-nope', newPassword: 'another-long-pass' },
    });
    expect(bad.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: s.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'another-long-pass' },
    });
    expect(ok.statusCode).toBe(204);
    await expect(signIn(t.app, user.username)).rejects.toThrow();
    expect((await signIn(t.app, user.username, 'another-long-pass')).csrf).toBeTruthy();
  });
});
