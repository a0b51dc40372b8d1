import type { Db } from '../db/pool.ts';
import { TEST_PROVINCE } from './db.ts';

/**
 * A case written straight into the tables, for tests and benchmarks that need cases in a given
 * relation to a user (the service's own rules are tested through its routes in cases.int.test.ts).
 */
export async function makeCase(
  db: Db,
  opts: {
    childId: number;
    communeCode: string;
    workerId?: string | null;
    supervisorId?: string | null;
    intakeBy?: string | null;
    receivedAt?: Date;
    status?: string;
    urgency?: 'immediate' | 'high' | 'normal';
  },
): Promise<number> {
  const receivedAt = opts.receivedAt ?? new Date();
  const row = await db.kysely
    .insertInto('child_case')
    .values({
      province_code: TEST_PROVINCE,
      number: `T-${receivedAt.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
      commune_code: opts.communeCode,
      child_id: opts.childId,
      status: opts.status ?? 'received',
      received_at: receivedAt,
      channel: 'hotline_111',
      reporter_name: 'Người báo thử',
      abuse_forms: ['violence'],
      facts: 'Tin báo thử',
      urgency: opts.urgency ?? 'normal',
      emergency_required: opts.urgency === 'immediate',
      emergency_due: new Date(receivedAt.getTime() + 12 * 3_600_000),
      plan_due: new Date(receivedAt.getTime() + 7 * 86_400_000),
      intake_by: opts.intakeBy ?? null,
      worker_id: opts.workerId ?? null,
      supervisor_id: opts.supervisorId ?? null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
