import type { ReadLogKind, ReadOutcome } from '@tre/core/access/read-log';
import type { Insertable, Kysely } from 'kysely';
import type { Database, ReadLogTable } from '../db/schema.ts';

export type ReadLogInsert = Insertable<ReadLogTable>;

/** PostgreSQL takes at most 65,535 parameters per statement; 13 columns × 1,000 rows stay well under. */
export const INSERT_CHUNK = 1000;

/**
 * One multi-row INSERT for a flush of the buffer: one round trip and one commit for up to 1,000
 * reads. Cost: five index entries per row (read_log_recent, _record, _user, _refused are btrees on
 * the tail of the id order; read_log_at is BRIN and updated only when a page range fills).
 */
export async function insertReadLogRows(db: Kysely<Database>, rows: readonly ReadLogInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('read_log')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

export interface ReadLogFilter {
  userId?: string | undefined;
  kind?: ReadLogKind | undefined;
  recordId?: string | undefined;
  /** inclusive lower bound */
  from?: Date | undefined;
  /** exclusive upper bound */
  to?: Date | undefined;
  outcome?: ReadOutcome | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * A page of the log, newest first, keyset on id. Which index answers: a record filter uses
 * read_log_record (province, record, id), a user filter read_log_user, refusals read_log_refused,
 * otherwise read_log_recent walks down from `before`; the other filters are checked on the rows
 * it meets. A date range alone walks read_log_recent from its newest row, or the BRIN index when
 * the planner finds that cheaper (old ranges in a large log).
 */
export async function listReadLog(db: Kysely<Database>, provinceCode: string, filter: ReadLogFilter) {
  let q = db.selectFrom('read_log').selectAll().where('province_code', '=', provinceCode);
  if (filter.userId) q = q.where('user_id', '=', filter.userId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  // written as the partial index's own predicate, so the planner can use it
  if (filter.outcome === 'refused') q = q.where('status', '>=', 400);
  if (filter.outcome === 'allowed') q = q.where('status', '<', 400);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
