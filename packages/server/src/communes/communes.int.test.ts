import { shippedRuleSet, type AssessmentDto, type CommunesStatusDto, type IndicatorValue, type RuleSetInput } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD, TEST_PROVINCE } from '../test/db.ts';
import { makeChild } from '../test/children.ts';
import { makeCase } from '../test/cases.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, signIn, signInNewUser, type Session } from '../test/factories.ts';

/**
 * Child-friendly commune recognition over HTTP on both engines: values pre-filled from the
 * indicators and cases with their source, an override refused without a reason, evidence attached
 * and readable by the province only, the flow submit → verify/correct → decision with indicator 1's
 * values written, a return for rework, illegal transitions (409 naming the state), a rule-set change
 * that leaves an earlier assessment's score as it was while a new one uses the new rules.
 */
let t: TestApp;
let admin: Session;
let officerA: Session;
let officerB: Session;
let province: Session;
let viewer: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  officerB = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
  province = await signInNewUser(t, { role: 'provincial_officer' });
  viewer = await signInNewUser(t, { role: 'viewer' });
  // commune A's figures of 2025 as the indicators module holds them
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/data-values',
    headers: officerA.headers,
    payload: {
      unit: COMMUNE_A,
      period: '2025',
      values: [
        { element: 'CHILDREN_U5_BIRTH_REGISTERED', value: 490 },
        { element: 'CHILDREN_U5', value: 500 },
        { element: 'CHILDREN_U1_FULLY_IMMUNISED', value: 99 },
        { element: 'CHILDREN_U1', value: 100 },
      ],
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  // a substantiated abuse case of commune B in 2025 (emergency measures taken)
  const child = await makeChild(t.db, { commune_code: COMMUNE_B, full_name: 'Vi Văn Thử' });
  const caseId = await makeCase(t.db, {
    childId: child,
    communeCode: COMMUNE_B,
    receivedAt: new Date('2025-03-10T09:00:00+07:00'),
  });
  await t.db.kysely
    .updateTable('child_case')
    .set({ emergency_met_at: new Date('2025-03-10T12:00:00+07:00') })
    .where('id', '=', caseId)
    .execute();
}, 60_000);
afterAll(async () => t.close());

