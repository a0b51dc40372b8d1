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

/** Each word a prefix of a word of the name. */
const wordsMatch = (words: string[]) =>
  sql.join(
    words.map((w) => sql`(c.name_key LIKE ${`${likeEscape(w)}%`} OR c.name_key LIKE ${`% ${likeEscape(w)}%`})`),
    sql` AND `,
  );

/**
 * The ids a name search ranks. Ranking every match of a common word ("nguyen" is in 38% of names)
 * would cost a similarity per match; the candidates are instead a bounded set where the best
 * matches are:
 * - the names equal to the query and those starting with it (child_exact);
 * - up to 500 names whose given name (the last word, child_given_name) starts with the query's last
 *   word and whose other words match the query's others: people are called and searched by their
 *   given name ("Nguyễn Anh", "Thị Phương", "ngu min"), and a given name is far rarer than a family
 *   or middle name, so this reads a few thousand index entries (and no table rows: the index holds
 *   the name and the filtered columns) where the trigram index would read every "nguyen";
 * - only when the last word is no given name at all, the first 2,000 names with every word of the
 *   query somewhere (the trigram index): "Nguyễn Văn" typed without the given name.
 * The choice depends on the register alone, so every page of one search ranks the same set.
 */
function searchCandidates(f: ChildFilter, words: string[]) {
  const key = words.join(' ');
  const filters = filtersOf(f);
  const last = words[words.length - 1] ?? '';
  const others = words.slice(0, -1);
  // one LIKE per word on the name with a space before it: checked on child_given_name's entries
  const othersMatch = sql.join(
    others.map((w) => sql`AND (' ' || c.name_key) LIKE ${`% ${likeEscape(w)}%`}`),
    sql` `,
  );
  return sql`
    WITH given AS MATERIALIZED (
      SELECT c.id, c.name_key FROM child c
      WHERE split_part(c.name_key, ' ', -1) LIKE ${`${likeEscape(last)}%`} ${othersMatch} AND ${filters} LIMIT 500)
    SELECT id, name_key FROM given
    UNION (SELECT c.id, c.name_key FROM child c WHERE c.name_key = ${key} AND ${filters} LIMIT 200)
    UNION (SELECT c.id, c.name_key FROM child c WHERE c.name_key LIKE ${`${likeEscape(key)}%`} AND ${filters} LIMIT 500)
    UNION (SELECT c.id, c.name_key FROM child c
      WHERE NOT EXISTS (SELECT 1 FROM given) AND ${wordsMatch(words)} AND ${filters} LIMIT 2000)`;
}

/**
 * The page of a list: by name (and id) for a plain list; for a name search, the candidates ranked
 * (the exact name, then names starting with the query, then by trigram similarity) and cut to the
 * page before the records are read, so that the planner joins 50 rows, never the candidates.
 */
function pageIds(f: ChildFilter, words: string[]) {
  if (words.length === 0) {
    return sql`SELECT c.id, row_number() OVER (ORDER BY c.name_key, c.id) AS rank FROM child c WHERE ${filtersOf(f)}
      ORDER BY c.name_key, c.id LIMIT ${f.limit} OFFSET ${f.offset}`;
  }
  const key = words.join(' ');
  const rank = sql`(k.name_key = ${key}) DESC, (k.name_key LIKE ${`${likeEscape(key)}%`}) DESC, similarity(k.name_key, ${key}) DESC, k.id`;
  return sql`SELECT k.id, row_number() OVER (ORDER BY ${rank}) AS rank FROM (${searchCandidates(f, words)}) k
    ORDER BY ${rank} LIMIT ${f.limit} OFFSET ${f.offset}`;
}

export async function listChildren(db: Q, f: ChildFilter) {
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
    FROM (${pageIds(f, f.words ?? [])}) p JOIN child c ON c.id = p.id JOIN commune m ON m.code = c.commune_code
    ORDER BY p.rank
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
