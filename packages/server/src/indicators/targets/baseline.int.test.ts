import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlanMeasureTargetsDto, PlanMeasureTargetsReply, RankingReply, TrendReply, ValuesReply } from '@tre/core';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMPED_TABLES, dumpDatabase, restoreDatabase } from '../../db/dump.ts';
import { migrateToLatest, migrationNames } from '../../db/migrate.ts';
import * as m0001 from '../../db/migrations/0001_foundation.ts';
import * as m0002 from '../../db/migrations/0002_plans.ts';
import * as m0003 from '../../db/migrations/0003_indicators.ts';
import * as m0004 from '../../db/migrations/0004_measure_unit_value.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD, openEmptyTestDb, testEngine } from '../../test/db.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  auditCount,
  localIndicatorRequest,
  makePlan,
  planDocument,
  signIn,
  signInNewUser,
  type Session,
} from '../../test/factories.ts';

/**
 * Baselines of a plan's targets: set through the API, then the province values, the commune
 * ranking and the trend judged against the straight line from the baseline to the target, with
 * numbers computed by hand. Re-mapping keeps the baseline; bad input is refused naming the field
 * and stores nothing.
 *
 * The plan (2021–2030): indicator 1, child-friendly communes (%, higher is better) ≥ 90 % in 2025;
 * indicator 3, neonatal mortality (‰, lower is better) < 9.5 in 2025 and < 9 in 2030.
 */
const COMMUNE_C = '16690'; // Phường Trường Vinh
const FRIENDLY = 'I01_CHILD_FRIENDLY_COMMUNES';
const NEONATAL = 'I03_NEONATAL_MORTALITY';

let t: TestApp;
let admin: Session;
let planId: string;

const doc = () => {
  const d = planDocument();
  const friendly = d.indicators[0];
  if (friendly) friendly.targets = [{ year: 2025, value: 90, unit: '%', op: '>=', measure: null }];
  return d;
};

const row = (dataElement: string, orgUnit: string, period: string, value: number) => ({
  dataElement,
  orgUnit,
  period,
  value: String(value),
});
async function importRows(rows: ReturnType<typeof row>[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values/import',
    headers: admin.headers,
    payload: { dataValues: rows },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect((res.json() as { rejected: number }).rejected).toBe(0);
}

const baselineUrl = (measure: string, plan = planId) => `/api/plans/${plan}/measure-targets/${measure}/baseline`;
const put = (measure: string, payload: unknown, s: Session = admin, lang = 'vi', plan = planId) =>
  t.app.inject({
    method: 'PUT',
    url: baselineUrl(measure, plan),
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as object,
  });
const del = (measure: string, s: Session = admin) =>
  t.app.inject({ method: 'DELETE', url: baselineUrl(measure), headers: s.headers });
async function get<T>(url: string, s: Session = admin): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
const valueOf = async (measure: string, period = '2023') =>
  (await get<ValuesReply>(`/api/indicators/values?period=${period}&unit=40`)).values.find((v) => v.measure === measure);
const entryOf = async (measure: string) =>
  (await get<PlanMeasureTargetsReply>(`/api/plans/${planId}/measure-targets`)).measures.find((m) => m.measure === measure);
const storedBaselines = () =>
  t.db.kysely
    .selectFrom('measure_baseline')
    .select(['plan_id', 'measure_code', 'year', 'value', 'set_by'])
    .orderBy('plan_id')
    .orderBy('measure_code')
    .execute();
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  planId = await makePlan(t.db, { document: doc() });
  await importRows([
    // the province's own figure of child-friendly communes: 2024 88 / 100 = 88 % (the suggestion)
    row('COMMUNES_TOTAL', '40', '2024', 100),
    row('COMMUNES_CHILD_FRIENDLY', '40', '2024', 88),
    row('COMMUNES_TOTAL', '40', '2023', 100),
    row('COMMUNES_CHILD_FRIENDLY', '40', '2023', 86),
    // neonatal mortality 2023: A 23 / 2000 = 11.5 ‰, B 119 / 10000 = 11.9 ‰, C 25 / 2000 = 12.5 ‰
    row('LIVE_BIRTHS', COMMUNE_A, '2023', 2000),
    row('NEONATAL_DEATHS', COMMUNE_A, '2023', 23),
    row('LIVE_BIRTHS', COMMUNE_B, '2023', 10000),
    row('NEONATAL_DEATHS', COMMUNE_B, '2023', 119),
    row('LIVE_BIRTHS', COMMUNE_C, '2023', 2000),
    row('NEONATAL_DEATHS', COMMUNE_C, '2023', 25),
    // 2024: only A, 30 / 3000 = 10 ‰ (the province's suggestion for neonatal mortality)
    row('LIVE_BIRTHS', COMMUNE_A, '2024', 3000),
    row('NEONATAL_DEATHS', COMMUNE_A, '2024', 30),
  ]);
});
afterAll(async () => t.close());

