import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * SQL of the children register (migration 0015): reads of one record and of lists. A list reads
 * the active register (born after the day 16 years ago) of a commune through child_commune, or the
 * whole province; a name search goes through the trigram index on name_key (each word of the
 * query a prefix of a word of the name, diacritics and case aside), ranked by similarity among the
 * matches only, 50 at a time.
 */
type Q = Kysely<Database> | Transaction<Database>;

export interface ChildFilter {
  communeCode?: string | undefined;
  /** the words of the name query, folded (childNameKey), each a prefix of a word of the name */
  words?: string[] | undefined;
  personalId?: string | undefined;
  birthYear?: number | undefined;
  group?: string | undefined;
  /** children 16 or older too (out of the active register, on record) */
  includeInactive?: boolean | undefined;
  /** the first birth date of the active register (born after it) */
  activeAfter: string;
  limit: number;
  offset: number;
}

/** LIKE's own characters in a word are matched as themselves. */
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters of a list, as one condition on `c` (every branch of a search applies all of them). */
function filtersOf(f: ChildFilter) {
  const parts = [sql`c.merged_into IS NULL`];
  if (f.communeCode) parts.push(sql`c.commune_code = ${f.communeCode}`);
  if (!f.includeInactive) parts.push(sql`c.birth_date > ${f.activeAfter}`);
  if (f.personalId) parts.push(sql`c.personal_id = ${f.personalId}`);
  if (f.birthYear) parts.push(sql`c.birth_date BETWEEN ${`${f.birthYear}-01-01`} AND ${`${f.birthYear}-12-31`}`);
  if (f.group) {
    parts.push(sql`EXISTS (SELECT 1 FROM child_group g WHERE g.child_id = c.id AND g.grp = ${f.group} AND g.ended_on IS NULL)`);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * The ids a name search ranks. Ranking every match of a common word ("nguyen" is in 38% of names)
 * would cost a similarity per match; the candidates are instead the names equal to the query, those
 * starting with it (both through child_exact), and the first 2,000 whose words start with the query's
 * words (the trigram index for a rare word, a scan that stops early for a common one), so the best
 * matches are always among them and the work is bounded whatever the register's size.
 */
function searchCandidates(f: ChildFilter, words: string[]) {
  const key = words.join(' ');
  const filters = filtersOf(f);
  const wordMatch = sql.join(
    words.map((w) => sql`(c.name_key LIKE ${`${likeEscape(w)}%`} OR c.name_key LIKE ${`% ${likeEscape(w)}%`})`),
    sql` AND `,
  );
  return sql`
    (SELECT c.id FROM child c WHERE c.name_key = ${key} AND ${filters} LIMIT 200)
    UNION (SELECT c.id FROM child c WHERE c.name_key LIKE ${`${likeEscape(key)}%`} AND ${filters} LIMIT 500)
    UNION (SELECT c.id FROM child c WHERE ${wordMatch} AND ${filters} LIMIT 2000)`;
}

export async function listChildren(db: Q, f: ChildFilter) {
  const words = f.words ?? [];
  const key = words.join(' ');
  const where = words.length > 0 ? sql`c.id IN (${searchCandidates(f, words)})` : filtersOf(f);
  const order =
    words.length > 0
      ? sql`(c.name_key = ${key}) DESC, (c.name_key LIKE ${`${likeEscape(key)}%`}) DESC, similarity(c.name_key, ${key}) DESC, c.id`
      : sql`c.name_key, c.id`;
  const rows = await sql<{
    id: number;
    full_name: string;
    birth_date: string;
    sex: 'male' | 'female';
    commune_code: string;
    personal_id: string | null;
    commune_name: string;
    groups: string[] | null;
    verification: string | null;
  }>`
    SELECT c.id, c.full_name, c.birth_date, c.sex, c.commune_code, c.personal_id, m.name AS commune_name,
      (SELECT array_agg(g.grp ORDER BY g.grp) FROM child_group g WHERE g.child_id = c.id AND g.ended_on IS NULL) AS groups,
      (SELECT v.status FROM child_verification v WHERE v.child_id = c.id ORDER BY v.id DESC LIMIT 1) AS verification
    FROM child c JOIN commune m ON m.code = c.commune_code
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${f.limit} OFFSET ${f.offset}
  `.execute(db);
  return rows.rows;
}

export async function findChild(db: Q, id: number) {
  return db
    .selectFrom('child as c')
    .innerJoin('commune as m', 'm.code', 'c.commune_code')
    .selectAll('c')
    .select('m.name as commune_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type ChildRow = NonNullable<Awaited<ReturnType<typeof findChild>>>;

export async function groupsOf(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('child_group').selectAll().where('child_id', 'in', ids).orderBy('id').execute();
}

/** The history of a record and of the records merged into it (a merge keeps both histories). */
export async function historyOf(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('child_history').selectAll().where('child_id', 'in', ids).orderBy('id', 'desc').limit(500).execute();
}

export async function verificationsOf(db: Q, id: number) {
  return db.selectFrom('child_verification').selectAll().where('child_id', '=', id).orderBy('id', 'desc').limit(50).execute();
}

/** The records merged into this one. */
export async function mergedInto(db: Q, id: number): Promise<number[]> {
  const rows = await db.selectFrom('child').select('id').where('merged_into', '=', id).execute();
  return rows.map((r) => r.id);
}
