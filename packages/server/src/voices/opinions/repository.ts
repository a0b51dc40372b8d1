import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { VoiceEventTable, VoiceOpinionTable } from '../../db/voices-opinions-schema.ts';

/** The SQL of children's opinions and forums; rules and transactions are the service's. */

type Q = Kysely<Database> | Transaction<Database>;

export type NewEvent = Insertable<VoiceEventTable>;
export type NewOpinion = Insertable<VoiceOpinionTable>;

export async function insertEvent(
  db: Q,
  event: NewEvent,
  counts: { age_group: string; sex: string; n: number }[],
  participants: { full_name: string; sex: string; age_group: string }[],
): Promise<number> {
  const row = await db.insertInto('voice_event').values(event).returning('id').executeTakeFirstOrThrow();
  if (counts.length > 0) {
    await db
      .insertInto('voice_event_count')
      .values(counts.map((c) => ({ ...c, event_id: row.id })))
      .execute();
  }
  if (participants.length > 0) {
    await db
      .insertInto('voice_participant')
      .values(participants.map((p) => ({ ...p, event_id: row.id })))
      .execute();
  }
  return row.id;
}

const eventColumns = (db: Q) =>
  db
    .selectFrom('voice_event as e')
    .leftJoin('commune as c', 'c.code', 'e.commune_code')
    .leftJoin('agency as oa', 'oa.id', 'e.organiser_agency_id')
    .leftJoin('commune as oc', 'oc.code', 'e.organiser_commune_code')
    .select([
      'e.id',
      'e.kind',
      'e.topic',
      'e.organiser_name',
      'e.organiser_agency_id',
      'e.organiser_commune_code',
      'oa.short_name as organiser_agency_name',
      'oc.name as organiser_commune_name',
      'e.held_on',
      'e.place',
      'e.commune_code',
      'c.name as commune_name',
      'e.consent_by',
      'e.consent_on',
      sql<number>`(SELECT coalesce(sum(n), 0)::int FROM voice_event_count x WHERE x.event_id = e.id)`.as('participants'),
      sql<number>`(SELECT count(*)::int FROM voice_opinion o WHERE o.event_id = e.id)`.as('opinions'),
      sql<number>`(SELECT count(*)::int FROM voice_opinion o WHERE o.event_id = e.id AND o.state IN ('raised', 'sent', 'answered'))`.as(
        'open_opinions',
      ),
    ]);

export type EventRow = Awaited<ReturnType<typeof findEvent>> & {};

export async function findEvent(db: Q, provinceCode: string, id: number) {
  return eventColumns(db).where('e.province_code', '=', provinceCode).where('e.id', '=', id).executeTakeFirst();
}

export async function listEvents(
  db: Q,
  filter: { provinceCode: string; communeCode?: string | undefined; kind?: string | undefined; from?: string; to?: string },
) {
  let q = eventColumns(db).where('e.province_code', '=', filter.provinceCode);
  if (filter.communeCode) q = q.where('e.commune_code', '=', filter.communeCode);
  if (filter.kind) q = q.where('e.kind', '=', filter.kind);
  if (filter.from) q = q.where('e.held_on', '>=', filter.from);
  if (filter.to) q = q.where('e.held_on', '<=', filter.to);
  return q.orderBy('e.held_on', 'desc').orderBy('e.id', 'desc').limit(500).execute();
}

export async function countsOf(db: Q, eventId: number) {
  return db.selectFrom('voice_event_count').select(['age_group', 'sex', 'n']).where('event_id', '=', eventId).execute();
}

