import { sql, type Kysely } from 'kysely';

/**
 * Plans (issue 3): a plan document as reviewed and saved (tre.plan/v1 in tables), the progress each
 * assigned body reports on its tasks, and stored files (evidence).
 *
 * Every body named in a task keeps the name as written beside its resolution, so the document can
 * be exported exactly as it was imported and a name can be re-resolved later. task_progress is
 * keyed by (task, body, period) because it becomes the task part of the reporting rounds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stored_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type text NOT NULL,
      size integer NOT NULL CHECK (size BETWEEN 0 AND 10485760),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (octet_length(content) = size)
    );
    CREATE INDEX stored_file_uploader ON stored_file (uploaded_by, created_at DESC);

    CREATE TABLE plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      title text NOT NULL,
      document_type text NOT NULL CHECK (document_type IN ('plan', 'letter', 'other')),
      issuer text,
      document_number text,
      year_from integer,
      year_to integer,
      citations text[] NOT NULL DEFAULT '{}',
      file_name text,
      source_lines text[] NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
    );
    CREATE INDEX plan_province ON plan (province_code, created_at DESC);

    CREATE TABLE plan_section (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      ref text NOT NULL,
      title text NOT NULL,
      level integer NOT NULL CHECK (level BETWEEN 1 AND 6),
      source_line integer,
      PRIMARY KEY (plan_id, position)
    );

    CREATE TABLE plan_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      ref text,
      section_ref text,
      text text NOT NULL,
      timeline_kind text NOT NULL CHECK (timeline_kind IN ('recurring', 'once', 'range', 'event-driven', 'unspecified')),
      timeline_text text,
      start_date date,
      end_date date,
      lunar text,
      source_line integer,
      UNIQUE (plan_id, position)
    );
    -- the calendar and the overdue list look tasks up by date
    CREATE INDEX plan_task_dates ON plan_task (coalesce(end_date, start_date)) WHERE start_date IS NOT NULL OR end_date IS NOT NULL;

    CREATE TABLE plan_task_body (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      task_id uuid NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('lead', 'support')),
      position integer NOT NULL,
      name text NOT NULL,
      resolution text NOT NULL CHECK (resolution IN ('agency', 'group', 'external', 'unresolved')),
      agency_id uuid REFERENCES agency(id),
      body_group text CHECK (body_group IN ('all_agencies', 'all_communes', 'mass_organisations')),
      UNIQUE (task_id, role, position),
      CHECK ((resolution = 'agency') = (agency_id IS NOT NULL)),
      CHECK ((resolution = 'group') = (body_group IS NOT NULL))
    );
    -- "my tasks": an agency's tasks, and the tasks of a group
    CREATE INDEX plan_task_body_agency ON plan_task_body (agency_id, task_id) WHERE agency_id IS NOT NULL;
    CREATE INDEX plan_task_body_group ON plan_task_body (body_group, task_id) WHERE body_group IS NOT NULL;
    CREATE INDEX plan_task_body_task ON plan_task_body (task_id);

    CREATE TABLE plan_indicator (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      no integer NOT NULL,
      goal integer,
      text text NOT NULL,
      source_line integer,
      PRIMARY KEY (plan_id, position)
    );

    CREATE TABLE plan_indicator_target (
      plan_id uuid NOT NULL,
      indicator_position integer NOT NULL,
      position integer NOT NULL,
      year integer NOT NULL,
      value numeric NOT NULL,
      unit text CHECK (unit IN ('%', 'per1000', 'per100000', 'count')),
      op text CHECK (op IN ('<', '<=', '=', '>=', '>')),
      measure text,
      PRIMARY KEY (plan_id, indicator_position, position),
      FOREIGN KEY (plan_id, indicator_position) REFERENCES plan_indicator(plan_id, position) ON DELETE CASCADE
    );

    CREATE TABLE plan_indicator_assignment (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL,
      resolution text NOT NULL CHECK (resolution IN ('agency', 'group', 'external', 'unresolved')),
      agency_id uuid REFERENCES agency(id),
      body_group text CHECK (body_group IN ('all_agencies', 'all_communes', 'mass_organisations')),
      indicators integer[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (plan_id, position),
      CHECK ((resolution = 'agency') = (agency_id IS NOT NULL)),
      CHECK ((resolution = 'group') = (body_group IS NOT NULL))
    );
    CREATE INDEX plan_indicator_assignment_agency ON plan_indicator_assignment (agency_id) WHERE agency_id IS NOT NULL;

    CREATE TABLE plan_reporting_deadline (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('semiannual', 'annual', 'quarterly', 'monthly', 'final', 'other')),
      due text NOT NULL CHECK (due ~ '^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$'),
      recipient text,
      text text,
      PRIMARY KEY (plan_id, position)
    );

    CREATE TABLE plan_footnote (
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      mark text NOT NULL,
      text text NOT NULL,
      PRIMARY KEY (plan_id, position)
    );

    -- No cascade from plan_task: a plan with recorded progress cannot be deleted (nothing a body
    -- reported is lost silently).
    CREATE TABLE task_progress (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      task_id uuid NOT NULL REFERENCES plan_task(id),
      agency_id uuid REFERENCES agency(id),
      commune_code text REFERENCES commune(code),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(S[12])?$'),
      status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'not_applicable')),
      note text,
      evidence_file_id uuid REFERENCES stored_file(id),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((agency_id IS NULL) <> (commune_code IS NULL))
    );
    CREATE UNIQUE INDEX task_progress_agency ON task_progress (task_id, agency_id, period) WHERE agency_id IS NOT NULL;
    CREATE UNIQUE INDEX task_progress_commune ON task_progress (task_id, commune_code, period) WHERE commune_code IS NOT NULL;
    CREATE INDEX task_progress_period ON task_progress (task_id, period);
    CREATE INDEX task_progress_evidence ON task_progress (evidence_file_id) WHERE evidence_file_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE task_progress, plan_footnote, plan_reporting_deadline, plan_indicator_assignment,
      plan_indicator_target, plan_indicator, plan_task_body, plan_task, plan_section, plan, stored_file;
  `.execute(db);
}
