import { sql, type Kysely } from 'kysely';

/**
 * The read log (issue 11, point 7): one row per read of a sensitive record and per refused attempt,
 * beside the write audit and append-only like it (DESIGN §9: "two logs, both append-only").
 *
 * Rows are written by server/src/access/read-log.ts in buffered multi-row INSERTs, so `at` is the
 * moment of the read as the server saw it, not of the INSERT (the default only serves other
 * writers). Columns hold no identifying text: the route pattern rather than the URL, an
 * allow-listed set of request parameters (period, unit…), a record id or descriptor, never a
 * name or a search. `reason` is what a route asks the caller for (later modules: why a child's
 * record is opened). No foreign keys: the log outlives users and records, as audit_event does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE read_log (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      user_id uuid,
      username text,
      ip text,
      method text NOT NULL CHECK (length(method) BETWEEN 1 AND 20),
      route text NOT NULL CHECK (length(route) BETWEEN 1 AND 200),
      params jsonb,
      kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
      record_id text CHECK (length(record_id) BETWEEN 1 AND 200),
      status smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
      reason text CHECK (length(reason) BETWEEN 1 AND 500)
    );
    -- the administrator's screen, newest first, paged by id (keyset)
    CREATE INDEX read_log_recent ON read_log (province_code, id DESC);
    -- "who looked at this record": a handful of rows per record, kind filtered on top
    CREATE INDEX read_log_record ON read_log (province_code, record_id, id DESC) WHERE record_id IS NOT NULL;
    CREATE INDEX read_log_user ON read_log (user_id, id DESC) WHERE user_id IS NOT NULL;
    -- refusals are rare among reads: a partial index finds them without walking every allowed read
    CREATE INDEX read_log_refused ON read_log (province_code, id DESC) WHERE status >= 400;
    -- rows arrive in time order, so a BRIN index on at is a few pages and narrows a date range
    CREATE INDEX read_log_at ON read_log USING brin (at);

    -- Append-only as the audit is; only a restore from a dump (tre db restore, which sets
    -- tre.restoring inside its own transaction) may replace its rows.
    CREATE FUNCTION tre_read_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('tre.restoring', true), '') = 'on' THEN
        IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NULL;
      END IF;
      RAISE EXCEPTION 'read_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER read_log_no_update BEFORE UPDATE OR DELETE ON read_log
      FOR EACH ROW EXECUTE FUNCTION tre_read_log_append_only();
    CREATE TRIGGER read_log_no_truncate BEFORE TRUNCATE ON read_log
      FOR EACH STATEMENT EXECUTE FUNCTION tre_read_log_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE read_log;
    DROP FUNCTION tre_read_log_append_only();
  `.execute(db);
}
