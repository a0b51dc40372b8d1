import fs from 'node:fs';
import type { PlanDetailDto, PlanParseReply, PlanSaveRequest, PlanTaskDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import {
  COMMUNE_A,
  auditCount,
  firstAgencyId,
  makePlan,
  planDocument,
  signIn,
  signInNewUser,
  taskIdsOf,
  type Session,
} from '../test/factories.ts';
import { listOverdue } from './overdue.ts';

let t: TestApp;
let admin: Session;
let viewer: Session;
let gdReporter: Session;
let communeOfficer: Session;
let gd: string; // Sở GD&ĐT
let yte: string; // Sở Y tế
let lhpn: string; // Hội LHPN
let doan: string; // Tỉnh Đoàn
let plan: PlanDetailDto;
let tasks: string[];

const saveRequest = (overrides: Partial<PlanSaveRequest> = {}): PlanSaveRequest => ({
  document: planDocument(),
  sourceLines: ['KẾ HOẠCH', 'Thực hiện Chương trình hành động vì trẻ em'],
  fileName: 'ke-hoach-2021-2030.txt',
  bodies: [{ name: 'UBND các huyện, thị xã, thành phố', resolution: { kind: 'group', group: 'all_communes' } }],
  ...overrides,
});

async function tasksOf(query: string, session = viewer): Promise<PlanTaskDto[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks${query}`, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: PlanTaskDto[] }).items;
}
const refs = (items: { ref: string | null }[]) => items.map((i) => i.ref);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
  [gd, yte, lhpn, doan] = (await Promise.all(
    ['Sở GD&ĐT', 'Sở Y tế', 'Hội LHPN', 'Tỉnh Đoàn'].map((n) => firstAgencyId(t.db, n)),
  )) as [string, string, string, string];
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  communeOfficer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin.headers, payload: saveRequest() });
  expect(res.statusCode, res.body).toBe(201);
  plan = res.json();
  tasks = await taskIdsOf(t.db, plan.id);
});
afterAll(() => t.close());

describe('saving a plan', () => {
  it('stores the document with each body resolved, and audits it', async () => {
    expect(plan).toMatchObject({
      title: planDocument().title,
      documentType: 'plan',
      documentNumber: '123/KH-UBND',
      yearFrom: 2021,
      yearTo: 2030,
      taskCount: 6,
      indicatorCount: 2,
      // "Ban Tuyên giáo Tỉnh ủy" is nobody in the agency list
      unresolvedBodyCount: 1,
      fileName: 'ke-hoach-2021-2030.txt',
      citations: ['23/QĐ-TTg'],
      sections: [
        { ref: 'I', title: 'MỤC TIÊU', level: 1 },
        { ref: 'II', title: 'NHIỆM VỤ, GIẢI PHÁP', level: 1 },
      ],
      footnotes: [{ mark: '1', text: 'Theo Quyết định 23/QĐ-TTg' }],
      sourceLines: ['KẾ HOẠCH', 'Thực hiện Chương trình hành động vì trẻ em'],
    });
    expect(plan.createdBy).toBe('Quản trị hệ thống');
    expect(plan.indicators[1]).toEqual({
      no: 3,
      goal: 1,
      text: 'Giảm tỷ suất tử vong trẻ em',
      targets: [
        { year: 2025, value: 9.5, unit: 'per1000', op: '<', measure: 'trẻ sơ sinh' },
        { year: 2030, value: 9, unit: 'per1000', op: '<', measure: 'trẻ sơ sinh' },
      ],
      sourceLine: 7,
    });
    expect(plan.assignments).toEqual([
      { agency: 'Sở Y tế', resolution: { kind: 'agency', agencyId: yte }, label: 'Sở Y tế', indicators: [1, 3] },
      {
        agency: 'UBND các huyện, thị xã, thành phố',
        resolution: { kind: 'group', group: 'all_communes' },
        label: 'UBND cấp xã',
        indicators: [1],
      },
    ]);
    expect(plan.reporting[0]).toEqual({
      kind: 'semiannual',
      due: '06-15',
      recipient: 'Sở Y tế',
      text: 'Báo cáo 6 tháng trước ngày 15/6',
    });
    const audit = await t.db.kysely.selectFrom('audit_event').selectAll().where('entity_id', '=', plan.id).execute();
    expect(audit.map((a) => [a.action, a.entity])).toEqual([['create', 'plan']]);
  });

  it('keeps the user’s decisions and resolves the rest only when unique', async () => {
    const all = await tasksOf('');
    expect(all[0]?.bodies.map((b) => [b.role, b.name, b.resolution, b.label])).toEqual([
      ['lead', 'Sở Y tế', { kind: 'agency', agencyId: yte }, 'Sở Y tế'],
      ['support', 'Sở Giáo dục và Đào tạo', { kind: 'agency', agencyId: gd }, 'Sở GD&ĐT'],
    ]);
    expect(all[1]?.bodies[1]?.resolution).toEqual({ kind: 'group', group: 'all_agencies' });
    expect(all[4]?.bodies[0]).toMatchObject({ name: 'Ban Tuyên giáo Tỉnh ủy', resolution: { kind: 'unresolved' } });
    expect(all[4]?.timeline).toEqual({
      kind: 'once',
      text: '2099-09-15 – 2099-09-15',
      start: '2099-09-15',
      end: null,
      lunar: '15/8 âm lịch',
    });
  });

  it('refuses an agency of no province list, naming the field, and stores nothing', async () => {
    const before = await auditCount(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: saveRequest({
        bodies: [{ name: 'Sở Y tế', resolution: { kind: 'agency', agencyId: '00000000-0000-4000-8000-000000000000' } }],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('bodies.0.resolution.agencyId');
    expect(res.json().error.message).toContain('Cơ quan');
    expect(await auditCount(t.db)).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/plans', headers: admin.headers })).json().items).toHaveLength(1);
  });

  it('refuses a document that is not tre.plan/v1, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { ...saveRequest(), document: { ...planDocument(), tasks: [{ ref: null }] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/^document\.tasks\.0\./);
  });

  it('publishes the plan routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/plans', '/api/plans/{id}/tasks', '/api/plans/tasks/{taskId}/progress', '/api/files']),
    );
  });

  it('lists and reads plans for every role', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/plans', headers: communeOfficer.headers });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: plan.id, taskCount: 6, indicatorCount: 2, unresolvedBodyCount: 1 }),
    ]);
    const one = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: gdReporter.headers });
    expect(one.json()).toEqual(plan);
  });
});

describe('the tasks of a body', () => {
  it('lists an agency’s tasks, direct or through a group, those it leads first, each with its role and section', async () => {
    const ofGd = await tasksOf(`?agencyId=${gd}`);
    expect(ofGd.map((i) => [i.path, i.bodyRole, i.sectionTitle])).toEqual([
      ['II.2', 'lead', 'NHIỆM VỤ, GIẢI PHÁP'],
      ['II.1', 'support', 'NHIỆM VỤ, GIẢI PHÁP'],
    ]);
    // coordinating through "các sở, ban, ngành": after the two it leads
    expect(refs(await tasksOf(`?agencyId=${yte}`))).toEqual(['1', '6', '2']);
    expect((await tasksOf('')).every((i) => i.bodyRole === null)).toBe(true);
    // a mass organisation: named, and through "các tổ chức chính trị - xã hội"
    expect(refs(await tasksOf(`?agencyId=${lhpn}`))).toEqual(['4']);
    expect(refs(await tasksOf(`?agencyId=${doan}`))).toEqual(['4']);
    expect(refs(await tasksOf(`?communeCode=${COMMUNE_A}`))).toEqual(['3']);
  });

  it('keeps the tasks of a year: dated ones that overlap it, undated ones in the plan’s years', async () => {
    expect(refs(await tasksOf('?year=2025'))).toEqual(['1', '3', '4']);
    expect(refs(await tasksOf('?year=2022'))).toEqual(['1', '2', '4']);
    expect(refs(await tasksOf('?year=2031'))).toEqual(['6']);
    expect(refs(await tasksOf(`?year=2025&agencyId=${gd}`))).toEqual(['1']);
  });

  it('refuses an agency or commune outside the province, naming the parameter', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/plans/${plan.id}/tasks?communeCode=00004`,
      headers: viewer.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('query.communeCode');
    const bad = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks?period=2025S3`, headers: viewer.headers });
    expect(bad.json().error.field).toBe('query.period');
  });
});

describe('progress and overdue tasks', () => {
  it('marks a task overdue until its named bodies report it done', async () => {
    let [, second] = await tasksOf('');
    expect(second?.overdue).toBe(true);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/tasks/${tasks[1]}/progress`,
      headers: gdReporter.headers,
      payload: { period: '2022', status: 'done', note: 'Đã tổng kết', evidenceFileId: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      taskId: tasks[1],
      agencyId: gd,
      communeCode: null,
      bodyLabel: 'Sở GD&ĐT',
      period: '2022',
      status: 'done',
      note: 'Đã tổng kết',
      evidence: null,
    });
    [, second] = await tasksOf('?period=2022');
    expect(second?.overdue).toBe(false);
    expect(second?.progress.map((p) => [p.agencyId, p.status])).toEqual([[gd, 'done']]);
    // another period shows no progress
    expect((await tasksOf('?period=2022S1'))[1]?.progress).toEqual([]);
  });

  it('replaces a body’s report for the same period, auditing before and after', async () => {
    const put = (status: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/plans/tasks/${tasks[0]}/progress`,
        headers: gdReporter.headers,
        payload: { period: '2026S1', status, note: null, evidenceFileId: null },
      });
    const first = (await put('in_progress')).json();
    const second = (await put('done')).json();
    expect(second.id).toBe(first.id);
    const rows = await t.db.kysely
      .selectFrom('task_progress')
      .selectAll()
      .where('task_id', '=', tasks[0] ?? '')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['done']);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('entity', '=', 'task_progress')
      .where('entity_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(
      audit.map((a) => [(a.before as { status?: string } | null)?.status ?? null, (a.after as { status: string }).status]),
    ).toEqual([
      [null, 'in_progress'],
      ['in_progress', 'done'],
    ]);
  });

  it('lets a commune officer report on tasks of all communes, with evidence they uploaded', async () => {
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=bien-ban.pdf',
      headers: { ...communeOfficer.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 biên bản'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json();
    expect(file).toMatchObject({ fileName: 'bien-ban.pdf', size: Buffer.byteLength('%PDF-1.4 biên bản') });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/tasks/${tasks[2]}/progress`,
      headers: communeOfficer.headers,
      payload: { period: '2025', status: 'done', note: null, evidenceFileId: file.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ communeCode: COMMUNE_A, bodyLabel: 'Phường Thành Vinh', evidence: file });
    const download = await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: admin.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''bien-ban.pdf");
    expect(download.rawPayload.toString()).toBe('%PDF-1.4 biên bản');
  });

  it('lets a provincial officer record for a named assigned body only, within the plan’s years', async () => {
    const officer = await signInNewUser(t, { role: 'provincial_officer' });
    const put = (payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/plans/tasks/${tasks[3]}/progress`, headers: officer.headers, payload });
    const base = { period: '2026', status: 'in_progress', note: null, evidenceFileId: null };
    expect((await put(base)).json().error.field).toBe('agencyId');
    expect((await put({ ...base, agencyId: gd })).json().error.field).toBe('agencyId');
    expect((await put({ ...base, agencyId: doan })).statusCode).toBe(200);
    const outside = await put({ ...base, agencyId: doan, period: '2031' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ field: 'period' });
    expect(outside.json().error.message).toContain('2021–2030');
    expect((await put({ ...base, agencyId: doan, period: '2026S3' })).json().error.field).toBe('period');
    // a quarter is a period for figures, not for task reports
    expect((await put({ ...base, agencyId: doan, period: '2026Q1' })).json().error.field).toBe('period');
  });

  it('lists the overdue tasks of every plan with the bodies still owing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans/overdue', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    // task 2 was reported done; task 3 (June 2025, UBND cấp xã) has a commune report
    expect(res.json().items).toEqual([]);
    const items = await listOverdue(t.db.kysely, '40', '2100-01-01');
    expect(items.map((i) => [i.ref, i.due, i.bodies])).toEqual([
      ['6', '2031-12-31', ['Sở Y tế']],
      ['5', '2099-09-15', ['Ban Tuyên giáo Tỉnh ủy']],
    ]);
    expect(items[0]).toMatchObject({ planId: plan.id, planTitle: plan.title, taskId: tasks[5] });
  });
});

describe('the calendar', () => {
  it('shows dated tasks and report deadlines of a year, sorted by date', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/calendar?year=2025`, headers: viewer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      year: 2025,
      events: [
        {
          date: '2025-06-01',
          endDate: '2025-06-30',
          kind: 'task',
          title: 'II.3. Tháng hành động vì trẻ em',
          taskId: tasks[2],
          lunar: null,
          overdue: false,
        },
        {
          date: '2025-06-15',
          endDate: null,
          kind: 'report',
          title: 'Báo cáo 6 tháng gửi Sở Y tế',
          taskId: null,
          lunar: null,
          overdue: false,
        },
        {
          date: '2025-12-15',
          endDate: null,
          kind: 'report',
          title: 'Báo cáo năm gửi Sở Y tế',
          taskId: null,
          lunar: null,
          overdue: false,
        },
      ],
    });
    const y2030 = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/calendar?year=2030`, headers: viewer.headers })
    ).json();
    expect(y2030.events.map((e: { date: string }) => e.date)).toEqual(['2030-06-15', '2030-11-30', '2030-12-15']);
    // past the plan's years only the dated task remains: yearly deadlines stop with the plan
    const y2099 = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/calendar?year=2099`, headers: viewer.headers })
    ).json();
    expect(y2099.events).toEqual([expect.objectContaining({ date: '2099-09-15', lunar: '15/8 âm lịch', kind: 'task' })]);
  });
});

