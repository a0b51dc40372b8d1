import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, auditCount, firstAgencyId, makePlan, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { expectRefused } from '../../test/state.ts';

/**
 * Who may set, clear and read a plan's baselines: only the province's editors (administrator,
 * provincial officer) write; a commune officer, an agency reporter, a viewer or a case worker gets
 * 403, a plan of another province 404, and the baselines and the audit stay as they were. Reading
 * follows the plan: everyone signed in in the province.
 */
const MEASURE = 'I01_CHILD_FRIENDLY_COMMUNES';
let t: TestApp;
let admin: Session;
let provincial: Session;
let viewer: Session;
let caseWorker: Session;
let officerA: Session;
let gdReporter: Session;
let planId: string;
let otherPlanId: string;

async function state() {
  return {
    baselines: await t.db.kysely.selectFrom('measure_baseline').selectAll().orderBy('plan_id').orderBy('measure_code').execute(),
    audit: await auditCount(t.db),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  provincial = await signInNewUser(t, { role: 'provincial_officer' });
  viewer = await signInNewUser(t, { role: 'viewer' });
  caseWorker = await signInNewUser(t, { role: 'case_worker', communeCode: COMMUNE_A });
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  planId = await makePlan(t.db); // indicator 1: ≥ 80 % in 2025
  otherPlanId = await makePlan(t.db, { provinceCode: '01' });
  const set = await t.app.inject({
    method: 'PUT',
    url: `/api/plans/${planId}/measure-targets/${MEASURE}/baseline`,
    headers: admin.headers,
    payload: { year: 2020, value: 70 },
  });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(async () => t.close());

const call = (s: Session | null, opts: InjectOptions) => t.app.inject({ ...opts, headers: s ? s.headers : {} });
const put = (plan = planId) => ({
  method: 'PUT' as const,
  url: `/api/plans/${plan}/measure-targets/${MEASURE}/baseline`,
  payload: { year: 2019, value: 60 },
});
const del = (plan = planId) => ({ method: 'DELETE' as const, url: `/api/plans/${plan}/measure-targets/${MEASURE}/baseline` });
const read = (plan = planId) => ({ method: 'GET' as const, url: `/api/plans/${plan}/measure-targets` });

describe('baseline routes refuse outsiders and wrong roles, changing nothing', () => {
  it.each<[string, () => Session | null, () => InjectOptions, number]>([
    ['anonymous sets', () => null, () => put(), 401],
    ['anonymous clears', () => null, () => del(), 401],
    ['anonymous reads', () => null, () => read(), 401],
    ['commune officer sets', () => officerA, () => put(), 403],
    ['commune officer clears', () => officerA, () => del(), 403],
    ['agency reporter sets', () => gdReporter, () => put(), 403],
    ['agency reporter clears', () => gdReporter, () => del(), 403],
    ['viewer sets', () => viewer, () => put(), 403],
    ['viewer clears', () => viewer, () => del(), 403],
    ['case worker sets', () => caseWorker, () => put(), 403],
    ['case worker clears', () => caseWorker, () => del(), 403],
    ['admin sets on a plan of another province', () => admin, () => put(otherPlanId), 404],
    ['provincial officer clears on a plan of another province', () => provincial, () => del(otherPlanId), 404],
    ['viewer reads a plan of another province', () => viewer, () => read(otherPlanId), 404],
  ])('%s', async (_name, who, opts, status) => {
    await expectRefused(state, () => call(who(), opts()), status);
  });

  it('a write without the CSRF token is refused', async () => {
    await expectRefused(state, () => t.app.inject({ ...put(), headers: { cookie: provincial.cookie } }), 403);
  });

  it('the baseline is still the one the administrator set', async () => {
    const row = await t.db.kysely
      .selectFrom('measure_baseline')
      .select(['year', 'value'])
      .where('plan_id', '=', planId)
      .execute();
    expect(row).toEqual([{ year: 2020, value: 70 }]);
  });

  it('every role of the province reads the plan’s baselines; the provincial officer sets and clears them', async () => {
    for (const who of [viewer, caseWorker, officerA, gdReporter]) {
      const res = await call(who, read());
      expect(res.statusCode).toBe(200);
      expect((res.json() as { measures: { measure: string; baseline: unknown }[] }).measures[0]).toMatchObject({
        measure: MEASURE,
        baseline: { year: 2020, value: 70 },
      });
    }
    const set = await call(provincial, put());
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ baseline: { year: 2019, value: 60 } });
    const cleared = await call(provincial, del());
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ baseline: null });
    expect((await state()).baselines).toEqual([]);
  });
});