describe('a plan’s targets by measure', () => {
  it('lists the mapped targets with no baseline and the measured value of the year before as a suggestion', async () => {
    const reply = await get<PlanMeasureTargetsReply>(`/api/plans/${planId}/measure-targets`);
    expect(reply.planId).toBe(planId);
    expect(reply.measures.map((m) => m.measure)).toEqual([FRIENDLY, NEONATAL]);
    expect(reply.measures[0]).toEqual({
      measure: FRIENDLY,
      indicator: 'I01',
      indicatorNo: 1,
      name: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }) as unknown,
      unit: '%',
      direction: 'higher',
      targets: [
        {
          id: '0.0',
          indicatorNo: 1,
          year: 2025,
          value: 90,
          unit: '%',
          op: '>=',
          writtenOp: '>=',
          opSource: 'stated',
          chosen: false,
          relative: null,
          measureText: null,
          opWord: null,
          text: null,
        },
      ],
      baseline: null,
      suggestion: { year: 2024, value: 88 },
    } satisfies Omit<PlanMeasureTargetsDto, 'name'> & { name: unknown });
    expect(reply.unmapped).toEqual([]);
    expect(reply.measures[1]).toMatchObject({
      measure: NEONATAL,
      unit: 'per1000',
      direction: 'lower',
      targets: [
        { year: 2025, op: '<', value: 9.5 },
        { year: 2030, op: '<', value: 9 },
      ],
      baseline: null,
      suggestion: { year: 2024, value: 10 },
    });
  });

  it('without a baseline an unmet target before its year is only at risk, with no line', async () => {
    expect(await valueOf(FRIENDLY)).toMatchObject({ value: 86, status: 'at_risk', expected: null });
  });
});

