import { sql, type Kysely } from 'kysely';

/**
 * A name search reads the given name first (children/repository.ts searchCandidates): the last
 * word of the folded name, prefix-searched whatever the collation. A given name is far rarer than
 * the family or middle name, so a search reads a few thousand entries of this index where the
 * trigram index reads every "nguyen" of the register. The whole name and what a list filters on
 * are in the index too, so the other words and the filters are checked on its entries (an
 * index-only scan: no visit to the table for the names that do not match).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX child_given_name ON child (split_part(name_key, ' ', -1) text_pattern_ops)
      INCLUDE (name_key, id, birth_date, commune_code) WHERE merged_into IS NULL
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX child_given_name`.execute(db);
}
