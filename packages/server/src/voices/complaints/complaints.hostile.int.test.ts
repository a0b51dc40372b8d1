import type { ComplaintDto } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../../audit/read-log.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { makeChild } from '../../test/children.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, makeUser, signIn, type Session } from '../../test/factories.ts';

/**
 * Complaints attacked as the least-privileged roles that reach them: ids of another commune in the
 * intake body (a child, a handler, a supervisor), writes by roles without them, and who complained
 * never echoed in an error or a read-log row.
 */
let t: TestApp;
const users: Record<string, { id: string; session: Session }> = {};
let childA = 0;
let childB = 0;

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
  await user('officerA', 'commune_officer', { communeCode: COMMUNE_A });
  await user('supervisorA', 'commune_officer', { communeCode: COMMUNE_A });
  await user('officerB', 'commune_officer', { communeCode: COMMUNE_B });
  await user('workerA', 'case_worker', { communeCode: COMMUNE_A });
  await user('viewer', 'viewer');
  const agency = await firstAgencyId(t.db, 'Sở GD&ĐT');
  const reporter = await makeUser(t.db, { role: 'agency_reporter', agencyId: agency });
  users.reporter = { id: reporter.id, session: await signIn(t.app, reporter.username) };
  childA = await makeChild(t.db, { full_name: 'Lò Văn Tú', commune_code: COMMUNE_A });
  childB = await makeChild(t.db, { full_name: 'Hoàng Thị Nhàn', commune_code: COMMUNE_B });
}, 60_000);
afterAll(async () => t.close());

const NAME = 'Bà Nguyễn Thị Bí Mật';

const intakeBody = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  channel: 'letter',
  receivedAt: '2026-02-06T09:00:00+07:00',
  content: 'Cháu bị từ chối nhập học.',
  anonymous: false,
  complainant: { name: NAME, address: 'Xóm 2', contact: null, idNumber: null },
  childId: childA,
  body: { kind: 'commune', id: COMMUNE_A },
  remoteArea: false,
  handlerId: u('officerA').id,
  supervisorId: u('supervisorA').id,
  ...over,
});

const post = (s: Session, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/complaints', headers: s.headers, payload: payload as object });

describe('the intake, given ids of another commune', () => {
  it('refuses a child of another commune from a commune officer (its name would come back on the complaint)', async () => {
    const res = await post(u('officerA').session, intakeBody({ childId: childB }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('childId');
    expect(res.body).not.toContain('Hoàng Thị Nhàn');
    // its own commune's child is fine
    const ok = await post(u('officerA').session, intakeBody());
    expect(ok.statusCode, ok.body).toBe(201);
    const c = await t.app.inject({
      method: 'GET',
      url: `/api/complaints/${String(ok.json<{ id: number }>().id)}`,
      headers: u('officerA').session.headers,
    });
    expect(c.json<ComplaintDto>().childName).toBe('Lò Văn Tú');
  });

  it('refuses a handler or a supervisor of another commune', async () => {
    const h = await post(u('officerA').session, intakeBody({ handlerId: u('officerB').id }));
    expect(h.statusCode).toBe(400);
    expect(h.json<{ error: { field: string } }>().error.field).toBe('handlerId');
    const s = await post(u('officerA').session, intakeBody({ supervisorId: u('officerB').id }));
    expect(s.statusCode).toBe(400);
    expect(s.json<{ error: { field: string } }>().error.field).toBe('supervisorId');
    expect(h.body + s.body).not.toContain(NAME);
  });

  it('refuses a complaint for another commune, and any intake by a case worker or a viewer', async () => {
    expect((await post(u('officerA').session, intakeBody({ body: { kind: 'commune', id: COMMUNE_B } }))).statusCode).toBe(403);
    expect((await post(u('workerA').session, intakeBody())).statusCode).toBe(403);
    expect((await post(u('viewer').session, intakeBody())).statusCode).toBe(403);
  });
});

describe('who complained', () => {
  it('is never in the read log of a refused read', async () => {
    const made = await post(u('officerA').session, intakeBody());
    const id = made.json<{ id: number }>().id;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/complaints/${String(id)}/complainant`,
      headers: u('officerB').session.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(NAME);
    await flushReadLog(t.db.kysely);
    const rows = await sql<{ params: unknown; status: number }>`
      SELECT params, status FROM read_log WHERE kind = 'complaint' AND record_id = ${String(id)} AND user_id = ${u('officerB').id}`.execute(
      t.db.kysely,
    );
    expect(rows.rows.map((r) => r.status)).toEqual([404]);
    expect(JSON.stringify(rows.rows)).not.toContain(NAME);
  });
});

describe('the intake’s child finder', () => {
  it('finds by a name or an ID, never lists a commune’s children for a text with no letter or digit', async () => {
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/complaints/intake/children?q=${encodeURIComponent('Hoàng Nhàn')}&commune=${COMMUNE_B}`,
      headers: u('reporter').session.headers,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toEqual([childB]);
    for (const q of ['.', '--', '%%']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/complaints/intake/children?q=${encodeURIComponent(q)}&commune=${COMMUNE_B}`,
        headers: u('reporter').session.headers,
      });
      expect(res.statusCode, q).toBe(400);
      expect(res.body).not.toContain('Hoàng Thị Nhàn');
    }
  });
});

describe('the steps’ dates', () => {
  it('refuse a resolution dated before the acceptance, and an answer dated before the resolution', async () => {
    const id = (await post(u('officerA').session, intakeBody())).json<{ id: number }>().id;
    const step = async (body: Record<string, unknown>) => {
      const c = await t.app.inject({
        method: 'GET',
        url: `/api/complaints/${String(id)}`,
        headers: u('officerA').session.headers,
      });
      return t.app.inject({
        method: 'POST',
        url: `/api/complaints/${String(id)}/steps`,
        headers: u('officerA').session.headers,
        payload: { ...body, version: c.json<ComplaintDto>().version },
      });
    };
    expect((await step({ action: 'accept', date: '2026-03-02', decisionNumber: '12/TB-UBND' })).statusCode).toBe(204);
    const early = await step({ action: 'resolve', date: '2026-02-20', outcome: 'upheld', decisionNumber: '15/QĐ' });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json<{ error: { field: string } }>().error.field).toBe('date');
    expect((await step({ action: 'resolve', date: '2026-03-20', outcome: 'upheld', decisionNumber: '15/QĐ' })).statusCode).toBe(
      204,
    );
    const answer = await step({ action: 'answer', date: '2026-03-10', method: 'letter' });
    expect(answer.statusCode, answer.body).toBe(400);
    expect((await step({ action: 'answer', date: '2026-03-21', method: 'letter' })).statusCode).toBe(204);
  });
});
