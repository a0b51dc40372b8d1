import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * SQL of a children import (migrations 0015, 0016). Batches are staged as one JSON document each
 * (child_import_stage): a single-row insert per batch, so staging costs little beside reading the
 * file. The job's finish step publishes the staged rows into the register in one transaction, set
 * by set (never row by row): a job killed before it leaves none of the file in the register.
 */

/** A valid row as staged: the register's columns, normalised by the worker (core children/layout). */
export interface StagedChild {
  source_row: number;
  full_name: string;
  name_key: string;
  birth_date: string;
  sex: 'male' | 'female';
  ethnicity: string | null;
  ethnicity_listed: boolean;
  personal_id: string | null;
  commune_code: string;
  address: string | null;
  mother_name: string | null;
  father_name: string | null;
  carer_name: string | null;
  phone: string | null;
  groups: string[];
  identified_on: string | null;
  disability: boolean | null;
  schooling: string | null;
}

/** Stages a batch's valid rows, each already JSON (the worker wrote it: the main thread only joins them). */
export async function stageBatch(trx: Transaction<Database>, jobId: string, firstRow: number, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('child_import_stage')
    .values({ job_id: jobId, first_row: firstRow, rows: `[${rows.join(',')}]` })
    // a batch stored again after a restart (its first transaction committed, the ack was lost) replaces itself
    .onConflict((oc) => oc.columns(['job_id', 'first_row']).doUpdateSet({ rows: (eb) => eb.ref('excluded.rows') }))
    .execute();
}

/** The fields an import row may change on a record it matches; an empty cell changes nothing. */
const UPDATABLE = [
  'full_name',
  'ethnicity',
  'address',
  'mother_name',
  'father_name',
  'carer_name',
  'phone',
  'disability',
  'schooling',
  'commune_code',
] as const;

/** From this many new rows (and no fewer than the register holds) a publish rebuilds the indexes after inserting. */
const BULK_ROWS = 50_000;

/**
 * Drops the child table's secondary indexes and its foreign keys, returning the statements that
 * restore them. Building an index from the loaded rows is several times faster than adding rows to
 * it one by one (the trigram index most of all: ~4× on 100,000 names), and adding a foreign key
 * back checks every row in one join where the constraint's trigger would run one lookup per row.
 */
async function dropForBulkLoad(trx: Transaction<Database>): Promise<string[]> {
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'child' AND indexname <> 'child_pkey'
  `.execute(trx);
  const keys = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = 'child'::regclass AND contype = 'f'
  `.execute(trx);
  for (const i of indexes.rows) await sql`DROP INDEX ${sql.id(i.name)}`.execute(trx);
  for (const k of keys.rows) await sql`ALTER TABLE child DROP CONSTRAINT ${sql.id(k.name)}`.execute(trx);
  return [
    ...indexes.rows.map((i) => i.definition),
    ...keys.rows.map((k) => `ALTER TABLE child ADD CONSTRAINT "${k.name}" ${k.definition}`),
  ];
}

/**
 * What a matched row makes of a column: its value, an empty cell changing nothing; a name is never
 * replaced by the same name typed without diacritics (a plain-ASCII spelling of an accented one).
 */
function nextValue(col: (typeof UPDATABLE)[number] | 'personal_id') {
  if (col === 'personal_id') return sql`COALESCE(c.personal_id, i.personal_id)`;
  if (col === 'full_name') {
    return sql`CASE WHEN i.full_name ~ '[^[:ascii:]]' OR c.full_name !~ '[^[:ascii:]]' THEN i.full_name ELSE c.full_name END`;
  }
  return sql`COALESCE(i.${sql.ref(col)}, c.${sql.ref(col)})`;
}

export interface PublishOutcome {
  imported: number;
  updated: number;
  unchanged: number;
}

/**
 * Publishes a job's staged rows. A row matches a record of the register: the one it made when the
 * same file came before, or by its personal ID (with the name or birth date agreeing), or by the
 * exact folded name, birth date, sex and commune (the same child typed the same way); matched rows fill in what the record lacks and change what differs (history kept, one row
 * per record), the others become new records. Group memberships not yet open are added.
 *
 * Cost: one pass over the staged JSON into a temporary table, two index joins for the matches
 * (child_personal_id, child_exact), one INSERT … SELECT for the new records and one for their
 * groups; nothing is sent back per row but the new ids.
 */
