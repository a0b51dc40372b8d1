import { sql, type Kysely } from 'kysely';

/**
 * Complaints and denunciations about children's rights (issue 17 §3; Luật Khiếu nại 2011, Luật Tố
 * cáo 2018).
 *
 * - complaint_setting: the clocks' rules of one kind (days to accept and to resolve, calendar or
 *   working days, extensions), replacing the law's defaults (core voices/complaints/clocks.ts) when
 *   the administrator sets them. No row: the defaults.
 * - complaint: one complaint or denunciation, its assigned body (a commune or an agency of the
 *   province), handler and supervisor, the complainant (protected: read only by the handler and the
 *   supervisor; empty for an anonymous denunciation), the child of the register if any, the rules in
 *   force when it was received (its clocks keep them) and its clocks as computed, with when each was
 *   met, so that lists sort on them through indexes.
 * - complaint_step: every step taken, with its data (decision number, reason, outcome …): the timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE complaint_setting (
      kind text PRIMARY KEY CHECK (kind IN ('complaint', 'denunciation')),
      rules jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user(id)
    );

    CREATE TABLE complaint (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      number text NOT NULL UNIQUE CHECK (length(number) <= 40),
      kind text NOT NULL CHECK (kind IN ('complaint', 'denunciation')),
      channel text NOT NULL CHECK (channel IN ('in_person', 'letter', 'phone', 'online', 'forwarded')),
      status text NOT NULL CHECK (status IN ('received', 'accepted', 'not_accepted', 'information', 'resolving',
        'resolved', 'answered', 'withdrawn', 'closed')),
      received_at timestamptz NOT NULL,
      content text NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
      anonymous boolean NOT NULL,
      complainant_name text CHECK (length(complainant_name) <= 100),
      complainant_address text CHECK (length(complainant_address) <= 300),
      complainant_contact text CHECK (length(complainant_contact) <= 100),
      complainant_id_number text CHECK (complainant_id_number ~ '^[0-9]{9,12}$'),
      -- the law: a complaint names its complainant; only a denunciation may be anonymous
      CHECK (NOT anonymous OR kind = 'denunciation'),
      CHECK (anonymous OR complainant_name IS NOT NULL),
      child_id bigint REFERENCES child(id),
      commune_code text REFERENCES commune(code),
      agency_id uuid REFERENCES agency(id),
      CHECK ((commune_code IS NULL) <> (agency_id IS NULL)),
      remote_area boolean NOT NULL DEFAULT false,
      received_by uuid REFERENCES app_user(id),
      handler_id uuid REFERENCES app_user(id),
      supervisor_id uuid NOT NULL REFERENCES app_user(id),
      rules jsonb NOT NULL,
      acceptance_due timestamptz NOT NULL,
      acceptance_met_at timestamptz,
      accepted_on date,
      decision_number text CHECK (length(decision_number) <= 50),
      resolution_due timestamptz,
      resolution_met_at timestamptz,
      extension_days integer[] NOT NULL DEFAULT '{}',
      outcome text CHECK (outcome IN ('upheld', 'partly_upheld', 'rejected', 'substantiated', 'partly_substantiated', 'unfounded')),
      answered_on date,
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- a handler's list and a supervisor's: a handful of rows per user
    CREATE INDEX complaint_handler ON complaint (handler_id, status);
    CREATE INDEX complaint_supervisor ON complaint (supervisor_id, status);
    -- statistics and the overdue scan over a province's period
    CREATE INDEX complaint_received ON complaint (province_code, received_at);
    CREATE INDEX complaint_open_clock ON complaint (status, acceptance_due, resolution_due);

    CREATE TABLE complaint_step (
      id bigserial PRIMARY KEY,
      complaint_id bigint NOT NULL REFERENCES complaint(id),
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      actor_name text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      comment text CHECK (length(comment) <= 2000)
    );
    CREATE INDEX complaint_step_complaint ON complaint_step (complaint_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE complaint_step; DROP TABLE complaint; DROP TABLE complaint_setting;`.execute(db);
}
