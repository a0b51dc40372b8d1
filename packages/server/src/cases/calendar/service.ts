import {
  ErrorCode,
  SHIPPED_OFFICE_CALENDAR,
  caseDeadlines,
  validateOfficeYear,
  workingCalendar,
  type CalendarProblem,
  type CaseDeadlines,
  type OfficeCalendarDay,
  type OfficeCalendarYear,
  type OfficeCalendarYearReply,
  type WorkingCalendar,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import type { Database } from '../../db/schema.ts';
import { TreError } from '../../errors.ts';
import * as repo from './repository.ts';

/** The public offices' calendar: stored per year, read whole into core's WorkingCalendar. */

type Q = Kysely<Database> | Transaction<Database>;

const toDay = (row: repo.CalendarDayRow): OfficeCalendarDay => ({
  date: row.day,
  kind: row.kind,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  source: row.source,
});

const toRow = (day: OfficeCalendarDay, updatedBy: string | null) => ({
  day: day.date,
  kind: day.kind,
  name_vi: day.nameVi,
  name_en: day.nameEn,
  source: day.source,
  updated_by: updatedBy,
});

/** The stored entries grouped into years (a year is the rows dated in it). */
function yearsOf(rows: readonly repo.CalendarDayRow[]): OfficeCalendarYear[] {
  const years = new Map<number, OfficeCalendarDay[]>();
  for (const row of rows) {
    const year = Number(row.day.slice(0, 4));
    const days = years.get(year) ?? [];
    days.push(toDay(row));
    years.set(year, days);
  }
  return [...years].map(([year, days]) => ({ year, days }));
}

/** The working calendar as stored: what the server's and the command line's clocks count on. */
export async function loadWorkingCalendar(db: Q): Promise<WorkingCalendar> {
  return workingCalendar(yearsOf(await repo.allDays(db)));
}

/** The legal deadlines of a case received at that moment, on the stored calendar (route and CLI alike). */
export async function deadlinesFor(db: Q, receivedAt: Date): Promise<CaseDeadlines> {
  return caseDeadlines(receivedAt, await loadWorkingCalendar(db));
}

export async function officeYear(db: Q, year: number): Promise<OfficeCalendarYearReply> {
  const days = (await repo.daysOfYear(db, year)).map(toDay);
  return { year, covered: days.length > 0, days };
}

/** The problems of a refused year, in one message per language; the field is the first entry named. */
function refusal(days: readonly OfficeCalendarDay[], problems: readonly CalendarProblem[]): TreError {
  const shown = problems.slice(0, 10);
  const more = problems.length - shown.length;
  const index = days.findIndex((d) => d.date === problems[0]?.date);
  return new TreError(ErrorCode.ValidationFailed, {
    field: index >= 0 ? `days.${index}` : 'days',
    detail: {
      vi: shown.map((p) => p.vi).join('; ') + (more > 0 ? `; và ${more} lỗi khác` : ''),
      en: shown.map((p) => p.en).join('; ') + (more > 0 ? `; and ${more} more` : ''),
    },
  });
}

/**
 * Replaces a year of the calendar with the administrator's entries (core's rules first), in one
 * transaction with its audit row (before and after): the clocks never see half a year.
 */
export async function replaceYear(
  db: Kysely<Database>,
  actor: SessionActor,
  year: number,
  days: readonly OfficeCalendarDay[],
): Promise<OfficeCalendarYearReply> {
  const checked = validateOfficeYear(year, days);
  if (!checked.ok) throw refusal(days, checked.problems);
  return db.transaction().execute(async (trx) => {
    await repo.lockForReplace(trx);
    const before = (await repo.daysOfYear(trx, year)).map(toDay);
    await repo.deleteYear(trx, year);
    await repo.insertDays(
      trx,
      checked.year.days.map((d) => toRow(d, userIdOf(actor))),
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'replace',
      entity: 'office_calendar',
      entityId: String(year),
      before,
      after: checked.year.days,
    });
    return { year, covered: true, days: checked.year.days };
  });
}

/**
 * Stores each shipped year (core office-calendar-data.ts) that has no row yet, on every start:
 * idempotent, and a year the administrator has entered — even one Tre ships — is never touched.
 * Returns the years stored.
 */
export async function seedOfficeCalendar(db: Kysely<Database>): Promise<number[]> {
  const seeded: number[] = [];
  for (const shipped of SHIPPED_OFFICE_CALENDAR) {
    if (await repo.hasYear(db, shipped.year)) continue;
    // one statement: the year is stored whole or not at all
    await repo.insertDays(
      db,
      shipped.days.map((d) => toRow(d, null)),
      true,
    );
    seeded.push(shipped.year);
  }
  return seeded;
}
