import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, auditCount, firstAgencyId, makePlan, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { expectRefused } from '../../test/state.ts';

/**
 * Who may add, correct and remove a saved plan's targets: only the roles that edit plans
 * (administrator, provincial officer). Anyone else gets 401 or 403, a plan of another province
 * 404, and the plan's targets, their mapping, the unmapped list and the audit stay as they were.
 */
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
  const k = t.db.kysely;
  return {
    targets: await k
      .selectFrom('plan_indicator_target')
      .selectAll()
      .orderBy('plan_id')
      .orderBy('indicator_position')
      .orderBy('position')
      .execute(),
    indicators: await k
      .selectFrom('plan_indicator')
      .select(['plan_id', 'position', 'no'])
      .orderBy('plan_id')
      .orderBy('position')
      .execute(),
    mapped: await k.selectFrom('measure_target').selectAll().orderBy('plan_id').orderBy('measure_code').orderBy('year').execute(),
    unmapped: await k.selectFrom('plan_target_unmapped').selectAll().orderBy('plan_id').orderBy('indicator_position').execute(),
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
  planId = await makePlan(t.db); // indicator 1: ≥ 80 % in 2025 (0.0); indicator 3: < 9.5 ‰ 2025 (1.0), < 9 ‰ 2030 (1.1)
  otherPlanId = await makePlan(t.db, { provinceCode: '01' });
});
afterAll(async () => t.close());

const call = (s: Session | null, opts: InjectOptions) => t.app.inject({ ...opts, headers: s ? s.headers : {} });
const add = (plan = planId): InjectOptions => ({
  method: 'POST',
  url: `/api/plans/${plan}/targets`,
  payload: { measure: 'I14_BIRTH_REGISTRATION_U5', year: 2025, value: 98, op: null },
});
const correct = (plan = planId): InjectOptions => ({
  method: 'PATCH',
  url: `/api/plans/${plan}/targets/0.0`,
  payload: { value: 85 },
});
const remove = (plan = planId): InjectOptions => ({ method: 'DELETE', url: `/api/plans/${plan}/targets/1.1` });

describe('target routes refuse outsiders and wrong roles, changing nothing', () => {
  const cases: [string, () => Session | null][] = [
    ['anonymous', () => null],
    ['a commune officer', () => officerA],
    ['an agency reporter', () => gdReporter],
    ['a viewer', () => viewer],
    ['a case worker', () => caseWorker],
  ];
  for (const [who, session] of cases) {
    const status = who === 'anonymous' ? 401 : 403;
    it.each<[string, () => InjectOptions]>([
      ['adds', () => add()],
      ['corrects', () => correct()],
      ['removes', () => remove()],
    ])(`${who} %s: ${status}`, async (_what, opts) => {
      await expectRefused(state, () => call(session(), opts()), status);
    });
  }

  it.each<[string, () => Session, () => InjectOptions]>([
    ['the administrator adds to', () => admin, () => add(otherPlanId)],
    ['the administrator corrects on', () => admin, () => correct(otherPlanId)],
    ['a provincial officer removes from', () => provincial, () => remove(otherPlanId)],
  ])('%s a plan of another province: 404', async (_name, who, opts) => {
    await expectRefused(state, () => call(who(), opts()), 404);
  });

  it('a write without the CSRF token is refused', async () => {
    await expectRefused(state, () => t.app.inject({ ...correct(), headers: { cookie: provincial.cookie } }), 403);
  });

  it('a provincial officer adds, corrects and removes', async () => {
    for (const opts of [add(), correct(), remove()]) {
      const res = await call(provincial, opts);
      expect(res.statusCode, res.body).toBe(200);
    }
    const targets = (await state()).targets.filter((r) => r.plan_id === planId);
    expect(targets.map((r) => [r.indicator_position, r.position, r.value])).toEqual([
      [0, 0, 85],
      [1, 0, 9.5],
      [2, 0, 98],
    ]);
  });
});