export async function publishJob(
  trx: Transaction<Database>,
  job: { id: string; fileName: string; createdBy: string | null; createdByName: string },
  /** a commune officer's commune: rows match only records they reach (another commune's child is never changed nor told of) */
  scopeCommune: string | null,
): Promise<PublishOutcome> {
  const reach = scopeCommune === null ? sql`` : sql`AND c.commune_code = ${scopeCommune}`;
  await sql`
    CREATE TEMP TABLE import_rows ON COMMIT DROP AS
    SELECT x.*, NULL::bigint AS match_id
    FROM child_import_stage s,
      json_to_recordset(s.rows) AS x(
        source_row integer, full_name text, name_key text, birth_date date, sex text, ethnicity text,
        ethnicity_listed boolean, personal_id text, commune_code text, address text, mother_name text,
        father_name text, carer_name text, phone text, groups text[], identified_on date,
        disability boolean, schooling text)
    WHERE s.job_id = ${job.id}
  `.execute(trx);
  // the planner's row counts for the joins below (a temporary table has no statistics otherwise)
  await sql`ANALYZE import_rows`.execute(trx);
  // the record this very row made when the same file came before
  await sql`
    UPDATE import_rows i SET match_id = c.id FROM child c
    WHERE c.source_row = i.source_row AND c.source_file = ${job.fileName} AND c.merged_into IS NULL
      AND c.name_key = i.name_key AND c.birth_date = i.birth_date ${reach}
  `.execute(trx);
  // by personal ID, when the name or the birth date (with the sex) agrees too: an ID typed wrong on
  // another child's row must not rename that child; such a row becomes a record for the review
  await sql`
    UPDATE import_rows i SET match_id = c.id FROM child c
    WHERE i.match_id IS NULL AND i.personal_id IS NOT NULL AND c.personal_id = i.personal_id AND c.merged_into IS NULL
      AND (c.name_key = i.name_key OR (c.birth_date = i.birth_date AND c.sex = i.sex)) ${reach}
  `.execute(trx);
  await sql`
    UPDATE import_rows i SET match_id = c.id FROM child c
    WHERE i.match_id IS NULL AND c.name_key = i.name_key AND c.full_name = i.full_name AND c.birth_date = i.birth_date
      AND c.sex = i.sex AND c.commune_code = i.commune_code AND c.merged_into IS NULL
      AND (c.personal_id IS NULL OR i.personal_id IS NULL OR c.personal_id = i.personal_id) ${reach}
  `.execute(trx);
  const changes = sql.join(
    [...UPDATABLE, 'personal_id' as const].map(
      (col) =>
        sql`${sql.lit(col)}, CASE WHEN ${nextValue(col)} IS DISTINCT FROM c.${sql.ref(col)}
          THEN jsonb_build_array(c.${sql.ref(col)}, ${nextValue(col)}) END`,
    ),
  );
  // groups a matched record does not hold open yet: a change of the record like any other
  await sql`
    ALTER TABLE import_rows ADD COLUMN new_groups text[];
    UPDATE import_rows i SET new_groups = ARRAY(
      SELECT g FROM unnest(i.groups) AS g
      WHERE NOT EXISTS (SELECT 1 FROM child_group o WHERE o.child_id = i.match_id AND o.grp = g AND o.ended_on IS NULL))
    WHERE i.match_id IS NOT NULL AND cardinality(i.groups) > 0
  `.execute(trx);
  // the history of each changed record, written before the change so that it reads the before
  const changed = await sql<{ id: number }>`
    WITH diff AS (
      SELECT DISTINCT ON (i.match_id) i.match_id, i.source_row,
        jsonb_strip_nulls(jsonb_build_object(${changes},
          'groups', CASE WHEN cardinality(i.new_groups) > 0 THEN jsonb_build_array(NULL, to_jsonb(i.new_groups)) END)) AS changes
      FROM import_rows i JOIN child c ON c.id = i.match_id
      ORDER BY i.match_id, i.source_row DESC
    )
    INSERT INTO child_history (child_id, actor_id, actor_name, action, changes, source_job_id, source_row)
    SELECT match_id, ${job.createdBy}::uuid, ${job.createdByName}, 'import', changes, ${job.id}::uuid, source_row
    FROM diff WHERE changes <> '{}'::jsonb
    RETURNING child_id AS id
  `.execute(trx);
  const changedIds = changed.rows.map((r) => r.id);
  if (changedIds.length > 0) {
    const sets = sql.join(UPDATABLE.map((col) => sql`${sql.ref(col)} = ${nextValue(col)}`));
    await sql`
      UPDATE child c SET ${sets}, name_key = CASE WHEN ${nextValue('full_name')} = i.full_name THEN i.name_key ELSE c.name_key END, personal_id = COALESCE(c.personal_id, i.personal_id),
        updated_at = now(), version = c.version + 1
      FROM (SELECT DISTINCT ON (match_id) * FROM import_rows WHERE match_id IS NOT NULL ORDER BY match_id, source_row DESC) i
      WHERE c.id = i.match_id AND c.id = ANY(${changedIds}::bigint[])
    `.execute(trx);
  }
  // a first load of a register (or one larger than the register) builds the child table's indexes
  // and checks its foreign keys after its rows (dropForBulkLoad)
  const sizes = await sql<{ staged: number; register: number }>`
    SELECT (SELECT count(*) FROM import_rows WHERE match_id IS NULL)::int AS staged, (SELECT count(*) FROM child)::int AS register
  `.execute(trx);
  const { staged = 0, register = 0 } = sizes.rows[0] ?? {};
  const rebuilt = staged >= BULK_ROWS && staged >= register ? await dropForBulkLoad(trx) : [];
  const inserted = await sql<{ n: number }>`
    WITH added AS (
    INSERT INTO child (commune_code, full_name, name_key, birth_date, sex, ethnicity, ethnicity_listed, personal_id,
      birth_registered, address, mother_name, father_name, carer_name, phone, disability, schooling,
      source_kind, source_job_id, source_file, source_row, created_by)
    SELECT commune_code, full_name, name_key, birth_date, sex, ethnicity, ethnicity_listed, personal_id,
      CASE WHEN personal_id IS NOT NULL THEN true END, address, mother_name, father_name, carer_name, phone,
      disability, schooling, 'import', ${job.id}::uuid, ${job.fileName}, source_row, ${job.createdBy}::uuid
    FROM import_rows WHERE match_id IS NULL
    ORDER BY source_row
    RETURNING 1
    ) SELECT count(*)::int AS n FROM added
  `.execute(trx);
  const imported = inserted.rows[0]?.n ?? 0;
  if (rebuilt.length > 0) {
    // deferred foreign-key checks of earlier statements run now: a table with pending ones cannot be altered
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
    for (const definition of rebuilt) await sql.raw(definition).execute(trx);
  }
  await sql`
    INSERT INTO child_group (child_id, grp, started_on)
    SELECT COALESCE(i.match_id, c.id), g.grp, i.identified_on
    FROM (SELECT * FROM import_rows WHERE cardinality(groups) > 0 OFFSET 0) i
      LEFT JOIN child c ON i.match_id IS NULL AND c.source_job_id = ${job.id}::uuid AND c.source_row = i.source_row
      CROSS JOIN LATERAL unnest(i.groups) AS g(grp)
    WHERE i.match_id IS NULL OR g.grp = ANY(i.new_groups)
  `.execute(trx);
  // counted by row, as the rejected rows are: imported + updated + unchanged + rejected = rows
  const matched = await sql<{ updated: number; unchanged: number }>`
    SELECT count(*) FILTER (WHERE match_id = ANY(${changedIds}::bigint[]))::int AS updated,
      count(*) FILTER (WHERE NOT (match_id = ANY(${changedIds}::bigint[])))::int AS unchanged
    FROM import_rows WHERE match_id IS NOT NULL
  `.execute(trx);
  await trx.deleteFrom('child_import_stage').where('job_id', '=', job.id).execute();
  return {
    imported,
    updated: matched.rows[0]?.updated ?? 0,
    unchanged: matched.rows[0]?.unchanged ?? 0,
  };
}
