import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, ReminderTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type UnitKind = ReminderTable['unit_kind'];
type Channel = ReminderTable['channel'];

const CLAIM_CHUNK = 1000;

/**
 * Every body that owes a report in an open round of the province: in `round_body`, and no
 * submission sent yet (no row, or a draft never sent). With the round's deadline and reminder
 * settings, the body's name and its contact.
 */
export async function owingBodies(db: Q, provinceCode: string) {
  return db
    .selectFrom('reporting_round as r')
    .innerJoin('round_body as b', 'b.round_id', 'r.id')
    .leftJoin('submission as s', (j) =>
      j.onRef('s.round_id', '=', 'b.round_id').onRef('s.unit_kind', '=', 'b.unit_kind').onRef('s.unit_code', '=', 'b.unit_code'),
    )
    .leftJoin('agency as a', (j) =>
      j
        .on('b.unit_kind', '=', 'agency')
        .onRef('a.province_code', '=', 'r.province_code')
        .on(sql<string>`a.id::text`, '=', sql.ref('b.unit_code')),
    )
    .leftJoin('commune as c', (j) =>
      j.on('b.unit_kind', '=', 'commune').onRef('c.province_code', '=', 'r.province_code').onRef('c.code', '=', 'b.unit_code'),
    )
    .leftJoin('reporting_contact as rc', (j) =>
      j
        .onRef('rc.province_code', '=', 'r.province_code')
        .onRef('rc.unit_kind', '=', 'b.unit_kind')
        .onRef('rc.unit_code', '=', 'b.unit_code'),
    )
    .select([
      'r.id as round_id',
      'r.title',
      'r.period',
      'r.deadline',
      'r.remind_before_days',
      'r.remind_every_days',
      'b.unit_kind',
      'b.unit_code',
      sql<string>`coalesce(a.short_name, c.name, b.unit_code)`.as('name'),
      'rc.email',
      'rc.head_name',
      'rc.head_email',
      'rc.escalate_after_days',
    ])
    .where('r.province_code', '=', provinceCode)
    .where('r.closed_at', 'is', null)
    .where('s.first_submitted_at', 'is', null)
    .orderBy('r.id')
    .orderBy('b.unit_kind')
    .orderBy('b.unit_code')
    .execute();
}

export type OwingBody = Awaited<ReturnType<typeof owingBodies>>[number];

export interface ReminderKey {
  round_id: string;
  unit_kind: UnitKind;
  unit_code: string;
  step: string;
  channel: Channel;
}

/** The steps of these rounds already in the log (claimed, whatever became of them). */
export async function loggedKeys(db: Q, roundIds: readonly string[]): Promise<ReminderKey[]> {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('reminder')
    .select(['round_id', 'unit_kind', 'unit_code', 'step', 'channel'])
    .where('round_id', 'in', roundIds)
    .execute();
}

/** The active users who work for these bodies: an agency's reporters, a commune's officers. */
export async function usersOfBodies(db: Q, provinceCode: string, agencyIds: readonly string[], communeCodes: readonly string[]) {
  if (agencyIds.length === 0 && communeCodes.length === 0) return [];
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'agency_id', 'commune_code'])
    .where('province_code', '=', provinceCode)
    .where('active', '=', true)
    .where((eb) => {
      const either = [];
      if (agencyIds.length > 0) either.push(eb.and([eb('role', '=', 'agency_reporter'), eb('agency_id', 'in', agencyIds)]));
      if (communeCodes.length > 0)
        either.push(eb.and([eb('role', '=', 'commune_officer'), eb('commune_code', 'in', communeCodes)]));
      return eb.or(either);
    })
    .orderBy('username')
    .execute();
}

/** The standing body's active officers, told of every escalation. */
export async function provincialOfficers(db: Q, provinceCode: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('province_code', '=', provinceCode)
    .where('active', '=', true)
    .where('role', '=', 'provincial_officer')
    .orderBy('username')
    .execute();
}

/**
 * Claims log rows: the ones another run (this process or another, now or earlier) has already
 * claimed are skipped by the unique key, and only the rows returned are this caller's to send.
 * On PostgreSQL a concurrent claim of the same key waits for the first transaction and then skips.
 */
export async function claimReminders(db: Q, rows: readonly Insertable<ReminderTable>[]) {
  const claimed = [];
  // in the caller's order, a thousand rows (nine parameters each) a statement
  for (let i = 0; i < rows.length; i += CLAIM_CHUNK) {
    const got = await db
      .insertInto('reminder')
      .values(rows.slice(i, i + CLAIM_CHUNK))
      .onConflict((oc) => oc.columns(['round_id', 'unit_kind', 'unit_code', 'step', 'channel']).doNothing())
      .returning(['id', 'round_id', 'unit_kind', 'unit_code', 'step', 'channel'])
      .execute();
    claimed.push(...got);
  }
  return claimed;
}

/** What became of one claimed e-mail. */
export async function recordSent(db: Q, id: number, result: { delivered: boolean; error?: string | undefined }) {
  await db
    .updateTable('reminder')
    .set({ sent_at: new Date(), delivered: result.delivered, error: result.error ?? null })
    .where('id', '=', id)
    .execute();
}

/**
 * Gives back claimed rows that were never tried (the mail server was down earlier in the run), so
 * that a later run may send them: nothing left Tre for them, so the step is still unsent.
 */
export async function releaseReminders(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return;
  await db
    .deleteFrom('reminder')
    .where('id', 'in', [...ids])
    .where('sent_at', 'is', null)
    .where('delivered', 'is', null)
    .execute();
}

export interface RoundReminder {
  unitKind: UnitKind;
  unitCode: string;
  step: string;
  channel: Channel;
  /** in-app: the usernames reached; e-mail: 'contact' (the body's mailbox) or 'head' (escalation) */
  recipients: string;
  /** when it was sent or tried; null: not tried (no address) or not yet */
  sentAt: string | null;
  /** null: claimed, not yet tried */
  delivered: boolean | null;
  error: string | null;
}

/** The reminder log of a round, for its board: oldest first. */
export async function remindersOfRound(db: Q, roundId: string): Promise<RoundReminder[]> {
  const rows = await db
    .selectFrom('reminder')
    .select(['unit_kind', 'unit_code', 'step', 'channel', 'recipients', 'sent_at', 'delivered', 'error'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    unitKind: r.unit_kind,
    unitCode: r.unit_code,
    step: r.step,
    channel: r.channel,
    recipients: r.recipients,
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    delivered: r.delivered,
    error: r.error,
  }));
}
