import { sql, type Kysely } from 'kysely';

/**
 * Indicators (issue 4): the catalogue in tables (seeded from the shipped national catalogue at
 * bootstrap, so a newer Tre can add to it without a migration), the data values per element, unit
 * and period with an append-only history, and the targets of each plan mapped to measures.
 *
 * data_value.unit_code is a commune code, the province code or an agency id; unit_kind says which.
 * province_code is the installation's province on every large table (DESIGN.md §9, distribution key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_category (
      code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_]*$'),
      name_vi text NOT NULL,
      name_en text NOT NULL
    );
    CREATE TABLE indicator_category_option (
      category_code text NOT NULL REFERENCES indicator_category(code),
      code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_]*$'),
      position integer NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      PRIMARY KEY (category_code, code)
    );
    CREATE TABLE data_element (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
      position integer NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      categories text[] NOT NULL DEFAULT '{}',
      origin text NOT NULL CHECK (origin IN ('national', 'local'))
    );
    CREATE TABLE indicator (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
      no integer,
      goal integer,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('national', 'local'))
    );
    CREATE TABLE measure (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
      indicator_code text NOT NULL REFERENCES indicator(code),
      position integer NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      numerator text NOT NULL REFERENCES data_element(code),
      denominator text NOT NULL REFERENCES data_element(code),
      factor integer NOT NULL CHECK (factor IN (100, 1000, 100000)),
      unit text NOT NULL CHECK (unit IN ('%', 'per1000', 'per100000')),
      direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
      agency text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('national', 'local')),
      CHECK (numerator <> denominator)
    );
    CREATE TABLE measure_national_target (
      measure_code text NOT NULL REFERENCES measure(code),
      year integer NOT NULL,
      op text NOT NULL CHECK (op IN ('<', '<=', '=', '>=', '>')),
      value numeric NOT NULL,
      cross_checked boolean NOT NULL,
      PRIMARY KEY (measure_code, year)
    );

    CREATE TABLE data_value (
      province_code text NOT NULL REFERENCES province(code),
      element_code text NOT NULL REFERENCES data_element(code),
      unit_kind text NOT NULL CHECK (unit_kind IN ('commune', 'agency', 'province')),
      unit_code text NOT NULL,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}((S[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$'),
      disaggregation text NOT NULL DEFAULT '',
      value numeric NOT NULL CHECK (value >= 0),
      entered_by uuid REFERENCES app_user(id),
      entered_by_name text NOT NULL,
      entered_at timestamptz NOT NULL DEFAULT now(),
      -- unit codes of the three kinds never collide (5 digits, 2 digits, a uuid), so the key is
      -- (element, unit, period, disaggregation); province_code leads for the distribution key
      PRIMARY KEY (province_code, period, unit_code, element_code, disaggregation)
    );
    -- aggregation over a period reads the PK; trends and rankings read one element over periods
    CREATE INDEX data_value_element ON data_value (province_code, element_code, period, unit_code);

    -- Append-only, like the audit: every change of a value, the first entry included.
    CREATE TABLE data_value_history (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      element_code text NOT NULL,
      unit_code text NOT NULL,
      period text NOT NULL,
      disaggregation text NOT NULL,
      old_value numeric,
      new_value numeric,
      changed_by uuid REFERENCES app_user(id),
      changed_by_name text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      source text NOT NULL CHECK (source IN ('form', 'import'))
    );
    CREATE INDEX data_value_history_cell ON data_value_history (province_code, unit_code, period, element_code, id DESC);
    CREATE TRIGGER data_value_history_no_update BEFORE UPDATE OR DELETE ON data_value_history
      FOR EACH ROW EXECUTE FUNCTION tre_audit_append_only();
    CREATE TRIGGER data_value_history_no_truncate BEFORE TRUNCATE ON data_value_history
      FOR EACH STATEMENT EXECUTE FUNCTION tre_audit_append_only();

    -- A plan's targets mapped to measures (indicators/plan-targets.ts); rebuilt when a plan is saved.
    CREATE TABLE measure_target (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      measure_code text NOT NULL REFERENCES measure(code),
      year integer NOT NULL,
      op text NOT NULL CHECK (op IN ('<', '<=', '=', '>=', '>')),
      value numeric NOT NULL,
      baseline_year integer,
      baseline_value numeric,
      indicator_position integer NOT NULL,
      target_position integer NOT NULL,
      PRIMARY KEY (plan_id, measure_code, year),
      CHECK ((baseline_year IS NULL) = (baseline_value IS NULL))
    );
    CREATE INDEX measure_target_measure ON measure_target (measure_code, year);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE measure_target, data_value_history, data_value, measure_national_target, measure, indicator,
      data_element, indicator_category_option, indicator_category;
  `.execute(db);
}
