import type { ComplaintDto, ComplaintSettingDto, ComplaintStatisticsDto, ComplaintSummaryDto } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../../audit/read-log.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { makeChild } from '../../test/children.ts';
import { COMMUNE_A, COMMUNE_B, makeUser, signIn, type Session } from '../../test/factories.ts';
import { nearDueComplaints, overdueComplaints } from './index.ts';

/**
 * A complaint and a denunciation over HTTP on both engines: intake with the legal clocks, every step
 * in order (accept, verify, extend within the law's limit, resolve, answer, close), illegal steps
 * refused naming the current step, the anonymous rules of the two laws, who may read it and who
 * complained, every read and refusal in the read log, the administrator's settings altering new
 * clocks only, the overdue scan and the statistics.
 */
let t: TestApp;
const users: Record<string, { id: string; session: Session }> = {};
let admin: Session;
let childId = 0;
let complaintId = 0;

function u(name: string) {
  const found = users[name];
  if (!found) throw new Error(`no user ${name}`);
  return found;
}

async function user(name: string, role: Parameters<typeof makeUser>[1]['role'], scope: { communeCode?: string } = {}) {
  const made = await makeUser(t.db, { role, ...scope });
  users[name] = { id: made.id, session: await signIn(t.app, made.username) };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  await user('handler', 'commune_officer', { communeCode: COMMUNE_A });
  await user('supervisor', 'commune_officer', { communeCode: COMMUNE_A });
  await user('colleague', 'commune_officer', { communeCode: COMMUNE_A });
  await user('otherCommune', 'commune_officer', { communeCode: COMMUNE_B });
  await user('receiver', 'provincial_officer');
  childId = await makeChild(t.db, { full_name: 'Vi Thị Mai', commune_code: COMMUNE_A });
}, 60_000);
afterAll(async () => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const read = async (id = complaintId) => (await call(u('handler').session, 'GET', `/api/complaints/${id}`)).json<ComplaintDto>();
async function step(s: Session, action: string, body: Record<string, unknown> = {}, id = complaintId) {
  const { version } = await read(id);
  return call(s, 'POST', `/api/complaints/${id}/steps`, { action, ...body, version });
}

const intakeBody = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  channel: 'letter',
  receivedAt: '2026-02-06T09:00:00+07:00',
  content: 'Nhà trường không cho cháu nhập học vì chưa có hộ khẩu.',
  anonymous: false,
  complainant: { name: 'Ông Hà Văn Bình', address: 'Khối 5, phường Thành Vinh', contact: '0912000111', idNumber: '040080001234' },
  childId,
  body: { kind: 'commune', id: COMMUNE_A },
  remoteArea: false,
  handlerId: u('handler').id,
  supervisorId: u('supervisor').id,
  ...over,
});

