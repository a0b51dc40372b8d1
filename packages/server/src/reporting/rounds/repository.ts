import { sql, type SqlBool, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, RoundBodyTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** SQL of reporting rounds and the bodies owing them. */

export async function insertRound(db: Q, values: Insertable<Database['reporting_round']>): Promise<string> {
  const row = await db.insertInto('reporting_round').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRoundBodies(db: Q, rows: Insertable<RoundBodyTable>[]): Promise<void> {
  // 155 bodies in one statement; chunked so that a province of 500 communes stays under the parameter limit
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('round_body')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function deleteRoundBodies(
  db: Q,
  roundId: string,
  bodies: { unitKind: string; unitCode: string }[],
): Promise<number> {
  let removed = 0;
  for (const b of bodies) {
    const r = await db
      .deleteFrom('round_body')
      .where('round_id', '=', roundId)
      .where('unit_kind', '=', b.unitKind as 'agency')
      .where('unit_code', '=', b.unitCode)
      .executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  return removed;
}

const roundColumns = (db: Q) =>
  db
    .selectFrom('reporting_round as r')
    .leftJoin('plan as p', 'p.id', 'r.plan_id')
    .selectAll('r')
    .select(['p.title as plan_title']);

export async function findRound(db: Q, provinceCode: string, roundId: string) {
  return roundColumns(db).where('r.province_code', '=', provinceCode).where('r.id', '=', roundId).executeTakeFirst();
}
export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** The province's rounds, newest first (a province opens two or three a year). */
export async function listRounds(db: Q, provinceCode: string) {
  return roundColumns(db).where('r.province_code', '=', provinceCode).orderBy('r.opened_at', 'desc').limit(500).execute();
}

export async function updateRound(db: Q, roundId: string, values: Partial<Insertable<Database['reporting_round']>>) {
  await db.updateTable('reporting_round').set(values).where('id', '=', roundId).execute();
}

// the engines' collations differ (PGlite: C), so names are put in Vietnamese order here, the same on both
const VIETNAMESE = new Intl.Collator('vi');

/** The bodies owing a round with their names: agencies by short name, then communes by name, in Vietnamese order. */
export async function listRoundBodies(db: Q, roundId: string) {
  const rows = await db
    .selectFrom('round_body as b')
    .leftJoin('agency as a', (j) => j.on(sql<SqlBool>`b.unit_kind = 'agency' AND a.id::text = b.unit_code`))
    .leftJoin('commune as c', (j) => j.on(sql<SqlBool>`b.unit_kind = 'commune' AND c.code = b.unit_code`))
    .select(['b.unit_kind', 'b.unit_code', 'b.origin', sql<string>`coalesce(a.short_name, c.name, b.unit_code)`.as('name')])
    .where('b.round_id', '=', roundId)
    .execute();
  return rows.sort((x, y) =>
    x.unit_kind === y.unit_kind ? VIETNAMESE.compare(x.name, y.name) : x.unit_kind === 'agency' ? -1 : 1,
  );
}
export type RoundBodyRow = Awaited<ReturnType<typeof listRoundBodies>>[number];

/** Whether a body owes the round. */
export async function isOwed(db: Q, roundId: string, unitKind: string, unitCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('round_body')
    .select('round_id')
    .where('round_id', '=', roundId)
    .where('unit_kind', '=', unitKind as 'agency')
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every agency and group a plan names, on its tasks and its indicator assignments. */
export async function planBodyRefs(db: Q, planId: string): Promise<{ agencyIds: string[]; groups: string[] }> {
  const rows = await sql<{ agency_id: string | null; body_group: string | null }>`
    SELECT b.agency_id, b.body_group FROM plan_task_body b JOIN plan_task t ON t.id = b.task_id
    WHERE t.plan_id = ${planId} AND (b.agency_id IS NOT NULL OR b.body_group IS NOT NULL)
    UNION
    SELECT agency_id, body_group FROM plan_indicator_assignment
    WHERE plan_id = ${planId} AND (agency_id IS NOT NULL OR body_group IS NOT NULL)
  `.execute(db);
  return {
    agencyIds: [...new Set(rows.rows.flatMap((r) => (r.agency_id ? [r.agency_id] : [])))],
    groups: [...new Set(rows.rows.flatMap((r) => (r.body_group ? [r.body_group] : [])))],
  };
}

export async function planDeadlines(db: Q, planId: string) {
  return db.selectFrom('plan_reporting_deadline').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function findPlanTitle(db: Q, provinceCode: string, planId: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'title'])
    .where('province_code', '=', provinceCode)
    .where('id', '=', planId)
    .executeTakeFirst();
}

export async function activeAgencies(db: Q, provinceCode: string) {
  return db
    .selectFrom('agency')
    .select(['id', 'short_name', 'kind', 'active'])
    .where('province_code', '=', provinceCode)
    .where('active', '=', true)
    .execute();
}

export async function communesOfProvince(db: Q, provinceCode: string) {
  return db.selectFrom('commune').select(['code', 'name']).where('province_code', '=', provinceCode).execute();
}
