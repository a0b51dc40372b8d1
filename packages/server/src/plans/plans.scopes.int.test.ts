import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  auditCount,
  firstAgencyId,
  makePlan,
  planDocument,
  signIn,
  signInNewUser,
  taskIdsOf,
  type Session,
} from '../test/factories.ts';
import { expectRefused } from '../test/state.ts';

/**
 * Who may call which plan route: an outsider or a wrong role gets 401/403/404 and nothing changes
 * (the plan tables, progress, files and the audit are compared before and after).
 */
let t: TestApp;
let admin: Session;
let viewer: Session;
let caseWorker: Session;
let gdReporter: Session; // Sở GD&ĐT
let tuphapReporter: Session; // Sở Tư pháp: assigned no task
let officerA: Session;
let officerB: Session;
let planId: string;
let tasks: string[];
let otherPlan: string; // Hà Nội's plan, invisible from Nghệ An
let otherTask: string;
let gd: string;
let fileId: string;

async function state() {
  const count = async (table: 'plan' | 'plan_task' | 'plan_task_body' | 'task_progress' | 'stored_file' | 'body_decision') =>
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const tasksText = await t.db.kysely.selectFrom('plan_task').select(['id', 'text', 'timeline_kind']).orderBy('id').execute();
  const bodies = await t.db.kysely.selectFrom('plan_task_body').select(['id', 'resolution']).orderBy('id').execute();
  const progress = await t.db.kysely.selectFrom('task_progress').select(['id', 'status']).orderBy('id').execute();
  return {
    plans: await count('plan'),
    tasks: await count('plan_task'),
    bodies: await count('plan_task_body'),
    progress: await count('task_progress'),
    files: await count('stored_file'),
    decisions: await count('body_decision'),
    audit: await auditCount(t.db),
    tasksText,
    bodyRows: bodies,
    progressRows: progress,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  const tuphap = await firstAgencyId(t.db, 'Sở Tư pháp');
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
  caseWorker = await signInNewUser(t, { role: 'case_worker', communeCode: COMMUNE_A });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  tuphapReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: tuphap });
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  officerB = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
  planId = await makePlan(t.db);
  tasks = await taskIdsOf(t.db, planId);
  otherPlan = await makePlan(t.db, { provinceCode: '01' });
  otherTask = (await taskIdsOf(t.db, otherPlan))[0] ?? '';
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/files?fileName=minh-chung.pdf',
    headers: { ...gdReporter.headers, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('minh chứng của Sở GD&ĐT'),
  });
  fileId = upload.json().id;
  const progress = await t.app.inject({
    method: 'PUT',
    url: `/api/plans/tasks/${tasks[0]}/progress`,
    headers: gdReporter.headers,
    payload: { period: '2026', status: 'done', note: null, evidenceFileId: fileId },
  });
  expect(progress.statusCode, progress.body).toBe(200);
});
afterAll(() => t.close());

const progressBody = { period: '2026', status: 'done', note: 'x', evidenceFileId: null };
const editorRoutes = () =>
  [
    {
      method: 'POST',
      url: '/api/plans/parse?fileName=kh.txt',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('KẾ HOẠCH'),
    },
    {
      method: 'POST',
      url: '/api/plans',
      payload: { document: planDocument(), sourceLines: [], fileName: null, bodies: [] },
    },
    { method: 'DELETE', url: `/api/plans/${planId}` },
    { method: 'PATCH', url: `/api/plans/tasks/${tasks[0]}`, payload: { text: 'Bị sửa' } },
    { method: 'PUT', url: `/api/plans/${planId}/bodies`, payload: { name: 'Sở Y tế', resolution: { kind: 'external' } } },
    // a decision that would be remembered for the province's next plans
    {
      method: 'PUT',
      url: `/api/plans/${planId}/bodies`,
      payload: { name: 'Ban Tuyên giáo Tỉnh ủy', resolution: { kind: 'agency', agencyId: gd } },
    },
    { method: 'GET', url: '/api/plans/overdue' },
    { method: 'GET', url: '/api/plans/undecided-leads' },
  ] as const;

describe.each([
  ['a viewer', () => viewer],
  ['an agency reporter', () => gdReporter],
  ['a commune officer', () => officerA],
  ['a case worker', () => caseWorker],
])('%s', (_who, session) => {
  it('is refused every editing route with 403 and nothing changes', async () => {
    for (const route of editorRoutes()) {
      const before = await state();
      const res = await t.app.inject({
        method: route.method,
        url: route.url,
        ...('payload' in route ? { payload: route.payload } : {}),
        headers: { ...session().headers, ...('headers' in route ? route.headers : {}) },
      });
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(await state()).toEqual(before);
    }
  });

  it('reads the plans of its province but not those of another', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/plans', headers: session().headers });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    for (const url of [
      `/api/plans/${planId}`,
      `/api/plans/${planId}/tasks`,
      `/api/plans/${planId}/calendar?year=2025`,
      `/api/plans/${planId}/export`,
    ]) {
      expect((await t.app.inject({ method: 'GET', url, headers: session().headers })).statusCode, url).toBe(200);
    }
    for (const url of [
      `/api/plans/${otherPlan}`,
      `/api/plans/${otherPlan}/tasks`,
      `/api/plans/${otherPlan}/calendar?year=2025`,
      `/api/plans/${otherPlan}/export`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: session().headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Kế hoạch thực hiện');
    }
  });
});

