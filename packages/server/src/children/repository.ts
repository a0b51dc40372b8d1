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

const LIST_COLUMNS = [
  'c.id',
  'c.full_name',
  'c.birth_date',
  'c.sex',
  'c.commune_code',
  'c.personal_id',
  'm.name as commune_name',
] as const;

/** LIKE's own characters in a word are matched as themselves. */
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listChildren(db: Q, f: ChildFilter) {
  let q = db
    .selectFrom('child as c')
    .innerJoin('commune as m', 'm.code', 'c.commune_code')
    .select(LIST_COLUMNS)
    .select(
      sql<
        string[] | null
      >`(SELECT array_agg(g.grp ORDER BY g.grp) FROM child_group g WHERE g.child_id = c.id AND g.ended_on IS NULL)`.as('groups'),
    )
    .select(
      sql<string | null>`(SELECT v.status FROM child_verification v WHERE v.child_id = c.id ORDER BY v.id DESC LIMIT 1)`.as(
        'verification',
      ),
    )
    .where('c.merged_into', 'is', null);
  if (f.communeCode) q = q.where('c.commune_code', '=', f.communeCode);
  if (!f.includeInactive) q = q.where('c.birth_date', '>', f.activeAfter);
  if (f.personalId) q = q.where('c.personal_id', '=', f.personalId);
  if (f.birthYear) q = q.where('c.birth_date', '>=', `${f.birthYear}-01-01`).where('c.birth_date', '<=', `${f.birthYear}-12-31`);
  if (f.group) {
    const grp = f.group;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('child_group as g')
          .select('g.id')
          .whereRef('g.child_id', '=', 'c.id')
          .where('g.grp', '=', grp)
          .where('g.ended_on', 'is', null),
      ),
    );
  }
  const words = f.words ?? [];
  for (const w of words) {
    // a word of the name that starts with w: at the start of the name, or after a space
    q = q.where((eb) => eb.or([eb('c.name_key', 'like', `${likeEscape(w)}%`), eb('c.name_key', 'like', `% ${likeEscape(w)}%`)]));
  }
  if (words.length > 0) {
    const key = words.join(' ');
    q = q.orderBy(sql`(c.name_key = ${key})`, 'desc').orderBy(sql`similarity(c.name_key, ${key})`, 'desc');
  } else {
    q = q.orderBy('c.name_key');
  }
  return q.orderBy('c.id').limit(f.limit).offset(f.offset).execute();
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
