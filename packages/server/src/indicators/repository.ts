import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';

/**
 * SQL of the stored figures (data_value and its history), shared by the entry form, the importers,
 * the Excel template and the validation run; rules live in the services. The aggregation reads are
 * in values/repository.ts, the catalogue's SQL in catalogue/repository.ts, targets' in
 * targets/repository.ts, units come from units/repository.ts (through units.ts).
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

/**
 * Applies changed cells and appends one history row each, in ONE statement whatever the number of
 * cells; call inside the write's transaction. The cells travel as seven arrays (unnest), not as a
 * VALUES list of 9 parameters a row: a 5,000-cell import batch is then one short statement to parse
 * and plan instead of 45,000 parameters, and the data_value triggers (measure_unit_value, migration
 * 0004) fire once for the batch. Upserts, deletions (value null) and history are data-modifying CTEs
 * of that statement; they never touch the same row twice because a batch names each cell once.
 */
export async function applyWrites(trx: Transaction<Database>, writer: Writer, writes: ValueWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const column = <T>(pick: (w: ValueWrite) => T) => writes.map(pick);
  await sql`
    WITH k AS (
      SELECT * FROM unnest(${column((w) => w.element)}::text[], ${column((w) => w.unit)}::text[],
                           ${column((w) => w.unitKind)}::text[], ${column((w) => w.period)}::text[],
                           ${column((w) => w.disaggregation)}::text[], ${column((w) => w.value)}::numeric[],
                           ${column((w) => w.old)}::numeric[])
        AS k(element_code, unit_code, unit_kind, period, disaggregation, value, old_value)
    ), upserted AS (
      INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by, entered_by_name)
      SELECT ${writer.provinceCode}, element_code, unit_kind, unit_code, period, disaggregation, value, ${writer.userId}::uuid, ${writer.name}
      FROM k WHERE value IS NOT NULL
      ON CONFLICT (province_code, period, unit_code, element_code, disaggregation) DO UPDATE
        SET value = excluded.value, entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name, entered_at = now()
    ), deleted AS (
      DELETE FROM data_value v USING k
      WHERE k.value IS NULL AND v.province_code = ${writer.provinceCode} AND v.period = k.period
        AND v.unit_code = k.unit_code AND v.element_code = k.element_code AND v.disaggregation = k.disaggregation
    )
    INSERT INTO data_value_history (province_code, element_code, unit_code, period, disaggregation, old_value, new_value,
                                    changed_by, changed_by_name, source)
    SELECT ${writer.provinceCode}, element_code, unit_code, period, disaggregation, old_value, value,
           ${writer.userId}::uuid, ${writer.name}, ${writer.source}
    FROM k
  `.execute(trx);
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
