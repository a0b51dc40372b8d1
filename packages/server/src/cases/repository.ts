import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * SQL of child-protection cases (migration 0019). A worker's list reads child_case_worker, a
 * supervisor's child_case_supervisor, a grant holder's the grants' index: each a handful of rows
 * per user, so a list costs the same with 50,000 cases in the province as with 50.
 */
type Q = Kysely<Database> | Transaction<Database>;

/** A case with what lists and the case page show beside it: the commune, the child, the worker and supervisor. */
function caseQuery(db: Q, provinceCode: string) {
  return db
    .selectFrom('child_case as k')
    .innerJoin('commune as m', 'm.code', 'k.commune_code')
    .innerJoin('child as c', 'c.id', 'k.child_id')
    .leftJoin('app_user as w', 'w.id', 'k.worker_id')
    .leftJoin('app_user as s', 's.id', 'k.supervisor_id')
    .selectAll('k')
    .select([
      'm.name as commune_name',
      'c.full_name as child_name',
      'c.sex as child_sex',
      'c.birth_date as child_birth_date',
      'w.display_name as worker_name',
      's.display_name as supervisor_name',
    ])
    .where('k.province_code', '=', provinceCode);
}

export async function findCase(db: Q, provinceCode: string, id: number) {
  return caseQuery(db, provinceCode).where('k.id', '=', id).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Whether the user holds a grant on the case that has not expired. */
export async function hasLiveGrant(db: Q, caseId: number, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('child_case_grant')
    .select('id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a service of the case is referred to the actor's agency or commune (and not merely planned). */
export async function isReferredTo(
  db: Q,
  caseId: number,
  body: { agencyId: string | null; communeCode: string | null },
): Promise<boolean> {
  if (!body.agencyId && !body.communeCode) return false;
  const row = await db
    .selectFrom('child_case_service')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '<>', 'planned')
    .where((eb) =>
      eb.or([
        ...(body.agencyId ? [eb('agency_id', '=', body.agencyId)] : []),
        ...(body.communeCode ? [eb('commune_code', '=', body.communeCode)] : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The cases a user works on, supervises or holds a live grant on, open first, nearest running clock first. */
export async function listCasesOf(db: Q, provinceCode: string, userId: string, now: Date, limit: number) {
  return (
    caseQuery(db, provinceCode)
      // three index lookups (child_case_worker, child_case_supervisor, the grants'), never a scan of the province's cases
      .where(
        sql<boolean>`k.id IN (
        SELECT id FROM child_case WHERE worker_id = ${userId}
        UNION SELECT id FROM child_case WHERE supervisor_id = ${userId}
        UNION SELECT case_id FROM child_case_grant WHERE user_id = ${userId} AND expires_at > ${now})`,
      )
      .orderBy(sql`k.status = 'closed'`)
      .orderBy(
        sql`LEAST(
        CASE WHEN k.emergency_required AND k.emergency_met_at IS NULL AND k.status <> 'closed' THEN k.emergency_due END,
        CASE WHEN k.plan_met_at IS NULL AND k.status <> 'closed' THEN k.plan_due END,
        CASE WHEN k.review_met_at IS NULL AND k.status <> 'closed' THEN k.review_due END)`,
        (ob) => ob.asc().nullsLast(),
      )
      .orderBy('k.received_at', 'desc')
      .limit(limit)
      .execute()
  );
}

export async function stepsOf(db: Q, caseId: number) {
  return db.selectFrom('child_case_step').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function servicesOf(db: Q, caseId: number) {
  return db
    .selectFrom('child_case_service as v')
    .leftJoin('agency as a', 'a.id', 'v.agency_id')
    .leftJoin('commune as m', 'm.code', 'v.commune_code')
    .selectAll('v')
    .select(['a.full_name as agency_name', 'm.name as commune_name'])
    .where('v.case_id', '=', caseId)
    .orderBy('v.id')
    .execute();
}
export type ServiceRow = Awaited<ReturnType<typeof servicesOf>>[number];

export async function findService(db: Q, provinceCode: string, serviceId: number) {
  return db
    .selectFrom('child_case_service as v')
    .innerJoin('child_case as k', 'k.id', 'v.case_id')
    .selectAll('v')
    .select(['k.province_code', 'k.status as case_status', 'k.worker_id', 'k.supervisor_id', 'k.number as case_number'])
    .where('v.id', '=', serviceId)
    .where('k.province_code', '=', provinceCode)
    .executeTakeFirst();
}

/** The services referred to a body (an agency, or a commune other than the case's), newest first. */
export async function referralsTo(db: Q, provinceCode: string, body: { agencyId: string | null; communeCode: string | null }) {
  if (!body.agencyId && !body.communeCode) return [];
  return db
    .selectFrom('child_case_service as v')
    .innerJoin('child_case as k', 'k.id', 'v.case_id')
    .innerJoin('commune as m', 'm.code', 'k.commune_code')
    .innerJoin('child as c', 'c.id', 'k.child_id')
    .select([
      'v.id',
      'v.case_id',
      'k.number',
      'm.name as commune_name',
      'v.kind',
      'v.description',
      'v.due_on',
      'v.status',
      'v.outcome',
      'v.reject_reason',
      'v.referred_at',
      'c.sex',
      'c.birth_date',
    ])
    .where('k.province_code', '=', provinceCode)
    .where('v.status', '<>', 'planned')
    .where((eb) =>
      eb.or([
        ...(body.agencyId ? [eb('v.agency_id', '=', body.agencyId)] : []),
        ...(body.communeCode ? [eb('v.commune_code', '=', body.communeCode)] : []),
      ]),
    )
    .orderBy('v.id', 'desc')
    .limit(500)
    .execute();
}

/** The next case number of the province's year: `BV-2025-00042` (the sequence shared by all years is enough). */
export async function nextCaseId(db: Q): Promise<number> {
  const r = await sql<{ id: number }>`SELECT nextval('child_case_id_seq')::int AS id`.execute(db);
  return r.rows[0]?.id ?? 0;
}
