import { sql, type Kysely } from 'kysely';

/**
 * Pre-aggregated indicator figures (issue 4, benchmark): one row per measure, unit and period where
 * the unit has BOTH the measure's numerator and denominator, each resolved as core values.ts does
 * (the explicit total wins, else the sum of its disaggregated parts). Province figures are then a
 * plain GROUP BY over these rows, with no per-request resolution of data_value and no self-join.
 *
 * Kept exact by triggers, so every write path (the entry form, imports, dump restores, SQL) keeps it:
 * - data_value INSERT / UPDATE / DELETE (statement triggers with transition tables): the
 *   (province, period, unit) cells the statement touched are recomputed from data_value;
 * - measure INSERT, or UPDATE of its numerator / denominator: that measure is recomputed; a deleted
 *   measure's rows go with it (ON DELETE CASCADE); TRUNCATE of data_value or measure cascades here.
 * The table is derived: it is not dumped, a restore rebuilds it through the same triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE measure_unit_value (
      province_code text NOT NULL,
      period text NOT NULL,
      unit_code text NOT NULL,
      measure_code text NOT NULL REFERENCES measure(code) ON DELETE CASCADE,
      unit_kind text NOT NULL,
      numerator numeric NOT NULL,
      denominator numeric NOT NULL,
      PRIMARY KEY (province_code, period, unit_code, measure_code)
    );
    CREATE INDEX measure_unit_value_measure ON measure_unit_value (province_code, measure_code, period);

    -- Recomputes the figures of the given (province, period, unit) cells, or of every cell for some measures.
    CREATE FUNCTION tre_measure_unit_refresh(provinces text[], periods text[], units text[], measures text[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF measures IS NULL THEN
        DELETE FROM measure_unit_value v
        USING (SELECT DISTINCT * FROM unnest(provinces, periods, units) AS k(province_code, period, unit_code)) k
        WHERE v.province_code = k.province_code AND v.period = k.period AND v.unit_code = k.unit_code;
      ELSE
        DELETE FROM measure_unit_value WHERE measure_code = ANY (measures);
      END IF;
      INSERT INTO measure_unit_value (province_code, period, unit_code, measure_code, unit_kind, numerator, denominator)
      SELECT t.province_code, t.period, t.unit_code, m.code, min(t.unit_kind),
             max(t.value) FILTER (WHERE e.is_numerator), max(t.value) FILTER (WHERE NOT e.is_numerator)
      FROM (
        SELECT dv.province_code, dv.period, dv.unit_code, dv.element_code, min(dv.unit_kind) AS unit_kind,
               coalesce(max(dv.value) FILTER (WHERE dv.disaggregation = ''), sum(dv.value)) AS value
        FROM (
          SELECT dv.* FROM data_value dv
          JOIN (SELECT DISTINCT * FROM unnest(provinces, periods, units) AS k(province_code, period, unit_code)) k
            ON dv.province_code = k.province_code AND dv.period = k.period AND dv.unit_code = k.unit_code
          WHERE measures IS NULL
          UNION ALL
          SELECT dv.* FROM data_value dv
          WHERE measures IS NOT NULL
            AND dv.element_code IN (SELECT numerator FROM measure WHERE code = ANY (measures)
                                    UNION SELECT denominator FROM measure WHERE code = ANY (measures))
        ) dv
        GROUP BY dv.province_code, dv.period, dv.unit_code, dv.element_code
      ) t
      JOIN (measure m CROSS JOIN LATERAL (VALUES (m.numerator, true), (m.denominator, false)) AS e(element, is_numerator))
        ON e.element = t.element_code
      WHERE measures IS NULL OR m.code = ANY (measures)
      GROUP BY t.province_code, t.period, t.unit_code, m.code
      HAVING count(*) FILTER (WHERE e.is_numerator) > 0 AND count(*) FILTER (WHERE NOT e.is_numerator) > 0;
    END
    $fn$;

    CREATE FUNCTION tre_data_value_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM tre_measure_unit_refresh(array_agg(province_code), array_agg(period), array_agg(unit_code), NULL)
        FROM (SELECT DISTINCT province_code, period, unit_code FROM new_rows) k;
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM tre_measure_unit_refresh(array_agg(province_code), array_agg(period), array_agg(unit_code), NULL)
        FROM (SELECT DISTINCT province_code, period, unit_code FROM old_rows) k;
      ELSE
        PERFORM tre_measure_unit_refresh(array_agg(province_code), array_agg(period), array_agg(unit_code), NULL)
        FROM (SELECT province_code, period, unit_code FROM new_rows
              UNION SELECT province_code, period, unit_code FROM old_rows) k;
      END IF;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER data_value_inserted AFTER INSERT ON data_value REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tre_data_value_changed();
    CREATE TRIGGER data_value_updated AFTER UPDATE ON data_value REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tre_data_value_changed();
    CREATE TRIGGER data_value_deleted AFTER DELETE ON data_value REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tre_data_value_changed();

    CREATE FUNCTION tre_measure_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM tre_measure_unit_refresh(NULL, NULL, NULL, ARRAY[NEW.code]);
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER measure_inserted AFTER INSERT ON measure
      FOR EACH ROW EXECUTE FUNCTION tre_measure_changed();
    CREATE TRIGGER measure_elements_changed AFTER UPDATE OF numerator, denominator ON measure
      FOR EACH ROW WHEN (OLD.numerator IS DISTINCT FROM NEW.numerator OR OLD.denominator IS DISTINCT FROM NEW.denominator)
      EXECUTE FUNCTION tre_measure_changed();

    SELECT tre_measure_unit_refresh(NULL, NULL, NULL, array_agg(code)) FROM measure;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER measure_inserted ON measure;
    DROP TRIGGER measure_elements_changed ON measure;
    DROP TRIGGER data_value_inserted ON data_value;
    DROP TRIGGER data_value_updated ON data_value;
    DROP TRIGGER data_value_deleted ON data_value;
    DROP FUNCTION tre_measure_changed(), tre_data_value_changed();
    DROP FUNCTION tre_measure_unit_refresh(text[], text[], text[], text[]);
    DROP TABLE measure_unit_value;
  `.execute(db);
}