describe('setting a baseline', () => {
  it('stores it with one audit row and replies with the measure’s entry', async () => {
    const audits = await auditCount(t.db);
    const res = await put(FRIENDLY, { year: 2020, value: 80 });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json() as PlanMeasureTargetsDto;
    expect(entry).toMatchObject({
      measure: FRIENDLY,
      targets: [{ year: 2025, op: '>=', value: 90 }],
      baseline: { year: 2020, value: 80, setBy: 'Quản trị hệ thống' },
      suggestion: { year: 2024, value: 88 },
    });
    expect(Number.isNaN(Date.parse(entry.baseline?.setAt ?? ''))).toBe(false);
    expect(await storedBaselines()).toEqual([
      { plan_id: planId, measure_code: FRIENDLY, year: 2020, value: 80, set_by: expect.any(String) as unknown },
    ]);
    expect(await auditCount(t.db)).toBe(audits + 1);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity', 'entity_id', 'before', 'after'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: 'create',
      entity: 'measure_baseline',
      entity_id: `${planId}/${FRIENDLY}`,
      before: null,
      after: { year: 2020, value: 80 },
    });
    expect((await entryOf(FRIENDLY))?.baseline).toMatchObject({ year: 2020, value: 80 });
  });

  it('judges the province value against the straight line: 86 % in 2023 is on track', async () => {
    // 80 % in 2020 → 90 % in 2025: 2023 is 3/5 of the way, expected 80 + 10 × 3/5 = 86 %; tolerance 1 point
    const v = await valueOf(FRIENDLY);
    expect(v).toMatchObject({
      value: 86,
      status: 'on_track',
      target: { year: 2025, op: '>=', value: 90, planId, baseline: { year: 2020, value: 80 } },
    });
    expect(v?.expected).toBeCloseTo(86, 10);
  });

  it('85 % is 1 point behind, within 10 % of the 10-point distance: at risk; 84 % is off track', async () => {
    await importRows([row('COMMUNES_CHILD_FRIENDLY', '40', '2023', 85)]);
    const atRisk = await valueOf(FRIENDLY);
    expect(atRisk).toMatchObject({ value: 85, status: 'at_risk' });
    expect(atRisk?.expected).toBeCloseTo(86, 10);
    await importRows([row('COMMUNES_CHILD_FRIENDLY', '40', '2023', 84)]);
    expect(await valueOf(FRIENDLY)).toMatchObject({ value: 84, status: 'off_track' });
    // 91 % meets the target early: met, whatever the line
    await importRows([row('COMMUNES_CHILD_FRIENDLY', '40', '2023', 91)]);
    expect(await valueOf(FRIENDLY)).toMatchObject({ value: 91, status: 'met' });
    await importRows([row('COMMUNES_CHILD_FRIENDLY', '40', '2023', 86)]);
  });

  it('ranks the communes against the line of a lower-is-better measure', async () => {
    // 14.5 ‰ in 2020 → < 9.5 ‰ in 2025: expected in 2023 14.5 − 5 × 3/5 = 11.5 ‰, tolerance 0.5 ‰
    expect((await put(NEONATAL, { year: 2020, value: 14.5 })).statusCode).toBe(200);
    const ranking = await get<RankingReply>(`/api/indicators/${NEONATAL}/units?period=2023`);
    expect(ranking.target).toMatchObject({ year: 2025, value: 9.5, baseline: { year: 2020, value: 14.5 } });
    const status = (code: string) => ranking.units.find((u) => u.code === code);
    expect(status(COMMUNE_A)).toMatchObject({ value: 11.5, status: 'on_track' }); // on the line
    expect(status(COMMUNE_B)?.value).toBeCloseTo(11.9, 10);
    expect(status(COMMUNE_B)?.status).toBe('at_risk'); // 0.4 ‰ behind ≤ 0.5
    expect(status(COMMUNE_C)).toMatchObject({ value: 12.5, status: 'off_track' }); // 1 ‰ behind
    // the province: (23 + 119 + 25) / 14000 × 1000 = 11.93 ‰, 0.43 behind: at risk
    const province = await valueOf(NEONATAL);
    expect(province?.value).toBeCloseTo(167000 / 14000, 10);
    expect(province).toMatchObject({ status: 'at_risk' });
    expect(province?.expected).toBeCloseTo(11.5, 10);
  });

  it('gives the trend’s points their target with the baseline', async () => {
    const trend = await get<TrendReply>(`/api/indicators/${FRIENDLY}/trend?unit=40`);
    expect(trend.points.map((p) => [p.period, p.value, p.target?.baseline])).toEqual([
      ['2023', 86, { year: 2020, value: 80 }],
      ['2024', 88, { year: 2020, value: 80 }],
    ]);
  });

  it('changes it with before and after in the audit; the same values again write nothing', async () => {
    const res = await put(FRIENDLY, { year: 2019, value: 78.5 });
    expect(res.statusCode).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'before', 'after'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'update', before: { year: 2020, value: 80 }, after: { year: 2019, value: 78.5 } });
    const audits = await auditCount(t.db);
    expect((await put(FRIENDLY, { year: 2019, value: 78.5 })).statusCode).toBe(200);
    expect(await auditCount(t.db)).toBe(audits);
    expect((await put(FRIENDLY, { year: 2020, value: 80 })).statusCode).toBe(200);
  });

  it('keeps the baseline when the plan’s targets are mapped again', async () => {
    const targetsBefore = await t.db.kysely.selectFrom('measure_target').selectAll().where('plan_id', '=', planId).execute();
    const baselines = await storedBaselines();
    const remap = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/measure-targets`, headers: admin.headers });
    expect(remap.statusCode, remap.body).toBe(200);
    expect((remap.json() as { mapped: unknown[] }).mapped).toHaveLength(3);
    expect(await t.db.kysely.selectFrom('measure_target').selectAll().where('plan_id', '=', planId).execute()).toEqual(
      targetsBefore,
    );
    expect(await storedBaselines()).toEqual(baselines);
    expect((await entryOf(FRIENDLY))?.baseline).toMatchObject({ year: 2020, value: 80 });
    expect(await valueOf(FRIENDLY)).toMatchObject({ status: 'on_track', target: { baseline: { year: 2020, value: 80 } } });
  });

  it('judges by the baseline of the plan whose target applies, not another plan’s', async () => {
    // a later plan with its own 2025 target for the measure and no baseline takes over
    const later = await makePlan(t.db, { document: doc() });
    expect(await valueOf(FRIENDLY)).toMatchObject({
      status: 'at_risk',
      expected: null,
      target: { planId: later, baseline: null },
    });
    expect((await put(FRIENDLY, { year: 2020, value: 82 }, admin, 'vi', later)).statusCode).toBe(200);
    // 82 → 90: expected in 2023 82 + 8 × 3/5 = 86.8; 86 is 0.8 behind, tolerance 0.8: at risk
    const v = await valueOf(FRIENDLY);
    expect(v).toMatchObject({ status: 'at_risk', target: { planId: later, baseline: { year: 2020, value: 82 } } });
    expect(v?.expected).toBeCloseTo(86.8, 10);
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/plans/${later}`, headers: admin.headers });
    expect(gone.statusCode, gone.body).toBe(204);
    // the plan's baselines went with it; the first plan applies again
    expect((await storedBaselines()).map((b) => b.plan_id)).toEqual([planId, planId]);
    expect(await valueOf(FRIENDLY)).toMatchObject({ status: 'on_track', target: { planId } });
  });
});

