import type { RoundBoardDto, RoundDto, SubmissionDto } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  firstAgencyId,
  makePlan,
  signIn,
  signInNewUser,
  taskIdsOf,
  type Session,
} from '../test/factories.ts';

/**
 * A round from opening to acceptance through the real HTTP routes: who owes it, the submission's
 * workflow with every refusal in both languages, the figures' lock and its audited reopening, and
 * timeliness on the deadline date in Vietnam.
 */
let t: TestApp;
let po: Session;
let communeA: Session;
let communeB: Session;
let gdReporter: Session;
let planId: string;
let round: RoundDto;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, lang = 'vi') =>
  t.app.inject({
    method,
    url,
    headers: { ...s.headers, 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const sub = (unit: string) => `/api/rounds/${round.id}/submissions/${unit}`;

/** Explains every figure the body has not entered, so that it may send. */
async function explainAll(s: Session, unit: string, narrative = { results: 'Đã tổ chức Tháng hành động vì trẻ em.' }) {
  const form = (await call(s, 'GET', sub(unit))).json<SubmissionDto>();
  const explanations = Object.fromEntries(form.missingFigures.map((c) => [c, 'Chưa phát sinh trong kỳ']));
  return call(s, 'PUT', sub(unit), { narrative, explanations });
}

beforeAll(async () => {
  t = await startTestApp();
  po = await signInNewUser(t, { role: 'provincial_officer' });
  communeA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  communeB = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: await firstAgencyId(t.db, 'Sở GD&ĐT') });
  planId = await makePlan(t.db);
  const res = await call(po, 'POST', '/api/rounds', { planId, period: '2025S1' });
  expect(res.statusCode, res.body).toBe(201);
  round = res.json<RoundDto>();
});
afterAll(async () => t.close());

describe('opening a round', () => {
  it('takes the deadline from the plan’s 6-month regime', () => {
    expect(round.deadline).toBe('2025-06-15');
    expect(round.deadlineSource).toBe('Báo cáo 6 tháng trước ngày 15/6');
  });

  it('keeps where the deadline came from on the board, and forgets it once set by hand', async () => {
    const board = (await call(po, 'GET', `/api/rounds/${round.id}`)).json<RoundBoardDto>();
    expect(board.round.deadlineSource).toBe('Báo cáo 6 tháng trước ngày 15/6');
    const moved = await call(po, 'PATCH', `/api/rounds/${round.id}`, { deadline: '2025-06-16' });
    expect(moved.json<RoundDto>()).toMatchObject({ deadline: '2025-06-16', deadlineSource: null });
    expect((await call(po, 'PATCH', `/api/rounds/${round.id}`, { deadline: '2025-06-15' })).statusCode).toBe(200);
  });

  it('owes it to every agency the plan names (directly or by group) and every commune of the province', async () => {
    const communes = await t.db.kysely.selectFrom('commune').select('code').where('province_code', '=', '40').execute();
    expect(round.bodies.filter((b) => b.unitKind === 'commune')).toHaveLength(communes.length);
    const agencies = round.bodies.filter((b) => b.unitKind === 'agency').map((b) => b.name);
    expect(agencies).toEqual(expect.arrayContaining(['Sở Y tế', 'Sở GD&ĐT', 'Hội LHPN']));
    // "các sở, ban, ngành" (task 2's support) brings every department, not only those named
    expect(agencies).toContain('Sở Tư pháp');
  });

  it('refuses a second round of the plan for the same period, and a period the plan has no date for without one', async () => {
    expect((await call(po, 'POST', '/api/rounds', { planId, period: '2025S1' })).statusCode).toBe(409);
    const noDate = await call(po, 'POST', '/api/rounds', { planId, period: '2025Q3' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json<{ error: { field: string } }>().error.field).toBe('deadline');
  });

  it('is refused to a body’s reporter (403), and leaves no round behind', async () => {
    const before = await t.db.kysely
      .selectFrom('reporting_round')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(
      (await call(communeA, 'POST', '/api/rounds', { planId: null, period: '2025', deadline: '2025-12-01' })).statusCode,
    ).toBe(403);
    const after = await t.db.kysely
      .selectFrom('reporting_round')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('a submission', () => {
  it('is prefilled with the body’s tasks and its data set’s figures', async () => {
    const res = await call(communeA, 'GET', sub(COMMUNE_A));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<SubmissionDto>();
    expect(s.state).toBe('missing');
    const [, , task3] = await taskIdsOf(t.db, planId);
    expect(s.tasks.map((x) => x.taskId)).toEqual([task3]); // "UBND cấp xã": every commune committee
    expect(s.figures.unit.code).toBe(COMMUNE_A);
    expect(s.missingFigures.length).toBe(s.figures.elements.length);
    expect(s.actions).toEqual(['save', 'submit']);
  });

  it('is another body’s to read only for the province: a commune officer gets 403 on the next commune', async () => {
    expect((await call(communeA, 'GET', sub(COMMUNE_B))).statusCode).toBe(403);
    expect((await call(gdReporter, 'GET', sub(COMMUNE_A))).statusCode).toBe(403);
  });

  it('cannot be sent "on time but empty": every required figure is entered or explained', async () => {
    const res = await call(communeA, 'POST', `${sub(COMMUNE_A)}/submit`);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; message: string; field: string } }>();
    expect(body.error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(body.error.message).toMatch(/^Chưa thể gửi: \d+ số liệu bắt buộc/);
    expect(body.error.field).toMatch(/^explanations\./);
    expect((await t.db.kysely.selectFrom('submission_version').selectAll().execute()).length).toBe(0);
  });

  it('goes draft → submitted → returned → resubmitted → accepted, the reviewer seeing what changed', async () => {
    const put = await call(communeA, 'PUT', '/api/data-values', {
      unit: COMMUNE_A,
      period: '2025S1',
      values: [{ element: 'LIVE_BIRTHS', value: 120 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await explainAll(communeA, COMMUNE_A)).json<SubmissionDto>().state).toBe('draft');
    const sent = await call(communeA, 'POST', `${sub(COMMUNE_A)}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<SubmissionDto>()).toMatchObject({ state: 'submitted', version: 1, actions: [] });

    // the body cannot accept its own report
    expect((await call(communeA, 'POST', `${sub(COMMUNE_A)}/accept`)).statusCode).toBe(403);

    const returned = await call(po, 'POST', `${sub(COMMUNE_A)}/return`, {
      comments: [{ target: 'figure:LIVE_BIRTHS', text: 'Số trẻ sinh ra sống thấp bất thường, đề nghị kiểm tra lại' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<SubmissionDto>().state).toBe('returned');
    expect(returned.json<SubmissionDto>().comments[0]).toMatchObject({ target: 'figure:LIVE_BIRTHS', action: 'return' });

    await call(communeA, 'PUT', '/api/data-values', {
      unit: COMMUNE_A,
      period: '2025S1',
      values: [{ element: 'LIVE_BIRTHS', value: 132 }],
    });
    const again = await call(communeA, 'POST', `${sub(COMMUNE_A)}/submit`);
    expect(again.json<SubmissionDto>()).toMatchObject({ state: 'resubmitted', version: 2 });

    const seen = (await call(po, 'GET', sub(COMMUNE_A))).json<SubmissionDto>();
    expect(seen.changes).toEqual([
      { target: 'figure:LIVE_BIRTHS', label: expect.any(String) as string, before: '120', after: '132' },
    ]);
    expect(seen.actions).toEqual(['return', 'accept']);

    // each step told in the app: the standing body of the sending, the commune of the return
    const notices = await t.db.kysely.selectFrom('notification').select(['kind', 'title_vi', 'link']).orderBy('id').execute();
    expect(notices.map((n) => n.kind)).toEqual(['submission_submitted', 'submission_returned', 'submission_submitted']);
    expect(notices[1]?.title_vi).toMatch(/^Báo cáo bị trả lại \(1 ý kiến\)/);
    expect(notices[1]?.link).toBe(`/reporting/rounds/${round.id}/submissions/${COMMUNE_A}`);

    const accepted = await call(po, 'POST', `${sub(COMMUNE_A)}/accept`);
    expect(accepted.json<SubmissionDto>()).toMatchObject({ state: 'accepted', locked: true, actions: ['reopen'] });
  });

  it('refuses an illegal step with the state named, in Vietnamese or English', async () => {
    const vi = await call(communeA, 'POST', `${sub(COMMUNE_A)}/submit`);
    expect(vi.statusCode).toBe(409);
    expect(vi.json<{ error: { message: string } }>().error.message).toBe(
      'Không thể gửi một báo cáo đang ở trạng thái "Đã chấp nhận"',
    );
    const en = await call(po, 'POST', `${sub(COMMUNE_A)}/return`, { comments: [{ target: 'whole', text: 'x' }] }, 'en');
    expect(en.json<{ error: { message: string } }>().error.message).toBe('A report that is "Accepted" cannot be returned');
    expect((await call(po, 'POST', `${sub(COMMUNE_B)}/accept`)).statusCode).toBe(409); // nothing sent yet
  });

  it('locks the accepted figures: the entry form refuses them and says why', async () => {
    const res = await call(communeA, 'PUT', '/api/data-values', {
      unit: COMMUNE_A,
      period: '2025S1',
      values: [{ element: 'LIVE_BIRTHS', value: 1 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'FIGURES_LOCKED',
      message: expect.stringContaining('đã được chấp nhận trong đợt báo cáo') as string,
    });
    // another period of the same commune is not locked
    const other = await call(communeA, 'PUT', '/api/data-values', {
      unit: COMMUNE_A,
      period: '2025S2',
      values: [{ element: 'LIVE_BIRTHS', value: 1 }],
    });
    expect(other.statusCode).toBe(200);
  });

  it('refuses a locked figure in a dataValueSets import, row by row', async () => {
    const res = await call(po, 'POST', '/api/data-values/import', {
      dataValues: [
        { dataElement: 'LIVE_BIRTHS', orgUnit: COMMUNE_A, period: '2025S1', value: '5' },
        { dataElement: 'LIVE_BIRTHS', orgUnit: COMMUNE_B, period: '2025S1', value: '5' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ imported: number; rejected: number; rejectedRows: { row: number; reason: { vi: string } }[] }>();
    expect(report).toMatchObject({ imported: 1, rejected: 1 });
    expect(report.rejectedRows[0]?.row).toBe(1);
    expect(report.rejectedRows[0]?.reason.vi).toContain('đã khóa');
  });

  it('is reopened by the standing body only with a reason, audited, unlocking the figures', async () => {
    expect((await call(po, 'POST', `${sub(COMMUNE_A)}/reopen`, { reason: '' })).statusCode).toBe(400);
    expect((await call(communeA, 'POST', `${sub(COMMUNE_A)}/reopen`, { reason: 'Tôi muốn sửa' })).statusCode).toBe(403);
    const res = await call(po, 'POST', `${sub(COMMUNE_A)}/reopen`, { reason: 'Sở Thống kê điều chỉnh số sinh' });
    expect(res.json<SubmissionDto>().state).toBe('returned');
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['after'])
      .where('entity', '=', 'submission')
      .where('action', '=', 'reopen')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ reason: 'Sở Thống kê điều chỉnh số sinh', figuresLocked: false });
    const put = await call(communeA, 'PUT', '/api/data-values', {
      unit: COMMUNE_A,
      period: '2025S1',
      values: [{ element: 'LIVE_BIRTHS', value: 133 }],
    });
    expect(put.statusCode).toBe(200);
  });
});

describe('the board', () => {
  it('judges timeliness on the deadline date in Vietnam: 23:59 is on time, 00:01 the next day is one day late', async () => {
    await explainAll(communeB, COMMUNE_B);
    expect((await call(communeB, 'POST', `${sub(COMMUNE_B)}/submit`)).statusCode).toBe(200);
    await t.db.kysely
      .updateTable('submission')
      .set({ first_submitted_at: new Date('2025-06-15T16:59:00Z') })
      .where('unit_code', '=', COMMUNE_A)
      .execute();
    await t.db.kysely
      .updateTable('submission')
      .set({ first_submitted_at: new Date('2025-06-15T17:01:00Z') })
      .where('unit_code', '=', COMMUNE_B)
      .execute();
    const board = (await call(po, 'GET', `/api/rounds/${round.id}`)).json<RoundBoardDto>();
    const row = (unit: string) => board.rows.find((r) => r.unitCode === unit);
    expect(row(COMMUNE_A)).toMatchObject({ state: 'returned', submittedOn: '2025-06-15', onTime: true, daysLate: 0 });
    expect(row(COMMUNE_B)).toMatchObject({ state: 'submitted', submittedOn: '2025-06-16', onTime: false, daysLate: 1 });
    expect(board.counts).toMatchObject({
      owed: round.bodies.length,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: round.bodies.length - 2,
      accepted: 0,
      returned: 1,
    });
    expect(board.counts.completeness).toBeCloseTo(2 / round.bodies.length);
    expect(row(COMMUNE_A)?.figures).toMatchObject({ present: 1, explained: (row(COMMUNE_A)?.figures.required ?? 0) - 1 });
  });

  it('is read by a viewer, refused to a body (403)', async () => {
    const viewer = await signInNewUser(t, { role: 'viewer' });
    expect((await call(viewer, 'GET', `/api/rounds/${round.id}`)).statusCode).toBe(200);
    expect((await call(communeA, 'GET', `/api/rounds/${round.id}`)).statusCode).toBe(403);
    const mine = (await call(communeA, 'GET', '/api/rounds/mine')).json<{ items: { id: string; counts: { owed: number } }[] }>();
    expect(mine.items).toEqual([
      expect.objectContaining({ id: round.id, ownState: 'returned', counts: expect.objectContaining({ owed: 1 }) as object }),
    ]);
  });

  it('marks a report first sent after the round was closed, and still takes it', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    expect((await call(admin, 'PATCH', `/api/rounds/${round.id}`, { closed: true })).json<RoundDto>().closedAt).not.toBeNull();
    await explainAll(gdReporter, round.bodies.find((b) => b.name === 'Sở GD&ĐT')?.unitCode ?? '');
    const gd = round.bodies.find((b) => b.name === 'Sở GD&ĐT')?.unitCode ?? '';
    const res = await call(gdReporter, 'POST', `${sub(gd)}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SubmissionDto>().submittedAfterClose).toBe(true);
  });
});

describe('locks held by more than one round', () => {
  it('keep the figures and the task progress locked while any round holds them accepted', async () => {
    expect((await call(po, 'POST', `${sub(COMMUNE_B)}/accept`)).statusCode).toBe(200);
    const [, , task3] = await taskIdsOf(t.db, planId);
    const progress = await call(communeB, 'PUT', `/api/plans/tasks/${task3 ?? ''}/progress`, {
      period: '2025S1',
      status: 'done',
      note: 'Sửa sau khi đã chấp nhận',
      evidenceFileId: null,
    });
    expect(progress.statusCode).toBe(409);
    expect(progress.json<{ error: { code: string } }>().error.code).toBe('FIGURES_LOCKED');

    const adHoc = (
      await call(po, 'POST', '/api/rounds', { planId: null, period: '2025S1', deadline: '2025-07-01', title: 'Đột xuất 6 tháng' })
    ).json<RoundDto>();
    const inAdHoc = `/api/rounds/${adHoc.id}/submissions/${COMMUNE_B}`;
    const form = (await call(communeB, 'GET', inAdHoc)).json<SubmissionDto>();
    const explanations = Object.fromEntries(form.missingFigures.map((c) => [c, 'Không phát sinh']));
    expect((await call(communeB, 'PUT', inAdHoc, { narrative: {}, explanations })).statusCode).toBe(200);
    expect((await call(communeB, 'POST', `${inAdHoc}/submit`)).statusCode).toBe(200);
    expect((await call(po, 'POST', `${inAdHoc}/accept`)).statusCode).toBe(200);
    expect((await call(po, 'POST', `${inAdHoc}/reopen`, { reason: 'Đợt đột xuất cần bổ sung' })).statusCode).toBe(200);

    // reopening the ad hoc round leaves the plan round's acceptance, and its lock, in place
    const put = await call(communeB, 'PUT', '/api/data-values', {
      unit: COMMUNE_B,
      period: '2025S1',
      values: [{ element: 'LIVE_BIRTHS', value: 5 }],
    });
    expect(put.statusCode).toBe(409);
    expect(put.json<{ error: { message: string } }>().error.message).toContain(round.title);
  });
});

describe('what a body learns from a refusal', () => {
  it('is the same 403 for a body that owes the round and one that does not', async () => {
    expect((await call(communeA, 'GET', sub(COMMUNE_B))).statusCode).toBe(403);
    expect((await call(communeA, 'GET', sub('00004'))).statusCode).toBe(403); // a commune of Hà Nội
  });

  it('refuses a title of two lines (it goes into e-mail subjects and the report)', async () => {
    const res = await call(po, 'PATCH', `/api/rounds/${round.id}`, { title: 'Đợt 1\r\nBcc: x@y.vn' });
    expect(res.statusCode).toBe(400);
  });
});
