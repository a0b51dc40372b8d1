import type { PlanDetailDto, PlanDocument, PlanParseReply, UndecidedLeadsDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, firstAgencyId, makePlan, planDocument, signIn, signInNewUser, type Session } from '../../test/factories.ts';

/**
 * Bodies with few questions (issue 13, part 3): similar names take one decision, a reviewer's
 * decision is remembered for the province's next plans, and tasks without a decided lead are listed.
 */
let t: TestApp;
let admin: Session;
let vhttdl: string;
let yte: string;

const TWINS = ['Phòng Văn hoá - Thông tin', 'Phòng Văn hóa - Thông tin', 'phòng văn hóa - thông tin'];
const VAGUE = 'các tổ chức, đơn vị, cá nhân liên quan';

/** Three tasks led by one office written three ways, one led by nobody, one by Sở Y tế. */
function twinsDocument(): PlanDocument {
  const base = planDocument();
  const task = base.tasks[0];
  if (!task) throw new Error('factory plan without tasks');
  return {
    ...base,
    title: 'Kế hoạch Tháng hành động vì trẻ em năm 2026',
    tasks: [
      { ...task, ref: '1', lead: [TWINS[0] ?? ''], support: [VAGUE] },
      { ...task, ref: '2', lead: [TWINS[1] ?? ''], support: ['các địa phương'] },
      { ...task, ref: '3', lead: [TWINS[2] ?? ''], support: [] },
      { ...task, ref: '4', lead: [], support: ['Sở Y tế'] },
      { ...task, ref: '5', lead: ['Sở Y tế'], support: ['Ủy ban MTTQ Việt Nam tỉnh', 'các sở, ngành, địa phương'] },
    ],
    indicatorAssignments: [],
  };
}

const planText = (lead: string) =>
  [
    'UBND TỈNH NGHỆ AN',
    'KẾ HOẠCH',
    'Thực hiện công tác trẻ em năm 2027',
    'I. NHIỆM VỤ',
    '1. Tổ chức Tháng hành động vì trẻ em.',
    `- Đơn vị chủ trì: ${lead}`,
    `- Đơn vị phối hợp: các địa phương, ${VAGUE}`,
    '',
  ].join('\n');

