import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Rounds and contacts for the reminder tests, written straight into the tables (the rounds service
 * is another part of issue 14): a round with its bodies, a contact, a submission sent.
 */
// the tests' province (test/db.ts TEST_PROVINCE; a fixture may not import the test helpers)
const TEST_PROVINCE = '40';
export interface Body {
  kind: 'agency' | 'commune';
  code: string;
}

export async function makeRound(
  db: Kysely<Database>,
  opts: { title?: string; period?: string; deadline: string; before?: number; every?: number; bodies: Body[]; closed?: boolean },
): Promise<string> {
  const round = await db
    .insertInto('reporting_round')
    .values({
      province_code: TEST_PROVINCE,
      plan_id: null,
      kind: 'ad_hoc',
      title: opts.title ?? 'Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em',
      period: opts.period ?? '2025S1',
      deadline: opts.deadline,
      remind_before_days: opts.before ?? 3,
      remind_every_days: opts.every ?? 7,
      opened_by: null,
      closed_at: opts.closed ? new Date() : null,
      closed_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('round_body')
    .values(opts.bodies.map((b) => ({ round_id: round.id, unit_kind: b.kind, unit_code: b.code, origin: 'manual' as const })))
    .execute();
  return round.id;
}

export async function setContact(
  db: Kysely<Database>,
  body: Body,
  contact: { email?: string | null; headName?: string | null; headEmail?: string | null; escalateAfterDays?: number | null },
) {
  const values = {
    email: contact.email ?? null,
    head_name: contact.headName ?? null,
    head_email: contact.headEmail ?? null,
    escalate_after_days: contact.escalateAfterDays ?? null,
  };
  await db
    .insertInto('reporting_contact')
    .values({ province_code: TEST_PROVINCE, unit_kind: body.kind, unit_code: body.code, ...values })
    .onConflict((oc) => oc.columns(['province_code', 'unit_kind', 'unit_code']).doUpdateSet(values))
    .execute();
}

/** The body's submission, sent (first_submitted_at set) or only a draft. */
export async function makeSubmission(db: Kysely<Database>, roundId: string, body: Body, sent: boolean) {
  await db
    .insertInto('submission')
    .values({
      round_id: roundId,
      unit_kind: body.kind,
      unit_code: body.code,
      state: sent ? 'submitted' : 'draft',
      version: sent ? 1 : 0,
      narrative: '{}',
      explanations: '{}',
      first_submitted_at: sent ? new Date() : null,
      last_submitted_at: sent ? new Date() : null,
      accepted_at: null,
      accepted_by: null,
      updated_by: null,
    })
    .execute();
}

/** The reminder log of a round, as sortable strings: `agency:…|before|email|true|` */
export async function logOf(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('reminder')
    .select(['id', 'unit_kind', 'unit_code', 'step', 'channel', 'recipients', 'sent_at', 'delivered', 'error'])
    .where('round_id', '=', roundId)
    .orderBy('unit_kind')
    .orderBy('step')
    .orderBy('channel')
    .execute();
}

/** An hour of a Vietnam date (UTC+7): at('2025-06-12') is 09:00 there, 02:00 UTC. */
export const at = (date: string, hour = 9) => new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 7) * 3_600_000);
