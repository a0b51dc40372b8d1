import { sql, type Kysely } from 'kysely';

/**
 * Imports as jobs (issue 11): an uploaded file waits in import_job until a runner claims it
 * (`FOR UPDATE SKIP LOCKED`, so two server processes on one PostgreSQL never run the same job);
 * the runner stores the rows batch by batch, each batch in one transaction together with its
 * rejected rows, the job's counters and `rows_done` (the checkpoint), so a restart resumes exactly
 * after the last committed batch and nothing is applied twice.
 *
 * The uploaded file itself waits on disk (imports/spool.ts), not in the database: `file_kept` says
 * whether it is still there for the job to run (it is removed when the job is done or failed for
 * good). Rejected rows are kept in their own table so that a file with half a million bad rows is
 * listed page by page, never as one reply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      file_name text NOT NULL,
      file_size integer NOT NULL CHECK (file_size >= 0),
      file_kept boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES app_user(id),
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      heartbeat_at timestamptz,
      runner text,
      attempts integer NOT NULL DEFAULT 0,
      rows_total integer,
      rows_done integer NOT NULL DEFAULT 0,
      imported integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      error jsonb
    );
    -- the queue: the oldest waiting job, and running jobs whose runner may have died
    CREATE INDEX import_job_open ON import_job (created_at) WHERE status IN ('queued', 'running');
    -- "my imports", newest first; also how many a user has open
    CREATE INDEX import_job_creator ON import_job (province_code, created_by, created_at DESC);

    CREATE TABLE import_job_rejection (
      job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
      row_no integer NOT NULL,
      fields jsonb NOT NULL,
      reason_vi text NOT NULL,
      reason_en text NOT NULL,
      PRIMARY KEY (job_id, row_no)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_job_rejection; DROP TABLE import_job;`.execute(db);
}
