import { addDays, emptyParticipantCounts, vietnamDate, type EventDto, type OverdueListDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD, TEST_PROVINCE } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, makeUser, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { findValues } from '../../indicators/repository.ts';
import { flushReadLog } from '../../audit/read-log.ts';
import { notifyOverdue } from './service.ts';

/** The opinions' workflow through the real HTTP routes: event, names and consent, raise, send, answer, feed back, overdue, figures. */

let t: TestApp;
let admin: Session;
let officerA: Session;
let gdReporter: Session;
let ytReporter: Session;
let viewer: Session;
let gd: string;
let yt: string;
let standingUser: string;

const today = vietnamDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

function counts(cells: Partial<Record<keyof ReturnType<typeof emptyParticipantCounts>, [number, number]>>) {
  const c = emptyParticipantCounts();
  for (const [age, [m, f]] of Object.entries(cells) as [keyof typeof c, [number, number]][]) c[age] = { male: m, female: f };
  return c;
}

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'consultation',
    topic: 'Lấy ý kiến trẻ em về sân chơi của phường',
    organiser: { name: 'UBND phường Thành Vinh' },
    heldOn: daysAgo(60),
    place: 'Nhà văn hóa khối 3',
    communeCode: COMMUNE_A,
    counts: counts({ u7: [1, 1], '7_10': [3, 4], '11_15': [5, 6], '16_17': [2, 2] }),
    consent: null,
    participants: [],
    ...overrides,
  };
}

