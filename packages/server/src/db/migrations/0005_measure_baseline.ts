import { sql, type Kysely } from 'kysely';

/**
 * Baselines of a plan's indicator targets (issue 4, point 6): the (year, value) a measure started
 * from, from which core progress.ts draws the straight line to the target and judges on track /
 * at risk / off track.
 *
 * One baseline per plan and measure, kept in its own table because measure_target is rebuilt
 * (deleted and inserted again) whenever the plan's targets are mapped again: a baseline stored
 * there would be lost. measure_target's baseline columns were never written (always null) and are
 * dropped; any value a database might hold in them is carried over first (the earliest target
 * year's), so nothing is lost.
 *
 * A deleted plan takes its baselines with it; a local indicator's measures are deleted by the
 * service together with their baselines (the plain foreign key refuses to leave one behind).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE measure_baseline (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      measure_code text NOT NULL REFERENCES measure(code),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
      value numeric NOT NULL CHECK (value >= 0),
      set_by uuid REFERENCES app_user(id),
      set_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plan_id, measure_code)
    );

    INSERT INTO measure_baseline (plan_id, measure_code, year, value)
    SELECT DISTINCT ON (plan_id, measure_code) plan_id, measure_code, baseline_year, baseline_value
    FROM measure_target
    WHERE baseline_year IS NOT NULL AND baseline_value IS NOT NULL
    ORDER BY plan_id, measure_code, year;

    -- dropping the columns drops the CHECK that ties them together as well
    ALTER TABLE measure_target DROP COLUMN baseline_year, DROP COLUMN baseline_value;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE measure_target ADD COLUMN baseline_year integer, ADD COLUMN baseline_value numeric,
      ADD CHECK ((baseline_year IS NULL) = (baseline_value IS NULL));
    UPDATE measure_target t SET baseline_year = b.year, baseline_value = b.value
    FROM measure_baseline b WHERE b.plan_id = t.plan_id AND b.measure_code = t.measure_code;
    DROP TABLE measure_baseline;
  `.execute(db);
}
