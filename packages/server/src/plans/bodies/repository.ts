import { DECIDED_LEAD_KINDS } from '@tre/core';
import { sql, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { BodyDecisionTable, Database } from '../../db/schema.ts';
import type { ResolutionValues } from '../repository.ts';

type Q = Kysely<Database> | Transaction<Database>;

// ---- remembered decisions ----

/** The province's remembered decisions for these similar keys, with who took them. */
export async function findDecisions(db: Q, provinceCode: string, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('body_decision as d')
    .leftJoin('app_user as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select('u.display_name as decided_by_name')
    .where('d.province_code', '=', provinceCode)
    .where('d.name_key', 'in', keys)
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof findDecisions>>[number];

/** Stores the decision for a key, replacing an earlier one; returns the row's id. */
export async function upsertDecision(db: Q, values: Insertable<BodyDecisionTable>): Promise<string> {
  const update = {
    name: values.name,
    resolution: values.resolution,
    agency_id: values.agency_id ?? null,
    body_group: values.body_group ?? null,
    plan_id: values.plan_id ?? null,
    decided_by: values.decided_by ?? null,
  };
  const row = await db
    .insertInto('body_decision')
    .values(values)
    .onConflict((oc) => oc.columns(['province_code', 'name_key']).doUpdateSet({ ...update, decided_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDecision(db: Q, id: string) {
  await db.deleteFrom('body_decision').where('id', '=', id).execute();
}

// ---- a plan's body names ----

/** Every distinct body name of a plan (tasks and indicator assignments). */
export async function listPlanNames(db: Q, planId: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT b.name FROM plan_task_body b JOIN plan_task t ON t.id = b.task_id WHERE t.plan_id = ${planId}
    UNION
    SELECT a.name FROM plan_indicator_assignment a WHERE a.plan_id = ${planId}`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Sets one resolution on every task body and indicator assignment of the plan written with one of `names`. */
export async function resolveNamesInPlan(db: Q, planId: string, names: string[], values: ResolutionValues): Promise<number> {
  if (names.length === 0) return 0;
  const bodies = await db
    .updateTable('plan_task_body')
    .set(values)
    .where('name', 'in', names)
    .where('task_id', 'in', (eb) => eb.selectFrom('plan_task').select('id').where('plan_id', '=', planId))
    .executeTakeFirst();
  const assignments = await db
    .updateTable('plan_indicator_assignment')
    .set(values)
    .where('plan_id', '=', planId)
    .where('name', 'in', names)
    .executeTakeFirst();
  return Number(bodies.numUpdatedRows) + Number(assignments.numUpdatedRows);
}

/** A plan's body names with each resolution they have, how often and how many tasks they lead, in first-use order. */
export async function listPlanBodies(db: Q, planId: string) {
  const rows = await sql<
    ResolutionValues & { name: string; agency_short_name: string | null; count: number; lead_count: number; first: number }
  >`
    SELECT n.name, n.resolution, n.agency_id, n.body_group, g.short_name AS agency_short_name,
           count(*)::int AS count, count(*) FILTER (WHERE n.role = 'lead')::int AS lead_count, min(n.ord)::int AS first
      FROM (
        SELECT b.name, b.resolution, b.agency_id, b.body_group, b.role, t.position * 1000 + b.position AS ord
          FROM plan_task_body b JOIN plan_task t ON t.id = b.task_id WHERE t.plan_id = ${planId}
        UNION ALL
        SELECT a.name, a.resolution, a.agency_id, a.body_group, 'assignment', 1000000000 + a.position
          FROM plan_indicator_assignment a WHERE a.plan_id = ${planId}
      ) n LEFT JOIN agency g ON g.id = n.agency_id
     GROUP BY n.name, n.resolution, n.agency_id, n.body_group, g.short_name
     ORDER BY first`.execute(db);
  return rows.rows;
}
export type PlanBodyRow = Awaited<ReturnType<typeof listPlanBodies>>[number];

// ---- leads ----

const decidedKinds = sql.join(DECIDED_LEAD_KINDS.map((k) => sql.lit(k)));

/** A task's lead is decided when one of its leads is (core leadDecided, in SQL). */
export const leadUndecided = (taskRef: ReturnType<typeof sql.ref>) =>
  sql<SqlBool>`NOT EXISTS (SELECT 1 FROM plan_task_body b WHERE b.task_id = ${taskRef} AND b.role = 'lead' AND b.resolution IN (${decidedKinds}))`;

/** The province's tasks without a decided lead, newest plan first, with their unresolved lead names. */
export async function listUndecidedLeadTasks(db: Q, provinceCode: string) {
  const rows = await sql<{ plan_id: string; plan_title: string; task_id: string; lead_count: number; names: string[] }>`
    SELECT p.id AS plan_id, p.title AS plan_title, t.id AS task_id,
           (SELECT count(*)::int FROM plan_task_body b WHERE b.task_id = t.id AND b.role = 'lead') AS lead_count,
           ARRAY(SELECT b.name FROM plan_task_body b
                  WHERE b.task_id = t.id AND b.role = 'lead' AND b.resolution = 'unresolved' ORDER BY b.position) AS names
      FROM plan_task t JOIN plan p ON p.id = t.plan_id
     WHERE p.province_code = ${provinceCode} AND ${leadUndecided(sql.ref('t.id'))}
     ORDER BY p.created_at DESC, p.id, t.position`.execute(db);
  return rows.rows;
}
