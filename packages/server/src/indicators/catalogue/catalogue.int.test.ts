import { NATIONAL_CATALOGUE, type Catalogue } from '@tre/core';
import type { CatalogueReply, LocalIndicatorRequest, TrendReply, ValuesReply } from '@tre/core/indicators/indicator-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  auditCount,
  makePlan,
  planDocument,
  signIn,
  signInNewUser,
  type Session,
} from '../../test/factories.ts';
import { seedCatalogue } from './store.ts';
import { DROWNED, drowning, localMeasure as measure } from '@tre/core/indicators/local-indicator.fixture';

/**
 * The catalogue route and local indicators: an administrator adds an indicator in the catalogue's
 * own form, it is checked against the stored catalogue, computed from figures entered before and
 * after it, appears on the entry form, in values, ranking and trend, and can be deleted again;
 * national indicators cannot. Bad requests store nothing.
 */
let t: TestApp;
let admin: Session;
let officerA: Session;
let viewer: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  viewer = await signInNewUser(t, { role: 'viewer' });
});
afterAll(async () => t.close());

const get = <T>(s: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: s.headers }).then((r) => {
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json() as T;
  });
const catalogue = () => get<CatalogueReply>(viewer, '/api/indicators/catalogue');
const addLocal = (payload: unknown, s: Session = admin) =>
  t.app.inject({ method: 'POST', url: '/api/indicators/local', headers: s.headers, payload: payload as object });
const deleteLocal = (code: string, s: Session = admin) =>
  t.app.inject({ method: 'DELETE', url: `/api/indicators/local/${code}`, headers: s.headers });
const save = (s: Session, unit: string, period: string, values: { element: string; value: number }[]) =>
  t.app.inject({ method: 'PUT', url: '/api/data-values', headers: s.headers, payload: { unit, period, values } }).then((r) => {
    expect(r.statusCode, r.body).toBe(200);
  });
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;

/** Every row of the catalogue tables and the audit, to show a refused request changed nothing. */
async function stored() {
  const k = t.db.kysely;
  return {
    elements: await k.selectFrom('data_element').select(['code', 'origin']).orderBy('code').execute(),
    indicators: await k.selectFrom('indicator').select(['code', 'origin']).orderBy('code').execute(),
    measures: await k.selectFrom('measure').select(['code', 'origin']).orderBy('code').execute(),
    targets: (await k.selectFrom('measure_national_target').select('measure_code').execute()).length,
    audit: await auditCount(t.db),
  };
}

describe('GET /api/indicators/catalogue', () => {
  it('gives the stored catalogue: the 24 national indicators, their 35 measures and 59 elements', async () => {
    const c = await catalogue();
    expect(c.indicators).toHaveLength(24);
    expect(c.indicators.map((i) => i.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(c.indicators.every((i) => i.origin === 'national')).toBe(true);
    expect(c.indicators.flatMap((i) => i.measures)).toHaveLength(35);
    expect(c.dataElements).toHaveLength(59);
    expect(c.dataElements.every((e) => e.origin === 'national')).toBe(true);
    expect(c.goals.map((g) => g.no)).toEqual([1, 2, 3, 4]);
    expect(c.categories.map((x) => x.code)).toEqual(NATIONAL_CATALOGUE.categories.map((x) => x.code).sort());
    const i03 = c.indicators.find((i) => i.code === 'I03');
    expect(i03?.measures.find((m) => m.code === 'I03_NEONATAL_MORTALITY')).toMatchObject({
      numerator: 'NEONATAL_DEATHS',
      denominator: 'LIVE_BIRTHS',
      factor: 1000,
      unit: 'per1000',
      direction: 'lower',
    });
    // the national targets as the shipped file has them, the note of indicator 13 included
    const national = NATIONAL_CATALOGUE.indicators.find((i) => i.code === 'I13')?.measures[0];
    const i13 = c.indicators.find((i) => i.code === 'I13')?.measures[0];
    expect(i13?.nationalTargetNote).toEqual(national?.nationalTargetNote);
    expect(c.indicators.find((i) => i.code === 'I18')?.measures.map((m) => m.nationalTargets)).toEqual(
      NATIONAL_CATALOGUE.indicators.find((i) => i.code === 'I18')?.measures.map((m) => m.nationalTargets),
    );
  });

  it('is in the OpenAPI document with the local indicator routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/indicators/catalogue', '/api/indicators/local', '/api/indicators/local/{code}']),
    );
    const body = doc.paths['/api/indicators/local']?.post?.requestBody?.content['application/json']?.schema;
    expect(body?.required).toEqual(['indicator', 'dataElements']);
  });
});

