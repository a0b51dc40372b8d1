import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD, testConfig } from '../test/db.ts';
import { PASSWORD, makeUser, signIn } from '../test/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const signInFrom = (
  remoteAddress: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, headers, payload: { username, password } });

/** What a caller can observe of a refused sign-in. */
const observed = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  body: res.json<unknown>(),
  retryAfter: res.headers['retry-after'],
  cookies: res.cookies.map((c) => c.name),
});

describe('sign-in tells nothing about which accounts exist', () => {
  it('locks an unknown username after the same failures, with the same replies, as an existing account', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const known: ReturnType<typeof observed>[] = [];
    const unknown: ReturnType<typeof observed>[] = [];
    // distinct addresses, so only the per-account (per-username) lock-out is at work
    for (let i = 0; i < 6; i++) known.push(observed(await signInFrom('10.1.0.1', user.username, 'bad-password-x')));
    for (let i = 0; i < 6; i++) unknown.push(observed(await signInFrom('10.1.0.2', 'no-such-user', 'bad-password-x')));
    expect(unknown.slice(0, 5)).toEqual(known.slice(0, 5));
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(known[4]).toMatchObject({ body: { error: { code: 'ACCOUNT_LOCKED' } }, retryAfter: '30' });
    // the sixth attempt comes while locked, for both: the rest of the 30 s (however long the test took)
    for (const sixth of [known[5], unknown[5]]) {
      expect(sixth).toMatchObject({ status: 429, body: { error: { code: 'ACCOUNT_LOCKED' } } });
      expect(Number(sixth?.retryAfter)).toBeGreaterThan(0);
      expect(Number(sixth?.retryAfter)).toBeLessThanOrEqual(30);
    }
  });

  it('answers a disabled account like a wrong password, and counts it towards the same lock-out', async () => {
    const active = await makeUser(t.db, { role: 'viewer' });
    const disabled = await makeUser(t.db, { role: 'viewer', active: false });
    const wrong = observed(await signInFrom('10.1.1.1', active.username, 'bad-password-x'));
    const disabledRight = observed(await signInFrom('10.1.1.2', disabled.username, PASSWORD));
    const disabledWrong = observed(await signInFrom('10.1.1.3', disabled.username, 'bad-password-x'));
    expect(disabledRight).toEqual(wrong);
    expect(disabledWrong).toEqual(wrong);
    const row = await t.db.kysely
      .selectFrom('app_user')
      .select('failed_signins')
      .where('id', '=', disabled.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_signins).toBe(2);
  });
});

