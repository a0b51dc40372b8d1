import { sql, type Kysely } from 'kysely';

/**
 * Reporting rounds (issue 14).
 *
 * - reporting_round: a plan's round for a period (or an ad hoc one), its deadline — a date in
 *   Vietnam — and reminder settings; closed_at once closed (late submissions are still taken).
 * - round_body: who owes a report, an agency (unit_code = its uuid) or a commune (its code), as
 *   data_value names units; `origin` says why (the plan, every commune, added by hand).
 * - submission: one per body and round; its state, narrative sections, the explanation of each
 *   missing figure, when it was first sent (timeliness) and last sent.
 * - submission_version: what each sending held (narrative, explanations, figures, tasks), so that the
 *   reviewer sees what changed and an accepted report can always be shown as it was.
 * - submission_comment: the reviewer's comments on a return, on the whole, a section or a figure.
 * - figures_lock: a unit's figures for a period accepted in a round; the indicators module refuses
 *   to change them while any round holds them accepted (reopening one round removes its lock only).
 * - notification: in-app messages to a user (reminders today, case alerts later).
 * - reporting_contact: a body's reporting mailbox, its head and when a late report escalates.
 * - reminder: the log of reminders, one row per (round, body, step, channel): the unique key is what
 *   makes a step go out once, across restarts and server processes (claimed before it is sent).
 * - report_draft / report_build: the assembled report's edited text and header, and every document
 *   built (who, when, from which submission versions, the files themselves).
 */
const UNIT = `unit_kind text NOT NULL CHECK (unit_kind IN ('agency', 'commune')),
      unit_code text NOT NULL CHECK (length(unit_code) BETWEEN 1 AND 64)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reporting_round (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      plan_id uuid REFERENCES plan(id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('plan', 'ad_hoc')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}((S[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$'),
      deadline date NOT NULL,
      remind_before_days integer NOT NULL DEFAULT 3 CHECK (remind_before_days BETWEEN 0 AND 60),
      remind_every_days integer NOT NULL DEFAULT 7 CHECK (remind_every_days BETWEEN 1 AND 60),
      opened_by uuid REFERENCES app_user(id),
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closed_by uuid REFERENCES app_user(id)
    );
    CREATE INDEX reporting_round_province ON reporting_round (province_code, opened_at DESC);
    -- one round per plan and period; ad hoc rounds are as many as the office needs
    CREATE UNIQUE INDEX reporting_round_plan_period ON reporting_round (plan_id, period) WHERE kind = 'plan';

    CREATE TABLE round_body (
      round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
      ${sql.raw(UNIT)},
      origin text NOT NULL CHECK (origin IN ('plan', 'commune', 'manual')),
      PRIMARY KEY (round_id, unit_kind, unit_code)
    );
    CREATE INDEX round_body_unit ON round_body (unit_code, round_id);

    CREATE TABLE submission (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
      ${sql.raw(UNIT)},
      state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'resubmitted', 'accepted')),
      version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
      narrative jsonb NOT NULL DEFAULT '{}',
      explanations jsonb NOT NULL DEFAULT '{}',
      first_submitted_at timestamptz,
      last_submitted_at timestamptz,
      submitted_after_close boolean NOT NULL DEFAULT false,
      accepted_at timestamptz,
      accepted_by uuid REFERENCES app_user(id),
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (round_id, unit_kind, unit_code),
      CHECK ((state = 'draft') = (version = 0) OR state <> 'draft')
    );

    CREATE TABLE submission_version (
      submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      submitted_by uuid REFERENCES app_user(id),
      content jsonb NOT NULL,
      PRIMARY KEY (submission_id, version)
    );

    CREATE TABLE submission_comment (
      id bigserial PRIMARY KEY,
      submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
      version integer NOT NULL,
      action text NOT NULL CHECK (action IN ('return', 'reopen', 'accept')),
      target text NOT NULL CHECK (target ~ '^(whole|section:[A-Za-z]+|figure:[A-Z0-9_]+|task:[0-9a-f-]{36})$'),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      author uuid REFERENCES app_user(id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX submission_comment_submission ON submission_comment (submission_id, id);

    CREATE TABLE figures_lock (
      province_code text NOT NULL REFERENCES province(code),
      unit_code text NOT NULL,
      period text NOT NULL,
      round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
      locked_by uuid REFERENCES app_user(id),
      locked_at timestamptz NOT NULL DEFAULT now(),
      -- one lock per round: a unit's figures stay locked while any round holds them accepted
      PRIMARY KEY (province_code, unit_code, period, round_id)
    );

    CREATE TABLE notification (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
      title_vi text NOT NULL,
      title_en text NOT NULL,
      link text CHECK (link ~ '^/[A-Za-z0-9/?&=._-]*$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notification_user ON notification (user_id, id DESC);

    CREATE TABLE reporting_contact (
      province_code text NOT NULL REFERENCES province(code),
      ${sql.raw(UNIT)},
      email text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 254),
      head_name text CHECK (length(head_name) <= 200),
      head_email text CHECK (head_email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(head_email) <= 254),
      escalate_after_days integer CHECK (escalate_after_days BETWEEN 1 AND 365),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, unit_kind, unit_code)
    );

    CREATE TABLE reminder (
      id bigserial PRIMARY KEY,
      round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
      ${sql.raw(UNIT)},
      step text NOT NULL CHECK (step ~ '^(before|after-[0-9]{1,4}|escalate)$'),
      channel text NOT NULL CHECK (channel IN ('in_app', 'email')),
      recipients text NOT NULL DEFAULT '',
      claimed_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      delivered boolean,
      error text,
      UNIQUE (round_id, unit_kind, unit_code, step, channel)
    );

    CREATE TABLE report_draft (
      round_id uuid PRIMARY KEY REFERENCES reporting_round(id) ON DELETE CASCADE,
      header jsonb NOT NULL DEFAULT '{}',
      sections jsonb NOT NULL DEFAULT '[]',
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE report_build (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
      draft boolean NOT NULL,
      sources jsonb NOT NULL,
      docx bytea NOT NULL,
      xlsx bytea NOT NULL,
      pdf bytea,
      pdf_note text,
      built_by uuid REFERENCES app_user(id),
      built_by_name text NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX report_build_round ON report_build (round_id, built_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE report_build, report_draft, reminder, reporting_contact, notification, figures_lock,
      submission_comment, submission_version, submission, round_body, reporting_round
  `.execute(db);
}