describe('local indicators', () => {
  it('refuses bad requests naming the field, and stores nothing', async () => {
    const before = await stored();
    const cases: [string, unknown, number, string, string][] = [
      [
        'unknown numerator element',
        { ...drowning({ measure: { numerator: 'NO_SUCH_ELEMENT' } }), dataElements: [] },
        400,
        'indicator.measures.0.numerator',
        'tử số NO_SUCH_ELEMENT',
      ],
      [
        'factor that contradicts the unit',
        drowning({ measure: { factor: 1000 } }),
        400,
        'indicator.measures.0.factor',
        'hệ số 1000 không khớp với đơn vị per100000',
      ],
      [
        'measure code of a national measure',
        drowning({ measure: { code: 'I03_NEONATAL_MORTALITY' } }),
        409,
        'indicator.measures.0.code',
        'thuộc chỉ tiêu I03',
      ],
      ['indicator code of a national indicator', drowning({ indicator: { code: 'I03' } }), 409, 'indicator.code', 'I03'],
      ['number of a national indicator', drowning({ indicator: { no: 3 } }), 409, 'indicator.no', 'I03'],
      [
        'an existing element listed as new',
        { ...drowning(), dataElements: [DROWNED, { ...DROWNED, code: 'CHILDREN_TOTAL' }] },
        409,
        'dataElements.1.code',
        'CHILDREN_TOTAL',
      ],
      [
        'two measures with one code',
        drowning({ indicator: { measures: [measure(), measure({ denominator: 'CHILDREN_5_17' })] } }),
        400,
        'indicator.measures.1.code',
        'bị trùng',
      ],
      [
        'a new element with an unknown category',
        { ...drowning(), dataElements: [{ ...DROWNED, categories: ['colour'] }] },
        400,
        'dataElements.0.categories.0',
        'colour',
      ],
      [
        'a new element no measure uses',
        { ...drowning(), dataElements: [DROWNED, { ...DROWNED, code: 'CHILDREN_SWIMMING' }] },
        400,
        'dataElements.1.code',
        'CHILDREN_SWIMMING',
      ],
      [
        'numerator and denominator the same',
        drowning({ measure: { denominator: 'CHILDREN_DROWNED' } }),
        400,
        'indicator.measures.0.denominator',
        'cùng một',
      ],
      ['unknown goal', drowning({ indicator: { goal: 9 } }), 400, 'indicator.goal', 'mục tiêu số 9'],
      ['a code not in UPPER_SNAKE_CASE', drowning({ indicator: { code: 'l01' } }), 400, 'indicator.code', 'indicator.code'],
      [
        'coordinating bodies (no column to keep them)',
        drowning({ measure: { coordinating: ['Sở GD&ĐT'] } }),
        400,
        'indicator.measures.0.coordinating',
        'phối hợp',
      ],
    ];
    for (const [name, body, status, field, vi] of cases) {
      const res = await addLocal(body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      const error = errorOf(res);
      expect(error.field, name).toBe(field);
      expect(error.message, name).toContain(vi);
    }
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/local',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: drowning({ measure: { factor: 1000 } }),
    });
    expect(errorOf(en).message).toBe('L01_DROWNING_RATE: factor 1000 does not match unit per100000');
    expect(await stored()).toEqual(before);
  });

  it('adds a local indicator: stored with origin local, audited, in the catalogue at once', async () => {
    const audits = await auditCount(t.db);
    const body: LocalIndicatorRequest = drowning({
      measure: { nationalTargets: [{ year: 2030, op: '<=', value: 5, crossChecked: true }] },
    });
    const res = await addLocal(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ ...body.indicator, origin: 'local' });
    expect(await auditCount(t.db)).toBe(audits + 1);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', entity: 'indicator', entity_id: 'L01' });

    const c = await catalogue();
    expect(c.indicators).toHaveLength(25);
    expect(c.indicators.at(-1)).toMatchObject({ code: 'L01', no: 25, origin: 'local' });
    expect(c.dataElements).toHaveLength(60);
    expect(c.dataElements.find((e) => e.code === 'CHILDREN_DROWNED')).toEqual({ ...DROWNED, origin: 'local' });
    expect(c.dataElements.find((e) => e.code === 'CHILDREN_TOTAL')?.origin).toBe('national');
  });

  it('is on the communes’ entry form and computed in values, ranking and trend', async () => {
    const form = await get<{ elements: { code: string; categories: string[] }[] }>(
      officerA,
      `/api/data-values?unit=${COMMUNE_A}&period=2025`,
    );
    expect(form.elements.find((e) => e.code === 'CHILDREN_DROWNED')).toMatchObject({ categories: ['sex'] });
    // A: 2 of 20,000 children; B: 3 of 10,000; A in 2024: 4 of 20,000
    await save(officerA, COMMUNE_A, '2025', [
      { element: 'CHILDREN_DROWNED', value: 2 },
      { element: 'CHILDREN_TOTAL', value: 20000 },
    ]);
    await save(officerA, COMMUNE_A, '2024', [
      { element: 'CHILDREN_DROWNED', value: 4 },
      { element: 'CHILDREN_TOTAL', value: 20000 },
    ]);
    await save(admin, COMMUNE_B, '2025', [
      { element: 'CHILDREN_DROWNED', value: 3 },
      { element: 'CHILDREN_TOTAL', value: 10000 },
    ]);

    const values = await get<ValuesReply>(viewer, '/api/indicators/values?period=2025&unit=40');
    const l01 = values.values.find((v) => v.measure === 'L01_DROWNING_RATE');
    // (2 + 3) / (20,000 + 10,000) × 100,000 = 16.67 per 100,000; 2024: 4 / 20,000 × 100,000 = 20
    expect(l01).toMatchObject({
      indicator: 'L01',
      indicatorNo: 25,
      numerator: 5,
      denominator: 30000,
      unitsReported: 2,
      source: 'communes',
      previousValue: 20,
      trend: 'improving',
      nationalTarget: { year: 2030, op: '<=', value: 5 },
      nationalStatus: 'at_risk',
    });
    expect(l01?.value).toBeCloseTo(500000 / 30000, 10);

    const ranking = await get<{ units: { code: string; value: number | null }[] }>(
      viewer,
      '/api/indicators/L01_DROWNING_RATE/units?period=2025',
    );
    // lower is better: A 10, B 30 (3 / 10,000 × 100,000 in floating point)
    expect(ranking.units.slice(0, 2).map((u) => u.code)).toEqual([COMMUNE_A, COMMUNE_B]);
    expect(ranking.units[0]?.value).toBeCloseTo(10, 10);
    expect(ranking.units[1]?.value).toBeCloseTo(30, 10);
    const trend = await get<TrendReply>(officerA, `/api/indicators/L01_DROWNING_RATE/trend?unit=${COMMUNE_A}`);
    expect(trend.points.map((p) => [p.period, p.numerator, p.denominator, p.value])).toEqual([
      ['2024', 4, 20000, 20],
      ['2025', 2, 20000, 10],
    ]);
    // B reported nothing in 2024: no figure, not zero
    const trendB = await get<TrendReply>(viewer, `/api/indicators/L01_DROWNING_RATE/trend?unit=${COMMUNE_B}`);
    expect(trendB.points[0]).toMatchObject({ period: '2024', numerator: null, denominator: null, value: null, unitsReported: 0 });
  });

  it('computes a measure added over figures entered before it', async () => {
    // figures of existing national elements, entered while no measure divides them
    await save(officerA, COMMUNE_A, '2023', [
      { element: 'CHILDREN_DISABLED_IN_EDUCATION', value: 30 },
      { element: 'CHILDREN_5_17', value: 600 },
    ]);
    await save(admin, COMMUNE_B, '2023', [
      { element: 'CHILDREN_DISABLED_IN_EDUCATION', value: 10 },
      { element: 'CHILDREN_5_17', value: 200 },
    ]);
    const res = await addLocal({
      indicator: {
        code: 'L02',
        no: null,
        goal: null,
        name: {
          vi: 'Tỷ lệ trẻ em khuyết tật đi học trên trẻ em 5-17 tuổi',
          en: 'Disabled children in education per children 5-17',
        },
        measures: [
          measure({
            code: 'L02_DISABLED_IN_EDUCATION_SHARE',
            name: { vi: 'Tỷ lệ trẻ em khuyết tật đi học', en: 'Share of disabled children in education' },
            numerator: 'CHILDREN_DISABLED_IN_EDUCATION',
            denominator: 'CHILDREN_5_17',
            factor: 100,
            unit: '%',
            direction: 'higher',
            agency: 'Sở GD&ĐT',
          }),
        ],
      },
      dataElements: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.db.kysely
      .selectFrom('measure_unit_value')
      .select(['unit_code', 'numerator', 'denominator'])
      .where('measure_code', '=', 'L02_DISABLED_IN_EDUCATION_SHARE')
      .where('period', '=', '2023')
      .orderBy('unit_code')
      .execute();
    expect(rows).toEqual([
      { unit_code: COMMUNE_A, numerator: 30, denominator: 600 },
      { unit_code: COMMUNE_B, numerator: 10, denominator: 200 },
    ]);
    const values = await get<ValuesReply>(viewer, '/api/indicators/values?period=2023&unit=40');
    // (30 + 10) / (600 + 200) × 100 = 5 %
    expect(values.values.find((v) => v.measure === 'L02_DISABLED_IN_EDUCATION_SHARE')).toMatchObject({
      indicator: 'L02',
      indicatorNo: null,
      numerator: 40,
      denominator: 800,
      value: 5,
      unitsReported: 2,
    });
    // a measure of the same period nobody reported: null, not 0
    expect(values.values.find((v) => v.measure === 'I03_NEONATAL_MORTALITY')).toMatchObject({
      numerator: null,
      denominator: null,
      value: null,
      unitsReported: 0,
    });
    // local indicators without a number come after the numbered ones
    expect((await catalogue()).indicators.slice(-2).map((i) => i.code)).toEqual(['L01', 'L02']);
  });

  it('maps a plan’s target to a local indicator by its number', async () => {
    const doc = planDocument();
    doc.indicators.push({
      no: 25,
      goal: 2,
      text: 'Giảm tỷ suất trẻ em bị đuối nước',
      targets: [{ year: 2025, value: 12, unit: 'per100000', op: '<', measure: null }],
      line: 8,
    });
    const planId = await makePlan(t.db, { document: doc });
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/measure-targets`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { mapped: { measure: string }[] }).mapped.map((m) => m.measure)).toContain('L01_DROWNING_RATE');
    const values = await get<ValuesReply>(viewer, '/api/indicators/values?period=2025&unit=40');
    // 16.67 against < 12 in the target year
    expect(values.values.find((v) => v.measure === 'L01_DROWNING_RATE')).toMatchObject({
      target: { year: 2025, op: '<', value: 12, planId },
      status: 'at_risk',
    });
  });

  it('is never overwritten by the national seeding, even by a clashing code', async () => {
    const before = await stored();
    const newer: Catalogue = structuredClone(NATIONAL_CATALOGUE);
    newer.dataElements.push({ ...DROWNED, name: { vi: 'Đuối nước (quốc gia)', en: 'Drowned (national)' } });
    newer.indicators.push({
      code: 'L01',
      no: 26,
      goal: 1,
      name: { vi: 'Quốc gia', en: 'National' },
      measures: [measure({ name: { vi: 'Quốc gia', en: 'National' } })],
    });
    await seedCatalogue(t.db.kysely, newer);
    await seedCatalogue(t.db.kysely);
    expect(await stored()).toEqual(before);
    const c = await catalogue();
    expect(c.indicators.find((i) => i.code === 'L01')).toMatchObject({
      no: 25,
      origin: 'local',
      name: { vi: 'Tỷ suất trẻ em bị đuối nước' },
    });
    expect(c.dataElements.find((e) => e.code === 'CHILDREN_DROWNED')?.name.vi).toBe('Số trẻ em bị đuối nước');
  });

  it('refuses to delete a national indicator or an unknown one, changing nothing', async () => {
    const before = await stored();
    const national = await deleteLocal('I03');
    expect(national.statusCode).toBe(409);
    expect(errorOf(national).message).toContain('chỉ tiêu quốc gia');
    expect((await deleteLocal('L99')).statusCode).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('deletes a local indicator and its measures, keeping its elements that hold figures', async () => {
    const audits = await auditCount(t.db);
    const res = await deleteLocal('L01');
    expect(res.statusCode, res.body).toBe(200);
    const reply = res.json() as {
      deletedElements: string[];
      keptElements: unknown[];
      planTargetsUnmapped: number;
      message: { vi: string };
    };
    expect(reply).toMatchObject({
      code: 'L01',
      measures: ['L01_DROWNING_RATE'],
      deletedElements: [],
      keptElements: [{ code: 'CHILDREN_DROWNED', reason: 'has_figures' }],
      planTargetsUnmapped: 1,
    });
    expect(reply.message.vi).toContain('CHILDREN_DROWNED');
    expect(await auditCount(t.db)).toBe(audits + 1);

    const c = await catalogue();
    expect(c.indicators.map((i) => i.code)).not.toContain('L01');
    expect(c.dataElements.find((e) => e.code === 'CHILDREN_DROWNED')?.origin).toBe('local');
    const left = await t.db.kysely
      .selectFrom('measure_unit_value')
      .select('measure_code')
      .where('measure_code', '=', 'L01_DROWNING_RATE')
      .execute();
    expect(left).toEqual([]);
    // its figures stay on the entry form; the measure is gone from the values
    const form = await get<{ elements: { code: string; value: number | null }[] }>(
      officerA,
      `/api/data-values?unit=${COMMUNE_A}&period=2025`,
    );
    expect(form.elements.find((e) => e.code === 'CHILDREN_DROWNED')?.value).toBe(2);
    const values = await get<ValuesReply>(viewer, '/api/indicators/values?period=2025&unit=40');
    expect(values.values.some((v) => v.measure === 'L01_DROWNING_RATE')).toBe(false);
  });

  it('deletes the new elements of an indicator that hold no figures', async () => {
    const res = await addLocal({
      indicator: {
        code: 'L03',
        no: null,
        goal: 3,
        name: { vi: 'Tỷ lệ trẻ em biết bơi', en: 'Children who can swim' },
        measures: [
          measure({
            code: 'L03_SWIMMING',
            name: { vi: 'Tỷ lệ trẻ em 6-15 tuổi biết bơi', en: 'Share of children 6-15 who can swim' },
            numerator: 'CHILDREN_SWIMMING',
            denominator: 'CHILDREN_DROWNED',
            factor: 100,
            unit: '%',
            direction: 'higher',
          }),
        ],
      },
      dataElements: [{ ...DROWNED, code: 'CHILDREN_SWIMMING', name: { vi: 'Số trẻ em biết bơi', en: 'Children who can swim' } }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const del = await deleteLocal('L03');
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({
      deletedElements: ['CHILDREN_SWIMMING'],
      keptElements: [{ code: 'CHILDREN_DROWNED', reason: 'has_figures' }],
      planTargetsUnmapped: 0,
    });
    const codes = (await catalogue()).dataElements.map((e) => e.code);
    expect(codes).not.toContain('CHILDREN_SWIMMING');
    expect(codes).toContain('CHILDREN_DROWNED');
  });
});
