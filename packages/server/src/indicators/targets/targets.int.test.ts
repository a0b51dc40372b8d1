import type { MeasureValueDto, PlanMeasureTargetsReply, RankingReply, ValuesReply } from '@tre/core';
import { parsePlanText } from '@tre/core/plans/parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, makePlan, signIn, type Session } from '../../test/factories.ts';

/**
 * Issue 13, part 4: a plan's targets kept and editable. The plan is read from text with the issue's
 * wordings; every target is either mapped (with its comparison and how it was found) or listed
 * unmapped with its reason and candidates; relative targets are judged on the change achieved
 * ((R − V) / R × 100, figures computed by hand in the comments); targets are added, corrected and
 * removed after saving, audited, and the dashboard follows.
 */
const TEXT = `UBND TỈNH NGHỆ AN
KẾ HOẠCH
Thực hiện Chương trình hành động vì trẻ em giai đoạn 2021 - 2030
I. MỤC TIÊU
- Chỉ tiêu 3: Giảm tỷ suất tử vong trẻ em dưới 9 vào năm 2030.
- Chỉ tiêu 6: Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030.
- Chỉ tiêu 9: Giảm 1/3 tỷ lệ trẻ em bị xâm hại so với năm 2020 vào năm 2030.
- Chỉ tiêu 13: Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm; duy trì 100% trẻ em không tảo hôn đến năm 2030.
`;
const COMMUNE_C = '16690';
const MARRIAGE = 'I13_CHILD_MARRIAGE';
const ABUSE = 'I09_CHILDREN_ABUSED';
const HIV = 'I06_HIV_MOTHER_TO_CHILD';
const NEONATAL = 'I03_NEONATAL_MORTALITY';
const BIRTHS = 'I14_BIRTH_REGISTRATION_U5';

let t: TestApp;
let admin: Session;
let planId: string;

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
async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
const listing = () => get<PlanMeasureTargetsReply>(`/api/plans/${planId}/measure-targets`);
const valueOf = async (measure: string, period = '2025'): Promise<MeasureValueDto | undefined> =>
  (await get<ValuesReply>(`/api/indicators/values?period=${period}&unit=40`)).values.find((v) => v.measure === measure);
const send = (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object, lang = 'vi') =>
  t.app.inject({
    method,
    url: `/api/plans/${planId}/targets${path}`,
    headers: { ...admin.headers, 'accept-language': lang },
    ...(payload ? { payload } : {}),
  });
const lastAudit = () =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'entity', 'entity_id', 'before', 'after'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const storedTargets = () =>
  t.db.kysely
    .selectFrom('plan_indicator_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('indicator_position')
    .orderBy('position')
    .execute();
const idOf = async (measure: string, kind: 'level' | 'relative' = 'level') => {
  const m = (await listing()).measures.find((x) => x.measure === measure);
  const target = m?.targets.find((x) => (x.relative ? 'relative' : 'level') === kind);
  if (!target) throw new Error(`no ${kind} target for ${measure}`);
  return target.id;
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  planId = await makePlan(t.db, { document: parsePlanText(TEXT).plan });
  await importRows([
    // child marriages, commune A: 2024 50 / 1000 = 5 %, 2025 48 / 1000 = 4.8 %
    row('MARRIAGES_TOTAL', COMMUNE_A, '2024', 1000),
    row('CHILD_MARRIAGES', COMMUNE_A, '2024', 50),
    row('MARRIAGES_TOTAL', COMMUNE_A, '2025', 1000),
    row('CHILD_MARRIAGES', COMMUNE_A, '2025', 48),
    // children abused, commune A: 2020 30 / 10,000 = 0.3 %, 2025 25 / 10,000 = 0.25 %
    row('CHILDREN_TOTAL', COMMUNE_A, '2020', 10000),
    row('CHILDREN_ABUSED', COMMUNE_A, '2020', 30),
    row('CHILDREN_TOTAL', COMMUNE_A, '2025', 10000),
    row('CHILDREN_ABUSED', COMMUNE_A, '2025', 25),
    // HIV from mother to child, commune A: 2025 1 / 100 = 1 %
    row('HIV_EXPOSED_INFANTS', COMMUNE_A, '2025', 100),
    row('HIV_EXPOSED_INFANTS_INFECTED', COMMUNE_A, '2025', 1),
    // birth registration under 5, commune A: 2025 97 / 100 = 97 %
    row('CHILDREN_U5', COMMUNE_A, '2025', 100),
    row('CHILDREN_U5_BIRTH_REGISTERED', COMMUNE_A, '2025', 97),
  ]);
});
afterAll(async () => t.close());