describe('bad input is refused naming the field, storing nothing', () => {
  it.each<[string, string, unknown, number, string | undefined, RegExp]>([
    ['a negative value', FRIENDLY, { year: 2020, value: -1 }, 400, 'value', /không được âm/],
    ['more than 100 for a % measure', FRIENDLY, { year: 2020, value: 120 }, 400, 'value', /không được quá 100/],
    ['the first target year itself', FRIENDLY, { year: 2025, value: 80 }, 400, 'year', /trước năm chỉ tiêu đầu tiên.*2025/],
    ['a year after the target year', NEONATAL, { year: 2026, value: 12 }, 400, 'year', /trước năm chỉ tiêu đầu tiên.*2025/],
    ['a year before 1990', FRIENDLY, { year: 1899, value: 80 }, 400, 'year', /từ năm 1990/],
    ['a year that is not whole', FRIENDLY, { year: 2020.5, value: 80 }, 400, 'year', /./],
    ['a value that is not a number', FRIENDLY, { year: 2020, value: '80' }, 400, 'value', /./],
    ['no value', FRIENDLY, { year: 2020 }, 400, 'value', /./],
    ['an unknown measure', 'NO_SUCH_MEASURE', { year: 2020, value: 80 }, 404, undefined, /Không tìm thấy/],
    [
      'a measure the plan has no target for',
      'I05_FULL_IMMUNISATION_U1',
      { year: 2020, value: 80 },
      404,
      undefined,
      /Không tìm thấy/,
    ],
    ['a malformed measure code', 'i01', { year: 2020, value: 80 }, 400, 'params.measure', /./],
    // a rate per 1,000 has no ceiling of its own: the bound of every measure value (core counts.ts)
    [
      '1e308 for a rate per 1,000',
      NEONATAL,
      { year: 2020, value: 1e308 },
      400,
      'value',
      /Giá trị gốc: 1e\+308 vượt quá giới hạn/,
    ],
    ['2^60 for a rate per 1,000', NEONATAL, { year: 2020, value: 2 ** 60 }, 400, 'value', /1152921504606846976 vượt quá/],
    ['just above 10^12', NEONATAL, { year: 2020, value: 1e12 + 0.5 }, 400, 'value', /vượt quá giới hạn/],
  ])('%s', async (_name, measure, payload, status, field, message) => {
    const before = { baselines: await storedBaselines(), audit: await auditCount(t.db) };
    const res = await put(measure, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(errorOf(res).field).toBe(field);
    expect(errorOf(res).message).toMatch(message);
    expect({ baselines: await storedBaselines(), audit: await auditCount(t.db) }).toEqual(before);
  });

  it('says it in English when asked', async () => {
    const res = await put(FRIENDLY, { year: 2020, value: 120 }, admin, 'en');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({
      field: 'value',
      message: 'The baseline value of a % measure cannot exceed 100 (got 120)',
    });
    const year = await put(NEONATAL, { year: 2026, value: 12 }, admin, 'en');
    expect(errorOf(year)).toMatchObject({
      field: 'year',
      message: "The baseline year must be before the plan's first target year for this measure (2025); got 2026",
    });
  });

  it('allows a value above 100 for a rate per 1,000 (only % is capped)', async () => {
    const res = await put(NEONATAL, { year: 2020, value: 120 });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanMeasureTargetsDto).baseline).toMatchObject({ year: 2020, value: 120 });
    expect((await put(NEONATAL, { year: 2020, value: 14.5 })).statusCode).toBe(200);
  });

  it('does not reach a plan of another province', async () => {
    const other = await makePlan(t.db, { provinceCode: '01', document: doc() });
    const before = { baselines: await storedBaselines(), audit: await auditCount(t.db) };
    expect((await put(FRIENDLY, { year: 2020, value: 80 }, admin, 'vi', other)).statusCode).toBe(404);
    const cleared = await t.app.inject({ method: 'DELETE', url: baselineUrl(FRIENDLY, other), headers: admin.headers });
    expect(cleared.statusCode).toBe(404);
    const read = await t.app.inject({ method: 'GET', url: `/api/plans/${other}/measure-targets`, headers: admin.headers });
    expect(read.statusCode).toBe(404);
    expect({ baselines: await storedBaselines(), audit: await auditCount(t.db) }).toEqual(before);
  });
});

