import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';

/**
 * SQL of the data values and of plan targets mapped to measures; rules live in the services. The
 * aggregation reads are in values-repository.ts, the catalogue's SQL in catalogue-repository.ts,
 * units come from units/repository.ts (through units.ts).
 */
type Q = Kysely<Database> | Transaction<Database>;

export interface CellKey {
  element: string;
  unit: string;
  period: string;
  disaggregation: string;
}

export interface StoredValue extends CellKey {
  unitKind: UnitKind;
  value: number;
  enteredBy: string;
  enteredAt: Date;
}

export const cellId = (k: CellKey) => `${k.element}\u0000${k.unit}\u0000${k.period}\u0000${k.disaggregation}`;

/** The stored values of some units in some periods (the cells a write may touch). */
export async function findValues(db: Q, provinceCode: string, units: string[], periods: string[]): Promise<StoredValue[]> {
  if (units.length === 0 || periods.length === 0) return [];
  const rows = await db
    .selectFrom('data_value')
    .select(['element_code', 'unit_code', 'unit_kind', 'period', 'disaggregation', 'value', 'entered_by_name', 'entered_at'])
    .where('province_code', '=', provinceCode)
    .where('period', 'in', periods)
    .where('unit_code', 'in', units)
    .execute();
  return rows.map((r) => ({
    element: r.element_code,
    unit: r.unit_code,
    unitKind: r.unit_kind,
    period: r.period,
    disaggregation: r.disaggregation,
    value: r.value,
    enteredBy: r.entered_by_name,
    enteredAt: r.entered_at,
  }));
}

export interface ValueWrite extends CellKey {
  unitKind: UnitKind;
  /** null deletes the cell */
  value: number | null;
  old: number | null;
}

interface Writer {
  provinceCode: string;
  userId: string | null;
  name: string;
  source: 'form' | 'import';
}

const CHUNK = 1000;

/** Applies changed cells and appends one history row each; call inside the write's transaction. */
export async function applyWrites(trx: Transaction<Database>, writer: Writer, writes: ValueWrite[]): Promise<void> {
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    const upserts = chunk.filter((w): w is ValueWrite & { value: number } => w.value !== null);
    if (upserts.length > 0) {
      await trx
        .insertInto('data_value')
        .values(
          upserts.map((w) => ({
            province_code: writer.provinceCode,
            element_code: w.element,
            unit_kind: w.unitKind,
            unit_code: w.unit,
            period: w.period,
            disaggregation: w.disaggregation,
            value: w.value,
            entered_by: writer.userId,
            entered_by_name: writer.name,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['province_code', 'period', 'unit_code', 'element_code', 'disaggregation']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            entered_by: eb.ref('excluded.entered_by'),
            entered_by_name: eb.ref('excluded.entered_by_name'),
            entered_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
    for (const w of chunk.filter((x) => x.value === null)) {
      await trx
        .deleteFrom('data_value')
        .where('province_code', '=', writer.provinceCode)
        .where('period', '=', w.period)
        .where('unit_code', '=', w.unit)
        .where('element_code', '=', w.element)
        .where('disaggregation', '=', w.disaggregation)
        .execute();
    }
    await trx
      .insertInto('data_value_history')
      .values(
        chunk.map((w) => ({
          province_code: writer.provinceCode,
          element_code: w.element,
          unit_code: w.unit,
          period: w.period,
          disaggregation: w.disaggregation,
          old_value: w.old,
          new_value: w.value,
          changed_by: writer.userId,
          changed_by_name: writer.name,
          source: writer.source,
        })),
      )
      .execute();
  }
}

/** Every value of a period (or all periods) for export, communes and the province first. */
export async function listValuesForExport(db: Q, provinceCode: string, period: string | undefined) {
  let q = db
    .selectFrom('data_value')
    .select(['element_code', 'unit_code', 'unit_kind', 'period', 'disaggregation', 'value', 'entered_by_name', 'entered_at'])
    .where('province_code', '=', provinceCode);
  if (period) q = q.where('period', '=', period);
  return q.orderBy('period').orderBy('unit_code').orderBy('element_code').orderBy('disaggregation').execute();
}

/** Values of one period (and optionally the one before) as core DataValues need them, for validation. */
export async function listPeriodValues(db: Q, provinceCode: string, periods: string[]) {
  return db
    .selectFrom('data_value')
    .select(['element_code', 'unit_code', 'period', 'disaggregation', 'value'])
    .where('province_code', '=', provinceCode)
    .where('period', 'in', periods)
    .execute();
}

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
