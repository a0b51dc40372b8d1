import type { NotificationDto, NotificationListReply, NotificationReadReply } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import * as repo from './repository.ts';

/** How many notifications a user sees: the latest; older ones stay in the table. */
export const LATEST = 50;

function toDto(row: repo.NotificationRow): NotificationDto {
  return {
    // bigserial, read as a number (db/pool.ts)
    id: row.id,
    kind: row.kind,
    title: { vi: row.title_vi, en: row.title_en },
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

export async function notificationsOf(db: Kysely<Database>, userId: string): Promise<NotificationListReply> {
  const rows = await repo.listNotifications(db, userId, LATEST);
  return { items: rows.map(toDto), unread: await repo.countUnread(db, userId) };
}

/**
 * Marks one of the user's own notifications read. Someone else's id answers as one that does not
 * exist (404), so ids tell nobody whose notifications there are. Reading one's notifications is not
 * audited: it changes no record of the office, only what the user has seen.
 */
export async function readNotification(db: Kysely<Database>, userId: string, id: number): Promise<NotificationReadReply> {
  if (!(await repo.markRead(db, userId, id))) {
    throw notFound({ vi: 'thông báo', en: 'Notification' });
  }
  return { unread: await repo.countUnread(db, userId) };
}

export async function readAllNotifications(db: Kysely<Database>, userId: string): Promise<NotificationReadReply> {
  await repo.markAllRead(db, userId);
  return { unread: await repo.countUnread(db, userId) };
}