describe('clearing a baseline', () => {
  it('deletes it with an audit row; clearing again changes nothing', async () => {
    const audits = await auditCount(t.db);
    const res = await del(NEONATAL);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanMeasureTargetsDto).baseline).toBeNull();
    expect((await storedBaselines()).map((b) => b.measure_code)).toEqual([FRIENDLY]);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'before', 'after'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: 'delete',
      entity_id: `${planId}/${NEONATAL}`,
      before: { year: 2020, value: 14.5 },
      after: null,
    });
    expect(await auditCount(t.db)).toBe(audits + 1);
    const again = await del(NEONATAL);
    expect(again.statusCode).toBe(200);
    expect(await auditCount(t.db)).toBe(audits + 1);
    // without the line the province's 11.93 ‰ against < 9.5 before 2025 is at risk, with no expected value
    expect(await valueOf(NEONATAL)).toMatchObject({ status: 'at_risk', expected: null, target: { baseline: null } });
    expect((await del('I05_FULL_IMMUNISATION_U1')).statusCode).toBe(404);
  });
});

describe('a local indicator’s baselines', () => {
  it('go when the local indicator is deleted', async () => {
    const local = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/local',
      headers: admin.headers,
      payload: localIndicatorRequest('L01', { no: 25, goal: 1 }),
    });
    expect(local.statusCode, local.body).toBe(201);
    const d = doc();
    d.indicators.push({
      no: 25,
      goal: 1,
      text: 'Tỷ lệ trẻ em dưới 5 tuổi',
      targets: [{ year: 2026, value: 40, unit: '%', op: '>=', measure: null }],
      line: 8,
    });
    const plan = await makePlan(t.db, { document: d });
    expect((await put('L01_U5_SHARE', { year: 2021, value: 35 }, admin, 'vi', plan)).statusCode).toBe(200);
    expect((await put(FRIENDLY, { year: 2020, value: 81 }, admin, 'vi', plan)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'DELETE', url: '/api/indicators/local/L01', headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { message: { vi: string } }).message.vi).toContain('Đã xóa 1 số liệu gốc');
    const left = await storedBaselines();
    expect(left.filter((b) => b.measure_code === 'L01_U5_SHARE')).toEqual([]);
    expect(left.filter((b) => b.plan_id === plan).map((b) => b.measure_code)).toEqual([FRIENDLY]);
  });
});

describe('the signed-in roles that may set baselines', () => {
  it('a provincial officer may; a viewer reads them', async () => {
    const provincial = await signInNewUser(t, { role: 'provincial_officer' });
    const res = await put(NEONATAL, { year: 2021, value: 13 }, provincial);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanMeasureTargetsDto).baseline).toMatchObject({
      year: 2021,
      value: 13,
      setBy: 'Người thử provincial_officer',
    });
    const viewer = await signInNewUser(t, { role: 'viewer' });
    const reply = await get<PlanMeasureTargetsReply>(`/api/plans/${planId}/measure-targets`, viewer);
    expect(reply.measures.find((m) => m.measure === NEONATAL)?.baseline).toMatchObject({ year: 2021, value: 13 });
  });
});

