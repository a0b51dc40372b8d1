import { Role } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { signInNewUser, type Session } from '../test/factories.ts';
import { nestsDeeperThan } from './json-body.ts';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[{{{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\"[[[[["}', 1)).toBe(false);
  });
});

describe('JSON bodies', () => {
  let t: TestApp;
  let viewer: Session;
  beforeAll(async () => {
    t = await startTestApp();
    viewer = await signInNewUser(t, { role: Role.Viewer });
  });
  afterAll(async () => t.close());

  it('refuses a deeply nested body from the least-privileged role before parsing it, naming the body', async () => {
    const deep = `{"unit":"16681","period":"2025","values":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/data-values',
      headers: { ...viewer.headers, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', field: 'body', message: 'Nội dung JSON lồng nhau quá 64 tầng' },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses a JSON body over 1 MB where the route sets no larger bound', async () => {
    const big = JSON.stringify({ unit: '16681', period: '2025', values: [], pad: 'x'.repeat(1024 * 1024) });
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/data-values',
      headers: { ...viewer.headers, 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
  });
});
