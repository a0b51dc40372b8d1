import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/pool.ts';
import { openTestDb, testConfig } from '../test/db.ts';
import { makeUser, signIn } from '../test/factories.ts';
import { buildApp } from '../app.ts';
import { HSTS_VALUE } from './security-headers.ts';

/** A stand-in for the built web app: what matters here is how it is served, not what it draws. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-web-'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Tre</title><div id="root"></div>');
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js'), 'console.log(1)');

let db: Db;
let app: FastifyInstance;
let proxied: FastifyInstance;

beforeAll(async () => {
  db = await openTestDb();
  app = await buildApp({ db, config: testConfig(), webDist });
  // behind a reverse proxy that terminates HTTPS and is trusted to say so
  proxied = await buildApp({ db, config: testConfig({ trustProxy: true }), webDist });
});
afterAll(async () => {
  await app.close();
  await proxied.close();
  await db.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

/** The policy as a map of directive → sources, so each directive is checked whole. */
function csp(res: LightMyRequestResponse): Record<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse): void {
  const policy = csp(res);
  expect(policy['default-src']).toEqual(["'self'"]);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'self'"]);
  expect(policy['form-action']).toEqual(["'self'"]);
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(policy['connect-src']).toEqual(["'self'"]);
  expect(policy['img-src']).toEqual(["'self'"]);
  // nothing anywhere in the policy lets a string become code
  expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  // a plain-HTTP request never pins the host to HTTPS
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('are on an API reply, signed in', async () => {
    const s = await signIn(app, (await makeUser(db, { role: 'viewer' })).username);
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: s.headers });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
  });

  it('are on refusals and errors: 401, 404 and malformed JSON', async () => {
    expectSecurityHeaders(await app.inject({ method: 'GET', url: '/api/users' }));
    expectSecurityHeaders(await app.inject({ method: 'GET', url: '/api/nowhere' }));
    const bad = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expectSecurityHeaders(bad);
  });

  it('are on the web app: its root, a client-side route and a built asset', async () => {
    for (const url of ['/', '/indicators/measures/I14?unit=40', '/assets/index-abc.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res);
    }
    expect((await app.inject({ method: 'GET', url: '/indicators' })).body).toContain('<div id="root">');
  });

  it('add HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const https = await proxied.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe(HSTS_VALUE);
    const page = await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toBe(HSTS_VALUE);
    // the same header from a client, with no trusted proxy in front, is not believed
    const forged = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const plain = await proxied.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
