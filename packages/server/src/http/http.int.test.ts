import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/db.ts';
import { signInNewUser } from '../test/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('HTTP surface', () => {
  it('answers /api/health with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', engine: testEngine() });
  });

  it('publishes an OpenAPI document generated from the zod schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/session', '/api/users', '/api/audit', '/api/units/communes', '/api/agencies']),
    );
    const body = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'role']));
    expect(body.properties.role.enum).toContain('commune_officer');
  });

  it('replies with the error shape in Vietnamese, or English by Accept-Language', async () => {
    const s = await signInNewUser(t, { role: 'viewer' });
    const vi = await t.app.inject({ method: 'GET', url: '/api/nowhere', headers: s.headers });
    expect(vi.statusCode).toBe(404);
    expect(vi.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
    const en = await t.app.inject({ method: 'GET', url: '/api/users', headers: { 'accept-language': 'en' } });
    expect(en.json()).toEqual({ error: { code: 'NOT_SIGNED_IN', message: 'You are not signed in or your session has expired' } });
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/^Yêu cầu không hợp lệ/);
  });
});
