import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Cell } from '../cells.ts';

/** How a batch of imported cells compared with what was stored. */
export interface StoredCells {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Stores an import batch's cells in ONE statement: each cell is compared with its stored value (a
 * primary-key probe of data_value per cell), and only the new and changed cells are upserted and get
 * a history row. The cells travel as six arrays (unnest), so the statement has the same eight
 * parameters whatever the batch size: a 5,000-cell batch is one short text to parse and plan, not
 * 45,000 parameters, and it is one round trip while the batch's transaction holds the database
 * (on PGlite, everybody else's queries wait for it). The data_value triggers (measure_unit_value,
 * migration 0004) fire once for the statement. The comparison reads the snapshot from before the
 * statement, so `old` is the value being replaced. A batch names each cell once (import.ts keeps the
 * last row of a cell), as ON CONFLICT requires.
 */
export async function storeCells(
  trx: Transaction<Database>,
  writer: { provinceCode: string; userId: string | null; name: string },
  cells: readonly Cell[],
): Promise<StoredCells> {
  if (cells.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const column = <T>(pick: (c: Cell) => T) => cells.map(pick);
  const { rows } = await sql<{ created: string; updated: string; unchanged: string }>`
    WITH k AS (
      SELECT k.*, v.value AS old
      FROM unnest(${column((c) => c.element)}::text[], ${column((c) => c.unit)}::text[], ${column((c) => c.unitKind)}::text[],
                  ${column((c) => c.period)}::text[], ${column((c) => c.disaggregation)}::text[], ${column((c) => c.value)}::numeric[])
           AS k(element_code, unit_code, unit_kind, period, disaggregation, value)
      LEFT JOIN data_value v ON v.province_code = ${writer.provinceCode} AND v.period = k.period AND v.unit_code = k.unit_code
                            AND v.element_code = k.element_code AND v.disaggregation = k.disaggregation
    ), upserted AS (
      INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by, entered_by_name)
      SELECT ${writer.provinceCode}, element_code, unit_kind, unit_code, period, disaggregation, value, ${writer.userId}::uuid, ${writer.name}
      FROM k WHERE old IS DISTINCT FROM value
      ON CONFLICT (province_code, period, unit_code, element_code, disaggregation) DO UPDATE
        SET value = excluded.value, entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name, entered_at = now()
    ), history AS (
      INSERT INTO data_value_history (province_code, element_code, unit_code, period, disaggregation, old_value, new_value,
                                      changed_by, changed_by_name, source)
      SELECT ${writer.provinceCode}, element_code, unit_code, period, disaggregation, old, value, ${writer.userId}::uuid, ${writer.name}, 'import'
      FROM k WHERE old IS DISTINCT FROM value
    )
    SELECT count(*) FILTER (WHERE old IS NULL) AS created,
           count(*) FILTER (WHERE old IS NOT NULL AND old <> value) AS updated,
           count(*) FILTER (WHERE old = value) AS unchanged
    FROM k
  `.execute(trx);
  const r = rows[0];
  return { created: Number(r?.created ?? 0), updated: Number(r?.updated ?? 0), unchanged: Number(r?.unchanged ?? 0) };
}
