import { sql, type Kysely } from 'kysely';

/**
 * A children import's staged batches as json, not jsonb: each batch is written once and read once
 * (by the job's publish step, which unpacks it into rows anyway), so converting it to jsonb on the
 * way in costs a third of staging on PGlite and buys nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE child_import_stage ALTER COLUMN rows TYPE json USING rows::json`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE child_import_stage ALTER COLUMN rows TYPE jsonb USING rows::jsonb`.execute(db);
}