async function post(s: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });
}
async function get(s: Session, url: string) {
  return t.app.inject({ method: 'GET', url, headers: s.headers });
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  yt = await firstAgencyId(t.db, 'Sở Y tế');
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  viewer = await signInNewUser(t, { role: 'viewer' });
  const standing = await makeUser(t.db, { role: 'agency_reporter', agencyId: yt });
  standingUser = standing.id;
  ytReporter = await signIn(t.app, standing.username);
  const set = await t.app.inject({
    method: 'PUT',
    url: '/api/settings/standing-body',
    headers: admin.headers,
    payload: { agencyId: yt },
  });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('an event', () => {
  it('is recorded with its counts by age group and sex, the organiser resolved like a plan body', async () => {
    const res = await post(officerA, '/api/voices/events', eventBody());
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: number }>();
    const ev = (await get(officerA, `/api/voices/events/${String(id)}`)).json<EventDto>();
    expect(ev.participants).toBe(24);
    expect(ev.counts['11_15']).toEqual({ male: 5, female: 6 });
    expect(ev.organiser).toEqual({ kind: 'commune', id: COMMUNE_A, name: 'Phường Thành Vinh' });
    expect(ev.named).toBe(0);
    const byAgency = await post(officerA, '/api/voices/events', eventBody({ organiser: { name: 'Sở Giáo dục và Đào tạo' } }));
    const ev2 = (await get(officerA, `/api/voices/events/${String(byAgency.json<{ id: number }>().id)}`)).json<EventDto>();
    expect(ev2.organiser).toEqual({ kind: 'agency', id: gd, name: 'Sở GD&ĐT' });
  });

  it('refuses names without a recorded consent, and keeps no row of the refused event', async () => {
    const before = await t.db.kysely
      .selectFrom('voice_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(
      officerA,
      '/api/voices/events',
      eventBody({ participants: [{ fullName: 'Nguyễn Văn An', sex: 'male', ageGroup: '11_15' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('participants');
    expect(res.body).not.toContain('Nguyễn Văn An');
    const after = await t.db.kysely
      .selectFrom('voice_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps names with consent: read only with the permission, and the read is logged; the audit keeps no name', async () => {
    const res = await post(
      officerA,
      '/api/voices/events',
      eventBody({
        kind: 'council_meeting',
        consent: { given: true, by: 'Cha mẹ các em (phiếu đồng ý)', on: daysAgo(61) },
        participants: [{ fullName: 'Trần Thị Bình', sex: 'female', ageGroup: '11_15' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = String(res.json<{ id: number }>().id);
    const names = await get(officerA, `/api/voices/events/${id}/participants`);
    expect(names.statusCode).toBe(200);
    expect(names.json<{ items: { fullName: string }[] }>().items.map((p) => p.fullName)).toEqual(['Trần Thị Bình']);
    const refused = await get(viewer, `/api/voices/events/${id}/participants`);
    expect(refused.statusCode).toBe(403);
    await flushReadLog(t.db.kysely);
    const logged = await t.db.kysely
      .selectFrom('read_log')
      .select(['kind', 'status'])
      .where('kind', '=', 'voice_participants')
      .where('record_id', '=', id)
      .execute();
    expect(logged.map((l) => l.status).sort()).toEqual([200, 403]);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('after')
      .where('entity', '=', 'voice_event')
      .where('entity_id', '=', id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('Trần Thị Bình');
  });

  it('is another commune’s officer’s to record only for their own commune', async () => {
    const res = await post(officerA, '/api/voices/events', eventBody({ communeCode: COMMUNE_B }));
    expect(res.statusCode).toBe(403);
  });
});

describe('an opinion', () => {
  let eventId: number;
  let opinionId: number;

  it('is raised, cannot be sent while its body is unresolved, then is sent to the resolved body', async () => {
    eventId = (await post(officerA, '/api/voices/events', eventBody())).json<{ id: number }>().id;
    const raised = await post(officerA, `/api/voices/events/${String(eventId)}/opinions`, {
      text: 'Đề nghị làm thêm sân chơi an toàn gần trường',
      sentTo: { name: 'Phòng Giáo dục huyện cũ' },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    opinionId = raised.json<{ id: number }>().id;
    const early = await post(officerA, `/api/voices/opinions/${String(opinionId)}/send`, { sentOn: daysAgo(40) });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { field: string } }>().error.field).toBe('sentTo');
    const sent = await post(officerA, `/api/voices/opinions/${String(opinionId)}/send`, {
      sentOn: daysAgo(40),
      sentTo: { name: 'Sở GD&ĐT tỉnh Nghệ An' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const ev = (await get(officerA, `/api/voices/events/${String(eventId)}`)).json<EventDto>();
    const o = ev.opinionList[0];
    expect(o?.state).toBe('sent');
    expect(o?.sentTo).toEqual({ kind: 'agency', id: gd, name: 'Sở GD&ĐT' });
    expect(o?.dueOn).toBe(addDays(daysAgo(40), 30));
    expect(o?.daysOverdue).toBe(10);
  });

  it('is in the addressed body’s inbox and its reporting unit’s list, not another body’s', async () => {
    const mine = (await get(gdReporter, '/api/voices/inbox')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(mine).toContain(opinionId);
    const theirs = (await get(ytReporter, '/api/voices/inbox')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(theirs).not.toContain(opinionId);
    const forRound = await get(gdReporter, `/api/voices/unanswered/${gd}`);
    expect(
      forRound.json<{ items: { id: number; daysOverdue: number }[] }>().items.find((i) => i.id === opinionId)?.daysOverdue,
    ).toBe(10);
    expect((await get(gdReporter, `/api/voices/unanswered/${yt}`)).statusCode).toBe(403);
    expect((await get(admin, `/api/voices/unanswered/${gd}`)).statusCode).toBe(200);
  });

  it('is overdue after the set time and flagged to the standing body once', async () => {
    const overdue = (await get(admin, '/api/voices/overdue')).json<OverdueListDto>();
    const mine = overdue.opinions.find((o) => o.id === opinionId);
    expect(mine).toMatchObject({ sentTo: { kind: 'agency', id: gd, name: 'Sở GD&ĐT' }, sentOn: daysAgo(40), daysOverdue: 10 });
    expect(mine?.event.id).toBe(eventId);
    const first = await notifyOverdue(t.db.kysely, TEST_PROVINCE, new Date());
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const again = await notifyOverdue(t.db.kysely, TEST_PROVINCE, new Date());
    expect(again.notified).toBe(0);
    const notes = await t.db.kysely
      .selectFrom('notification')
      .select(['title_vi', 'link'])
      .where('user_id', '=', standingUser)
      .where('kind', '=', 'voice_opinion_overdue')
      .execute();
    expect(notes.filter((n) => n.title_vi.includes('Sở GD&ĐT') && n.link === '/voices/overdue')).toHaveLength(1);
    expect((await get(ytReporter, '/api/voices/overdue')).json<OverdueListDto>().opinions.map((o) => o.id)).toContain(opinionId);
    expect(notes[0]?.title_vi).toContain('Sở GD&ĐT');
  });

  it('with a longer answer time set by the administrator, is no longer overdue', async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/voices/settings',
      headers: admin.headers,
      payload: { answerDays: 60 },
    });
    expect(set.json<{ answerDays: number }>().answerDays).toBe(60);
    const overdue = (await get(admin, '/api/voices/overdue')).json<OverdueListDto>();
    expect(overdue.opinions.map((o) => o.id)).not.toContain(opinionId);
    await t.app.inject({ method: 'PUT', url: '/api/voices/settings', headers: admin.headers, payload: { answerDays: 30 } });
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/voices/settings',
      headers: officerA.headers,
      payload: { answerDays: 5 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('is answered by the addressed body’s user only, then fed back to the children', async () => {
    const answer = {
      text: 'Sở sẽ phối hợp UBND phường bố trí sân chơi trong năm học tới',
      by: 'Phó Giám đốc Sở',
      on: daysAgo(2),
    };
    expect((await post(ytReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(403);
    expect((await post(officerA, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(403);
    expect((await post(officerA, `/api/voices/opinions/${String(opinionId)}/feedback`, { on: daysAgo(1) })).statusCode).toBe(409);
    const ok = await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await post(gdReporter, `/api/voices/opinions/${String(opinionId)}/answer`, answer)).statusCode).toBe(409);
    const overdue = (await get(admin, '/api/voices/overdue')).json<OverdueListDto>();
    expect(overdue.opinions.map((o) => o.id)).not.toContain(opinionId);
    const fed = await post(officerA, `/api/voices/opinions/${String(opinionId)}/feedback`, { on: daysAgo(1) });
    expect(fed.statusCode, fed.body).toBe(200);
    const o = (await get(officerA, `/api/voices/events/${String(eventId)}`)).json<EventDto>().opinionList[0];
    expect(o).toMatchObject({ state: 'fed_back', fedBackOn: daysAgo(1), answer: answer, daysOverdue: 0 });
  });
});

describe('indicators 22–24', () => {
  it('are published as the communes’ data values by sex, and read back; a second event raises them', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const period = String(year);
    const held = `${period}-06-01`;
    await post(
      officerA,
      '/api/voices/events',
      eventBody({ heldOn: held, counts: counts({ u7: [1, 0], '7_10': [2, 3], '11_15': [4, 5], '16_17': [9, 9] }) }),
    );
    await post(
      officerA,
      '/api/voices/events',
      eventBody({ kind: 'forum', heldOn: held, counts: counts({ u7: [0, 1], '7_10': [1, 1], '11_15': [10, 20] }) }),
    );
    const stats = await get(viewer, `/api/voices/statistics?period=${period}`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json<{ events: number }>().events).toBe(2);
    expect((await post(viewer, '/api/voices/statistics/publish', { period })).statusCode).toBe(403);
    const pub = await post(admin, '/api/voices/statistics/publish', { period });
    expect(pub.statusCode, pub.body).toBe(200);
    const read = async () =>
      Object.fromEntries(
        (await findValues(t.db.kysely, TEST_PROVINCE, [COMMUNE_A], [period])).map((v) => [
          `${v.element}|${v.disaggregation}`,
          v.value,
        ]),
      );
    expect(await read()).toMatchObject({
      'CHILDREN_7_15_CONSULTED|sex=male': 6,
      'CHILDREN_7_15_CONSULTED|sex=female': 8,
      'CHILDREN_11_15_IN_PARTICIPATION_MODELS|sex=male': 10,
      'CHILDREN_11_15_IN_PARTICIPATION_MODELS|sex=female': 20,
      'CHILDREN_PARTICIPATION_CAPACITY|sex=male': 11,
      'CHILDREN_PARTICIPATION_CAPACITY|sex=female': 22,
    });
    // the half year reaches the same events
    const half = await get(admin, `/api/voices/statistics?period=${period}S1&commune=${COMMUNE_A}`);
    expect(half.json<{ events: number }>().events).toBe(2);
    await post(officerA, '/api/voices/events', eventBody({ heldOn: held, counts: counts({ '7_10': [1, 0] }) }));
    const again = await post(admin, '/api/voices/statistics/publish', { period });
    expect(again.json<{ cellsWritten: number }>().cellsWritten).toBe(1);
    expect((await read())['CHILDREN_7_15_CONSULTED|sex=male']).toBe(7);
  });
});