describe('per-address throttle', () => {
  it('refuses spraying from one address after 20 failures but lets in a colleague there whose browser signed in before', async () => {
    const colleague = await makeUser(t.db, { role: 'viewer' });
    const other = await makeUser(t.db, { role: 'viewer' });
    // The colleague signed in from this office browser yesterday: it holds the device cookie.
    const earlier = await signInFrom('10.2.0.1', colleague.username, PASSWORD);
    const device = earlier.cookies.find((c) => c.name === 'tre_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/session' });
    const deviceCookie = `tre_device=${device?.value}`;

    for (let i = 0; i < 20; i++) expect((await signInFrom('10.2.0.1', `sprayed-${i}`, 'Summer2026!')).statusCode).toBe(401);
    // The sprayer is refused before any check, with the right password of a real account too.
    const sprayed = await signInFrom('10.2.0.1', other.username, PASSWORD);
    expect(sprayed.statusCode).toBe(429);
    expect(sprayed.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    // Someone else's device cookie does not open another account.
    expect((await signInFrom('10.2.0.1', other.username, PASSWORD, { cookie: deviceCookie })).statusCode).toBe(429);
    // The colleague at the same address, with the right password and their browser's cookie, gets in …
    expect((await signInFrom('10.2.0.1', colleague.username, PASSWORD, { cookie: deviceCookie })).statusCode).toBe(200);
    // … but the cookie does not let a wrong password through, and the wrong password counts.
    const wrong = await signInFrom('10.2.0.1', colleague.username, 'bad-password-x', { cookie: deviceCookie });
    expect(wrong.json().error.code).toBe('BAD_CREDENTIALS');
    // A forged or stale cookie is worth nothing.
    const forged = `tre_device=${String(Math.floor(Date.now() / 1000))}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await signInFrom('10.2.0.1', colleague.username, PASSWORD, { cookie: forged })).statusCode).toBe(429);
  });

  it('voids the device cookie when the password changes', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const first = await signInFrom('10.3.0.1', user.username, PASSWORD);
    const deviceCookie = `tre_device=${first.cookies.find((c) => c.name === 'tre_device')?.value}`;
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { password: 'reset-by-admin-1' },
    });
    expect(reset.statusCode).toBe(200);
    for (let i = 0; i < 20; i++) await signInFrom('10.3.0.1', `sprayed-b-${i}`, 'Summer2026!');
    expect((await signInFrom('10.3.0.1', user.username, 'reset-by-admin-1', { cookie: deviceCookie })).statusCode).toBe(429);
  });
});

describe('password changes end sessions', () => {
  const changeOwn = (headers: Record<string, string>, currentPassword: string, newPassword: string, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers,
      ...(remoteAddress ? { remoteAddress } : {}),
      payload: { currentPassword, newPassword },
    });
  const sessionWorks = async (cookie: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode === 200;

  it("changing one's own password ends the other sessions and keeps the current one", async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const here = await signIn(t.app, user.username);
    const elsewhere = await signIn(t.app, user.username);
    // both sessions answered once, so both are in the session cache
    expect(await sessionWorks(here.cookie)).toBe(true);
    expect(await sessionWorks(elsewhere.cookie)).toBe(true);
    const res = await changeOwn(here.headers, PASSWORD, 'my-new-password-1');
    expect(res.statusCode).toBe(204);
    expect(await sessionWorks(here.cookie)).toBe(true);
    expect(await sessionWorks(elsewhere.cookie)).toBe(false);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', user.id)
      .where('action', '=', 'update_password')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("an administrator's reset ends every session of the user", async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const a = await signIn(t.app, user.username);
    const b = await signIn(t.app, user.username);
    expect(await sessionWorks(a.cookie)).toBe(true);
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { password: 'reset-by-admin-2' },
    });
    expect(reset.statusCode).toBe(200);
    expect(await sessionWorks(a.cookie)).toBe(false);
    expect(await sessionWorks(b.cookie)).toBe(false);
  });

  it('wrong current passwords are audited and lock the account like failed sign-ins', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const s = await signIn(t.app, user.username);
    const hashOf = async () =>
      (await t.db.kysely.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow())
        .password_hash;
    const hashBefore = await hashOf();
    for (let i = 0; i < 4; i++) {
      const res = await changeOwn(s.headers, 'guess-number-' + String(i), 'my-new-password-2');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', field: 'currentPassword' });
    }
    const fifth = await changeOwn(s.headers, 'guess-number-4', 'my-new-password-2');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    // locked: the right current password does not help, and sign-in is locked too
    expect((await changeOwn(s.headers, PASSWORD, 'my-new-password-2')).statusCode).toBe(429);
    expect((await signInFrom('10.4.0.1', user.username, PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    const failed = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'after'])
      .where('entity_id', '=', user.id)
      .where('action', '=', 'password_change_failed')
      .orderBy('id')
      .execute();
    expect(failed).toHaveLength(5);
    expect(failed[4]).toMatchObject({ actor_id: user.id, after: { failed_signins: 5, locked_seconds: 30 } });
    expect(JSON.stringify(failed)).not.toContain('guess-number');
    expect(await hashOf()).toBe(hashBefore); // nothing changed
  });
});

describe('Secure session cookie', () => {
  it('is Secure when the request came over HTTPS through a trusted proxy, and not otherwise', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const proxied = await buildApp({ db: t.db, config: testConfig({ trustProxy: true }) });
    try {
      const https = await proxied.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: user.username, password: PASSWORD },
      });
      expect(https.statusCode).toBe(200);
      expect(https.cookies.find((c) => c.name === 'tre_session')?.secure).toBe(true);
      expect(https.cookies.find((c) => c.name === 'tre_device')?.secure).toBe(true);
      const http = await proxied.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: user.username, password: PASSWORD },
      });
      expect(http.cookies.find((c) => c.name === 'tre_session')?.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
    // Without TRE_TRUST_PROXY the header is anyone's to forge and is not believed.
    const direct = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: user.username, password: PASSWORD },
    });
    expect(direct.cookies.find((c) => c.name === 'tre_session')?.secure).toBeFalsy();
    // TRE_SECURE_COOKIES=1 makes it Secure always.
    const always = await buildApp({ db: t.db, config: testConfig({ secureCookies: true }) });
    try {
      const res = await always.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: user.username, password: PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'tre_session')?.secure).toBe(true);
    } finally {
      await always.close();
    }
  });
});
