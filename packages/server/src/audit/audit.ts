import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Who did something, as the audit records it. */
export interface AuditActor {
  id: string | null;
  name: string;
  ip: string | null;
  provinceCode: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Secrets never enter the audit, even hashed. */
function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (key === 'password_hash' || key === 'password' ? '[redacted]' : v));
}

/**
 * Appends one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or fail together.
 */
export async function recordAudit(db: Q, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      province_code: actor.provinceCode,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: scrub(entry.before),
      after: scrub(entry.after),
      ip: actor.ip,
    })
    .execute();
}

export async function listAudit(
  db: Q,
  provinceCode: string,
  filter: {
    entity?: string | undefined;
    entityId?: string | undefined;
    actorId?: string | undefined;
    beforeId?: number | undefined;
    limit: number;
  },
) {
  let q = db.selectFrom('audit_event').selectAll().where('province_code', '=', provinceCode);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
