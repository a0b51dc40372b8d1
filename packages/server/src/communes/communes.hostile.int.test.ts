import { shippedRuleSet, type RuleSetInput } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, signIn, signInNewUser, type Session } from '../test/factories.ts';

/**
 * Commune recognition attacked as the least-privileged roles that reach it: every write by a role
 * or a commune that must not, hostile values in a self-assessment, rule sets whose thresholds make
 * recognition meaningless.
 */
let t: TestApp;
let admin: Session;
let officerA: Session;
let province: Session;
let viewer: Session;
let worker: Session;
let reporter: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  province = await signInNewUser(t, { role: 'provincial_officer' });
  viewer = await signInNewUser(t, { role: 'viewer' });
  worker = await signInNewUser(t, { role: 'case_worker', communeCode: COMMUNE_A });
  reporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: await firstAgencyId(t.db, 'Sở GD&ĐT') });
}, 60_000);
afterAll(async () => t.close());

type Method = 'GET' | 'PUT' | 'POST';
const call = (s: Session, method: Method, url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const base = (code: string) => `/api/communes/${code}/assessments/2025`;
const yes = { code: '11.1', value: { kind: 'boolean', yes: true } };

describe('the writes', () => {
  it('are refused to every role and commune that must not take them', async () => {
    const writes: [Method, string, unknown][] = [
      ['PUT', base(COMMUNE_A), { entries: [yes] }],
      ['POST', `${base(COMMUNE_A)}/submit`, { version: 1 }],
      ['POST', `${base(COMMUNE_A)}/verify`, { version: 1, criterion: '1', outcome: 'accepted' }],
      ['POST', `${base(COMMUNE_A)}/return`, { version: 1, comment: 'Làm lại' }],
      ['POST', `${base(COMMUNE_A)}/decision`, { version: 1, number: '1/QĐ', date: '2025-12-01', recognised: true }],
      ['POST', '/api/communes/publish?year=2025', undefined],
      ['PUT', `/api/communes/${COMMUNE_A}/type`, { type: 'mountain' }],
    ];
    for (const s of [viewer, worker, reporter]) {
      for (const [method, url, body] of writes)
        expect((await call(s, method, url, body)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(s, 'POST', '/api/communes/rule-sets', shippedRuleSet())).statusCode).toBe(403);
    }
    // the commune officer: not another commune's, not the province's steps
    expect((await call(officerA, 'PUT', base(COMMUNE_B), { entries: [yes] })).statusCode).toBe(403);
    for (const [method, url, body] of writes.slice(2)) {
      expect((await call(officerA, method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    // the province does not fill in a commune's self-assessment
    expect((await call(province, 'PUT', base(COMMUNE_A), { entries: [yes] })).statusCode).toBe(403);
    // the reads of a case worker and an agency reporter
    expect((await call(worker, 'GET', '/api/communes/status?year=2025')).statusCode).toBe(403);
    expect((await call(reporter, 'GET', base(COMMUNE_A))).statusCode).toBe(403);
    expect((await call(officerA, 'GET', base(COMMUNE_B))).statusCode).toBe(403);
  });
});

describe('a self-assessment’s values', () => {
  it('refuses negative, fractional, infinite and too many values, and a numerator over its denominator', async () => {
    const bad: unknown[] = [
      { entries: [{ code: '2.1', value: { kind: 'rate', numerator: -1, denominator: 10 } }] },
      { entries: [{ code: '2.1', value: { kind: 'rate', numerator: 1.5, denominator: 10 } }] },
      { entries: [{ code: '2.1', value: { kind: 'rate', numerator: 11, denominator: 10 } }] },
      { entries: [{ code: '2.1', value: { kind: 'count', count: 3 } }] },
      { entries: [{ code: 'X.9', value: null }] },
      { entries: [yes, yes] },
      { entries: Array.from({ length: 201 }, () => yes) },
    ];
    for (const body of bad)
      expect((await call(officerA, 'PUT', base(COMMUNE_A), body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    const inf = await t.app.inject({
      method: 'PUT',
      url: base(COMMUNE_A),
      headers: { ...officerA.headers, 'content-type': 'application/json' },
      payload: '{"entries":[{"code":"2.1","value":{"kind":"rate","numerator":1e309,"denominator":1e309}}]}',
    });
    expect(inf.statusCode).toBe(400);
    // nothing was kept of the refused bodies
    const a = (await call(officerA, 'GET', base(COMMUNE_A))).json<{ exists: boolean }>();
    expect(a.exists).toBe(false);
  });
});

describe('a decision', () => {
  it('is not dated after today, nor before the year assessed', async () => {
    for (const date of ['2099-01-01', '2024-12-31']) {
      const res = await call(province, 'POST', `${base(COMMUNE_A)}/decision`, {
        version: 1,
        number: '1/QĐ',
        date,
        recognised: false,
      });
      expect(res.statusCode, date).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field).toBe('date');
    }
  });
});

describe('a replacement rule set', () => {
  const withThresholds = (over: Partial<RuleSetInput['thresholds']>, version: string): RuleSetInput => {
    const set = structuredClone(shippedRuleSet()) as RuleSetInput;
    set.version = version;
    set.thresholds = { ...set.thresholds, ...over };
    return set;
  };

  it('refuses a threshold above the total (no commune could be recognised) or of 0 (every commune would be)', async () => {
    const above = await call(admin, 'POST', '/api/communes/rule-sets', withThresholds({ other: 1001 }, 'h.1'));
    expect(above.statusCode, above.body).toBe(400);
    expect(above.json<{ error: { field: string } }>().error.field).toBe('ruleSet.thresholds.other');
    const zero = await call(admin, 'POST', '/api/communes/rule-sets', withThresholds({ mountain: 0 }, 'h.2'));
    expect(zero.statusCode, zero.body).toBe(400);
    const sets = (await call(admin, 'GET', '/api/communes/rule-sets')).json<{ sets: unknown[] }>();
    expect(sets.sets).toHaveLength(1);
    const ok = await call(admin, 'POST', '/api/communes/rule-sets', withThresholds({ other: 1000 }, 'h.3'));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a body over its limit', async () => {
    const big = withThresholds({}, 'h.4');
    big.source = 'x'.repeat(300 * 1024);
    expect((await call(admin, 'POST', '/api/communes/rule-sets', big)).statusCode).toBe(413);
  });
});
