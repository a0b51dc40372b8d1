import { DEFAULT_CLOCK_RULES } from '@tre/core';
import type { Db } from '../db/pool.ts';
import { TEST_PROVINCE } from './db.ts';

/**
 * A complaint written straight into the tables, for tests that need complaints in a given relation
 * to a user (the service's own rules are tested through its routes in complaints.int.test.ts).
 */
export async function makeComplaint(
  db: Db,
  opts: { communeCode: string; handlerId?: string | null; supervisorId: string; receivedBy?: string | null; receivedAt?: Date },
): Promise<number> {
  const receivedAt = opts.receivedAt ?? new Date();
  const row = await db.kysely
    .insertInto('complaint')
    .values({
      province_code: TEST_PROVINCE,
      number: `T-${receivedAt.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'complaint',
      channel: 'letter',
      status: 'received',
      received_at: receivedAt,
      content: 'Đơn thử',
      anonymous: false,
      complainant_name: 'Người gửi thử',
      complainant_address: 'Xóm 1',
      commune_code: opts.communeCode,
      received_by: opts.receivedBy ?? null,
      handler_id: opts.handlerId ?? null,
      supervisor_id: opts.supervisorId,
      rules: JSON.stringify(DEFAULT_CLOCK_RULES.complaint),
      acceptance_due: new Date(receivedAt.getTime() + 10 * 86_400_000),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
