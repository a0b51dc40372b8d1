import { sql, type Kysely } from 'kysely';

/**
 * Bodies with few questions (issue 13, part 3).
 *
 * 1. Two new ways a body name of a plan can be resolved: `not_tracked`, a vague phrase kept as
 *    written that names nobody in particular ("các tổ chức, đơn vị, cá nhân liên quan"), and the
 *    group `agencies_and_communes` ("các sở, ngành, địa phương"). The CHECKs of plan_task_body and
 *    plan_indicator_assignment are widened (same constraint names, as PostgreSQL gave them in 0002).
 * 2. body_decision: a reviewer's decision for a body name, remembered per province by the name's
 *    similar key (core similarKey) and applied when the province's next plans are read. One row
 *    per key: a later decision replaces it, a decision back to "unresolved" removes it. Deleting an
 *    agency removes the decisions pointing at it; deleting the plan it was taken on keeps it.
 */
const RESOLUTIONS_BEFORE = `'agency', 'group', 'external', 'unresolved'`;
const RESOLUTIONS = `'agency', 'group', 'external', 'not_tracked', 'unresolved'`;
const GROUPS_BEFORE = `'all_agencies', 'all_communes', 'mass_organisations'`;
const GROUPS = `'all_agencies', 'all_communes', 'mass_organisations', 'agencies_and_communes'`;

async function setChecks(db: Kysely<unknown>, resolutions: string, groups: string) {
  for (const table of ['plan_task_body', 'plan_indicator_assignment']) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        DROP CONSTRAINT ${sql.id(`${table}_resolution_check`)},
        DROP CONSTRAINT ${sql.id(`${table}_body_group_check`)},
        ADD CONSTRAINT ${sql.id(`${table}_resolution_check`)} CHECK (resolution IN (${sql.raw(resolutions)})),
        ADD CONSTRAINT ${sql.id(`${table}_body_group_check`)} CHECK (body_group IN (${sql.raw(groups)}))
    `.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setChecks(db, RESOLUTIONS, GROUPS);
  await sql`
    CREATE TABLE body_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      province_code text NOT NULL REFERENCES province(code),
      name_key text NOT NULL CHECK (length(name_key) BETWEEN 1 AND 300),
      -- the name as the reviewer last saw it written
      name text NOT NULL,
      resolution text NOT NULL CHECK (resolution IN ('agency', 'group', 'external', 'not_tracked')),
      agency_id uuid REFERENCES agency(id) ON DELETE CASCADE,
      body_group text CHECK (body_group IN (${sql.raw(GROUPS)})),
      plan_id uuid REFERENCES plan(id) ON DELETE SET NULL,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (province_code, name_key),
      CHECK ((resolution = 'agency') = (agency_id IS NOT NULL)),
      CHECK ((resolution = 'group') = (body_group IS NOT NULL))
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE body_decision`.execute(db);
  // what the earlier schema cannot hold: a vague phrase becomes external, the new group every agency
  for (const table of ['plan_task_body', 'plan_indicator_assignment']) {
    await sql`UPDATE ${sql.table(table)} SET resolution = 'external' WHERE resolution = 'not_tracked'`.execute(db);
    await sql`UPDATE ${sql.table(table)} SET body_group = 'all_agencies' WHERE body_group = 'agencies_and_communes'`.execute(db);
  }
  await setChecks(db, RESOLUTIONS_BEFORE, GROUPS_BEFORE);
}