async function readLogCount(kind: string, recordId: number, userId: string, refused: boolean): Promise<number> {
  await flushReadLog(t.db.kysely);
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM read_log
    WHERE kind = ${kind} AND record_id = ${String(recordId)} AND user_id = ${userId}
      AND ${refused ? sql`status >= 400` : sql`status < 400`}`.execute(t.db.kysely);
  return r.rows[0]?.n ?? 0;
}

describe('a complaint from its receipt to its closure', () => {
  it('is received by the province for a commune, with its acceptance clock over Tết 2026', async () => {
    const res = await call(u('receiver').session, 'POST', '/api/complaints', intakeBody());
    expect(res.statusCode, res.body).toBe(201);
    complaintId = res.json<{ id: number }>().id;
    const c = await read();
    expect(c.number).toMatch(/^KN-2026-\d{5}$/);
    expect(c.status).toBe('received');
    // 6 February + 10 days = 16 February, a Tết holiday: the next working day, Monday 23 February
    expect(c.clocks).toEqual([{ kind: 'acceptance', dueAt: '2026-02-23T23:59:59+07:00', state: 'overdue', metAt: null }]);
    expect(c.childName).toBe('Vi Thị Mai');
    expect(c.complainant?.name).toBe('Ông Hà Văn Bình');
    expect(c.actions).toEqual(['accept', 'reject', 'withdraw']);
  });

  it('refuses an anonymous complaint, naming the field, in both languages', async () => {
    const res = await call(
      u('receiver').session,
      'POST',
      '/api/complaints',
      intakeBody({ anonymous: true, complainant: { name: null, address: null, contact: null, idNumber: null } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('anonymous');
    expect(res.body).toContain('Khiếu nại không được ẩn danh');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { ...u('receiver').session.headers, 'accept-language': 'en' },
      payload: intakeBody({ anonymous: true, complainant: { name: null, address: null, contact: null, idNumber: null } }),
    });
    expect(en.body).toContain('A complaint cannot be anonymous');
  });

  it('hides the complaint from a colleague of the commune and another commune (404), and logs each refusal', async () => {
    for (const who of ['colleague', 'otherCommune']) {
      const res = await call(u(who).session, 'GET', `/api/complaints/${complaintId}`);
      expect(res.statusCode).toBe(404);
      expect((await call(u(who).session, 'GET', `/api/complaints/${complaintId}/complainant`)).statusCode).toBe(404);
      expect(await readLogCount('complaint', complaintId, u(who).id, true)).toBe(2);
    }
    const list = (await call(u('colleague').session, 'GET', '/api/complaints')).json<{ items: ComplaintSummaryDto[] }>();
    expect(list.items.map((c) => c.id)).not.toContain(complaintId);
  });

  it('lets the receiver read it but not see who complained; the handler does', async () => {
    const asReceiver = (await call(u('receiver').session, 'GET', `/api/complaints/${complaintId}`)).json<ComplaintDto>();
    expect(asReceiver.complainant).toBeNull();
    expect(asReceiver.relation).toEqual({ handler: false, supervisor: false, receiver: true });
    expect(asReceiver.actions).toEqual([]);
    expect((await call(u('receiver').session, 'GET', `/api/complaints/${complaintId}/complainant`)).statusCode).toBe(403);
    const asHandler = await call(u('handler').session, 'GET', `/api/complaints/${complaintId}/complainant`);
    expect(asHandler.json()).toMatchObject({ anonymous: false, name: 'Ông Hà Văn Bình', idNumber: '040080001234' });
    expect(await readLogCount('complaint', complaintId, u('receiver').id, true)).toBe(1);
    expect(await readLogCount('complaint', complaintId, u('handler').id, false)).toBeGreaterThanOrEqual(2);
  });

  it('refuses a step out of order with 409 naming the current step, and a stale version', async () => {
    const res = await step(u('handler').session, 'resolve', { date: '2026-02-20', outcome: 'upheld', decisionNumber: '01/QĐ' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Đã tiếp nhận');
    const stale = await call(u('handler').session, 'POST', `/api/complaints/${complaintId}/steps`, {
      action: 'accept',
      date: '2026-02-20',
      decisionNumber: '12/TB-UBND',
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { field: string } }>().error.field).toBe('version');
  });

  it('is accepted with its decision: the resolution clock runs 30 days from acceptance', async () => {
    expect((await step(u('handler').session, 'accept', { date: '2026-02-20' })).statusCode).toBe(400);
    const res = await step(u('handler').session, 'accept', { date: '2026-02-20', decisionNumber: '12/TB-UBND' });
    expect(res.statusCode, res.body).toBe(204);
    const c = await read();
    expect(c.status).toBe('accepted');
    expect(c.acceptedOn).toBe('2026-02-20');
    // met on 20 February, before its 23 February deadline
    expect(c.clocks[0]).toMatchObject({ kind: 'acceptance', state: 'met' });
    // 20 February + 30 = Sunday 22 March → Monday 23 March
    expect(c.clocks[1]).toMatchObject({ kind: 'resolution', dueAt: '2026-03-23T23:59:59+07:00' });
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event WHERE entity = 'complaint' AND entity_id = ${String(complaintId)}
        AND action = 'complaint_accept'`.execute(t.db.kysely);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('records verification notes, then the supervisor extends once within the law (15 days); a second extension is refused', async () => {
    expect((await step(u('handler').session, 'verify', { note: 'Đã làm việc với nhà trường.' })).statusCode).toBe(204);
    // the handler does not decide the extension
    expect((await step(u('handler').session, 'extend', { days: 15, reason: 'Vụ việc phức tạp' })).statusCode).toBe(403);
    expect((await step(u('supervisor').session, 'extend', { days: 16, reason: 'Vụ việc phức tạp' })).statusCode).toBe(400);
    const ok = await step(u('supervisor').session, 'extend', {
      days: 15,
      reason: 'Cần xác minh thêm ở hai nơi',
      complexity: 'complex',
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const c = await read();
    expect(c.status).toBe('resolving');
    expect(c.extensions).toBe(1);
    // 20 February + 45 = Monday 6 April
    expect(c.clocks[1]?.dueAt).toBe('2026-04-06T23:59:59+07:00');
    const again = await step(u('supervisor').session, 'extend', {
      days: 5,
      reason: 'Thêm thời gian',
      complexity: 'especially_complex',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('tối đa 1 lần');
  });

  it('is resolved with an outcome fitting its kind, answered, then closed by the supervisor', async () => {
    expect(
      (await step(u('handler').session, 'resolve', { date: '2026-03-30', outcome: 'substantiated', decisionNumber: '25/QĐ' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await step(u('handler').session, 'resolve', { date: '2026-03-30', outcome: 'partly_upheld', decisionNumber: '25/QĐ' }))
        .statusCode,
    ).toBe(204);
    const closeEarly = await step(u('supervisor').session, 'close');
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.body).toContain('Phải gửi kết quả');
    expect((await step(u('handler').session, 'answer', { date: '2026-04-01', method: 'letter' })).statusCode).toBe(204);
    expect((await step(u('supervisor').session, 'close')).statusCode).toBe(204);
    const c = await read();
    expect(c.status).toBe('closed');
    expect(c.outcome).toBe('partly_upheld');
    expect(c.clocks.map((k) => k.state)).toEqual(['met', 'met']);
    expect(c.steps.map((s) => s.action)).toEqual(['intake', 'accept', 'verify', 'extend', 'resolve', 'answer', 'close']);
  });

  it('shows the supervisor who read it; not the handler', async () => {
    await flushReadLog(t.db.kysely);
    const log = await call(u('supervisor').session, 'GET', `/api/complaints/${complaintId}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = log.json<{ items: { status: number }[] }>().items;
    expect(items.some((i) => i.status === 404)).toBe(true);
    expect(items.some((i) => i.status === 200)).toBe(true);
    expect((await call(u('handler').session, 'GET', `/api/complaints/${complaintId}/access-log`)).statusCode).toBe(403);
  });
});

describe('an anonymous denunciation', () => {
  let id = 0;
  it('is recorded, never accepted, used as information and closed; it owes nobody an answer', async () => {
    const res = await call(
      u('handler').session,
      'POST',
      '/api/complaints',
      intakeBody({
        kind: 'denunciation',
        channel: 'phone',
        receivedAt: '2026-02-12T10:00:00+07:00',
        anonymous: true,
        complainant: { name: null, address: null, contact: null, idNumber: null },
        handlerId: null,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json<{ id: number }>().id;
    const c = await read(id);
    expect(c.number).toMatch(/^TC-2026-/);
    expect(c.anonymous).toBe(true);
    expect(c.complainant).toEqual({ anonymous: true, name: null, address: null, contact: null, idNumber: null });
    // 7 working days from Thursday 12 February, across Tết: Monday 2 March
    expect(c.clocks[0]?.dueAt).toBe('2026-03-02T23:59:59+07:00');
    expect(c.actions).toEqual(['reject', 'use_as_information']);
    const accept = await step(u('handler').session, 'accept', { date: '2026-02-13', decisionNumber: '1/TB' }, id);
    expect(accept.statusCode).toBe(409);
    expect(accept.json<{ error: { field: string } }>().error.field).toBe('anonymous');
    expect(
      (
        await step(
          u('handler').session,
          'use_as_information',
          { date: '2026-02-13', reason: 'Nội dung cụ thể, chuyển kiểm tra' },
          id,
        )
      ).statusCode,
    ).toBe(204);
    expect((await step(u('supervisor').session, 'close', {}, id)).statusCode).toBe(204);
    expect((await read(id)).status).toBe('closed');
  });

  it('may not carry a name', async () => {
    const res = await call(
      u('handler').session,
      'POST',
      '/api/complaints',
      intakeBody({ kind: 'denunciation', anonymous: true, handlerId: null }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('complainant');
  });
});

describe('the clocks’ settings', () => {
  it('are the law’s defaults until the administrator changes them, audited; only the administrator may', async () => {
    const before = (await call(u('handler').session, 'GET', '/api/complaints/settings')).json<{ items: ComplaintSettingDto[] }>();
    expect(before.items.find((s) => s.kind === 'complaint')).toMatchObject({ acceptanceDays: 10, isDefault: true });
    const rules = {
      acceptanceDays: 5,
      acceptanceUnit: 'calendar',
      resolutionDays: 30,
      resolutionUnit: 'calendar',
      remoteResolutionDays: 45,
      maxExtensions: 1,
      extensionDays: 15,
      source: 'Quyết định thử của UBND tỉnh',
    };
    expect((await call(u('supervisor').session, 'PUT', '/api/complaints/settings/complaint', rules)).statusCode).toBe(403);
    expect((await call(admin, 'PUT', '/api/complaints/settings/complaint', { ...rules, acceptanceDays: 0 })).statusCode).toBe(
      400,
    );
    expect((await call(admin, 'PUT', '/api/complaints/settings/complaint', rules)).statusCode).toBe(204);
    const after = (await call(u('handler').session, 'GET', '/api/complaints/settings')).json<{ items: ComplaintSettingDto[] }>();
    expect(after.items.find((s) => s.kind === 'complaint')).toMatchObject({ acceptanceDays: 5, isDefault: false });
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event WHERE action = 'complaint_settings' AND entity_id = 'complaint'`.execute(
      t.db.kysely,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('alter new complaints’ clocks only: one received before keeps its rules', async () => {
    expect((await read()).rules.acceptanceDays).toBe(10);
    const res = await call(
      u('receiver').session,
      'POST',
      '/api/complaints',
      intakeBody({ receivedAt: '2026-03-02T08:00:00+07:00' }),
    );
    expect(res.statusCode).toBe(201);
    const c = await read(res.json<{ id: number }>().id);
    expect(c.rules.acceptanceDays).toBe(5);
    // 2 March + 5 = Saturday 7 March → Monday 9 March
    expect(c.clocks[0]?.dueAt).toBe('2026-03-09T23:59:59+07:00');
  });
});

describe('near the clock', () => {
  it('finds the open complaints past or near their clock, nobody named', async () => {
    const overdue = await overdueComplaints(t.db.kysely, new Date('2026-03-10T08:00:00+07:00'));
    expect(overdue.map((c) => [c.clock, c.dueAt, c.state])).toEqual([['acceptance', '2026-03-09T23:59:59+07:00', 'overdue']]);
    expect(JSON.stringify(overdue)).not.toContain('Bình');
    const near = await nearDueComplaints(t.db.kysely, new Date('2026-03-08T08:00:00+07:00'));
    expect(near.map((c) => c.state)).toEqual(['near']);
    expect(await overdueComplaints(t.db.kysely, new Date('2026-03-08T08:00:00+07:00'))).toEqual([]);
  });

  it('lists the handler’s complaints nearest clock first', async () => {
    const list = (await call(u('handler').session, 'GET', '/api/complaints')).json<{ items: ComplaintSummaryDto[] }>();
    expect(list.items).toHaveLength(3);
    expect(list.items[0]?.nearest?.kind).toBe('acceptance');
    expect(list.items.slice(1).every((c) => c.nearest === null)).toBe(true);
  });

  it('counts the year by kind, step and clock, nobody named', async () => {
    const res = await call(u('receiver').session, 'GET', '/api/complaints/statistics?year=2026');
    expect(res.statusCode).toBe(200);
    const s = res.json<ComplaintStatisticsDto>();
    expect(s).toMatchObject({
      total: 3,
      byKind: { complaint: 2, denunciation: 1 },
      byStatus: { closed: 2, received: 1 },
      acceptance: { met: 2, late: 0, overdue: 1 },
      resolution: { met: 1, late: 0, overdue: 0 },
    });
    expect(res.body).not.toContain('Bình');
    expect(
      (await call(u('otherCommune').session, 'GET', `/api/complaints/statistics?year=2026&commune=${COMMUNE_A}`)).statusCode,
    ).toBe(403);
  });

  it('finds the child of the register from the intake, the search logged without its text', async () => {
    const res = await call(u('receiver').session, 'GET', '/api/complaints/intake/children?q=Vi%20Thi%20Mai');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toContain(childId);
    await flushReadLog(t.db.kysely);
    const logged = await sql<{ params: unknown }>`
      SELECT params FROM read_log WHERE kind = 'child_list' AND user_id = ${u('receiver').id} ORDER BY id DESC LIMIT 1`.execute(
      t.db.kysely,
    );
    expect(JSON.stringify(logged.rows[0]?.params ?? {})).not.toContain('Mai');
  });
});