type Method = 'GET' | 'PUT' | 'POST';
const call = (s: Session, method: Method, url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const base = (code: string, year: number) => `/api/communes/${code}/assessments/${year}`;
const read = async (s: Session, code: string, year: number) => (await call(s, 'GET', base(code, year))).json<AssessmentDto>();
const ind = (a: AssessmentDto, code: string) => {
  const found = a.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

const rate = (numerator: number, denominator: number): IndicatorValue => ({ kind: 'rate', numerator, denominator });

/** Every indicator the commune enters, at its best value; the pre-filled ones are left to their source. */
function bestEntries(skip: readonly string[]) {
  const entries: { code: string; value: IndicatorValue }[] = [];
  for (const c of shippedRuleSet().criteria) {
    for (const i of c.indicators) {
      if (skip.includes(i.code)) continue;
      const atMost = 'direction' in i.rule && i.rule.direction === 'at_most';
      const value: IndicatorValue =
        i.value === 'boolean'
          ? { kind: 'boolean', yes: true }
          : i.value === 'count'
            ? { kind: 'count', count: 0 }
            : atMost
              ? rate(0, 1000)
              : rate(100, 100);
      entries.push({ code: i.code, value });
    }
  }
  return entries;
}

async function indicatorValue(element: string, period = '2025'): Promise<number | null> {
  const res = await call(admin, 'GET', `/api/data-values?unit=${TEST_PROVINCE}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  const form = res.json<{ elements: { code: string; value: number | null }[] }>();
  return form.elements.find((e) => e.code === element)?.value ?? null;
}

describe('a commune’s self-assessment', () => {
  it('shows the values Tre holds with their source before anything is saved', async () => {
    const a = await read(officerA, COMMUNE_A, 2025);
    expect(a.exists).toBe(false);
    expect(a.state).toBe('draft');
    expect(a.type).toBe('other'); // a ward of Nghệ An, not of a centrally-run city
    expect(a.threshold).toBe(850);
    expect(ind(a, '2.1').prefill).toEqual({
      value: rate(490, 500),
      module: 'indicators',
      elements: ['CHILDREN_U5_BIRTH_REGISTERED', 'CHILDREN_U5'],
      detail: 'CHILDREN_U5_BIRTH_REGISTERED / CHILDREN_U5 = 490 / 500',
    });
    // 98 %: the band ≥ 98 % gives 20 of 30
    expect(ind(a, '2.1').points).toBe(20);
    expect(ind(a, '7.1').points).toBe(50);
    expect(ind(a, '3.1').prefill?.module).toBe('cases');
    expect(ind(a, '3.1').value).toEqual({ kind: 'count', count: 0 });
    // commune B's substantiated case of 2025 is counted: 3.1 loses its 75 points
    const b = await read(officerB, COMMUNE_B, 2025);
    expect(ind(b, '3.1').prefill?.value).toEqual({ kind: 'count', count: 1 });
    expect(ind(b, '3.1').points).toBe(0);
  });

  it('refuses to override a pre-filled value without a reason, keeps the reason when given', async () => {
    const refused = await call(officerA, 'PUT', base(COMMUNE_A, 2025), { entries: [{ code: '2.1', value: rate(500, 500) }] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json<{ error: { field: string } }>().error.field).toBe('entries.0.overrideReason');
    expect((await read(officerA, COMMUNE_A, 2025)).exists).toBe(false);

    const audits = await auditCount(t.db);
    const ok = await call(officerA, 'PUT', base(COMMUNE_A, 2025), {
      entries: [{ code: '2.1', value: rate(495, 500), overrideReason: 'Đã đăng ký bổ sung 5 trẻ sau ngày báo cáo' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const a = ok.json<AssessmentDto>();
    expect(ind(a, '2.1').entered).toEqual(rate(495, 500));
    expect(ind(a, '2.1').overrideReason).toBe('Đã đăng ký bổ sung 5 trẻ sau ngày báo cáo');
    expect(ind(a, '2.1').prefill?.value).toEqual(rate(490, 500));
    expect(await auditCount(t.db)).toBe(audits + 1);
    // back to the source's value: no reason needed
    const back = await call(officerA, 'PUT', base(COMMUNE_A, 2025), {
      version: a.version,
      entries: [{ code: '2.1', value: null }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(ind(back.json<AssessmentDto>(), '2.1').value).toEqual(rate(490, 500));
  });

  it('attaches evidence files, readable by the commune and the province, not by another commune', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=dien-dan-tre-em.pdf',
      headers: { ...officerA.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 biên bản diễn đàn trẻ em'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json<{ id: string }>().id;
    const { version } = await read(officerA, COMMUNE_A, 2025);
    const res = await call(officerA, 'PUT', base(COMMUNE_A, 2025), {
      version,
      entries: [{ code: '11.1', value: { kind: 'boolean', yes: true }, evidenceFileIds: [fileId] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(ind(res.json<AssessmentDto>(), '11.1').evidence).toEqual([
      { id: fileId, fileName: 'dien-dan-tre-em.pdf', size: Buffer.from('%PDF-1.4 biên bản diễn đàn trẻ em').length },
    ]);
    expect((await call(province, 'GET', `/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await call(officerB, 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);
    // someone else's upload cannot be attached
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=khac.pdf',
      headers: { ...officerB.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 khác'),
    });
    const stolen = await call(officerA, 'PUT', base(COMMUNE_A, 2025), {
      version: res.json<AssessmentDto>().version,
      entries: [{ code: '12.1', value: { kind: 'boolean', yes: true }, evidenceFileIds: [other.json<{ id: string }>().id] }],
    });
    expect(stolen.statusCode, stolen.body).toBe(400);
  });
});