export async function countNamed(db: Q, eventId: number): Promise<number> {
  const r = await db
    .selectFrom('voice_participant')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function participantsOf(db: Q, eventId: number) {
  return db
    .selectFrom('voice_participant')
    .select(['full_name', 'sex', 'age_group'])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
}

export async function insertOpinion(db: Q, o: NewOpinion): Promise<number> {
  const row = await db.insertInto('voice_opinion').values(o).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const opinionColumns = (db: Q) =>
  db
    .selectFrom('voice_opinion as o')
    .innerJoin('voice_event as e', 'e.id', 'o.event_id')
    .leftJoin('agency as a', 'a.id', 'o.sent_to_agency_id')
    .leftJoin('commune as c', 'c.code', 'o.sent_to_commune_code')
    .select([
      'o.id',
      'o.event_id',
      'e.topic as event_topic',
      'e.held_on as event_held_on',
      'e.commune_code as event_commune_code',
      'o.text',
      'o.sent_to_name',
      'o.sent_to_agency_id',
      'o.sent_to_commune_code',
      'a.short_name as sent_to_agency_name',
      'c.name as sent_to_commune_name',
      'o.state',
      'o.sent_on',
      'o.answer_text',
      'o.answered_by',
      'o.answered_on',
      'o.fed_back_on',
      'o.version',
    ]);

export type OpinionRow = NonNullable<Awaited<ReturnType<typeof findOpinion>>>;

export async function findOpinion(db: Q, provinceCode: string, id: number) {
  return opinionColumns(db).where('o.province_code', '=', provinceCode).where('o.id', '=', id).executeTakeFirst();
}

export async function opinionsOfEvent(db: Q, eventId: number) {
  return opinionColumns(db).where('o.event_id', '=', eventId).orderBy('o.id').execute();
}

/** Opinions sent to a body (an agency or a commune) and not answered, oldest first. */
export async function openOpinionsOf(db: Q, provinceCode: string, body: { agencyId?: string; communeCode?: string }) {
  let q = opinionColumns(db).where('o.province_code', '=', provinceCode).where('o.state', '=', 'sent');
  if (body.agencyId) q = q.where('o.sent_to_agency_id', '=', body.agencyId);
  else if (body.communeCode) q = q.where('o.sent_to_commune_code', '=', body.communeCode);
  else return [];
  return q.orderBy('o.sent_on').orderBy('o.id').limit(500).execute();
}

/** Opinions sent on or before `sentBy` and still unanswered, oldest first; of one event's commune if asked. */
export async function overdueOpinions(db: Q, provinceCode: string, sentBy: string, communeCode?: string | null) {
  let q = opinionColumns(db)
    .where('o.province_code', '=', provinceCode)
    .where('o.state', '=', 'sent')
    .where('o.sent_on', '<', sentBy);
  // '' (a commune role with no commune) reaches no commune, never the whole province
  if (communeCode !== undefined && communeCode !== null) q = q.where('e.commune_code', '=', communeCode);
  return q.orderBy('o.sent_on').orderBy('o.id').limit(1000).execute();
}

export async function updateOpinion(
  db: Q,
  id: number,
  version: number,
  values: {
    state?: string;
    sent_on?: string;
    sent_to_name?: string;
    sent_to_agency_id?: string | null;
    sent_to_commune_code?: string | null;
    answer_text?: string;
    answered_by?: string;
    answered_on?: string;
    answered_by_user?: string | null;
    fed_back_on?: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('voice_opinion')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Claims the overdue notification of opinions not yet notified: the ids won. */
export async function claimOverdueNotice(db: Q, ids: number[], at: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('voice_opinion')
    .set({ overdue_notified_at: at })
    .where('id', 'in', ids)
    .where('overdue_notified_at', 'is', null)
    .where('state', '=', 'sent')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Active users of an agency (whom a notice to the body reaches). */
export async function usersOfAgency(db: Q, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/** Participations per commune (null: province-wide), kind, age group and sex of events held between two dates. */
export async function participationCounts(db: Q, provinceCode: string, from: string, to: string, communeCode?: string | null) {
  let q = db
    .selectFrom('voice_event as e')
    .innerJoin('voice_event_count as x', 'x.event_id', 'e.id')
    .select(['e.commune_code', 'e.kind', 'x.age_group', 'x.sex', sql<number>`sum(x.n)::int`.as('n')])
    .where('e.province_code', '=', provinceCode)
    .where('e.held_on', '>=', from)
    .where('e.held_on', '<=', to);
  if (communeCode) q = q.where('e.commune_code', '=', communeCode);
  return q.groupBy(['e.commune_code', 'e.kind', 'x.age_group', 'x.sex']).execute();
}

export async function countEvents(db: Q, provinceCode: string, from: string, to: string, communeCode?: string | null) {
  let q = db
    .selectFrom('voice_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to);
  if (communeCode) q = q.where('commune_code', '=', communeCode);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** Communes that have an event (ever): their figures are written, zeros included. */
export async function communesWithEvents(db: Q, provinceCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('voice_event')
    .select('commune_code')
    .distinct()
    .where('province_code', '=', provinceCode)
    .where('commune_code', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.commune_code ? [r.commune_code] : []));
}