describe('correcting a plan', () => {
  it('corrects a task’s text, timeline and bodies', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/tasks/${tasks[5]}`,
      headers: admin.headers,
      payload: {
        text: 'Đánh giá giữa kỳ',
        timeline: { kind: 'once', text: 'Tháng 12/2025', start: '2025-12-01', end: '2025-12-31', lunar: null },
        bodies: [
          { role: 'lead', name: 'Sở Y tế', resolution: { kind: 'agency', agencyId: yte } },
          { role: 'support', name: 'Tỉnh Đoàn', resolution: { kind: 'agency', agencyId: doan } },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      text: 'Đánh giá giữa kỳ',
      timeline: { kind: 'once', start: '2025-12-01', end: '2025-12-31' },
      bodies: [
        { role: 'lead', name: 'Sở Y tế', label: 'Sở Y tế' },
        { role: 'support', name: 'Tỉnh Đoàn', label: 'Tỉnh Đoàn' },
      ],
    });
    expect(refs(await tasksOf(`?agencyId=${doan}`))).toEqual(['4', '6']);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/tasks/${tasks[5]}`,
      headers: admin.headers,
      payload: { timeline: { kind: 'range', text: null, start: '2025-12-31', end: '2025-01-01', lunar: null } },
    });
    expect(bad.json().error.field).toBe('timeline.end');
  });

  it('moves a task’s path with a corrected number, and lists it by its path', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/tasks/${tasks[1]}`,
      headers: admin.headers,
      payload: { ref: '2.a' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ref: '2.a', path: 'II.2.a', sectionRef: 'II' });
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', tasks[1] ?? '')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    // a number is one short line of letters, digits, dots and dashes; blank means none
    for (const ref of ['1\n2', '1\u20282', '<b>', 'x'.repeat(21)]) {
      const bad = await t.app.inject({
        method: 'PATCH',
        url: `/api/plans/tasks/${tasks[1]}`,
        headers: admin.headers,
        payload: { ref },
      });
      expect(bad.statusCode, ref).toBe(400);
      expect(bad.json().error.field).toBe('ref');
    }
    const blank = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/tasks/${tasks[1]}`,
      headers: admin.headers,
      payload: { ref: '  ' },
    });
    expect(blank.json()).toMatchObject({ ref: null, path: 'II.2.a' });
  });

  it('resolves a body name across the plan', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/${plan.id}/bodies`,
      headers: admin.headers,
      payload: { name: 'Ban Tuyên giáo Tỉnh ủy', resolution: { kind: 'external' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      name: 'Ban Tuyên giáo Tỉnh ủy',
      resolution: { kind: 'external' },
      updated: 1,
      names: ['Ban Tuyên giáo Tỉnh ủy'],
    });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: admin.headers })).json();
    expect(detail.unresolvedBodyCount).toBe(0);
    const none = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/${plan.id}/bodies`,
      headers: admin.headers,
      payload: { name: 'Không có', resolution: { kind: 'external' } },
    });
    expect(none.json().error.field).toBe('name');
  });
});