describe('every target the plan holds is mapped or listed', () => {
  it('maps "là 2 %" with the direction of the measure, and says so', async () => {
    const hiv = (await listing()).measures.find((m) => m.measure === HIV);
    expect(hiv?.targets).toEqual([
      {
        id: '1.0',
        indicatorNo: 6,
        year: 2030,
        value: 2,
        unit: '%',
        op: '<=',
        writtenOp: null,
        opSource: 'direction',
        chosen: false,
        relative: null,
        measureText: null,
        opWord: 'là',
        text: 'Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030',
      },
    ]);
  });

  it('keeps the relative targets as their own kind', async () => {
    const { measures } = await listing();
    expect(measures.find((m) => m.measure === ABUSE)?.targets[0]).toMatchObject({
      year: 2030,
      value: 100 / 3,
      op: '>=',
      opSource: 'change',
      relative: { change: 'decrease', reference: 2020, valueTo: null },
    });
    expect(measures.find((m) => m.measure === MARRIAGE)?.targets).toMatchObject([
      { year: 2030, value: 4, op: '>=', relative: { change: 'decrease', reference: 'previous-year', valueTo: 5 } },
    ]);
  });

  it('lists the unmapped ones with the reason and the measures to pick from', async () => {
    const { unmapped } = await listing();
    expect(unmapped.map((u) => [u.id, u.indicatorNo, u.reason, u.candidates.map((c) => c.measure)])).toEqual([
      ['0.0', 3, 'no_phrase', [NEONATAL, 'I03_INFANT_MORTALITY', 'I03_UNDER5_MORTALITY']],
      // "duy trì 100% trẻ em không tảo hôn": the complement of the child-marriage rate, never ≥ 100 % on it
      ['3.1', 13, 'complement', [MARRIAGE]],
    ]);
    expect(unmapped[0]?.candidates[0]).toMatchObject({ indicatorNo: 3, unit: 'per1000', direction: 'lower' });
    expect(unmapped[1]).toMatchObject({ value: 100, op: '>=', opWord: 'duy trì', measureText: 'trẻ em không tảo hôn' });
    const stored = await t.db.kysely
      .selectFrom('plan_target_unmapped')
      .select(['indicator_position', 'target_position', 'reason'])
      .where('plan_id', '=', planId)
      .orderBy('indicator_position')
      .execute();
    expect(stored).toEqual([
      { indicator_position: 0, target_position: 0, reason: 'no_phrase' },
      { indicator_position: 3, target_position: 1, reason: 'complement' },
    ]);
  });
});

