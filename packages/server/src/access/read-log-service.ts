import {
  outcomeOf,
  type ReadLogEntryDto,
  type ReadLogKind,
  type ReadLogQuery,
  type ReadLogReply,
} from '@tre/core/access/read-log';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listReadLog } from '../audit/read-log-repository.ts';
import type { SessionActor } from '../audit/session-actor.ts';

/** Days are Vietnam days (DESIGN §5: clocks run in Vietnam time, UTC+7). */
const VIETNAM = '+07:00';
const DAY_MS = 24 * 60 * 60 * 1000;

const startOfDay = (day: string) => new Date(`${day}T00:00:00${VIETNAM}`);

/**
 * A page of the read log of the administrator's province. `to` is inclusive: the whole of that
 * day, Vietnam time. One row more than asked is read to know whether an older page exists.
 */
export async function readLogPage(db: Kysely<Database>, actor: SessionActor, query: ReadLogQuery): Promise<ReadLogReply> {
  const rows = await listReadLog(db, actor.provinceCode, {
    userId: query.userId,
    kind: query.kind,
    recordId: query.recordId,
    from: query.from ? startOfDay(query.from) : undefined,
    to: query.to ? new Date(startOfDay(query.to).getTime() + DAY_MS) : undefined,
    outcome: query.outcome,
    beforeId: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items = page.map((r): ReadLogEntryDto => ({
    id: r.id,
    at: r.at.toISOString(),
    userId: r.user_id,
    username: r.username,
    ip: r.ip,
    method: r.method,
    route: r.route,
    params: (r.params ?? {}) as Record<string, string>,
    kind: r.kind as ReadLogKind,
    recordId: r.record_id,
    status: r.status,
    outcome: outcomeOf(r.status),
    reason: r.reason,
  }));
  return { items, next: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null };
}
