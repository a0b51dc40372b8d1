import { sql, type Kysely } from 'kysely';

/**
 * Child-protection cases (issue 16; Nghị định 56/2017 Điều 25–30).
 *
 * - child_case: one report and what follows it, about one child of the register. Its step
 *   (core cases/steps.ts), its people (who took the report, the assigned worker, the supervisor),
 *   the reporter (confidential: read only by the intake worker and the supervisor), and the legal
 *   clocks as computed at intake (emergency measures 12 hours, the plan 5 working days) with when
 *   each was met, so that lists sort and filter on them through indexes.
 * - child_case_step: every step taken, with its legal form's fields (Mẫu 01–07) as JSON, who and
 *   when: the case's timeline. Transfers and reassignments are steps too.
 * - child_case_service: the services of the plan, each with its body (the team, an agency or a
 *   commune) and due date; a referred one is accepted or rejected (with a reason) by that body.
 * - child_case_grant: the administrator's grants of access for a stated reason until a date.
 * - child_case_alert: each alert sent (case, clock, level), unique, so that a restart never sends
 *   one twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE child_case (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      number text NOT NULL UNIQUE CHECK (length(number) <= 40),
      commune_code text NOT NULL REFERENCES commune(code),
      child_id bigint NOT NULL REFERENCES child(id),
      status text NOT NULL CHECK (status IN ('received', 'verified', 'initial_assessed', 'emergency', 'full_assessed',
        'plan_drafted', 'plan_pending', 'plan_approved', 'in_progress', 'review', 'closure_pending', 'closed')),
      received_at timestamptz NOT NULL,
      channel text NOT NULL CHECK (channel IN ('hotline_111', 'provincial_hotline', 'police', 'school', 'health',
        'community', 'child', 'other')),
      reporter_anonymous boolean NOT NULL DEFAULT false,
      reporter_name text CHECK (length(reporter_name) <= 100),
      reporter_phone text CHECK (length(reporter_phone) <= 20),
      reporter_relation text CHECK (length(reporter_relation) <= 100),
      abuse_forms text[] NOT NULL CHECK (cardinality(abuse_forms) BETWEEN 1 AND 7
        AND abuse_forms <@ ARRAY['violence', 'exploitation', 'sexual_abuse', 'trafficking', 'abandonment', 'neglect', 'other_harm']),
      facts text NOT NULL CHECK (length(facts) BETWEEN 1 AND 5000),
      location text CHECK (length(location) <= 300),
      urgency text NOT NULL CHECK (urgency IN ('immediate', 'high', 'normal')),
      emergency_required boolean NOT NULL,
      emergency_due timestamptz NOT NULL,
      emergency_met_at timestamptz,
      plan_due timestamptz NOT NULL,
      plan_met_at timestamptz,
      review_due timestamptz,
      review_met_at timestamptz,
      intake_by uuid REFERENCES app_user(id),
      worker_id uuid REFERENCES app_user(id),
      supervisor_id uuid REFERENCES app_user(id),
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- a worker's list and a supervisor's: their open cases, nearest clock first
    CREATE INDEX child_case_worker ON child_case (worker_id, status);
    CREATE INDEX child_case_supervisor ON child_case (supervisor_id, status);
    -- the overviews and statistics of a commune or the province over a period
    CREATE INDEX child_case_commune ON child_case (province_code, commune_code, received_at);
    CREATE INDEX child_case_received ON child_case (province_code, received_at);
    CREATE INDEX child_case_child ON child_case (child_id);

    CREATE TABLE child_case_step (
      id bigserial PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES child_case(id),
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      actor_name text NOT NULL,
      form text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      comment text CHECK (length(comment) <= 2000)
    );
    CREATE INDEX child_case_step_case ON child_case_step (case_id, id);

    CREATE TABLE child_case_service (
      id bigserial PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES child_case(id),
      kind text NOT NULL CHECK (kind IN ('health', 'psychological', 'legal_aid', 'alternative_care', 'schooling', 'police',
        'social_assistance', 'other')),
      description text CHECK (length(description) <= 1000),
      agency_id uuid REFERENCES agency(id),
      commune_code text REFERENCES commune(code),
      due_on date,
      status text NOT NULL CHECK (status IN ('planned', 'referred', 'accepted', 'rejected', 'done')),
      outcome text CHECK (length(outcome) <= 2000),
      reject_reason text CHECK (length(reject_reason) <= 1000),
      referred_at timestamptz,
      responded_at timestamptz,
      responded_by uuid REFERENCES app_user(id),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (agency_id IS NULL OR commune_code IS NULL)
    );
    CREATE INDEX child_case_service_case ON child_case_service (case_id);
    CREATE INDEX child_case_service_agency ON child_case_service (agency_id, status) WHERE agency_id IS NOT NULL;
    CREATE INDEX child_case_service_commune ON child_case_service (commune_code, status) WHERE commune_code IS NOT NULL;

    CREATE TABLE child_case_grant (
      id bigserial PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES child_case(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 500),
      expires_at timestamptz NOT NULL,
      granted_by uuid REFERENCES app_user(id),
      granted_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX child_case_grant_user ON child_case_grant (user_id, case_id, expires_at);

    CREATE TABLE child_case_alert (
      case_id bigint NOT NULL REFERENCES child_case(id),
      clock text NOT NULL CHECK (clock IN ('emergency', 'plan', 'review')),
      level text NOT NULL CHECK (level IN ('near', 'overdue')),
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, clock, level)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE child_case_alert;
    DROP TABLE child_case_grant;
    DROP TABLE child_case_service;
    DROP TABLE child_case_step;
    DROP TABLE child_case;
  `.execute(db);
}
