import type { OfficeCalendarDay, OfficeCalendarYearReply } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, auditCount, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { deleteYear } from './repository.ts';
import { calendarRoutes } from './routes.ts';
import { seedOfficeCalendar } from './service.ts';

/**
 * The public offices' calendar through the real HTTP stack: the shipped years stored on first start,
 * the administrator replacing a year (audited in its transaction), everyone else refused with the
 * table unchanged, and the deadlines route counting on what is stored.
 */
let t: TestApp;
let admin: Session;
let officer: Session;

/** A made-up 2027 for the tests (not the real notice, which is not out): a swap in March to see it counted. */
const day = (date: string, kind: OfficeCalendarDay['kind'], nameVi: string, nameEn: string): OfficeCalendarDay => ({
  date,
  kind,
  nameVi,
  nameEn,
  source: 'Thông báo giả định cho kiểm thử / assumed notice for the test',
});
const YEAR_2027: OfficeCalendarDay[] = [
  day('2027-09-02', 'holiday', 'Quốc khánh', 'National Day'),
  day('2027-01-01', 'holiday', 'Tết Dương lịch', 'New Year’s Day'),
  day('2027-03-15', 'swapped_off', 'Nghỉ hoán đổi', 'Day off by swap'),
  day('2027-03-20', 'working_weekend', 'Làm bù', 'Weekend day worked'),
  day('2027-04-30', 'holiday', 'Ngày Chiến thắng', 'Reunification Day'),
  day('2027-05-01', 'holiday', 'Quốc tế Lao động', 'Workers’ Day'),
  day('2027-05-03', 'compensating', 'Nghỉ bù 01/5', 'Compensating day off'),
  day('2027-09-03', 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
];

const calendarRows = () => t.db.kysely.selectFrom('office_calendar_day').selectAll().orderBy('day').execute();
const getYear = (s: Session | null, year: number | string) =>
  t.app.inject({ method: 'GET', url: `/api/cases/calendar/${year}`, headers: s?.headers ?? {} });
const putYear = (s: Session | null, year: number, days: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/cases/calendar/${year}`, headers: s?.headers ?? {}, payload: { days } });
const deadlines = (s: Session | null, received: string) =>
  t.app.inject({ method: 'GET', url: `/api/cases/deadlines?received=${received}`, headers: s?.headers ?? {} });

beforeAll(async () => {
  t = await startTestApp();
  // app.ts does not register the calendar yet (its owner adds it); once it does, the app's own routes are used
  if (!t.app.hasRoute({ method: 'GET', url: '/api/cases/calendar/:year' })) await t.app.register(calendarRoutes(t.db.kysely));
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
});
afterAll(async () => {
  await t.close();
});

describe('the calendar of a year', () => {
  it('holds the shipped 2025 and 2026 from the first start, for any signed-in user', async () => {
    const res = await getYear(officer, 2025);
    expect(res.statusCode, res.body).toBe(200);
    const year = res.json<OfficeCalendarYearReply>();
    expect(year.covered).toBe(true);
    expect(year.days.find((d) => d.date === '2025-04-26')).toMatchObject({ kind: 'working_weekend' });
    expect(year.days.filter((d) => d.nameVi === 'Tết Nguyên đán Ất Tỵ')).toHaveLength(5);
    expect((await getYear(officer, 2026)).json<OfficeCalendarYearReply>().days).toHaveLength(16);
  });

  it('says a year it does not hold is not covered, and refuses a year out of range or a caller not signed in', async () => {
    expect((await getYear(officer, 2027)).json()).toEqual({ year: 2027, covered: false, days: [] });
    expect((await getYear(officer, 1999)).statusCode).toBe(400);
    expect((await getYear(officer, 'hai-nghin')).statusCode).toBe(400);
    expect((await getYear(null, 2025)).statusCode).toBe(401);
  });

  it('seeds a shipped year only while it has no row, on every start', async () => {
    expect(await seedOfficeCalendar(t.db.kysely)).toEqual([]);
    const before = await calendarRows();
    await deleteYear(t.db.kysely, 2026);
    expect(await seedOfficeCalendar(t.db.kysely)).toEqual([2026]);
    const strip = (rows: typeof before) => rows.map(({ updated_at: _u, ...r }) => r);
    expect(strip(await calendarRows())).toEqual(strip(before));
  });
});

describe('replacing a year', () => {
  it('refuses a commune officer with 403 and changes nothing', async () => {
    const rows = await calendarRows();
    const audits = await auditCount(t.db);
    const res = await putYear(officer, 2027, YEAR_2027);
    expect(res.statusCode).toBe(403);
    expect(await calendarRows()).toEqual(rows);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it('lets the administrator replace 2027 whole, in date order, audited with who did it', async () => {
    const res = await putYear(admin, 2027, YEAR_2027);
    expect(res.statusCode, res.body).toBe(200);
    const reply = res.json<OfficeCalendarYearReply>();
    expect(reply.covered).toBe(true);
    expect(reply.days.map((d) => d.date)).toEqual([...YEAR_2027.map((d) => d.date)].sort());
    expect((await getYear(officer, 2027)).json()).toEqual(reply);

    const adminId = (
      await t.db.kysely.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    const stored = (await calendarRows()).filter((r) => r.day.startsWith('2027-'));
    expect(stored.every((r) => r.updated_by === adminId)).toBe(true);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('entity', '=', 'office_calendar')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'replace', entity_id: '2027', actor_id: adminId });
    expect(audit.before).toEqual([]);
    expect(audit.after).toHaveLength(YEAR_2027.length);
  });

  it('replaces the earlier entries of the year, keeping them in the audit', async () => {
    const fewer = YEAR_2027.filter((d) => d.date !== '2027-03-15' && d.date !== '2027-03-20');
    expect((await putYear(admin, 2027, fewer)).statusCode).toBe(200);
    const stored = (await calendarRows()).filter((r) => r.day.startsWith('2027-'));
    expect(stored.map((r) => r.day)).not.toContain('2027-03-15');
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['before'])
      .where('entity', '=', 'office_calendar')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.before).toHaveLength(YEAR_2027.length);
    expect((await putYear(admin, 2027, YEAR_2027)).statusCode).toBe(200); // back, for the deadlines below
  });

  it('takes two replacements at once in turn, each audited with what the other left', async () => {
    const fewer = YEAR_2027.filter((d) => d.date !== '2027-03-15' && d.date !== '2027-03-20');
    const [a, b] = await Promise.all([putYear(admin, 2027, fewer), putYear(admin, 2027, YEAR_2027)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const audits = await t.db.kysely
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('entity', '=', 'office_calendar')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audits[0]?.before).toEqual(audits[1]?.after);
    // whichever came last, put the full year back for the deadlines below
    expect((await putYear(admin, 2027, YEAR_2027)).statusCode).toBe(200);
  });

  it('refuses a year that breaks the rules, naming the entry, and keeps the stored one', async () => {
    const rows = await calendarRows();
    const tuesday = [...YEAR_2027, day('2027-03-02', 'working_weekend', 'Làm bù sai', 'Wrong day worked')];
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/cases/calendar/2027',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { days: tuesday },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        field: `days.${YEAR_2027.length}`,
        message: '2027-03-02 (Wrong day worked): a weekend day worked must be a Saturday or a Sunday (this is a Tuesday)',
      },
    });
    const vi = await putYear(admin, 2027, tuesday);
    expect(vi.json<{ error: { message: string } }>().error.message).toContain(
      'Ngày 02/03/2027 (Làm bù sai): ngày làm bù phải là',
    );
    const tooMany = Array.from({ length: 61 }, (_, i) => ({
      ...YEAR_2027[0],
      date: `2027-07-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    expect((await putYear(admin, 2027, tooMany)).statusCode).toBe(400);
    const longName = [{ ...YEAR_2027[0], nameVi: 'x'.repeat(201) }];
    expect((await putYear(admin, 2027, longName)).statusCode).toBe(400);
    expect(await calendarRows()).toEqual(rows);
  });
});

