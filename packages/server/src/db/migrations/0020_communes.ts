import { sql, type Kysely } from 'kysely';

/**
 * Child-friendly commune recognition (issue 17; Quyết định 06/2019/QĐ-TTg).
 *
 * - commune_rule_set: the rule sets of a province (criteria, indicators, scoring rules as JSON,
 *   core communes/rule-set.ts); one is active. Each assessment keeps the set it was created with.
 * - commune_category: the administrator's category of a commune (mountain, island, especially
 *   disadvantaged, urban ward of a centrally-run city, other); absent, it is derived from the units.
 * - commune_assessment: one commune's self-assessment of a year, its state, the province's return
 *   comment and decision (number, date, recognised, and the category it was decided under).
 * - commune_assessment_entry: an indicator's value as the commune entered it (JSON, null to keep
 *   the pre-filled one), the reason for overriding a pre-filled value, a note; at submission the
 *   pre-filled value is kept with its source so the province verifies what was submitted.
 * - commune_assessment_evidence: evidence files (stored_file) attached to an indicator.
 * - commune_assessment_verification: the province's verification of a criterion: accepted, or
 *   corrected with the corrected values and a comment.
 * - commune_assessment_event: the assessment's history (saved, submitted, verified, returned, decided).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE commune_rule_set (
      id serial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      version text NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
      content jsonb NOT NULL,
      active boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (province_code, version)
    );
    CREATE UNIQUE INDEX commune_rule_set_active ON commune_rule_set (province_code) WHERE active;

    CREATE TABLE commune_category (
      commune_code text PRIMARY KEY REFERENCES commune(code),
      category text NOT NULL CHECK (category IN ('mountain', 'island', 'especially_disadvantaged', 'urban_central', 'other')),
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE commune_assessment (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      commune_code text NOT NULL REFERENCES commune(code),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      rule_set_id integer NOT NULL REFERENCES commune_rule_set(id),
      state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'decided')),
      submitted_at timestamptz,
      return_comment text CHECK (length(return_comment) <= 2000),
      decision_number text CHECK (length(decision_number) BETWEEN 1 AND 60),
      decision_date date,
      decision_recognised boolean,
      decision_category text,
      decided_by uuid REFERENCES app_user(id),
      decided_by_name text,
      decided_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (commune_code, year)
    );
    -- the province's status list of a year
    CREATE INDEX commune_assessment_year ON commune_assessment (province_code, year);

    CREATE TABLE commune_assessment_entry (
      assessment_id bigint NOT NULL REFERENCES commune_assessment(id) ON DELETE CASCADE,
      indicator_code text NOT NULL CHECK (length(indicator_code) BETWEEN 1 AND 20),
      value jsonb,
      prefill jsonb,
      override_reason text CHECK (length(override_reason) BETWEEN 1 AND 1000),
      note text CHECK (length(note) <= 2000),
      PRIMARY KEY (assessment_id, indicator_code)
    );

    CREATE TABLE commune_assessment_evidence (
      assessment_id bigint NOT NULL REFERENCES commune_assessment(id) ON DELETE CASCADE,
      indicator_code text NOT NULL,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      PRIMARY KEY (assessment_id, indicator_code, file_id)
    );
    CREATE INDEX commune_assessment_evidence_file ON commune_assessment_evidence (file_id);

    CREATE TABLE commune_assessment_verification (
      assessment_id bigint NOT NULL REFERENCES commune_assessment(id) ON DELETE CASCADE,
      criterion_code text NOT NULL CHECK (length(criterion_code) BETWEEN 1 AND 20),
      outcome text NOT NULL CHECK (outcome IN ('accepted', 'corrected')),
      corrections jsonb NOT NULL DEFAULT '{}',
      comment text CHECK (length(comment) <= 2000),
      by_id uuid REFERENCES app_user(id),
      by_name text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (assessment_id, criterion_code)
    );

    CREATE TABLE commune_assessment_event (
      id bigserial PRIMARY KEY,
      assessment_id bigint NOT NULL REFERENCES commune_assessment(id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action IN ('create', 'save', 'submit', 'verify', 'return', 'decision')),
      comment text CHECK (length(comment) <= 2000),
      by_id uuid REFERENCES app_user(id),
      by_name text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX commune_assessment_event_assessment ON commune_assessment_event (assessment_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE commune_assessment_event;
    DROP TABLE commune_assessment_verification;
    DROP TABLE commune_assessment_evidence;
    DROP TABLE commune_assessment_entry;
    DROP TABLE commune_assessment;
    DROP TABLE commune_category;
    DROP TABLE commune_rule_set;
  `.execute(db);
}
