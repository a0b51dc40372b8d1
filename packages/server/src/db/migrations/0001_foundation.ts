import { sql, type Kysely } from 'kysely';

/**
 * Foundation: administrative units, agencies, settings, users, sessions and the append-only audit.
 * Large tables carry province_code so a national deployment can distribute by it (DESIGN §9).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it. Đ/đ are not decomposed
    -- by unaccent's rules in every build, so they are mapped explicitly.
    CREATE OR REPLACE FUNCTION tre_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'Đđ', 'Dd'))) $$;

    CREATE TABLE province (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
      name text NOT NULL
    );
    CREATE TABLE province_before_2025 (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
      name text NOT NULL
    );
    CREATE TABLE commune (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('Xã', 'Phường', 'Đặc khu')),
      province_code text NOT NULL REFERENCES province(code)
    );
    CREATE INDEX commune_province_name ON commune (province_code, name);
    CREATE INDEX commune_name_trgm ON commune USING gin (tre_fold(name) gin_trgm_ops);
    CREATE TABLE commune_predecessor (
      commune_code text NOT NULL REFERENCES commune(code),
      old_code text NOT NULL,
      old_name text NOT NULL,
      extent text NOT NULL CHECK (extent IN ('full', 'partial')),
      PRIMARY KEY (commune_code, old_code)
    );
    CREATE INDEX commune_predecessor_old ON commune_predecessor (old_code);

    CREATE TABLE setting (
      province_code text NOT NULL REFERENCES province(code),
      key text NOT NULL,
      value jsonb,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, key)
    );

    CREATE TABLE agency (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      kind text NOT NULL CHECK (kind IN ('department', 'mass_organisation', 'committee', 'sector', 'other')),
      short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 120),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 300),
      aliases text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX agency_short_name ON agency (province_code, lower(short_name));

    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      username text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'provincial_officer', 'agency_reporter', 'commune_officer', 'case_worker', 'viewer')),
      agency_id uuid REFERENCES agency(id),
      commune_code text REFERENCES commune(code),
      active boolean NOT NULL DEFAULT true,
      failed_signins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_signin_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- the scope a role needs is always there (see core/access/roles.ts)
      CHECK (role <> 'agency_reporter' OR agency_id IS NOT NULL),
      CHECK (role NOT IN ('commune_officer', 'case_worker') OR commune_code IS NOT NULL)
    );
    CREATE UNIQUE INDEX app_user_username ON app_user (username);
    CREATE INDEX app_user_province ON app_user (province_code, username);
    CREATE INDEX app_user_commune ON app_user (commune_code) WHERE commune_code IS NOT NULL;

    CREATE TABLE session (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX session_by_user ON session (user_id);

    CREATE TABLE audit_event (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_id uuid,
      actor_name text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      ip text
    );
    CREATE INDEX audit_event_at ON audit_event (province_code, id DESC);
    CREATE INDEX audit_event_entity ON audit_event (entity, entity_id, id DESC);
    CREATE INDEX audit_event_actor ON audit_event (actor_id, id DESC);

    -- The audit is append-only. Only a restore from a dump (tre db restore), which sets
    -- tre.restoring inside its own transaction, may replace its rows.
    CREATE FUNCTION tre_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('tre.restoring', true), '') = 'on' THEN
        IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NULL;
      END IF;
      RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION tre_audit_append_only();
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION tre_audit_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration is not reversible; restore a dump instead.');
}