describe('the table itself', () => {
  it('refuses a weekend day worked on a weekday and a day off in place of one on a weekend', async () => {
    const row = { name_vi: 'Thử', name_en: 'Test', source: 'Thử / test', updated_by: null };
    const insert = (day: string, kind: OfficeCalendarDay['kind']) =>
      t.db.kysely
        .insertInto('office_calendar_day')
        .values({ ...row, day, kind })
        .execute();
    await expect(insert('2030-03-05', 'working_weekend')).rejects.toThrow(/check constraint/);
    await expect(insert('2030-03-09', 'swapped_off')).rejects.toThrow(/check constraint/);
    expect((await calendarRows()).filter((r) => r.day.startsWith('2030-'))).toEqual([]);
  });
});

describe('the deadlines route', () => {
  it('answers the Tết example (received 2025-01-24 15:00 Vietnam time)', async () => {
    const res = await deadlines(officer, '2025-01-24T15:00:00%2B07:00');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      received: '2025-01-24T15:00:00+07:00',
      emergencyMeasuresBy: '2025-01-25T03:00:00+07:00',
      planDueDate: '2025-02-07',
      planBy: '2025-02-07T23:59:59+07:00',
      planWorkingDays: ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'],
      warnings: [],
    });
    // an unencoded '+' arrives as a space: read as the offset it was
    expect((await deadlines(officer, '2025-01-24T15:00:00+07:00')).json()).toEqual(res.json());
  });

  it('counts on the stored year: the administrator’s 2027 swap, and no warning', async () => {
    // Thursday 11 March 2027: Friday 12, Monday 15 swapped off, then 16–19
    const res = (await deadlines(officer, '2027-03-11T10:00:00Z')).json();
    expect(res.planWorkingDays).toEqual(['2027-03-12', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19']);
    expect(res.warnings).toEqual([]);
    // Tuesday 16 March: Saturday 20, worked in its place, counts
    const saturday = (await deadlines(officer, '2027-03-16T10:00:00Z')).json();
    expect(saturday.planWorkingDays).toEqual(['2027-03-17', '2027-03-18', '2027-03-19', '2027-03-20', '2027-03-22']);
    const missing = (await deadlines(officer, '2028-03-01T10:00:00Z')).json();
    expect(missing.warnings).toEqual([expect.objectContaining({ code: 'calendar_missing', year: 2028 })]);
  });

  it('refuses a moment it cannot read, naming the field, and a caller not signed in', async () => {
    const bad = await deadlines(officer, '24/01/2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'received' } });
    expect((await deadlines(null, '2025-01-24T15:00:00Z')).statusCode).toBe(401);
  });
});
