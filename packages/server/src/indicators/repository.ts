import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';

/** SQL of the indicators module; rules live in the services. */
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

export interface Writer {
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

export async function communeCodesOf(db: Q, provinceCode: string): Promise<string[]> {
  const rows = await db.selectFrom('commune').select('code').where('province_code', '=', provinceCode).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export async function agenciesOf(db: Q, provinceCode: string) {
  return db.selectFrom('agency').select(['id', 'short_name', 'aliases']).where('province_code', '=', provinceCode).execute();
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
