import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** SQL of figures_lock (see locks.ts): a unit's figures for a period accepted in a reporting round. */
export interface FiguresLock {
  unitCode: string;
  period: string;
  roundTitle: string;
}

/** The locks among these (unit, period) pairs: one indexed query, keyed `unit|period`. */
export async function findLocks(
  db: Kysely<Database>,
  provinceCode: string,
  pairs: readonly { unit: string; period: string }[],
): Promise<Map<string, FiguresLock>> {
  if (pairs.length === 0) return new Map();
  const units = [...new Set(pairs.map((p) => p.unit))];
  const periods = [...new Set(pairs.map((p) => p.period))];
  const rows = await db
    .selectFrom('figures_lock as l')
    .innerJoin('reporting_round as r', 'r.id', 'l.round_id')
    .select(['l.unit_code', 'l.period', 'r.title'])
    .where('l.province_code', '=', provinceCode)
    .where('l.unit_code', 'in', units)
    .where('l.period', 'in', periods)
    .execute();
  return new Map(
    rows.map((r) => [`${r.unit_code}|${r.period}`, { unitCode: r.unit_code, period: r.period, roundTitle: r.title }]),
  );
}

export async function lockFigures(
  db: Kysely<Database>,
  row: { provinceCode: string; unitCode: string; period: string; roundId: string; userId: string | null },
): Promise<void> {
  await db
    .insertInto('figures_lock')
    .values({
      province_code: row.provinceCode,
      unit_code: row.unitCode,
      period: row.period,
      round_id: row.roundId,
      locked_by: row.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Removes one round's lock: the figures stay locked while another round holds them accepted. */
export async function unlockFigures(
  db: Kysely<Database>,
  row: { provinceCode: string; unitCode: string; period: string; roundId: string },
): Promise<void> {
  await db
    .deleteFrom('figures_lock')
    .where('province_code', '=', row.provinceCode)
    .where('unit_code', '=', row.unitCode)
    .where('period', '=', row.period)
    .where('round_id', '=', row.roundId)
    .execute();
}