describe('the flow: submit, verify, correct, decide, indicator 1', () => {
  it('refuses to submit with values missing, naming them', async () => {
    const { version } = await read(officerA, COMMUNE_A, 2025);
    const res = await call(officerA, 'POST', `${base(COMMUNE_A, 2025)}/submit`, { version });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('2.2');
  });

  it('submits, is verified with one correction, is decided, and indicator 1 counts it', async () => {
    let a = await read(officerA, COMMUNE_A, 2025);
    const saved = await call(officerA, 'PUT', base(COMMUNE_A, 2025), {
      version: a.version,
      entries: bestEntries(['2.1', '3.1', '7.1', '11.1']),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    a = saved.json<AssessmentDto>();
    // 1,000 − 10 (2.1 at 98 %: 20 of 30) = 990
    expect(a.total).toBe(990);
    expect(a.meetsStandard).toBe(true);

    const submitted = await call(officerA, 'POST', `${base(COMMUNE_A, 2025)}/submit`, { version: a.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    a = submitted.json<AssessmentDto>();
    expect(a.state).toBe('submitted');
    // the commune cannot edit a submitted assessment: 409 naming its state
    const late = await call(officerA, 'PUT', base(COMMUNE_A, 2025), { version: a.version, entries: [] });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Đã gửi, chờ thẩm định');
    // the commune cannot verify its own
    expect(
      (
        await call(officerA, 'POST', `${base(COMMUNE_A, 2025)}/verify`, {
          version: a.version,
          criterion: '1',
          outcome: 'accepted',
        })
      ).statusCode,
    ).toBe(403);

    // a decision before every criterion is verified
    const early = await call(province, 'POST', `${base(COMMUNE_A, 2025)}/decision`, {
      version: a.version,
      number: '123/QĐ-UBND',
      date: '2026-01-15',
      recognised: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('1, 2, 3');

    // criterion 2 corrected: on-time registration was 90 %, not 100 % → 2.2 loses its 20 points
    const noComment = await call(province, 'POST', `${base(COMMUNE_A, 2025)}/verify`, {
      version: a.version,
      criterion: '2',
      outcome: 'corrected',
      corrections: [{ code: '2.2', value: rate(90, 100) }],
    });
    expect(noComment.statusCode).toBe(400);
    const corrected = await call(province, 'POST', `${base(COMMUNE_A, 2025)}/verify`, {
      version: a.version,
      criterion: '2',
      outcome: 'corrected',
      comment: 'Sổ hộ tịch: 90% trẻ sinh năm 2025 được đăng ký đúng hạn',
      corrections: [{ code: '2.2', value: rate(90, 100) }],
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    a = corrected.json<AssessmentDto>();
    expect(ind(a, '2.2').corrected).toEqual(rate(90, 100));
    expect(ind(a, '2.2').entered).toEqual(rate(100, 100));
    expect(a.criteria.find((c) => c.code === '2')?.verification?.outcome).toBe('corrected');
    // 990 − 20 = 970
    expect(a.total).toBe(970);
    for (const c of a.criteria.filter((x) => x.code !== '2')) {
      const res = await call(province, 'POST', `${base(COMMUNE_A, 2025)}/verify`, {
        version: a.version,
        criterion: c.code,
        outcome: 'accepted',
      });
      expect(res.statusCode, res.body).toBe(200);
      a = res.json<AssessmentDto>();
    }

    expect(await indicatorValue('COMMUNES_CHILD_FRIENDLY')).toBeNull();
    const decided = await call(province, 'POST', `${base(COMMUNE_A, 2025)}/decision`, {
      version: a.version,
      number: '123/QĐ-UBND',
      date: '2026-01-15',
      recognised: true,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    a = decided.json<AssessmentDto>();
    expect(a.state).toBe('decided');
    expect(a.decision).toMatchObject({ number: '123/QĐ-UBND', date: '2026-01-15', recognised: true });
    expect(a.history.map((h) => h.action)).toEqual([
      'create',
      'save',
      'save',
      'save',
      'save',
      'submit',
      ...Array<string>(13).fill('verify'),
      'decision',
    ]);

    // indicator 1's values, read back through the indicators module
    const communes = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM commune WHERE province_code = ${TEST_PROVINCE}`.execute(t.db.kysely);
    expect(await indicatorValue('COMMUNES_CHILD_FRIENDLY')).toBe(1);
    expect(await indicatorValue('COMMUNES_TOTAL')).toBe(communes.rows[0]?.n);

    const status = (await call(viewer, 'GET', '/api/communes/status?year=2025')).json<CommunesStatusDto>();
    expect(status.recognisedCount).toBe(1);
    expect(status.communes.find((c) => c.communeCode === COMMUNE_A)).toEqual({
      communeCode: COMMUNE_A,
      communeName: 'Phường Thành Vinh',
      type: 'other',
      threshold: 850,
      state: 'decided',
      total: 970,
      zeroCriteria: [],
      recognised: true,
      decision: { number: '123/QĐ-UBND', date: '2026-01-15' },
    });
    expect(status.communes.find((c) => c.communeCode === COMMUNE_B)?.state).toBe('none');

    // a decided assessment takes no further verification, return or decision
    for (const [path, body] of [
      ['verify', { version: a.version, criterion: '1', outcome: 'accepted' }],
      ['return', { version: a.version, comment: 'Làm lại' }],
      ['submit', { version: a.version }],
    ] as const) {
      const res = await call(path === 'submit' ? officerA : province, 'POST', `${base(COMMUNE_A, 2025)}/${path}`, body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(409);
      expect(res.body).toContain('Đã có quyết định');
    }
  });

  it('returns a submission for rework; a decision to recognise a commune short of the standard is refused', async () => {
    // commune B: one substantiated abuse case → criterion 3 keeps only 3.2 (50 of 125)
    expect((await call(province, 'POST', `${base(COMMUNE_B, 2025)}/return`, { version: 0, comment: 'x' })).statusCode).toBe(409);
    let b = (await call(officerB, 'PUT', base(COMMUNE_B, 2025), { entries: bestEntries(['3.1']) })).json<AssessmentDto>();
    expect(b.total).toBe(925);
    b = (await call(officerB, 'POST', `${base(COMMUNE_B, 2025)}/submit`, { version: b.version })).json<AssessmentDto>();
    const returned = await call(province, 'POST', `${base(COMMUNE_B, 2025)}/return`, {
      version: b.version,
      comment: 'Bổ sung biên bản họp ban bảo vệ trẻ em',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    b = returned.json<AssessmentDto>();
    expect(b.state).toBe('returned');
    expect(b.returnComment).toBe('Bổ sung biên bản họp ban bảo vệ trẻ em');
    // the commune edits again: 1.3 now no → 910; resubmits
    b = (
      await call(officerB, 'PUT', base(COMMUNE_B, 2025), {
        version: b.version,
        entries: [{ code: '1.3', value: { kind: 'boolean', yes: false } }],
      })
    ).json<AssessmentDto>();
    b = (await call(officerB, 'POST', `${base(COMMUNE_B, 2025)}/submit`, { version: b.version })).json<AssessmentDto>();
    expect(b.state).toBe('submitted');
    // the province corrects 1.1 (no officer) and 1.2, 1.4 (no) → criterion 1 at 0 → not recognisable
    b = (
      await call(province, 'POST', `${base(COMMUNE_B, 2025)}/verify`, {
        version: b.version,
        criterion: '1',
        outcome: 'corrected',
        comment: 'Chưa bố trí người làm công tác bảo vệ trẻ em',
        corrections: ['1.1', '1.2', '1.4'].map((code) => ({ code, value: { kind: 'boolean', yes: false } })),
      })
    ).json<AssessmentDto>();
    expect(b.shortfall.zeroCriteria).toEqual(['1']);
    for (const c of b.criteria.filter((x) => x.code !== '1')) {
      b = (
        await call(province, 'POST', `${base(COMMUNE_B, 2025)}/verify`, {
          version: b.version,
          criterion: c.code,
          outcome: 'accepted',
        })
      ).json<AssessmentDto>();
    }
    const wrong = await call(province, 'POST', `${base(COMMUNE_B, 2025)}/decision`, {
      version: b.version,
      number: '124/QĐ-UBND',
      date: '2026-01-15',
      recognised: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('1');
    const no = await call(province, 'POST', `${base(COMMUNE_B, 2025)}/decision`, {
      version: b.version,
      number: '124/QĐ-UBND',
      date: '2026-01-15',
      recognised: false,
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(await indicatorValue('COMMUNES_CHILD_FRIENDLY')).toBe(1);
  });
});

describe('rule sets and categories', () => {
  it('a new rule set scores new assessments, an earlier one keeps its own', async () => {
    const before = await read(province, COMMUNE_A, 2025);
    const list = (await call(admin, 'GET', '/api/communes/rule-sets')).json<{
      activeId: number;
      sets: { id: number; assessments: number }[];
    }>();
    expect(list.sets).toHaveLength(1);
    expect(before.ruleSet.id).toBe(list.activeId);

    // the stricter rule: 2.1 gives its 30 points only at 100 %
    const next = structuredClone(shippedRuleSet()) as RuleSetInput;
    next.version = 'test.2';
    const births = next.criteria[1]?.indicators[0];
    if (!births) throw new Error('shipped set changed');
    births.rule = { kind: 'threshold', direction: 'at_least', bound: 100, points: 30 };
    const bad = await call(admin, 'POST', '/api/communes/rule-sets', { ...next, totalPoints: 999 });
    expect(bad.statusCode).toBe(400);
    expect((await call(province, 'POST', '/api/communes/rule-sets', next)).statusCode).toBe(403);
    const up = await call(admin, 'POST', '/api/communes/rule-sets', next);
    expect(up.statusCode, up.body).toBe(201);
    const newId = up.json<{ id: number }>().id;
    expect((await call(admin, 'POST', '/api/communes/rule-sets', next)).statusCode).toBe(409);

    const after = await read(province, COMMUNE_A, 2025);
    expect(after.ruleSet.id).toBe(before.ruleSet.id);
    expect(after.total).toBe(970);
    expect(ind(after, '2.1').points).toBe(20);

    // a new assessment (2026) of commune A with the same 98 % uses the new rules: 2.1 earns nothing
    const fresh = await call(officerA, 'PUT', base(COMMUNE_A, 2026), { entries: [{ code: '2.1', value: rate(98, 100) }] });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const a26 = fresh.json<AssessmentDto>();
    expect(a26.ruleSet).toMatchObject({ id: newId, version: 'test.2' });
    expect(ind(a26, '2.1').points).toBe(0);
    const listed = (await call(admin, 'GET', '/api/communes/rule-sets')).json<{
      activeId: number;
      sets: { id: number; assessments: number }[];
    }>();
    expect(listed.activeId).toBe(newId);
    expect(listed.sets.find((s) => s.id === before.ruleSet.id)?.assessments).toBe(2);
  });

  it('the administrator sets a commune’s category, which sets its threshold', async () => {
    expect((await call(province, 'PUT', `/api/communes/${COMMUNE_B}/type`, { type: 'mountain' })).statusCode).toBe(403);
    const res = await call(admin, 'PUT', `/api/communes/${COMMUNE_B}/type`, { type: 'mountain' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ communeCode: COMMUNE_B, type: 'mountain', typeSource: 'stored', threshold: 800 });
    const b26 = await read(officerB, COMMUNE_B, 2026);
    expect(b26).toMatchObject({ type: 'mountain', typeSource: 'stored', threshold: 800 });
    // a decided assessment keeps the category it was decided under
    expect((await read(officerB, COMMUNE_B, 2025)).type).toBe('other');
    const reset = await call(admin, 'PUT', `/api/communes/${COMMUNE_B}/type`, { type: null });
    expect(reset.json()).toMatchObject({ type: 'other', typeSource: 'default', threshold: 850 });
  });

  it('a commune officer sees only their own commune', async () => {
    expect((await call(officerB, 'GET', base(COMMUNE_A, 2025))).statusCode).toBe(403);
    const status = (await call(officerB, 'GET', '/api/communes/status?year=2025')).json<CommunesStatusDto>();
    expect(status.communes.map((c) => c.communeCode)).toEqual([COMMUNE_B]);
  });
});
