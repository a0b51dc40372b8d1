import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL of a plan's targets mapped to measures and of their baselines; the rules are in service.ts. */
type Q = Kysely<Database> | Transaction<Database>;

/** A plan's indicators (position → number) and their targets, in document order. */
export async function planIndicatorTargets(db: Q, planId: string) {
  const indicators = await db.selectFrom('plan_indicator').select(['position', 'no']).where('plan_id', '=', planId).execute();
  const targets = await db
    .selectFrom('plan_indicator_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('indicator_position')
    .orderBy('position')
    .execute();
  return { indicators, targets };
}

export type MeasureTargetRow = Insertable<Database['measure_target']>;

/** Replaces the measure targets of a plan; call inside the plan's transaction. */
export async function replaceMeasureTargets(db: Q, planId: string, rows: MeasureTargetRow[]): Promise<void> {
  await db.deleteFrom('measure_target').where('plan_id', '=', planId).execute();
  if (rows.length > 0) await db.insertInto('measure_target').values(rows).execute();
}

/** A plan's mapped targets (of one measure, or all), by measure and year. */
export async function measureTargetsOfPlan(db: Q, planId: string, measure?: string) {
  let q = db.selectFrom('measure_target').select(['measure_code', 'year', 'op', 'value']).where('plan_id', '=', planId);
  if (measure !== undefined) q = q.where('measure_code', '=', measure);
  return q.orderBy('measure_code').orderBy('year').execute();
}

/** A plan's baselines (of one measure, or all), with the name of who set each. */
export async function baselinesOfPlan(db: Q, planId: string, measure?: string) {
  let q = db
    .selectFrom('measure_baseline as b')
    .leftJoin('app_user as u', 'u.id', 'b.set_by')
    .select(['b.measure_code', 'b.year', 'b.value', 'b.set_at', 'u.display_name as set_by_name'])
    .where('b.plan_id', '=', planId);
  if (measure !== undefined) q = q.where('b.measure_code', '=', measure);
  return q.orderBy('b.measure_code').execute();
}
export type BaselineRow = Awaited<ReturnType<typeof baselinesOfPlan>>[number];

/** Sets a plan's baseline for a measure (one row per plan and measure); inside the write's transaction. */
export async function upsertBaseline(
  trx: Transaction<Database>,
  row: { plan_id: string; measure_code: string; year: number; value: number; set_by: string | null },
): Promise<void> {
  await trx
    .insertInto('measure_baseline')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'measure_code']).doUpdateSet((eb) => ({
        year: eb.ref('excluded.year'),
        value: eb.ref('excluded.value'),
        set_by: eb.ref('excluded.set_by'),
        set_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** Clears a plan's baseline for a measure; returns whether there was one. */
export async function deleteBaseline(trx: Transaction<Database>, planId: string, measure: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('measure_baseline')
    .where('plan_id', '=', planId)
    .where('measure_code', '=', measure)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Deletes every plan's baselines of these measures (a local indicator being deleted); returns how many. */
export async function deleteBaselinesOfMeasures(trx: Transaction<Database>, measures: string[]): Promise<number> {
  if (measures.length === 0) return 0;
  const r = await trx.deleteFrom('measure_baseline').where('measure_code', 'in', measures).executeTakeFirst();
  return Number(r.numDeletedRows);
}
