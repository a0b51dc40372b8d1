import { sql, type Kysely } from 'kysely';

/**
 * Counts within bounds (issue 11, point 2): a data value is a whole number 0 ≤ n ≤ 10^12 (core
 * indicators/counts.ts MAX_COUNT), a baseline at most 10^12, checked by the database itself so that
 * no path into the tables (a route, an importer, a restore, a hand-written UPDATE) can store a
 * number that makes an aggregate non-finite or imprecise: before this, `1e308` was accepted and
 * every province read then failed.
 *
 * Rows stored before the check that break it cannot be kept (ADD CONSTRAINT would fail and the
 * install could not start) and cannot be corrected (nobody can tell what was meant by 1e308), so
 * they are removed, each removal written where a person looks for it: a data_value_history row
 * (old value, no new value, source 'migration') and, per unit and period, an audit row listing the
 * removed figures as text (a numeric of 309 digits would not fit a JSON number). The unit then shows
 * the figure as not reported and enters it again. Only numbers Tre has always refused or that are
 * absurd for a count of children are affected: negatives were already refused by a CHECK, decimals
 * by every route; what remains is numbers above 10^12, NaN and ±Infinity.
 */
const WHO = 'Tre (migration 0008)';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE data_value_history DROP CONSTRAINT data_value_history_source_check;
    ALTER TABLE data_value_history ADD CONSTRAINT data_value_history_source_check
      CHECK (source IN ('form', 'import', 'migration'));
  `.execute(db);

  await sql`
    WITH bad AS (
      DELETE FROM data_value
      WHERE NOT (value = trunc(value) AND value >= 0 AND value <= 1000000000000)
      RETURNING province_code, element_code, unit_code, period, disaggregation, value
    ), history AS (
      INSERT INTO data_value_history
        (province_code, element_code, unit_code, period, disaggregation, old_value, new_value, changed_by, changed_by_name, source)
      SELECT province_code, element_code, unit_code, period, disaggregation, value, NULL, NULL, ${WHO}, 'migration' FROM bad
    )
    INSERT INTO audit_event (province_code, actor_id, actor_name, action, entity, entity_id, before, after)
    SELECT province_code, NULL, ${WHO}, 'delete', 'data_value', unit_code || '/' || period,
           jsonb_object_agg(
             element_code || CASE WHEN disaggregation = '' THEN '' ELSE '[' || disaggregation || ']' END,
             value::text
           ),
           NULL
    FROM bad
    GROUP BY province_code, unit_code, period
  `.execute(db);

  await sql`
    WITH bad AS (
      DELETE FROM measure_baseline WHERE NOT (value >= 0 AND value <= 1000000000000)
      RETURNING plan_id, measure_code, year, value
    )
    INSERT INTO audit_event (province_code, actor_id, actor_name, action, entity, entity_id, before, after)
    SELECT p.province_code, NULL, ${WHO}, 'delete', 'measure_baseline', b.plan_id || '/' || b.measure_code,
           jsonb_build_object('year', b.year, 'value', b.value::text), NULL
    FROM bad b JOIN plan p ON p.id = b.plan_id
  `.execute(db);

  await sql`
    ALTER TABLE data_value ADD CONSTRAINT data_value_value_count
      CHECK (value = trunc(value) AND value >= 0 AND value <= 1000000000000);
    ALTER TABLE measure_baseline ADD CONSTRAINT measure_baseline_value_bound
      CHECK (value >= 0 AND value <= 1000000000000);
  `.execute(db);
}

/** The bounds go; the history keeps its 'migration' rows (it is append-only), so its wider source check stays. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE measure_baseline DROP CONSTRAINT measure_baseline_value_bound;
    ALTER TABLE data_value DROP CONSTRAINT data_value_value_count;
  `.execute(db);
}