async function get<T>(url: string, session = admin): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function parse(text: string): Promise<PlanParseReply> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/plans/parse?fileName=ke-hoach.txt',
    headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(text),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const decide = (planId: string, name: string, resolution: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/bodies`, headers: admin.headers, payload: { name, resolution } });

const auditOf = (entity: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'entity_id', 'before', 'after'])
    .where('entity', '=', entity)
    .orderBy('id')
    .execute();

const decisions = () => t.db.kysely.selectFrom('body_decision').selectAll().orderBy('decided_at').execute();

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  vhttdl = await firstAgencyId(t.db, 'Sở VHTTDL');
  yte = await firstAgencyId(t.db, 'Sở Y tế');
});
afterAll(() => t.close());

describe('one decision for similar names', () => {
  let planId: string;
  beforeAll(async () => {
    planId = await makePlan(t.db, { document: twinsDocument() });
  });

  it('keeps vague phrases as written, not tracked, and groups with their rule; counts what is left', async () => {
    const plan = await get<PlanDetailDto>(`/api/plans/${planId}`);
    const byName = new Map(plan.bodies.map((b) => [b.name, b]));
    expect(byName.get(VAGUE)).toMatchObject({
      resolution: { kind: 'not_tracked' },
      label: VAGUE,
      rule: { vi: expect.any(String) },
    });
    expect(byName.get('các địa phương')).toMatchObject({
      resolution: { kind: 'group', group: 'all_communes' },
      rule: { vi: expect.stringContaining('01/7/2025') },
    });
    expect(byName.get('các sở, ngành, địa phương')?.resolution).toEqual({ kind: 'group', group: 'agencies_and_communes' });
    expect(byName.get('Ủy ban MTTQ Việt Nam tỉnh')).toMatchObject({ resolution: { kind: 'agency' }, label: 'Ủy ban MTTQ' });
    // the three spellings are one question, each still counted as a name
    expect(new Set(TWINS.map((n) => byName.get(n)?.key)).size).toBe(1);
    expect(plan.unresolvedBodyCount).toBe(3);
    // tasks 1–3 are led by an unresolved name, task 4 by nobody
    expect(plan.undecidedLeadCount).toBe(4);
  });

  it('lists the tasks without a decided lead for the standing body', async () => {
    const { items } = await get<{ items: UndecidedLeadsDto[] }>('/api/plans/undecided-leads');
    expect(items.find((i) => i.planId === planId)).toEqual({
      planId,
      planTitle: 'Kế hoạch Tháng hành động vì trẻ em năm 2026',
      taskCount: 4,
      withoutLead: 1,
      names: TWINS,
    });
  });

  it('applies a decision to every similar name of the plan, audits it and remembers it', async () => {
    const res = await decide(planId, TWINS[1] ?? '', { kind: 'agency', agencyId: vhttdl });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ updated: 3, names: expect.arrayContaining(TWINS) });
    const plan = await get<PlanDetailDto>(`/api/plans/${planId}`);
    expect(plan.unresolvedBodyCount).toBe(0);
    expect(plan.undecidedLeadCount).toBe(1);
    const { items } = await get<{ items: UndecidedLeadsDto[] }>('/api/plans/undecided-leads');
    expect(items.find((i) => i.planId === planId)).toMatchObject({ taskCount: 1, withoutLead: 1, names: [] });

    const [bodyAudit] = (await auditOf('plan_body')).slice(-1);
    expect(bodyAudit?.after).toMatchObject({ name: TWINS[1], updated: 3, resolution: { kind: 'agency', agencyId: vhttdl } });
    const remembered = await decisions();
    expect(remembered).toMatchObject([
      { province_code: '40', name: TWINS[1], resolution: 'agency', agency_id: vhttdl, plan_id: planId },
    ]);
    const [decisionAudit] = await auditOf('body_decision');
    expect(decisionAudit).toMatchObject({ action: 'create', entity_id: remembered[0]?.id, before: null });
  });

  it('offers the remembered decision on the province’s next plan, saying so, and not in another province', async () => {
    const reply = await parse(planText('PHÒNG VĂN HÓA, THÔNG TIN'));
    const office = reply.bodies.find((b) => b.name === 'PHÒNG VĂN HÓA, THÔNG TIN');
    expect(office).toMatchObject({
      resolution: { kind: 'agency', agencyId: vhttdl },
      remembered: { decidedBy: 'Quản trị hệ thống' },
    });
    // the rest still resolves by rule, and nothing is stored by reading
    expect(reply.bodies.find((b) => b.name === VAGUE)?.resolution).toEqual({ kind: 'not_tracked' });

    // the command line saves without decisions: the remembered one is applied
    const second = await makePlan(t.db, { document: twinsDocument() });
    expect((await get<PlanDetailDto>(`/api/plans/${second}`)).unresolvedBodyCount).toBe(0);

    const hanoi = await makePlan(t.db, { provinceCode: '01', document: twinsDocument() });
    const rows = await t.db.kysely
      .selectFrom('plan_task_body as b')
      .innerJoin('plan_task as k', 'k.id', 'b.task_id')
      .select('b.resolution')
      .where('k.plan_id', '=', hanoi)
      .where('b.name', 'in', TWINS)
      .execute();
    expect(rows.map((r) => r.resolution)).toEqual(['unresolved', 'unresolved', 'unresolved']);
  });

  it('replaces the remembered decision with a later one and forgets it when set back to unresolved, auditing each', async () => {
    expect((await decide(planId, TWINS[0] ?? '', { kind: 'agency', agencyId: yte })).statusCode).toBe(200);
    expect(await decisions()).toMatchObject([{ agency_id: yte, name: TWINS[0] }]);
    expect((await decide(planId, TWINS[2] ?? '', { kind: 'unresolved' })).statusCode).toBe(200);
    expect(await decisions()).toEqual([]);
    expect((await auditOf('body_decision')).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    const reply = await parse(planText('Phòng Văn hóa - Thông tin'));
    expect(reply.bodies.find((b) => b.name === 'Phòng Văn hóa - Thông tin')).toMatchObject({
      resolution: { kind: 'unresolved' },
    });
  });
});

describe('decisions taken while reviewing', () => {
  it('remembers on saving only what the reviewer decided differently from Tre, one row per similar name', async () => {
    const before = (await auditOf('body_decision')).length;
    const document = twinsDocument();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: {
        document,
        sourceLines: [],
        fileName: null,
        bodies: [
          ...TWINS.map((name) => ({ name, resolution: { kind: 'external' } })),
          // what Tre proposed anyway: nothing to remember
          { name: 'Sở Y tế', resolution: { kind: 'agency', agencyId: yte } },
          { name: 'các địa phương', resolution: { kind: 'group', group: 'all_communes' } },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ unresolvedBodyCount: 0, undecidedLeadCount: 1 });
    expect(await decisions()).toMatchObject([{ resolution: 'external', plan_id: res.json().id }]);
    expect((await auditOf('body_decision')).length).toBe(before + 1);
    const reply = await parse(planText('PHÒNG VĂN HÓA - THÔNG TIN'));
    expect(reply.bodies[0]).toMatchObject({ resolution: { kind: 'external' }, remembered: {} });
  });
});

describe('the new group', () => {
  it('gives a task of "các sở, ngành, địa phương" to every commune and to departments', async () => {
    const planId = await makePlan(t.db, { document: twinsDocument() });
    const officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
    const forCommune = await get<{ items: { ref: string | null }[] }>(
      `/api/plans/${planId}/tasks?communeCode=${COMMUNE_A}`,
      officer,
    );
    expect(forCommune.items.map((i) => i.ref)).toEqual(['2', '5']);
    const gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
    const forAgency = await get<{ items: { ref: string | null }[] }>(`/api/plans/${planId}/tasks?agencyId=${gd}`, officer);
    expect(forAgency.items.map((i) => i.ref)).toEqual(['5']);
  });
});
