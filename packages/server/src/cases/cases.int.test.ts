import type { CaseDto, CaseSummaryDto, ReferralDto } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../audit/read-log.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { makeChild } from '../test/children.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, makeUser, signIn, type Session } from '../test/factories.ts';

/**
 * A case over HTTP on both engines: the report taken with its clocks, every step of Nghị định 56
 * in order with the supervisor's approvals, illegal steps refused with the reason, a referral
 * accepted and done, the closure approved and the case reopened; who may read it (and the
 * reporter), a grant that expires, and every read and refusal in the read log.
 */
let t: TestApp;
const users: Record<string, { id: string; session: Session }> = {};
let admin: Session;
let childId = 0;
let caseId = 0;
let agencyId = '';

/** A user made in beforeAll, by the name the tests call them. */
function u(name: string) {
  const found = users[name];
  if (!found) throw new Error(`no user ${name}`);
  return found;
}

async function user(
  name: string,
  role: Parameters<typeof makeUser>[1]['role'],
  scope: { communeCode?: string; agencyId?: string } = {},
) {
  const u = await makeUser(t.db, { role, ...scope });
  users[name] = { id: u.id, session: await signIn(t.app, u.username) };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  agencyId = await firstAgencyId(t.db, 'Sở Y tế');
  await user('worker', 'case_worker', { communeCode: COMMUNE_A });
  await user('supervisor', 'commune_officer', { communeCode: COMMUNE_A });
  await user('colleague', 'case_worker', { communeCode: COMMUNE_A });
  await user('otherCommune', 'commune_officer', { communeCode: COMMUNE_B });
  await user('province', 'provincial_officer');
  await user('health', 'agency_reporter', { agencyId });
  childId = await makeChild(t.db, { full_name: 'Lò Thị Xoan', commune_code: COMMUNE_A });
}, 60_000);
afterAll(async () => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const read = async (s: Session) => (await call(s, 'GET', `/api/cases/${caseId}`)).json<CaseDto>();
async function step(s: Session, action: string, data: Record<string, unknown> = {}, comment: string | null = null) {
  const { version } = await read(u('supervisor').session);
  return call(s, 'POST', `/api/cases/${caseId}/steps`, { action, data, comment, version });
}

describe('a case from the report to its closure', () => {
  it('takes a hotline report at 15:00 on the Friday before Tết with its legal clocks', async () => {
    const res = await call(u('worker').session, 'POST', '/api/cases', {
      receivedAt: '2025-01-24T15:00:00+07:00',
      channel: 'hotline_111',
      communeCode: COMMUNE_A,
      reporter: { anonymous: false, name: 'Bà Lường Thị Ánh', phone: '0912345678', relation: 'hàng xóm' },
      child: { id: childId },
      abuseForms: ['violence', 'neglect'],
      facts: 'Trẻ bị đánh nhiều lần, có vết bầm ở tay.',
      location: 'Khối 3',
      urgency: 'immediate',
      workerId: null,
      supervisorId: u('supervisor').id,
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json<{ id: number }>().id;
    const c = await read(u('worker').session);
    expect(c.status).toBe('received');
    expect(c.number).toMatch(/^BV-2025-\d{5}$/);
    const due = Object.fromEntries(c.clocks.map((k) => [k.kind, k.dueAt]));
    // 12 hours; and 5 working days from Monday 3 February (25 January – 2 February is Tết)
    expect(due).toEqual({ emergency: '2025-01-25T03:00:00+07:00', plan: '2025-02-07T23:59:59+07:00' });
    expect(c.reporter?.name).toBe('Bà Lường Thị Ánh');
    expect(c.actions).toEqual(['verify', 'emergency']);
  });

  it('refuses a step out of order, naming the step the case is at', async () => {
    const res = await step(u('worker').session, 'draft_plan', { objectives: 'x', reviewOn: '2025-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('Đã tiếp nhận');
  });

  it('refuses a form with a missing field, naming it', async () => {
    const res = await step(u('worker').session, 'verify', { findings: 'Có cơ sở' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('data.substantiated');
  });

  it('runs every step in order, the supervisor approving the plan', async () => {
    const w = u('worker').session;
    expect(
      (await step(w, 'emergency', { measures: ['medical', 'safe_place'], takenAt: '2025-01-24T20:00:00+07:00' })).statusCode,
    ).toBe(204);
    expect((await read(w)).clocks.find((k) => k.kind === 'emergency')?.state).toBe('met');
    expect(
      (await step(w, 'full_assess', { meetingOn: '2025-02-03', participants: 'Tổ bảo vệ trẻ em', needs: 'Y tế, tâm lý' }))
        .statusCode,
    ).toBe(204);
    expect((await step(w, 'draft_plan', { objectives: 'An toàn, học lại', reviewOn: '2025-03-15' })).statusCode).toBe(204);
    expect((await step(w, 'submit_plan')).statusCode).toBe(204);
    // the worker cannot approve their own plan
    expect((await step(w, 'approve_plan', { comments: null })).statusCode).toBe(403);
    expect((await step(u('supervisor').session, 'return_plan', { comments: 'Bổ sung dịch vụ tâm lý' })).statusCode).toBe(204);
    expect((await read(w)).status).toBe('plan_drafted');
    expect((await step(w, 'submit_plan')).statusCode).toBe(204);
    expect((await step(u('supervisor').session, 'approve_plan', { comments: 'Đồng ý' })).statusCode).toBe(204);
    expect((await step(w, 'start')).statusCode).toBe(204);
    const c = await read(w);
    expect(c.status).toBe('in_progress');
    expect(c.clocks.map((k) => [k.kind, k.state])).toEqual([
      ['emergency', 'met'],
      ['plan', 'met'],
      ['review', expect.any(String)],
    ]);
  });

  it('refers a service to the health department, which accepts it and completes it', async () => {
    const add = await call(u('worker').session, 'POST', `/api/cases/${caseId}/services`, {
      kind: 'psychological',
      description: 'Tham vấn tâm lý 6 buổi',
      agencyId,
      communeCode: null,
      dueOn: '2025-03-01',
    });
    expect(add.statusCode).toBe(201);
    const serviceId = add.json<{ id: number }>().id;
    const inbox = await call(u('health').session, 'GET', '/api/cases/referrals');
    const referral = inbox.json<{ items: ReferralDto[] }>().items.find((r) => r.serviceId === serviceId);
    expect(referral).toMatchObject({ status: 'referred', kind: 'psychological', childSex: 'female' });
    // the referred part only: the health department knows the case exists, and cannot open it
    expect((await call(u('health').session, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(403);
    expect((await call(u('otherCommune').session, 'POST', `/api/cases/services/${serviceId}/accept`)).statusCode).toBe(404);
    await flushReadLog(t.db.kysely);
    const refusal = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM read_log WHERE kind = 'case_service' AND record_id = ${String(serviceId)} AND status = 404`.execute(
      t.db.kysely,
    );
    expect(refusal.rows[0]?.n).toBe(1);
    expect((await call(u('health').session, 'POST', `/api/cases/services/${serviceId}/accept`)).statusCode).toBe(204);
    expect(
      (await call(u('health').session, 'POST', `/api/cases/services/${serviceId}/done`, { outcome: 'Đã tham vấn 6 buổi' }))
        .statusCode,
    ).toBe(204);
    const c = await read(u('worker').session);
    expect(c.services[0]).toMatchObject({ status: 'done', outcome: 'Đã tham vấn 6 buổi', bodyKind: 'agency' });
  });

  it('reviews, asks to close, has the closure approved, and reopens', async () => {
    const w = u('worker').session;
    const sup = u('supervisor').session;
    expect((await step(w, 'review', { progress: 'Ổn định', riskRemaining: false, recommendation: 'close' })).statusCode).toBe(
      204,
    );
    expect((await step(w, 'request_closure', { reason: 'Hết nguy cơ, trẻ ổn định' })).statusCode).toBe(204);
    expect((await step(sup, 'approve_closure', { comments: null })).statusCode).toBe(204);
    expect((await read(w)).status).toBe('closed');
    expect((await step(w, 'start')).statusCode).toBe(409);
    expect((await step(sup, 'reopen', { reason: 'Có tin báo mới' })).statusCode).toBe(204);
    expect((await read(w)).status).toBe('verified');
  });

  it('transfers the case to another commune, whose supervisor takes it', async () => {
    const newSupervisor = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_B });
    const res = await call(u('supervisor').session, 'POST', `/api/cases/${caseId}/transfer`, {
      communeCode: COMMUNE_B,
      supervisorId: newSupervisor.id,
      reason: 'Gia đình chuyển nơi ở',
    });
    expect(res.statusCode).toBe(204);
    const moved = await signIn(t.app, newSupervisor.username);
    const c = await read(moved);
    expect([c.communeCode, c.status, c.relation.supervisor]).toEqual([COMMUNE_B, 'verified', true]);
    expect(c.steps.at(-1)).toMatchObject({
      action: 'transfer',
      data: { from: 'Phường Thành Vinh', to: 'Xã Nghi Lộc', supervisor: 'Người thử commune_officer' },
    });
    // the old supervisor no longer sees it
    expect((await call(u('supervisor').session, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});

describe('who may see a case', () => {
  let secret = 0;
  beforeAll(async () => {
    const res = await call(u('worker').session, 'POST', '/api/cases', {
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'school',
      communeCode: COMMUNE_A,
      reporter: { anonymous: false, name: 'Cô giáo chủ nhiệm', phone: null, relation: 'giáo viên' },
      child: { new: { fullName: 'Hà Văn Tú', birthDate: '2016-05-04', sex: 'Nam', communeCode: COMMUNE_A } },
      abuseForms: ['sexual_abuse'],
      facts: 'Giáo viên phát hiện dấu hiệu bất thường.',
      location: null,
      urgency: 'high',
      workerId: u('colleague').id,
      supervisorId: u('supervisor').id,
    });
    expect(res.statusCode).toBe(201);
    secret = res.json<{ id: number }>().id;
  });

  it('shows the reporter to the intake worker and the supervisor only', async () => {
    const get = (s: Session) => call(s, 'GET', `/api/cases/${secret}`).then((r) => r.json<CaseDto>());
    // took the report, though the case went to a colleague
    expect((await get(u('worker').session)).reporter?.name).toBe('Cô giáo chủ nhiệm');
    expect((await get(u('supervisor').session)).reporter?.name).toBe('Cô giáo chủ nhiệm');
    expect((await get(u('colleague').session)).reporter).toBeNull();
  });

  it('hides the case from everyone else, whatever their rank, and logs each refusal', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM child_case_step`.execute(t.db.kysely);
    for (const s of [admin, u('province').session, u('otherCommune').session, u('health').session]) {
      expect((await call(s, 'GET', `/api/cases/${secret}`)).statusCode).toBe(404);
    }
    const list = await call(u('province').session, 'GET', '/api/cases');
    expect(list.json<{ items: CaseSummaryDto[] }>().items.map((c) => c.id)).not.toContain(secret);
    await flushReadLog(t.db.kysely);
    const refused = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM read_log WHERE kind = 'case' AND record_id = ${String(secret)} AND status = 404`.execute(
      t.db.kysely,
    );
    expect(refused.rows[0]?.n).toBeGreaterThanOrEqual(4);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM child_case_step`.execute(t.db.kysely);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('lets a provincial officer in on an administrator’s grant until it expires', async () => {
    expect(
      (
        await call(admin, 'POST', `/api/cases/${secret}/grants`, {
          userId: u('province').id,
          reason: 'Thanh tra theo QĐ 12',
          days: 1,
        })
      ).statusCode,
    ).toBe(201);
    const c = await call(u('province').session, 'GET', `/api/cases/${secret}`);
    expect(c.statusCode).toBe(200);
    expect(c.json<CaseDto>().reporter).toBeNull();
    await t.db.kysely
      .updateTable('child_case_grant')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('case_id', '=', secret)
      .execute();
    expect((await call(u('province').session, 'GET', `/api/cases/${secret}`)).statusCode).toBe(404);
    // a grant is the administrator's to give, never one's own
    expect(
      (
        await call(u('supervisor').session, 'POST', `/api/cases/${secret}/grants`, {
          userId: u('province').id,
          reason: 'Muốn xem',
          days: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('gives the supervisor the case’s access log, with every read', async () => {
    await flushReadLog(t.db.kysely);
    const res = await call(u('supervisor').session, 'GET', `/api/cases/${secret}/access-log`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { status: number }[] }>().items;
    expect(items.some((i) => i.status === 404)).toBe(true);
    expect(items.some((i) => i.status === 200)).toBe(true);
    expect((await call(u('colleague').session, 'GET', `/api/cases/${secret}/access-log`)).statusCode).toBe(403);
  });
});

describe('what a case refuses (found by a hostile tester)', () => {
  const report = (over: Record<string, unknown>) => ({
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    channel: 'police',
    communeCode: COMMUNE_A,
    reporter: { anonymous: true, name: null, phone: null, relation: null },
    child: { id: childId },
    abuseForms: ['neglect'],
    facts: 'Tin báo',
    location: null,
    urgency: 'normal',
    workerId: u('colleague').id,
    supervisorId: u('supervisor').id,
    ...over,
  });

  it('refuses one person as both worker and supervisor, a report from before 2000, a form given twice, an unknown key', async () => {
    const officer = u('supervisor');
    const same = await call(officer.session, 'POST', '/api/cases', report({ workerId: officer.id }));
    expect([same.statusCode, same.json<{ error: { field: string } }>().error.field]).toEqual([400, 'workerId']);
    expect(
      (await call(officer.session, 'POST', '/api/cases', report({ receivedAt: '1900-01-01T00:00:00+07:00' }))).statusCode,
    ).toBe(400);
    expect((await call(officer.session, 'POST', '/api/cases', report({ abuseForms: ['neglect', 'neglect'] }))).statusCode).toBe(
      400,
    );
    expect((await call(officer.session, 'POST', '/api/cases', report({ evil: 1 }))).statusCode).toBe(400);
  });

  it('refuses an emergency measure dated before the report, a referral outside the province, a grant to an administrator', async () => {
    const created = await call(u('colleague').session, 'POST', '/api/cases', report({}));
    const id = created.json<{ id: number }>().id;
    const c = (await call(u('colleague').session, 'GET', `/api/cases/${id}`)).json<CaseDto>();
    const early = await call(u('colleague').session, 'POST', `/api/cases/${id}/steps`, {
      action: 'emergency',
      data: { measures: ['medical'], takenAt: '2000-01-01T00:00:00+07:00' },
      comment: null,
      version: c.version,
    });
    expect([early.statusCode, early.json<{ error: { field: string } }>().error.field]).toEqual([400, 'data.takenAt']);
    const away = await call(u('colleague').session, 'POST', `/api/cases/${id}/services`, {
      kind: 'legal_aid',
      description: null,
      agencyId: null,
      communeCode: '00004',
      dueOn: null,
    });
    expect(away.statusCode).toBe(400);
    const adminId = (
      await t.db.kysely.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    const second = await makeUser(t.db, { role: 'admin' });
    const admin2 = await signIn(t.app, second.username);
    expect(
      (await call(admin2, 'POST', `/api/cases/${id}/grants`, { userId: adminId, reason: 'Kiểm tra hồ sơ', days: 1 })).statusCode,
    ).toBe(400);
  });
});