describe('export and import', () => {
  it('exports tre.plan/v1 that imports back to the same document', async () => {
    const id = await makePlan(t.db);
    const exported = (await t.app.inject({ method: 'GET', url: `/api/plans/${id}/export`, headers: viewer.headers })).json();
    expect(exported).toEqual(planDocument());
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: saveRequest({ document: exported, bodies: [] }),
    });
    expect(again.statusCode, again.body).toBe(201);
    const reExported = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${again.json().id}/export`, headers: viewer.headers })
    ).json();
    expect(reExported).toEqual(exported);
  });

  it('keeps Tre’s target extensions: relative targets, the wording, a chosen measure', async () => {
    const doc = planDocument();
    doc.indicators.push({
      no: 13,
      goal: 2,
      text: 'Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm; giảm 1/3 so với năm 2020',
      targets: [
        {
          year: 2030,
          value: 4,
          unit: '%',
          op: '>=',
          measure: null,
          kind: 'relative',
          change: 'decrease',
          reference: 'previous-year',
          valueTo: 5,
          opWord: 'giảm',
          text: 'Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm',
        },
        {
          year: 2030,
          value: 100 / 3,
          unit: '%',
          op: '>=',
          measure: null,
          kind: 'relative',
          change: 'decrease',
          reference: 2020,
        },
        { year: 2025, value: 2, unit: '%', op: null, measure: null, opWord: 'là', measureCode: 'I13_CHILD_MARRIAGE' },
      ],
      line: 8,
    });
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: saveRequest({ document: doc }),
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const exported = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${saved.json().id}/export`, headers: viewer.headers })
    ).json();
    expect(exported).toEqual(doc);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: saveRequest({ document: exported }),
    });
    expect(again.statusCode, again.body).toBe(201);
    const reExported = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${again.json().id}/export`, headers: viewer.headers })
    ).json();
    expect(reExported).toEqual(doc);
  });

  it('refuses a relative target without what it is measured against, naming the field', async () => {
    const doc = planDocument();
    const first = doc.indicators[0];
    if (first)
      first.targets = [{ year: 2025, value: 4, unit: '%', op: null, measure: null, kind: 'relative', change: 'decrease' }];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: saveRequest({ document: doc }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('document.indicators.0.targets.0.reference');
  });
});

describe('deleting a plan', () => {
  it('deletes a plan without progress, and refuses one with progress', async () => {
    const id = await makePlan(t.db);
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/plans/${plan.id}`, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: admin.headers })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/plans/${id}`, headers: admin.headers });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: admin.headers })).statusCode).toBe(404);
    expect(await t.db.kysely.selectFrom('plan_task').select('id').where('plan_id', '=', id).execute()).toEqual([]);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('files', () => {
  it('refuses a file over 10 MB with a clear message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=big.pdf',
      headers: { ...gdReporter.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'Tệp quá lớn (tối đa 10 MB)' });
  });
});

describe('reading a plan file', () => {
  const sample = fs.readFileSync(
    new URL('../../../core/src/plans/samples/long-an-2021-2030-action-programme.txt', import.meta.url),
  );
  const parse = (fileName: string, payload: Buffer, session = admin) =>
    t.app.inject({
      method: 'POST',
      url: `/api/plans/parse?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...session.headers, 'content-type': 'application/octet-stream' },
      payload,
    });

  it('parses a real plan, proposes a resolution for each body, stores nothing, and saves the reviewed result', async () => {
    const before = await auditCount(t.db);
    const res = await parse('long-an.txt', sample);
    expect(res.statusCode, res.body).toBe(200);
    const reply = res.json() as PlanParseReply;
    expect(reply.plan.indicators).toHaveLength(24);
    expect(reply.lines.length).toBeGreaterThan(200);
    expect(await auditCount(t.db)).toBe(before);
    const byName = new Map(reply.bodies.map((b) => [b.name, b]));
    expect(byName.get('Sở Giáo dục và Đào tạo')?.resolution).toEqual({ kind: 'agency', agencyId: gd });
    // the district level, gone since July 2025: every commune committee, saying why
    const districts = reply.bodies.filter((b) => /huyện, thị xã,? (và )?thành phố/.test(b.name));
    expect(districts).toHaveLength(2);
    for (const d of districts) {
      expect(d).toMatchObject({
        resolution: { kind: 'group', group: 'all_communes' },
        rule: { vi: expect.stringContaining('huyện') },
      });
    }
    expect(byName.get('các đơn vị liên quan')).toMatchObject({
      resolution: { kind: 'not_tracked' },
      rule: { en: expect.any(String) },
    });
    expect(byName.get('Sở Lao động - Thương binh và Xã hội')).toMatchObject({ resolution: { kind: 'agency', agencyId: yte } });

    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin.headers,
      payload: { document: reply.plan, sourceLines: reply.lines, fileName: 'long-an.txt', bodies: reply.bodies },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ indicatorCount: 24, taskCount: reply.plan.tasks.length, sourceLines: reply.lines });
    const exported = await t.app.inject({ method: 'GET', url: `/api/plans/${saved.json().id}/export`, headers: admin.headers });
    expect(exported.json()).toEqual(reply.plan);
  });

  it('refuses an unreadable file with 422 and a message in both languages', async () => {
    const res = await parse('scan.pdf', Buffer.from('%PDF-1.4'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PLAN_FILE_UNREADABLE', field: 'file' });
    expect(res.json().error.message).toContain('scan.pdf');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/plans/parse?fileName=empty.txt',
      headers: { ...admin.headers, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
      payload: Buffer.alloc(0),
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.field).toBe('body');
    expect(en.json().error.message).toContain('The file is empty');
    const vi = await parse('rong.txt', Buffer.alloc(0));
    expect(vi.json().error.message).toContain('Tệp rỗng');
  });
});
