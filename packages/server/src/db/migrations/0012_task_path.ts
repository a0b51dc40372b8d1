import { sql, type Kysely } from 'kysely';

/**
 * A task's whole numbering (issue 13): "II.1.a" for the lettered sub-item a) under 1. under II,
 * "V.4.-2" for the second bullet under V.4. The parser gives it (tre.plan/v1 `path`); tasks saved
 * before have their section and ref joined, which is their path except for bullets (their section
 * only): the best that can be known without the source's outline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plan_task ADD COLUMN path text`.execute(db);
  await sql`
    UPDATE plan_task
       SET path = CASE
         WHEN ref IS NULL THEN section_ref
         WHEN section_ref IS NULL OR ref LIKE section_ref || '.%' THEN ref
         ELSE section_ref || '.' || ref
       END
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plan_task DROP COLUMN path`.execute(db);
}
