import { sql, type Kysely } from 'kysely';

/**
 * The children register (issue 15).
 *
 * - child: one child, as the commune keeps it. `name_key` is the name folded (no diacritics, đ → d,
 *   lower case, single spaces): search and exact matching read it, its trigram index serves partial
 *   and diacritic-free search. Where the record came from is kept on it (an import job and the
 *   spreadsheet row, the screen, a case). `merged_into` hides a record merged into another; it
 *   stays, so a merge can be undone. Whether a child is still a child (under 16) is read from the
 *   birth date on the day asked, never stored: a child turning 16 leaves the active register by
 *   itself and stays on record.
 * - child_group: each membership of a special-circumstance group (Luật Trẻ em Điều 10, letters a…o
 *   with đ), with its start, end and the support received.
 * - child_history: every change after creation, field by field (before, after), with who and when;
 *   creation itself is the record's source. Moves between communes are changes of commune_code, so
 *   history is never lost.
 * - child_import_stage: the valid rows of an import job, one JSON document per batch, until the job
 *   publishes them into the register in one transaction: a job killed half-way leaves the register
 *   with none of the file, never part of it.
 * - child_duplicate: pairs the scorer proposes, awaiting review or decided (merged, different
 *   people: never proposed again). child_merge keeps what a merge changed, to undo it.
 * - import_job.options: what a job's reader needs besides the file.
 * - child_verification: each check against the national population database, dated, with the
 *   fields that did not match; a mismatch is shown to the commune officer, never applied.
 *   child_verify_job: a commune's children verified in bulk, with its progress.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- what a job's reader needs besides the file (the children import: the column mapping, the import
    -- date), kept with the job so that a job resumed after a restart reads the file the same way
    ALTER TABLE import_job ADD COLUMN options jsonb;
    CREATE TABLE child (
      id bigserial PRIMARY KEY,
      commune_code text NOT NULL REFERENCES commune(code),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
      name_key text NOT NULL CHECK (length(name_key) BETWEEN 1 AND 100),
      birth_date date NOT NULL,
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      ethnicity text CHECK (length(ethnicity) <= 60),
      ethnicity_listed boolean NOT NULL DEFAULT true,
      personal_id text CHECK (personal_id ~ '^[0-9]{12}$'),
      birth_registered boolean,
      address text CHECK (length(address) <= 300),
      mother_name text CHECK (length(mother_name) <= 100),
      father_name text CHECK (length(father_name) <= 100),
      carer_name text CHECK (length(carer_name) <= 100),
      phone text CHECK (phone ~ '^0[0-9]{9,10}$'),
      disability boolean,
      schooling text CHECK (schooling IN ('none', 'preschool', 'primary', 'lower_secondary', 'upper_secondary', 'dropped_out')),
      source_kind text NOT NULL CHECK (source_kind IN ('import', 'screen', 'case')),
      -- the job is not a foreign key: jobs are purged and not dumped, the file name and row stay
      source_job_id uuid,
      source_file text CHECK (length(source_file) <= 255),
      source_row integer CHECK (source_row > 0),
      merged_into bigint REFERENCES child(id) DEFERRABLE INITIALLY DEFERRED,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    -- not UNIQUE: two rows of one file with the same ID become two records proposed as one child in
    -- the duplicate review, which keeps one; an import row matching a record's ID is that child
    CREATE INDEX child_personal_id ON child (personal_id) WHERE personal_id IS NOT NULL AND merged_into IS NULL;
    -- the register of a commune, and the exact match of an import row without an ID
    CREATE INDEX child_commune ON child (commune_code, birth_date);
    -- text_pattern_ops: equality and a LIKE 'prefix%' search use it whatever the database's collation
    CREATE INDEX child_exact ON child (name_key text_pattern_ops, birth_date);
    CREATE INDEX child_name_trgm ON child USING gin (name_key gin_trgm_ops);
    CREATE INDEX child_source_job ON child (source_job_id) WHERE source_job_id IS NOT NULL;
    -- a file imported again: each row finds the record it made the first time
    CREATE INDEX child_source_row ON child (source_row, source_file) WHERE source_file IS NOT NULL;

    CREATE TABLE child_group (
      id bigserial PRIMARY KEY,
      child_id bigint NOT NULL REFERENCES child(id),
      grp text NOT NULL CHECK (grp IN ('a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o')),
      started_on date,
      ended_on date CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on),
      support text CHECK (length(support) <= 2000),
      -- set while a merge has moved the membership to the kept record, so that undoing it moves it back
      merged_from bigint REFERENCES child(id) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE INDEX child_group_child ON child_group (child_id);

    CREATE TABLE child_history (
      id bigserial PRIMARY KEY,
      child_id bigint NOT NULL REFERENCES child(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      actor_name text NOT NULL,
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      changes jsonb NOT NULL,
      source_job_id uuid,
      source_row integer
    );
    CREATE INDEX child_history_child ON child_history (child_id, id);

    CREATE TABLE child_import_stage (
      job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
      first_row integer NOT NULL,
      rows jsonb NOT NULL,
      PRIMARY KEY (job_id, first_row)
    );

    CREATE TABLE child_duplicate (
      id bigserial PRIMARY KEY,
      child_a bigint NOT NULL REFERENCES child(id),
      child_b bigint NOT NULL REFERENCES child(id),
      score real NOT NULL CHECK (score >= 0 AND score <= 1),
      reasons jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'different', 'undone')),
      found_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      decided_by uuid REFERENCES app_user(id),
      CHECK (child_a < child_b),
      UNIQUE (child_a, child_b)
    );
    CREATE INDEX child_duplicate_pending ON child_duplicate (score DESC, id) WHERE status = 'pending';
    CREATE INDEX child_duplicate_b ON child_duplicate (child_b);

    CREATE TABLE child_merge (
      id bigserial PRIMARY KEY,
      duplicate_id bigint NOT NULL REFERENCES child_duplicate(id),
      kept_id bigint NOT NULL REFERENCES child(id),
      merged_id bigint NOT NULL REFERENCES child(id),
      kept_before jsonb NOT NULL,
      -- what the merge did, so that undoing it undoes exactly that: the fields it filled in on the
      -- kept record (field → value) and the group memberships it moved there
      filled jsonb NOT NULL DEFAULT '{}',
      moved_groups jsonb NOT NULL DEFAULT '[]',
      at timestamptz NOT NULL DEFAULT now(),
      by_id uuid REFERENCES app_user(id),
      undone_at timestamptz,
      undone_by uuid REFERENCES app_user(id)
    );
    CREATE INDEX child_merge_duplicate ON child_merge (duplicate_id, id DESC);

    CREATE TABLE child_verification (
      id bigserial PRIMARY KEY,
      child_id bigint NOT NULL REFERENCES child(id),
      checked_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL CHECK (status IN ('match', 'mismatch', 'not_found', 'error')),
      mismatches jsonb NOT NULL DEFAULT '[]',
      residence jsonb,
      checked_by uuid REFERENCES app_user(id),
      resolved_at timestamptz
    );
    CREATE INDEX child_verification_child ON child_verification (child_id, id DESC);
    -- the unresolved mismatches of a commune, for its officer
    CREATE INDEX child_verification_open ON child_verification (child_id) WHERE status <> 'match' AND resolved_at IS NULL;

    CREATE TABLE child_verify_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      commune_code text NOT NULL REFERENCES commune(code),
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
      total integer NOT NULL CHECK (total >= 0),
      done integer NOT NULL DEFAULT 0,
      matched integer NOT NULL DEFAULT 0,
      mismatched integer NOT NULL DEFAULT 0,
      not_found integer NOT NULL DEFAULT 0,
      error jsonb,
      created_by uuid REFERENCES app_user(id),
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE child_verify_job; DROP TABLE child_verification; DROP TABLE child_merge; DROP TABLE child_duplicate;
    DROP TABLE child_import_stage; DROP TABLE child_history; DROP TABLE child_group; DROP TABLE child;
    ALTER TABLE import_job DROP COLUMN options;
  `.execute(db);
}
