import { sql, type Kysely, type Transaction } from 'kysely';
import { scopeOf, childrenPermissions, vietnamDate, type DuplicatePairDto, type DuplicateRecordDto } from '@tre/core';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { childSummary } from '../service.ts';

/**
 * SQL of the duplicate review queue (child_duplicate). A pair is stored once (child_a < child_b,
 * unique), so a pair decided as different people or merged is never proposed again: the scan
 * inserts with ON CONFLICT DO NOTHING. Pending pairs are read through their partial index by score.
 */
type Q = Kysely<Database> | Transaction<Database>;

export interface FoundPair {
  a: number;
  b: number;
  score: number;
  reasons: string[];
}

/** Adds pairs to the queue; returns how many were new. */
export async function insertPairs(db: Q, pairs: readonly FoundPair[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2000) {
    const chunk = pairs.slice(i, i + 2000);
    const r = await sql<{ n: number }>`
      WITH ins AS (
        INSERT INTO child_duplicate (child_a, child_b, score, reasons)
        SELECT a, b, score, reasons FROM unnest(${chunk.map((p) => Math.min(p.a, p.b))}::bigint[], ${chunk.map((p) => Math.max(p.a, p.b))}::bigint[],
          ${chunk.map((p) => Math.round(p.score * 1e4) / 1e4)}::real[], ${chunk.map((p) => JSON.stringify(p.reasons))}::jsonb[]) AS x(a, b, score, reasons)
        ON CONFLICT (child_a, child_b) DO NOTHING
        RETURNING 1
      ) SELECT count(*)::int AS n FROM ins
    `.execute(db);
    added += r.rows[0]?.n ?? 0;
  }
  return added;
}

/** Every pair ever stored (pending or decided), as "a:b", so that a scan proposes none of them again. */
export async function knownPairs(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('child_duplicate').select(['child_a', 'child_b']).execute();
  return rows.map((r) => `${r.child_a}:${r.child_b}`);
}

const RECORD_COLUMNS = [
  'id',
  'full_name',
  'birth_date',
  'sex',
  'commune_code',
  'personal_id',
  'mother_name',
  'father_name',
  'address',
  'source_kind',
  'source_file',
  'source_row',
  'source_job_id',
] as const;

type RecordRow = {
  id: number;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  commune_code: string;
  commune_name: string;
  personal_id: string | null;
  mother_name: string | null;
  father_name: string | null;
  address: string | null;
  source_kind: 'import' | 'screen' | 'case';
  source_file: string | null;
  source_row: number | null;
  source_job_id: string | null;
  groups: string[] | null;
};

export function duplicateRecordDto(r: RecordRow, today: string): DuplicateRecordDto {
  return {
    ...childSummary(r, today),
    motherName: r.mother_name,
    fatherName: r.father_name,
    address: r.address,
    row: r.source_row,
    file: r.source_file,
    source: { kind: r.source_kind, file: r.source_file, row: r.source_row, jobId: r.source_job_id },
  };
}

/** The records of the pairs, with their commune's name and open groups. */
async function recordsById(db: Q, ids: number[]): Promise<Map<number, RecordRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('child as c')
    .innerJoin('commune as m', 'm.code', 'c.commune_code')
    .select(RECORD_COLUMNS.map((col) => `c.${col}` as const))
    .select('m.name as commune_name')
    .select(
      sql<
        string[] | null
      >`(SELECT array_agg(g.grp ORDER BY g.grp) FROM child_group g WHERE g.child_id = c.id AND g.ended_on IS NULL)`.as('groups'),
    )
    .where('c.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every pair awaiting review within the actor's reach (the CLI's `tre children duplicates --json`). */
export async function pendingPairs(db: Q, actor: Pick<SessionActor, 'role' | 'communeCode'>, today = vietnamDate(new Date())) {
  return pairsInState(db, actor, 'pending', today);
}

/** Pairs in a given state within the actor's reach (for a commune officer: both records of their commune). */
export async function pairsInState(
  db: Q,
  actor: Pick<SessionActor, 'role' | 'communeCode'>,
  status: 'pending' | 'merged' | 'different',
  today: string,
  page: { limit: number; afterId?: number | undefined } = { limit: 100_000 },
): Promise<DuplicatePairDto[]> {
  const scope = scopeOf(childrenPermissions, 'children.duplicates', actor);
  if (!scope) return [];
  let q = db
    .selectFrom('child_duplicate as d')
    .innerJoin('child as a', 'a.id', 'd.child_a')
    .innerJoin('child as b', 'b.id', 'd.child_b')
    .select(['d.id', 'd.child_a', 'd.child_b', 'd.score', 'd.reasons', 'd.status'])
    .where('d.status', '=', status)
    // a pair whose record was merged in another pair meanwhile is no longer a question
    .$if(status === 'pending', (w) => w.where('a.merged_into', 'is', null).where('b.merged_into', 'is', null))
    .orderBy('d.score', 'desc')
    .orderBy('d.id')
    .limit(page.limit);
  if (scope === 'own_commune')
    q = q.where('a.commune_code', '=', actor.communeCode ?? '').where('b.commune_code', '=', actor.communeCode ?? '');
  if (page.afterId !== undefined) q = q.where('d.id', '>', page.afterId);
  const pairs = await q.execute();
  const records = await recordsById(db, [...new Set(pairs.flatMap((p) => [p.child_a, p.child_b]))]);
  return pairs.flatMap((p) => {
    const a = records.get(p.child_a);
    const b = records.get(p.child_b);
    if (!a || !b) return [];
    return [
      {
        id: p.id,
        score: Math.round(p.score * 1e4) / 1e4,
        reasons: p.reasons as string[],
        status: p.status,
        a: duplicateRecordDto(a, today),
        b: duplicateRecordDto(b, today),
      },
    ];
  });
}