describe('progress against a relative target', () => {
  it('a yearly fall of (5 − 4.8) / 5 = 4 % meets "giảm 4–5 % mỗi năm"; the level it asks for is 5 × 0.96 = 4.8 %', async () => {
    const v = await valueOf(MARRIAGE);
    expect(v).toMatchObject({ value: 4.8, previousValue: 5, status: 'met', target: { year: 2030, op: '>=', value: 4 } });
    expect(v?.target?.relative).toEqual({ change: 'decrease', reference: 'previous-year', valueTo: 5 });
    expect(v?.change).toBeCloseTo(4, 10);
    expect(v?.expected).toBeCloseTo(4.8, 10);
  });

  it('without the previous year’s figure there is not enough data, never a made-up change', async () => {
    // 2026 has no figure: no data; 2024 has no 2023 to compare with: not enough data
    expect(await valueOf(MARRIAGE, '2026')).toMatchObject({ status: 'no_data', change: null });
    expect(await valueOf(MARRIAGE, '2024')).toMatchObject({
      value: 5,
      status: 'insufficient_data',
      change: null,
      expected: null,
    });
  });

  it('"giảm 1/3 so với năm 2020": 0.3 % → 0.25 % is a fall of 16.67 %, half the third by 2025: on track', async () => {
    const v = await valueOf(ABUSE);
    expect(v).toMatchObject({ status: 'on_track', target: { relative: { reference: 2020 } } });
    expect(v?.change).toBeCloseTo(100 / 6, 8);
    expect(v?.expected).toBeCloseTo(0.25, 10);
  });

  it('takes the plan’s baseline of the reference year over the measured value: 0.27 → 0.25 is 7.41 %, 9.26 behind: off track', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}/measure-targets/${ABUSE}/baseline`,
      headers: admin.headers,
      payload: { year: 2020, value: 0.27 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const v = await valueOf(ABUSE);
    expect(v?.status).toBe('off_track');
    expect(v?.change).toBeCloseTo((0.02 / 0.27) * 100, 8);
  });

  it('ranks each commune on its own change: A met, B off track (no fall), C without 2024 not enough data', async () => {
    await importRows([
      row('MARRIAGES_TOTAL', COMMUNE_B, '2024', 500),
      row('CHILD_MARRIAGES', COMMUNE_B, '2024', 20),
      row('MARRIAGES_TOTAL', COMMUNE_B, '2025', 500),
      row('CHILD_MARRIAGES', COMMUNE_B, '2025', 20),
      row('MARRIAGES_TOTAL', COMMUNE_C, '2025', 500),
      row('CHILD_MARRIAGES', COMMUNE_C, '2025', 10),
    ]);
    const ranking = await get<RankingReply>(`/api/indicators/${MARRIAGE}/units?period=2025`);
    const status = (code: string) => ranking.units.find((u) => u.code === code)?.status;
    expect([status(COMMUNE_A), status(COMMUNE_B), status(COMMUNE_C)]).toEqual(['met', 'off_track', 'insufficient_data']);
    expect(ranking.target?.relative?.reference).toBe('previous-year');
    // the province: 2024 (50 + 20) / 1500 = 4.667 %, 2025 (48 + 20 + 10) / 2000 = 3.9 %: a fall of 16.43 %
    const v = await valueOf(MARRIAGE);
    expect(v?.change).toBeCloseTo(((70 / 1500 - 78 / 2000) / (70 / 1500)) * 100, 8);
    expect(v?.status).toBe('met');
    await importRows([
      row('MARRIAGES_TOTAL', COMMUNE_B, '2024', 0),
      row('CHILD_MARRIAGES', COMMUNE_B, '2024', 0),
      row('MARRIAGES_TOTAL', COMMUNE_B, '2025', 0),
      row('CHILD_MARRIAGES', COMMUNE_B, '2025', 0),
      row('MARRIAGES_TOTAL', COMMUNE_C, '2025', 0),
      row('CHILD_MARRIAGES', COMMUNE_C, '2025', 0),
    ]);
  });
});

describe('correcting, adding and removing targets after saving', () => {
  it('maps an unmapped target with one choice of measure, in the measure’s unit, audited; the dashboard follows', async () => {
    expect((await valueOf(NEONATAL))?.target).toBeNull();
    const audits = await auditCount(t.db);
    const res = await send('PATCH', '/0.0', { measure: NEONATAL });
    expect(res.statusCode, res.body).toBe(200);
    const reply = res.json() as PlanMeasureTargetsReply;
    expect(reply.unmapped.map((u) => u.id)).toEqual(['3.1']);
    expect(reply.measures.find((m) => m.measure === NEONATAL)?.targets).toMatchObject([
      { id: '0.0', op: '<', opSource: 'stated', chosen: true, unit: 'per1000', value: 9, year: 2030 },
    ]);
    expect(await auditCount(t.db)).toBe(audits + 1);
    expect(await lastAudit()).toEqual({
      action: 'update',
      entity: 'plan_indicator_target',
      entity_id: `${planId}/0.0`,
      before: expect.objectContaining({ unit: 'count', op: '<', opWord: 'dưới' }) as unknown,
      after: expect.objectContaining({ unit: 'per1000', op: '<', measureCode: NEONATAL }) as unknown,
    });
    expect((await valueOf(NEONATAL))?.target).toMatchObject({ year: 2030, op: '<', value: 9, planId });
    // the same choice again changes nothing and writes nothing
    expect((await send('PATCH', '/0.0', { measure: NEONATAL })).statusCode).toBe(200);
    expect(await auditCount(t.db)).toBe(audits + 1);
  });

  it('corrects a value and a comparison: 1 % of HIV against "≤ 2 %" is met, against "< 0,5 %" at risk', async () => {
    expect(await valueOf(HIV)).toMatchObject({ value: 1, status: 'met', target: { op: '<=', value: 2 } });
    const res = await send('PATCH', '/1.0', { value: 0.5, op: '<' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanMeasureTargetsReply).measures.find((m) => m.measure === HIV)?.targets[0]).toMatchObject({
      value: 0.5,
      op: '<',
      writtenOp: '<',
      opSource: 'stated',
      opWord: null,
    });
    expect(await lastAudit()).toMatchObject({
      before: { value: 2, op: null, opWord: 'là' },
      after: { value: 0.5, op: '<' },
    });
    // 1 % is not < 0.5 %, 2025 is before 2030 and there is no baseline: at risk
    expect(await valueOf(HIV)).toMatchObject({ status: 'at_risk', target: { op: '<', value: 0.5 } });
  });

  it('corrects a relative target’s change: a fall of 4 % against "giảm 4,4 %" is 0.4 short, within 0.44: at risk', async () => {
    const id = await idOf(MARRIAGE, 'relative');
    expect(
      (await send('PATCH', `/${id}`, { value: 4.4, relative: { change: 'decrease', reference: 'previous-year', valueTo: 5 } }))
        .statusCode,
    ).toBe(200);
    expect(await valueOf(MARRIAGE)).toMatchObject({ status: 'at_risk', target: { value: 4.4 } });
    expect((await send('PATCH', `/${id}`, { value: 4 })).statusCode).toBe(200);
    expect(await valueOf(MARRIAGE)).toMatchObject({ status: 'met' });
  });

  it('turns a relative target into a level and back', async () => {
    const id = await idOf(ABUSE, 'relative');
    const level = await send('PATCH', `/${id}`, { relative: null, value: 0.2, op: '<=' });
    expect(level.statusCode, level.body).toBe(200);
    expect((level.json() as PlanMeasureTargetsReply).measures.find((m) => m.measure === ABUSE)?.targets).toMatchObject([
      { id, relative: null, unit: '%', value: 0.2, op: '<=' },
    ]);
    // 0.25 % against ≤ 0.2 % by 2030 with the baseline 0.27 % of 2020: expected 0.27 − 0.07 × 5/10 = 0.235, 0.015 behind
    // (tolerance 0.007): off track
    expect(await valueOf(ABUSE)).toMatchObject({ status: 'off_track', change: null });
    const back = await send('PATCH', `/${id}`, { relative: { change: 'decrease', reference: 2020 }, value: 100 / 3, op: '>=' });
    expect(back.statusCode, back.body).toBe(200);
    expect(await valueOf(ABUSE)).toMatchObject({ status: 'off_track', target: { relative: { reference: 2020 } } });
  });

  it('a complement target stays flagged until its comparison is corrected, then maps', async () => {
    expect((await send('PATCH', '/3.1', { measure: MARRIAGE })).statusCode).toBe(200);
    expect((await listing()).unmapped).toMatchObject([{ id: '3.1', reason: 'complement' }]);
    const res = await send('PATCH', '/3.1', { op: '<=', value: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const reply = res.json() as PlanMeasureTargetsReply;
    expect(reply.unmapped).toEqual([]);
    expect(
      reply.measures.find((m) => m.measure === MARRIAGE)?.targets.map((x) => [x.relative ? 'relative' : 'level', x.op, x.value]),
    ).toEqual([
      ['level', '<=', 0],
      ['relative', '>=', 4],
    ]);
    // a level applies before a relative target of the same plan: 4.8 % against ≤ 0 %
    expect((await valueOf(MARRIAGE))?.target).toMatchObject({ op: '<=', value: 0 });
    expect((await valueOf(MARRIAGE))?.target?.relative).toBeUndefined();
  });

  it('adds a target for a measure the plan had no indicator for, derives ≥ from the direction, and removes it', async () => {
    expect((await valueOf(BIRTHS))?.status).toBe('no_target');
    const audits = await auditCount(t.db);
    const res = await send('POST', '', { measure: BIRTHS, year: 2025, value: 98, op: null });
    expect(res.statusCode, res.body).toBe(200);
    const added = (res.json() as PlanMeasureTargetsReply).measures.find((m) => m.measure === BIRTHS)?.targets[0];
    expect(added).toMatchObject({ id: '4.0', indicatorNo: 14, op: '>=', writtenOp: null, opSource: 'direction', chosen: true });
    const indicator = await t.db.kysely
      .selectFrom('plan_indicator')
      .select(['no', 'text'])
      .where('plan_id', '=', planId)
      .where('position', '=', 4)
      .executeTakeFirst();
    expect(indicator?.no).toBe(14);
    expect(await lastAudit()).toMatchObject({
      action: 'create',
      entity_id: `${planId}/4.0`,
      before: null,
      after: { year: 2025, value: 98, measureCode: BIRTHS },
    });
    // 97 % against ≥ 98 % in 2025 itself, no baseline: at risk
    expect(await valueOf(BIRTHS)).toMatchObject({ status: 'at_risk', target: { year: 2025, op: '>=', value: 98 } });
    const gone = await send('DELETE', '/4.0');
    expect(gone.statusCode, gone.body).toBe(200);
    expect((gone.json() as PlanMeasureTargetsReply).measures.map((m) => m.measure)).not.toContain(BIRTHS);
    expect(await lastAudit()).toMatchObject({ action: 'delete', entity_id: `${planId}/4.0`, after: null, before: { value: 98 } });
    expect(await auditCount(t.db)).toBe(audits + 2);
    expect(await valueOf(BIRTHS)).toMatchObject({ status: 'no_target', target: null });
  });

  it('shows the corrected targets in the plan and exports them so that they import back the same', async () => {
    const detail = await get<{ indicators: { no: number; targets: { value: number; op: string | null }[] }[] }>(
      `/api/plans/${planId}`,
    );
    expect(detail.indicators.find((i) => i.no === 6)?.targets).toMatchObject([{ value: 0.5, op: '<' }]);
    const exported = await get<{ indicators: { targets: object[] }[] }>(`/api/plans/${planId}/export`);
    expect(exported.indicators[0]?.targets[0]).toMatchObject({ measureCode: NEONATAL, unit: 'per1000' });
    expect(exported.indicators[3]?.targets[0]).toMatchObject({
      kind: 'relative',
      change: 'decrease',
      reference: 'previous-year',
      valueTo: 5,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: { document: exported, sourceLines: [], fileName: null, bodies: [] },
    });
    expect(again.statusCode, again.body).toBe(201);
    const id = (again.json() as { id: string }).id;
    expect(await get(`/api/plans/${id}/export`)).toEqual(exported);
    const copy = await get<PlanMeasureTargetsReply>(`/api/plans/${id}/measure-targets`);
    expect(copy.unmapped).toEqual([]);
    expect(copy.measures.map((m) => m.measure).sort()).toEqual([ABUSE, HIV, MARRIAGE, NEONATAL].sort());
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/plans/${id}`, headers: admin.headers });
    expect(gone.statusCode).toBe(204);
  });
});

