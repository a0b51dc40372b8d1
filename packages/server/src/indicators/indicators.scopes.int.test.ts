import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  auditCount,
  firstAgencyId,
  localIndicatorRequest,
  makePlan,
  signIn,
  signInNewUser,
  type Session,
} from '../test/factories.ts';
import { expectRefused } from '../test/state.ts';

/**
 * Who may call which indicator route: an outsider or a wrong role gets 401/403/404 and nothing
 * changes (data values, their history, measure targets, the catalogue and the audit are compared
 * before and after).
 */
let t: TestApp;
let admin: Session;
let provincial: Session;
let viewer: Session;
let caseWorker: Session;
let officerA: Session;
let gdReporter: Session;
let gd: string;
let tuphap: string;
let planId: string;

async function state() {
  return {
    values: await t.db.kysely
      .selectFrom('data_value')
      .select(['unit_code', 'element_code', 'value'])
      .orderBy('unit_code')
      .orderBy('element_code')
      .execute(),
    history: (await t.db.kysely.selectFrom('data_value_history').select('id').execute()).length,
    targets: (await t.db.kysely.selectFrom('measure_target').select('year').execute()).length,
    indicators: await t.db.kysely.selectFrom('indicator').select(['code', 'origin']).orderBy('code').execute(),
    measures: (await t.db.kysely.selectFrom('measure').select('code').execute()).length,
    elements: (await t.db.kysely.selectFrom('data_element').select('code').execute()).length,
    audit: await auditCount(t.db),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  tuphap = await firstAgencyId(t.db, 'Sở Tư pháp');
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
  provincial = await signInNewUser(t, { role: 'provincial_officer' });
  caseWorker = await signInNewUser(t, { role: 'case_worker', communeCode: COMMUNE_A });
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  planId = await makePlan(t.db);
  const seed = await t.app.inject({
    method: 'PUT',
    url: '/api/data-values',
    headers: admin.headers,
    payload: { unit: COMMUNE_B, period: '2025', values: [{ element: 'LIVE_BIRTHS', value: 100 }] },
  });
  expect(seed.statusCode).toBe(200);
  const local = await t.app.inject({ method: 'POST', url: '/api/indicators/local', headers: admin.headers, payload: LOCAL });
  expect(local.statusCode).toBe(201);
});
afterAll(async () => t.close());

const LOCAL = localIndicatorRequest('L01');
const addLocal = (code: string) => ({
  method: 'POST' as const,
  url: '/api/indicators/local',
  payload: localIndicatorRequest(code),
});

const call = (s: Session | null, opts: InjectOptions) => t.app.inject({ ...opts, headers: s ? s.headers : {} });
const save = (unit: string, element = 'LIVE_BIRTHS') => ({
  method: 'PUT' as const,
  url: '/api/data-values',
  payload: { unit, period: '2025', values: [{ element, value: 7 }] },
});