describe('another province’s plan', () => {
  it('is not found even by the administrator, for reading or editing', async () => {
    const before = await state();
    const routes = [
      { method: 'GET', url: `/api/plans/${otherPlan}` },
      { method: 'DELETE', url: `/api/plans/${otherPlan}` },
      { method: 'PATCH', url: `/api/plans/tasks/${otherTask}`, payload: { text: 'Bị sửa' } },
      { method: 'PUT', url: `/api/plans/${otherPlan}/bodies`, payload: { name: 'Sở Y tế', resolution: { kind: 'external' } } },
      { method: 'PUT', url: `/api/plans/tasks/${otherTask}/progress`, payload: { ...progressBody, agencyId: gd } },
    ] as const;
    for (const route of routes) {
      const res = await t.app.inject({ ...route, headers: admin.headers });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    expect(await state()).toEqual(before);
    const overdue = await t.app.inject({ method: 'GET', url: '/api/plans/overdue', headers: admin.headers });
    expect(overdue.json().items.every((i: { planId: string }) => i.planId === planId)).toBe(true);
    const leads = await t.app.inject({ method: 'GET', url: '/api/plans/undecided-leads', headers: admin.headers });
    expect(leads.json().items.map((i: { planId: string }) => i.planId)).toEqual([planId]);
  });
});

describe('recording progress', () => {
  const put = (session: Session, taskId: string | undefined, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/plans/tasks/${taskId}/progress`, headers: session.headers, payload });

  it.each([
    ['a viewer', () => viewer, 0, {}],
    ['a case worker', () => caseWorker, 2, {}],
    ['a reporter on a task not assigned to their agency', () => tuphapReporter, 0, {}],
    ['a reporter for another agency', () => tuphapReporter, 1, { agencyId: '00000000-0000-4000-8000-000000000000' }],
    ['a reporter for a commune', () => gdReporter, 2, { communeCode: COMMUNE_A }],
    ['a commune officer on a task not given to communes', () => officerA, 0, {}],
    ['a commune officer for another commune', () => officerA, 2, { communeCode: COMMUNE_B }],
    // a function: the agency id exists only once beforeAll has run
    ['a commune officer for an agency', () => officerA, 2, () => ({ agencyId: gd })],
  ] as const)('refuses %s with 403 and nothing changes', async (_who, session, task, extra) => {
    await expectRefused(
      state,
      () => put(session(), tasks[task], { ...progressBody, ...(typeof extra === 'function' ? extra() : extra) }),
      403,
    );
  });

  it('lets a reporter attach only a file they uploaded', async () => {
    const before = await state();
    const res = await put(officerA, tasks[2], { ...progressBody, evidenceFileId: fileId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('evidenceFileId');
    expect(await state()).toEqual(before);
  });

  it('lets the assigned bodies record their own progress', async () => {
    expect((await put(officerB, tasks[2], progressBody)).statusCode).toBe(200);
    // Sở Tư pháp is a department: "các sở, ban, ngành" on task 2 includes it
    expect((await put(tuphapReporter, tasks[1], progressBody)).statusCode).toBe(200);
  });
});

describe('files', () => {
  it.each([
    ['a viewer', () => viewer],
    ['a case worker', () => caseWorker],
  ])('are refused to %s on upload (they report no task progress)', async (_name, who) => {
    const before = await state();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files?fileName=x.pdf',
      headers: { ...who().headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect(res.statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('are downloaded by the uploader, province roles and the reporting body only', async () => {
    const get = (s: Session) => t.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: s.headers });
    for (const s of [gdReporter, admin, viewer]) expect((await get(s)).statusCode).toBe(200);
    for (const s of [tuphapReporter, officerA, caseWorker]) {
      const res = await get(s);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('minh chứng');
    }
  });
});

describe('an anonymous caller', () => {
  it('gets 401 on every plan route and nothing changes', async () => {
    const before = await state();
    const routes: InjectOptions[] = [
      ...editorRoutes(),
      { method: 'GET', url: '/api/plans' },
      { method: 'GET', url: `/api/plans/${planId}` },
      { method: 'GET', url: `/api/plans/${planId}/tasks` },
      { method: 'GET', url: `/api/plans/${planId}/calendar` },
      { method: 'GET', url: `/api/plans/${planId}/export` },
      { method: 'PUT', url: `/api/plans/tasks/${tasks[0]}/progress`, payload: progressBody },
      { method: 'GET', url: `/api/files/${fileId}` },
      {
        method: 'POST',
        url: '/api/files?fileName=x.pdf',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('x'),
      },
    ];
    for (const route of routes) {
      const res = await t.app.inject(route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    expect(await state()).toEqual(before);
  });
});
