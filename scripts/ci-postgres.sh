#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 cluster on loopback and exports TRE_TEST_DATABASE_URL for the tests.
# Source it: `source scripts/ci-postgres.sh`.
set -euo pipefail
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
# A superuser-free role that owns its test databases (CREATEDB so each test file gets a fresh one).
runuser -u postgres -- psql -q -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tre') THEN
    CREATE ROLE tre LOGIN CREATEDB PASSWORD 'tre';
  END IF;
  -- DROP DATABASE … WITH (FORCE) after each test file must be able to stop an autovacuum worker
  -- that happens to be in that database (it runs under no role, so only this grant allows it).
  IF NOT pg_has_role('tre', 'pg_signal_backend', 'member') THEN
    GRANT pg_signal_backend TO tre;
  END IF;
END $$;
SELECT 'CREATE DATABASE tre OWNER tre' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'tre') \gexec
SQL
export TRE_TEST_DATABASE_URL="postgres://tre:tre@127.0.0.1:5432/tre"
echo "PostgreSQL 15 ready: $TRE_TEST_DATABASE_URL"
