import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * SQL of complaints and denunciations (migration 0022). A user's list reads complaint_handler and
 * complaint_supervisor (and the receiver's few), never a scan of the province's complaints.
 */
type Q = Kysely<Database> | Transaction<Database>;

function complaintQuery(db: Q, provinceCode: string) {
  return db
    .selectFrom('complaint as k')
    .leftJoin('commune as m', 'm.code', 'k.commune_code')
    .leftJoin('agency as a', 'a.id', 'k.agency_id')
    .leftJoin('child as c', 'c.id', 'k.child_id')
    .leftJoin('app_user as h', 'h.id', 'k.handler_id')
    .leftJoin('app_user as s', 's.id', 'k.supervisor_id')
    .selectAll('k')
    .select([
      'm.name as commune_name',
      'a.short_name as agency_name',
      'c.full_name as child_name',
      'h.display_name as handler_name',
      's.display_name as supervisor_name',
    ])
    .where('k.province_code', '=', provinceCode);
}

export async function findComplaint(db: Q, provinceCode: string, id: number) {
  return complaintQuery(db, provinceCode).where('k.id', '=', id).executeTakeFirst();
}
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** The complaints a user handles, supervises or received, open first (the service sorts on the clocks). */
export async function listComplaintsOf(db: Q, provinceCode: string, userId: string, limit: number) {
  return complaintQuery(db, provinceCode)
    .where(
      sql<boolean>`k.id IN (
        SELECT id FROM complaint WHERE handler_id = ${userId}
        UNION SELECT id FROM complaint WHERE supervisor_id = ${userId}
        UNION SELECT id FROM complaint WHERE received_by = ${userId})`,
    )
    .orderBy(sql`k.status = 'closed'`)
    .orderBy('k.received_at', 'desc')
    .limit(limit)
    .execute();
}

export async function stepsOf(db: Q, complaintId: number) {
  return db.selectFrom('complaint_step').selectAll().where('complaint_id', '=', complaintId).orderBy('id').execute();
}

export async function nextComplaintId(db: Q): Promise<number> {
  const r = await sql<{ id: number }>`SELECT nextval('complaint_id_seq')::int AS id`.execute(db);
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error('complaint_id_seq gave no value');
  return id;
}

/** The rules row of a kind, if the administrator set one. */
export async function findSetting(db: Q, kind: string) {
  return db
    .selectFrom('complaint_setting as t')
    .leftJoin('app_user as u', 'u.id', 't.updated_by')
    .select(['t.kind', 't.rules', 't.updated_at', 'u.display_name as updated_by_name'])
    .where('t.kind', '=', kind)
    .executeTakeFirst();
}

export async function upsertSetting(db: Q, kind: string, rules: unknown, userId: string | null, now: Date) {
  await db
    .insertInto('complaint_setting')
    .values({ kind, rules: JSON.stringify(rules), updated_at: now, updated_by: userId })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ rules: JSON.stringify(rules), updated_at: now, updated_by: userId }))
    .execute();
}

/** Open complaints with a running clock due before `until`: the overdue and near-due scan (nobody named). */
export async function runningClocksBefore(db: Q, until: Date) {
  return db
    .selectFrom('complaint as k')
    .leftJoin('commune as m', 'm.code', 'k.commune_code')
    .leftJoin('agency as a', 'a.id', 'k.agency_id')
    .select([
      'k.id',
      'k.number',
      'k.kind',
      'k.status',
      'k.acceptance_due',
      'k.acceptance_met_at',
      'k.resolution_due',
      'k.resolution_met_at',
      'm.name as commune_name',
      'a.short_name as agency_name',
    ])
    .where('k.status', 'in', ['received', 'accepted', 'resolving'])
    .where((eb) =>
      eb.or([
        eb.and([eb('k.acceptance_met_at', 'is', null), eb('k.acceptance_due', '<=', until)]),
        eb.and([eb('k.resolution_met_at', 'is', null), eb('k.resolution_due', '<=', until)]),
      ]),
    )
    .orderBy('k.id')
    .execute();
}

/** Complaints of the province (or of one commune's body) received in [from, to): for statistics, nobody named. */
/**
 * The complaints received in a period, counted in SQL by kind, step and how each clock stands at
 * `now` (met, late, overdue while running, or none): a year of a province is a few groups, not
 * thousands of rows carried into the server.
 */
export async function complaintTallies(
  db: Q,
  provinceCode: string,
  from: Date,
  to: Date,
  communeCode: string | undefined,
  now: Date,
) {
  const running = sql<boolean>`status IN ('received', 'accepted', 'resolving')`;
  const clock = (due: string, met: string) => sql<'met' | 'late' | 'overdue' | null>`CASE
    WHEN ${sql.ref(due)} IS NULL THEN NULL
    WHEN ${sql.ref(met)} IS NOT NULL THEN (CASE WHEN ${sql.ref(met)} > ${sql.ref(due)} THEN 'late' ELSE 'met' END)
    WHEN ${running} AND ${sql.ref(due)} < ${now} THEN 'overdue' END`;
  let q = db
    .selectFrom('complaint')
    .select([
      'kind',
      'status',
      clock('acceptance_due', 'acceptance_met_at').as('acceptance'),
      clock('resolution_due', 'resolution_met_at').as('resolution'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('province_code', '=', provinceCode)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy(['kind', 'status', sql`3`, sql`4`]);
  if (communeCode) q = q.where('commune_code', '=', communeCode);
  return q.execute();
}

/** Whether the user may hold a part on a complaint of this body: active, of the province, of the body (or the province's officer). */
export async function findUserOfProvince(db: Q, provinceCode: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'commune_code', 'agency_id', 'active', 'display_name'])
    .where('id', '=', userId)
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
}

export async function usersOfBody(db: Q, provinceCode: string, body: { communeCode?: string; agencyId?: string }) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'display_name', 'commune_code', 'agency_id'])
    .where('province_code', '=', provinceCode)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('role', '=', 'provincial_officer'),
        ...(body.communeCode ? [eb('commune_code', '=', body.communeCode)] : []),
        ...(body.agencyId ? [eb('agency_id', '=', body.agencyId)] : []),
      ]),
    )
    .where('role', 'in', ['provincial_officer', 'commune_officer', 'case_worker', 'agency_reporter'])
    .orderBy('display_name')
    .limit(200)
    .execute();
}

export async function bodyExists(db: Q, provinceCode: string, body: { kind: 'commune' | 'agency'; id: string }) {
  if (body.kind === 'commune') {
    const r = await db
      .selectFrom('commune')
      .select('code')
      .where('code', '=', body.id)
      .where('province_code', '=', provinceCode)
      .executeTakeFirst();
    return r !== undefined;
  }
  const r = await db
    .selectFrom('agency')
    .select('id')
    .where('id', '=', body.id)
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
  return r !== undefined;
}

export async function findChildOfProvince(db: Q, provinceCode: string, childId: number) {
  return db
    .selectFrom('child as c')
    .innerJoin('commune as m', 'm.code', 'c.commune_code')
    .select(['c.id', 'c.commune_code'])
    .where('c.id', '=', childId)
    .where('c.merged_into', 'is', null)
    .where('m.province_code', '=', provinceCode)
    .executeTakeFirst();
}
