import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CellKey, StoredValue } from './repository.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The stored values of exactly these cells, for an import batch to compare with. A batch of a file
 * sorted by element may name a thousand communes in one period: reading all their values (the
 * form's findValues) would read ~59 rows per commune; this reads one primary-key probe per cell.
 * The cells travel as four arrays (four parameters, whatever the batch size) and are joined
 * through unnest to data_value's primary key (province_code, period, unit_code, element_code,
 * disaggregation).
 */
export async function findValuesOfCells(db: Q, provinceCode: string, cells: readonly CellKey[]): Promise<StoredValue[]> {
  if (cells.length === 0) return [];
  const rows = await sql<{
    element_code: string;
    unit_code: string;
    unit_kind: StoredValue['unitKind'];
    period: string;
    disaggregation: string;
    value: number;
    entered_by_name: string;
    entered_at: Date;
  }>`
    SELECT v.element_code, v.unit_code, v.unit_kind, v.period, v.disaggregation, v.value, v.entered_by_name, v.entered_at
    FROM unnest(${cells.map((c) => c.period)}::text[], ${cells.map((c) => c.unit)}::text[],
                ${cells.map((c) => c.element)}::text[], ${cells.map((c) => c.disaggregation)}::text[])
         AS k(period, unit_code, element_code, disaggregation)
    JOIN data_value v ON v.province_code = ${provinceCode} AND v.period = k.period AND v.unit_code = k.unit_code
                     AND v.element_code = k.element_code AND v.disaggregation = k.disaggregation
  `.execute(db);
  return rows.rows.map((r) => ({
    element: r.element_code,
    unit: r.unit_code,
    unitKind: r.unit_kind,
    period: r.period,
    disaggregation: r.disaggregation,
    value: Number(r.value),
    enteredBy: r.entered_by_name,
    enteredAt: r.entered_at,
  }));
}
