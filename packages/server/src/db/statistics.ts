import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Fresh planner statistics after a bulk write. PostgreSQL's autovacuum does this by itself; PGlite
 * has no autovacuum, so a table filled by an import keeps the statistics of when it was empty, and
 * the planner then picks nested loops sized for one row: the measure_unit_value refresh of an
 * import batch took 280 ms instead of 15 ms on 20,000 stale rows. ANALYZE samples at most 30,000
 * rows a table, so it costs about the same at any size (~150 ms on PGlite).
 */
export async function analyzeTables(db: Kysely<Database>, tables: readonly (keyof Database)[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/**
 * When an import job refreshes its tables' statistics: after 1,000 committed rows, 8,000 and 64,000,
 * and once at the end. The shape of the plans settles early (what changes is rows per key, which a
 * sorted import reaches within the first thousands); each ANALYZE holds PGlite's one session for
 * ~100–300 ms, which the readers waiting behind it feel, so a long import does not repeat it.
 */
export const STATISTICS_FIRST_AT = 1000;
export const STATISTICS_LAST_AT = 64_000;

/**
 * After a large import: fresh statistics, and the table's pages marked all-visible so that
 * index-only scans (a name search through child_given_name) need not visit the table. PostgreSQL's
 * autovacuum does this within a minute or so; PGlite has none. VACUUM reads only the pages the
 * import wrote (~0.5 s for 1,000,000 children on PGlite) and cannot run inside a transaction.
 */
export async function vacuumTables(db: Kysely<Database>, tables: readonly (keyof Database)[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`VACUUM (ANALYZE) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
