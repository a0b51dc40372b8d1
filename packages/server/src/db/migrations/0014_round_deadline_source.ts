import { sql, type Kysely } from 'kysely';

/**
 * Where a round's deadline came from: the sentence of the plan's reporting regime it was read from
 * (shown beside the deadline on the board), or null when the standing body set it by hand.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reporting_round ADD COLUMN deadline_source text CHECK (length(deadline_source) <= 2000)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reporting_round DROP COLUMN deadline_source`.execute(db);
}