describe(`baselines in a dump, restored on ${testEngine()}`, () => {
  it('come back unchanged', async () => {
    expect(DUMPED_TABLES.map((s) => s.name)).toContain('measure_baseline');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-baseline-dump-'));
    const file = path.join(dir, 'tre.jsonl');
    const target = await openEmptyTestDb();
    try {
      const counts = await dumpDatabase(t.db, file);
      const baselines = await storedBaselines();
      expect(counts.measure_baseline).toBe(baselines.length);
      await restoreDatabase(target, file, { replace: false });
      const restored = await target.kysely
        .selectFrom('measure_baseline')
        .select(['plan_id', 'measure_code', 'year', 'value', 'set_by', 'set_at'])
        .orderBy('plan_id')
        .orderBy('measure_code')
        .execute();
      const original = await t.db.kysely
        .selectFrom('measure_baseline')
        .select(['plan_id', 'measure_code', 'year', 'value', 'set_by', 'set_at'])
        .orderBy('plan_id')
        .orderBy('measure_code')
        .execute();
      expect(restored).toEqual(original);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 0005', () => {
  it('moves baselines held in measure_target to measure_baseline and drops the old columns', async () => {
    const db = await openEmptyTestDb();
    try {
      const upTo0004: Record<string, Migration> = {
        '0001_foundation': m0001,
        '0002_plans': m0002,
        '0003_indicators': m0003,
        '0004_measure_unit_value': m0004,
      };
      const migrator = new Migrator({
        db: db.kysely,
        provider: { getMigrations: () => Promise.resolve(upTo0004) },
        migrationTableName: 'tre_migration',
        migrationLockTableName: 'tre_migration_lock',
      });
      const first = await migrator.migrateToLatest();
      expect(first.error).toBeUndefined();
      await sql`
        INSERT INTO province (code, name) VALUES ('40', 'Nghệ An');
        INSERT INTO data_element (code, position, name_vi, name_en, origin) VALUES
          ('A_NUM', 1, 'Tử số', 'Numerator', 'national'), ('A_DEN', 2, 'Mẫu số', 'Denominator', 'national');
        INSERT INTO indicator (code, no, goal, name_vi, name_en, origin) VALUES ('I01', 1, 1, 'Chỉ tiêu', 'Indicator', 'national');
        INSERT INTO measure (code, indicator_code, position, name_vi, name_en, numerator, denominator, factor, unit, direction, agency, origin)
          VALUES ('I01_M', 'I01', 0, 'Phép đo', 'Measure', 'A_NUM', 'A_DEN', 100, '%', 'higher', 'Sở Y tế', 'national');
        INSERT INTO plan (id, province_code, title, document_type)
          VALUES ('11111111-1111-4111-8111-111111111111', '40', 'Kế hoạch', 'plan');
        INSERT INTO measure_target (plan_id, measure_code, year, op, value, baseline_year, baseline_value, indicator_position, target_position)
          VALUES ('11111111-1111-4111-8111-111111111111', 'I01_M', 2030, '>=', 95, 2021, 84, 0, 1),
                 ('11111111-1111-4111-8111-111111111111', 'I01_M', 2025, '>=', 90, 2020, 80, 0, 0);
      `.execute(db.kysely);
      // 0005 runs, then every later migration (0008's bounds included: these rows are within them)
      expect(await migrateToLatest(db)).toEqual(migrationNames.slice(migrationNames.indexOf('0005_measure_baseline')));
      const moved = await sql<{ measure_code: string; year: number; value: number }>`
        SELECT measure_code, year, value FROM measure_baseline`.execute(db.kysely);
      // the earliest target year's baseline
      expect(moved.rows).toEqual([{ measure_code: 'I01_M', year: 2020, value: 80 }]);
      const columns = await sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns WHERE table_name = 'measure_target' ORDER BY ordinal_position`.execute(
        db.kysely,
      );
      expect(columns.rows.map((c) => c.column_name)).toEqual([
        'plan_id',
        'measure_code',
        'year',
        'op',
        'value',
        'indicator_position',
        'target_position',
        // migration 0010: the kind of target and how its comparison was found
        'kind',
        'change',
        'reference_year',
        'value_to',
        'op_source',
        'chosen',
      ]);
      const checks = await sql<{ def: string }>`
        SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'measure_target'::regclass AND contype = 'c'`.execute(db.kysely);
      expect(checks.rows.map((c) => c.def).join(' ')).not.toContain('baseline');
    } finally {
      await db.close();
    }
  });
});
