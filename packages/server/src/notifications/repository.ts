import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, NotificationTable } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export type NewNotification = Insertable<NotificationTable>;

/** Rows per INSERT: five parameters a row, well under PostgreSQL's 65,535. */
const CHUNK = 1000;

/** Adds notifications, for one user or many, in one statement per thousand rows. */
export async function insertNotifications(db: Q, rows: readonly NewNotification[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('notification')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** A user's latest notifications, newest first. */
export async function listNotifications(db: Q, userId: string, limit: number) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'title_vi', 'title_en', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Marks one of the user's notifications read (again: no change). False when the user has no
 * notification of that id, whether it is someone else's or none at all.
 */
export async function markRead(db: Q, userId: string, id: number): Promise<boolean> {
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Q, userId: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
