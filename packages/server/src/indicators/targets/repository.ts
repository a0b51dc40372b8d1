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
export type UnmappedRow = Insertable<Database['plan_target_unmapped']>;

/** Replaces the measure targets and the unmapped targets of a plan; call inside the write's transaction. */
export async function replaceMeasureTargets(
  db: Q,
  planId: string,
  rows: MeasureTargetRow[],
  unmapped: UnmappedRow[],
): Promise<void> {
  await db.deleteFrom('measure_target').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_target_unmapped').where('plan_id', '=', planId).execute();
  if (rows.length > 0) await db.insertInto('measure_target').values(rows).execute();
  if (unmapped.length > 0) await db.insertInto('plan_target_unmapped').values(unmapped).execute();
}

/** A plan's mapped targets (of one measure, or all), by measure, year and kind, with the target each comes from. */
export async function measureTargetsOfPlan(db: Q, planId: string, measure?: string) {
  let q = db
    .selectFrom('measure_target as m')
    .innerJoin('plan_indicator_target as t', (j) =>
      j
        .onRef('t.plan_id', '=', 'm.plan_id')
        .onRef('t.indicator_position', '=', 'm.indicator_position')
        .onRef('t.position', '=', 'm.target_position'),
    )
    .innerJoin('plan_indicator as i', (j) =>
      j.onRef('i.plan_id', '=', 't.plan_id').onRef('i.position', '=', 't.indicator_position'),
    )
    .selectAll('t')
    .select(['m.measure_code', 'm.op as mapped_op', 'm.op_source', 'm.chosen', 'i.no as indicator_no'])
    .where('m.plan_id', '=', planId);
  if (measure !== undefined) q = q.where('m.measure_code', '=', measure);
  return q.orderBy('m.measure_code').orderBy('m.year').orderBy('m.kind').execute();
}

/** A plan's targets that are not mapped to a measure, with the stored reason when the last mapping gave one. */
export async function unmappedTargetsOfPlan(db: Q, planId: string) {
  return db
    .selectFrom('plan_indicator_target as t')
    .innerJoin('plan_indicator as i', (j) =>
      j.onRef('i.plan_id', '=', 't.plan_id').onRef('i.position', '=', 't.indicator_position'),
    )
    .leftJoin('plan_target_unmapped as u', (j) =>
      j
        .onRef('u.plan_id', '=', 't.plan_id')
        .onRef('u.indicator_position', '=', 't.indicator_position')
        .onRef('u.target_position', '=', 't.position'),
    )
    .selectAll('t')
    .select(['i.no as indicator_no', 'u.reason', 'u.candidates'])
    .where('t.plan_id', '=', planId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('measure_target as m')
            .select('m.plan_id')
            .whereRef('m.plan_id', '=', 't.plan_id')
            .whereRef('m.indicator_position', '=', 't.indicator_position')
            .whereRef('m.target_position', '=', 't.position'),
        ),
      ),
    )
    .orderBy('t.indicator_position')
    .orderBy('t.position')
    .execute();
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

// ---- a saved plan's targets, corrected after saving (edit-service.ts) ----

export type PlanTargetRow = Insertable<Database['plan_indicator_target']>;

/** One target of a plan, with its indicator's number; undefined when there is none. */
export async function findPlanTarget(db: Q, planId: string, indicatorPosition: number, position: number) {
  return db
    .selectFrom('plan_indicator_target as t')
    .innerJoin('plan_indicator as i', (j) =>
      j.onRef('i.plan_id', '=', 't.plan_id').onRef('i.position', '=', 't.indicator_position'),
    )
    .selectAll('t')
    .select('i.no as indicator_no')
    .where('t.plan_id', '=', planId)
    .where('t.indicator_position', '=', indicatorPosition)
    .where('t.position', '=', position)
    .executeTakeFirst();
}

/** The measure a target is mapped to now, if any. */
export async function mappedMeasureOf(db: Q, planId: string, indicatorPosition: number, position: number) {
  const row = await db
    .selectFrom('measure_target')
    .select('measure_code')
    .where('plan_id', '=', planId)
    .where('indicator_position', '=', indicatorPosition)
    .where('target_position', '=', position)
    .executeTakeFirst();
  return row?.measure_code ?? null;
}

/** The position of the plan's first indicator with this number, or undefined. */
export async function indicatorPositionOf(db: Q, planId: string, no: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('plan_indicator')
    .select('position')
    .where('plan_id', '=', planId)
    .where('no', '=', no)
    .orderBy('position')
    .executeTakeFirst();
  return row?.position;
}

/** Adds an indicator at the end of the plan's; returns its position. */
export async function appendIndicator(
  trx: Transaction<Database>,
  row: { plan_id: string; no: number; goal: number | null; text: string },
): Promise<number> {
  const last = await trx
    .selectFrom('plan_indicator')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('plan_id', '=', row.plan_id)
    .executeTakeFirst();
  const position = (last?.max ?? -1) + 1;
  await trx
    .insertInto('plan_indicator')
    .values({ ...row, position, source_line: null })
    .execute();
  return position;
}

/** The next free target position in an indicator of the plan. */
export async function nextTargetPosition(trx: Transaction<Database>, planId: string, indicatorPosition: number): Promise<number> {
  const last = await trx
    .selectFrom('plan_indicator_target')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('plan_id', '=', planId)
    .where('indicator_position', '=', indicatorPosition)
    .executeTakeFirst();
  return (last?.max ?? -1) + 1;
}

export async function insertPlanTarget(trx: Transaction<Database>, row: PlanTargetRow): Promise<void> {
  await trx.insertInto('plan_indicator_target').values(row).execute();
}

export async function updatePlanTarget(trx: Transaction<Database>, row: PlanTargetRow): Promise<void> {
  const { plan_id, indicator_position, position, ...values } = row;
  await trx
    .updateTable('plan_indicator_target')
    .set(values)
    .where('plan_id', '=', plan_id)
    .where('indicator_position', '=', indicator_position)
    .where('position', '=', position)
    .execute();
}

/** Deletes a target; its unmapped entry goes with it (ON DELETE CASCADE), its measure target with the mapping. */
export async function deletePlanTarget(trx: Transaction<Database>, planId: string, indicatorPosition: number, position: number) {
  await trx
    .deleteFrom('plan_indicator_target')
    .where('plan_id', '=', planId)
    .where('indicator_position', '=', indicatorPosition)
    .where('position', '=', position)
    .execute();
}