describe('indicator routes refuse outsiders and wrong roles, changing nothing', () => {
  it.each<[string, () => Session | null, () => InjectOptions, number]>([
    ['anonymous entry form', () => null, () => ({ method: 'GET', url: `/api/data-values?unit=${COMMUNE_A}&period=2025` }), 401],
    [
      'commune officer reads another commune',
      () => officerA,
      () => ({ method: 'GET', url: `/api/data-values?unit=${COMMUNE_B}&period=2025` }),
      403,
    ],
    [
      'agency reporter reads a commune',
      () => gdReporter,
      () => ({ method: 'GET', url: `/api/data-values?unit=${COMMUNE_A}&period=2025` }),
      403,
    ],
    [
      'agency reporter reads another agency',
      () => gdReporter,
      () => ({ method: 'GET', url: `/api/data-values?unit=${tuphap}&period=2025` }),
      403,
    ],
    [
      'case worker reads the form',
      () => caseWorker,
      () => ({ method: 'GET', url: `/api/data-values?unit=${COMMUNE_A}&period=2025` }),
      403,
    ],
    [
      'a commune of another province',
      () => admin,
      () => ({ method: 'GET', url: '/api/data-values?unit=00004&period=2025' }),
      404,
    ],
    ['commune officer writes another commune', () => officerA, () => save(COMMUNE_B), 403],
    ['agency reporter writes another agency', () => gdReporter, () => save(tuphap, 'CHILDREN_U5'), 403],
    ['agency reporter writes outside its data set', () => gdReporter, () => save(gd, 'NEONATAL_DEATHS'), 400],
    ['viewer writes', () => viewer, () => save(COMMUNE_A), 403],
    ['case worker writes', () => caseWorker, () => save(COMMUNE_A), 403],
    ['admin writes a commune of another province', () => admin, () => save('00004'), 404],
    ['anonymous write', () => null, () => save(COMMUNE_A), 401],
    [
      'commune officer imports',
      () => officerA,
      () => ({ method: 'POST', url: '/api/data-values/import', payload: { dataValues: [] } }),
      403,
    ],
    [
      'viewer imports',
      () => viewer,
      () => ({ method: 'POST', url: '/api/data-values/import', payload: { dataValues: [] } }),
      403,
    ],
    ['agency reporter exports', () => gdReporter, () => ({ method: 'GET', url: '/api/data-values/export?period=2025' }), 403],
    ['commune officer exports', () => officerA, () => ({ method: 'GET', url: '/api/data-values/export' }), 403],
    ['anonymous values', () => null, () => ({ method: 'GET', url: '/api/indicators/values?period=2025&unit=40' }), 401],
    [
      'values of another province',
      () => admin,
      () => ({ method: 'GET', url: '/api/indicators/values?period=2025&unit=01' }),
      404,
    ],
    ['unknown measure ranking', () => admin, () => ({ method: 'GET', url: '/api/indicators/NO_SUCH/units?period=2025' }), 404],
    [
      'trend of another province',
      () => admin,
      () => ({ method: 'GET', url: '/api/indicators/I03_NEONATAL_MORTALITY/trend?unit=00004' }),
      404,
    ],
    [
      'commune officer reads another commune’s values',
      () => officerA,
      () => ({ method: 'GET', url: `/api/indicators/values?period=2025&unit=${COMMUNE_B}` }),
      403,
    ],
    [
      'agency reporter reads a commune’s trend',
      () => gdReporter,
      () => ({ method: 'GET', url: `/api/indicators/I03_NEONATAL_MORTALITY/trend?unit=${COMMUNE_A}` }),
      403,
    ],
    [
      'case worker validation run',
      () => caseWorker,
      () => ({ method: 'POST', url: '/api/indicators/validation-run?period=2025' }),
      403,
    ],
    [
      'commune officer validates another commune',
      () => officerA,
      () => ({ method: 'POST', url: `/api/indicators/validation-run?period=2025&unit=${COMMUNE_B}` }),
      403,
    ],
    [
      'agency reporter validates a commune',
      () => gdReporter,
      () => ({ method: 'POST', url: `/api/indicators/validation-run?period=2025&unit=${COMMUNE_A}` }),
      403,
    ],
    [
      'agency reporter validates another agency',
      () => gdReporter,
      () => ({ method: 'POST', url: `/api/indicators/validation-run?period=2025&unit=${tuphap}` }),
      403,
    ],
    [
      'validation run of a commune of another province',
      () => admin,
      () => ({ method: 'POST', url: '/api/indicators/validation-run?period=2025&unit=00004' }),
      404,
    ],
    ['viewer re-maps plan targets', () => viewer, () => ({ method: 'POST', url: `/api/plans/${planId}/measure-targets` }), 403],
    [
      'commune officer re-maps plan targets',
      () => officerA,
      () => ({ method: 'POST', url: `/api/plans/${planId}/measure-targets` }),
      403,
    ],
    ['anonymous catalogue', () => null, () => ({ method: 'GET', url: '/api/indicators/catalogue' }), 401],
    ['anonymous adds a local indicator', () => null, () => addLocal('L02'), 401],
    ['provincial officer adds a local indicator', () => provincial, () => addLocal('L02'), 403],
    ['viewer adds a local indicator', () => viewer, () => addLocal('L02'), 403],
    ['commune officer adds a local indicator', () => officerA, () => addLocal('L02'), 403],
    ['anonymous deletes a local indicator', () => null, () => ({ method: 'DELETE', url: '/api/indicators/local/L01' }), 401],
    [
      'provincial officer deletes a local indicator',
      () => provincial,
      () => ({ method: 'DELETE', url: '/api/indicators/local/L01' }),
      403,
    ],
    [
      'agency reporter deletes a local indicator',
      () => gdReporter,
      () => ({ method: 'DELETE', url: '/api/indicators/local/L01' }),
      403,
    ],
    ['admin deletes a national indicator', () => admin, () => ({ method: 'DELETE', url: '/api/indicators/local/I01' }), 409],
  ])('%s', async (_name, who, opts, status) => {
    await expectRefused(state, () => call(who(), opts()), status);
  });

  it('a write without the CSRF token is refused', async () => {
    await expectRefused(state, () => t.app.inject({ ...save(COMMUNE_A), headers: { cookie: officerA.cookie } }), 403);
  });

  it('allows what each role may do', async () => {
    expect((await call(officerA, save(COMMUNE_A))).statusCode).toBe(200);
    expect((await call(gdReporter, save(gd, 'PRIMARY_PUPILS'))).statusCode).toBe(200);
    expect((await call(viewer, { method: 'GET', url: `/api/data-values?unit=${COMMUNE_B}&period=2025` })).statusCode).toBe(200);
    expect((await call(viewer, { method: 'GET', url: '/api/data-values/export' })).statusCode).toBe(200);
    // aggregated values are statistics for everyone signed in, as plans are
    expect((await call(caseWorker, { method: 'GET', url: '/api/indicators/values?period=2025&unit=40' })).statusCode).toBe(200);
    // every commune's figures side by side: for the province's readers, not for the next commune's officer
    const ranking = { method: 'GET' as const, url: '/api/indicators/I03_NEONATAL_MORTALITY/units?period=2025' };
    expect((await call(viewer, ranking)).statusCode).toBe(200);
    for (const who of [officerA, caseWorker, gdReporter]) expect((await call(who, ranking)).statusCode).toBe(403);
    // a commune's own values, and any commune's for the province's readers
    expect(
      (await call(officerA, { method: 'GET', url: `/api/indicators/values?period=2025&unit=${COMMUNE_A}` })).statusCode,
    ).toBe(200);
    expect((await call(viewer, { method: 'GET', url: `/api/indicators/values?period=2025&unit=${COMMUNE_B}` })).statusCode).toBe(
      200,
    );
    // the catalogue is read by everyone signed in; a local indicator is the administrator's
    for (const who of [caseWorker, officerA, gdReporter, viewer]) {
      const res = await call(who, { method: 'GET', url: '/api/indicators/catalogue' });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { indicators: { code: string }[] }).indicators.map((i) => i.code)).toContain('L01');
    }
    expect((await call(admin, addLocal('L02'))).statusCode).toBe(201);
    expect((await call(admin, { method: 'DELETE', url: '/api/indicators/local/L02' })).statusCode).toBe(200);
    // a commune officer's validation run lists only their commune
    const run = await call(officerA, { method: 'POST', url: '/api/indicators/validation-run?period=2025' });
    expect(run.statusCode).toBe(200);
    expect((run.json() as { violations: { unit: string }[] }).violations.every((v) => v.unit === COMMUNE_A)).toBe(true);
    // one unit's findings: the officer's own commune; any commune for the province's readers
    const own = await call(officerA, { method: 'POST', url: `/api/indicators/validation-run?period=2025&unit=${COMMUNE_A}` });
    expect(own.statusCode).toBe(200);
    expect((own.json() as { violations: unknown[] }).violations).toEqual((run.json() as { violations: unknown[] }).violations);
    const other = await call(viewer, { method: 'POST', url: `/api/indicators/validation-run?period=2025&unit=${COMMUNE_B}` });
    expect(other.statusCode).toBe(200);
    const otherReply = other.json() as { violations: { unit: string; rule: string }[]; units: { code: string }[] };
    // COMMUNE_B reported one figure of its data set (seeded above): the rest are missing
    expect(otherReply.violations.length).toBeGreaterThan(0);
    expect(otherReply.violations.every((v) => v.unit === COMMUNE_B && v.rule === 'required_missing')).toBe(true);
    expect(otherReply.units.map((u) => u.code)).toEqual([COMMUNE_B]);
  });
});
