import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { OfficeCalendarDayTable } from '../../db/cases-schema.ts';
import type { Database } from '../../db/schema.ts';

/** SQL of office_calendar_day (migration 0018). A year is the rows whose date falls in it. */

type Q = Kysely<Database> | Transaction<Database>;

const firstDay = (year: number) => `${year}-01-01`;
const lastDay = (year: number) => `${year}-12-31`;

/** Every stored entry, in date order: the whole calendar is a few dozen rows a year. */
export async function allDays(db: Q) {
  return db.selectFrom('office_calendar_day').selectAll().orderBy('day').execute();
}

export async function daysOfYear(db: Q, year: number) {
  return db
    .selectFrom('office_calendar_day')
    .selectAll()
    .where('day', '>=', firstDay(year))
    .where('day', '<=', lastDay(year))
    .orderBy('day')
    .execute();
}

export type CalendarDayRow = Awaited<ReturnType<typeof daysOfYear>>[number];

export async function hasYear(db: Q, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('office_calendar_day')
    .select('day')
    .where('day', '>=', firstDay(year))
    .where('day', '<=', lastDay(year))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Two replacements of a year at once (two administrators, two processes on one PostgreSQL) take turns:
 * the second reads the first one's rows as its "before" instead of failing on their dates. Readers
 * (the clocks) are not held up: EXCLUSIVE mode lets SELECT through.
 */
export async function lockForReplace(trx: Transaction<Database>): Promise<void> {
  await sql`LOCK TABLE office_calendar_day IN EXCLUSIVE MODE`.execute(trx);
}

export async function deleteYear(db: Q, year: number): Promise<void> {
  await db.deleteFrom('office_calendar_day').where('day', '>=', firstDay(year)).where('day', '<=', lastDay(year)).execute();
}

/**
 * Inserts entries; with `keepExisting`, a date already stored is left as it is (the shipped years,
 * stored by two processes starting at once on one PostgreSQL, or over an administrator's edit).
 */
export async function insertDays(db: Q, rows: Insertable<OfficeCalendarDayTable>[], keepExisting = false): Promise<void> {
  if (rows.length === 0) return;
  const insert = db.insertInto('office_calendar_day').values(rows);
  await (keepExisting ? insert.onConflict((oc) => oc.column('day').doNothing()) : insert).execute();
}
