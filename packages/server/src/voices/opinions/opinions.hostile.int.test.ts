import { addDays, emptyParticipantCounts, vietnamDate } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../../audit/read-log.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, signInNewUser, type Session } from '../../test/factories.ts';

/**
 * Opinions attacked as the least-privileged roles that reach them: another commune's officer on an
 * opinion of commune A, a body answering an opinion sent to another body, steps skipped or taken
 * twice, dates out of any sense.
 */
let t: TestApp;
let officerA: Session;
let officerB: Session;
let gdReporter: Session;
let ytReporter: Session;
let viewer: Session;
let eventId = 0;
let opinionId = 0;

const today = vietnamDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

function eventBody(overrides: Record<string, unknown> = {}) {
  const counts = emptyParticipantCounts();
  counts['11_15'] = { male: 2, female: 3 };
  return {
    kind: 'forum',
    topic: 'Diễn đàn trẻ em phường',
    organiser: { name: 'UBND phường Thành Vinh' },
    heldOn: daysAgo(20),
    place: 'Nhà văn hóa',
    communeCode: COMMUNE_A,
    counts,
    consent: null,
    participants: [],
    ...overrides,
  };
}

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  t = await startTestApp();
  const gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  const yt = await firstAgencyId(t.db, 'Sở Y tế');
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  officerB = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  ytReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: yt });
  viewer = await signInNewUser(t, { role: 'viewer' });
  const ev = await post(officerA, '/api/voices/events', eventBody());
  expect(ev.statusCode, ev.body).toBe(201);
  eventId = ev.json<{ id: number }>().id;
  const op = await post(officerA, `/api/voices/events/${String(eventId)}/opinions`, {
    text: 'Đề nghị có thêm đèn đường',
    sentTo: { name: 'Sở GD&ĐT', agencyId: gd },
  });
  expect(op.statusCode, op.body).toBe(201);
  opinionId = op.json<{ id: number }>().id;
}, 60_000);
afterAll(async () => t.close());

describe('an event', () => {
  it('is refused for a province-wide or another commune’s event by a commune officer, and for a viewer', async () => {
    expect((await post(officerA, '/api/voices/events', eventBody({ communeCode: null }))).statusCode).toBe(403);
    expect((await post(officerA, '/api/voices/events', eventBody({ communeCode: COMMUNE_B }))).statusCode).toBe(403);
    expect((await post(viewer, '/api/voices/events', eventBody())).statusCode).toBe(403);
  });

  it('refuses a date before 2000 (year 0001), as it refuses one after today', async () => {
    const old = await post(officerA, '/api/voices/events', eventBody({ heldOn: '0001-01-01' }));
    expect(old.statusCode, old.body).toBe(400);
    expect(old.json<{ error: { field: string } }>().error.field).toBe('heldOn');
    const future = await post(officerA, '/api/voices/events', eventBody({ heldOn: '9999-12-31' }));
    expect(future.statusCode).toBe(400);
    const consent = await post(
      officerA,
      '/api/voices/events',
      eventBody({
        consent: { given: true, by: 'Cha mẹ', on: '0001-01-01' },
        participants: [{ fullName: 'Trẻ em thử', sex: 'male', ageGroup: '11_15' }],
      }),
    );
    expect(consent.statusCode, consent.body).toBe(400);
    expect(consent.json<{ error: { field: string } }>().error.field).toBe('consent.on');
  });

  it('refuses counts that are not whole numbers in range', async () => {
    for (const n of [-1, 1.5, 1e12]) {
      const c = emptyParticipantCounts();
      c.u7 = { male: n, female: 1 };
      expect((await post(officerA, '/api/voices/events', eventBody({ counts: c }))).statusCode).toBe(400);
    }
  });
});

describe('an opinion of commune A', () => {
  it('is not another commune’s officer’s to send, nor a viewer’s', async () => {
    expect((await post(officerB, `/api/voices/opinions/${String(opinionId)}/send`, {})).statusCode).toBe(403);
    expect((await post(viewer, `/api/voices/opinions/${String(opinionId)}/send`, {})).statusCode).toBe(403);
    expect(
      (await post(officerB, `/api/voices/events/${String(eventId)}/opinions`, { text: 'x', sentTo: { name: 'y' } })).statusCode,
    ).toBe(403);
  });

  it('cannot be answered before it is sent, nor fed back before it is answered', async () => {
    const answer = { text: 'Sẽ lắp đèn', by: 'Giám đốc Sở' };
    expect((await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(409);
    expect((await post(officerA, `/api/voices/opinions/${String(opinionId)}/feedback`, {})).statusCode).toBe(409);
  });

  it('is answered by the addressed body only, once', async () => {
    expect((await post(officerA, `/api/voices/opinions/${String(opinionId)}/send`, { sentOn: daysAgo(10) })).statusCode).toBe(
      200,
    );
    const answer = { text: 'Sẽ lắp đèn', by: 'Giám đốc Sở' };
    expect((await post(ytReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(403);
    expect((await post(officerB, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(403);
    expect((await post(officerA, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(403);
    const early = await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, { ...answer, on: daysAgo(11) });
    expect(early.statusCode).toBe(400);
    expect((await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(200);
    expect((await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(409);
    expect((await post(officerB, `/api/voices/opinions/${String(opinionId)}/feedback`, {})).statusCode).toBe(403);
  });
});

describe('the names of the children who took part', () => {
  it('are refused to another commune’s officer and a viewer, each refusal in the read log without a name', async () => {
    const named = await post(
      officerA,
      '/api/voices/events',
      eventBody({
        consent: { given: true, by: 'Cha mẹ các em', on: daysAgo(21) },
        participants: [{ fullName: 'Lương Văn Kín', sex: 'male', ageGroup: '11_15' }],
      }),
    );
    expect(named.statusCode, named.body).toBe(201);
    const id = named.json<{ id: number }>().id;
    for (const s of [officerB, viewer]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/voices/events/${String(id)}/participants`, headers: s.headers });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Kín');
    }
    await flushReadLog(t.db.kysely);
    const rows = await sql<{ status: number; params: unknown }>`
      SELECT status, params FROM read_log WHERE kind = 'voice_participants' AND record_id = ${String(id)}`.execute(t.db.kysely);
    expect(rows.rows.map((r) => r.status)).toEqual([403, 403]);
    expect(JSON.stringify(rows.rows)).not.toContain('Kín');
  });
});