describe('bad corrections are refused naming the field, storing nothing', () => {
  it.each<[string, 'POST' | 'PATCH' | 'DELETE', string, object | undefined, number, string | undefined, RegExp]>([
    ['a year outside the plan', 'PATCH', '/1.0', { year: 2035 }, 400, 'year', /ngoài thời gian của kế hoạch \(2021–2030\)/],
    ['more than 100 for a % measure', 'PATCH', '/1.0', { value: 120 }, 400, 'value', /không được quá 100/],
    ['a negative value', 'POST', '', { measure: HIV, year: 2025, value: -1, op: null }, 400, 'value', /số âm/],
    ['a decrease of more than 100 %', 'PATCH', '/2.0', { value: 150 }, 400, 'value', /giảm quá 100 %/],
    [
      'a reference year after the target',
      'PATCH',
      '/2.0',
      { relative: { change: 'decrease', reference: 2030 } },
      400,
      'relative.reference',
      /trước năm chỉ tiêu/,
    ],
    ['an unknown measure', 'PATCH', '/1.0', { measure: 'NO_SUCH_MEASURE' }, 400, 'measure', /Không có phép đo/],
    ['a target the plan does not have', 'PATCH', '/9.9', { value: 1 }, 404, undefined, /Không tìm thấy/],
    ['a malformed target id', 'DELETE', '/1', undefined, 400, 'params.target', /./],
    ['an unknown comparison', 'PATCH', '/1.0', { op: '≥' }, 400, 'op', /./],
  ])('%s', async (_name, method, path, payload, status, field, message) => {
    const before = { targets: await storedTargets(), audits: await auditCount(t.db) };
    const res = await send(method, path, payload);
    expect(res.statusCode, res.body).toBe(status);
    const error = (res.json() as { error: { field?: string; message: string } }).error;
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect({ targets: await storedTargets(), audits: await auditCount(t.db) }).toEqual(before);
  });

  it('says it in English when asked', async () => {
    const res = await send('PATCH', '/1.0', { year: 2035 }, 'en');
    expect((res.json() as { error: { message: string } }).error.message).toBe(
      "Target year 2035 is outside the plan's years (2021–2030)",
    );
  });
});
