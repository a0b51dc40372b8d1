import {
  casesPermissions,
  mayTakeOn,
  scopeOf,
  type CaseOverviewDto,
  type CaseStatus,
  type ClockKind,
  type ClockState,
} from '@tre/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionActor } from '../audit/session-actor.ts';
import { forbidden } from '../errors.ts';
import { NEAR_MS } from './clocks.ts';

/**
 * A supervisor's overview: how many cases at each step and each clock in each state, for one
 * commune or the province; counts only, no child named. One pass over the commune's (or the
 * province's) cases through child_case_commune / child_case_received, counted by FILTER clauses:
 * 50,000 cases in a province are read once, never once per cell.
 */

function communeOf(actor: SessionActor, asked: string | undefined): string | null {
  if (scopeOf(casesPermissions, 'cases.overview', actor) === 'own_commune') {
    if (asked && asked !== actor.communeCode) throw forbidden();
    return actor.communeCode ?? '';
  }
  if (!mayTakeOn(casesPermissions, 'cases.overview', actor, { communeCode: asked ?? null })) throw forbidden();
  return asked ?? null;
}

const CLOCKS: readonly { kind: ClockKind; due: string; met: string; runs: string }[] = [
  { kind: 'emergency', due: 'emergency_due', met: 'emergency_met_at', runs: 'emergency_required' },
  { kind: 'plan', due: 'plan_due', met: 'plan_met_at', runs: 'true' },
  { kind: 'review', due: 'review_due', met: 'review_met_at', runs: 'review_due IS NOT NULL' },
];

export async function caseOverview(
  db: Kysely<Database>,
  actor: SessionActor,
  commune: string | undefined,
  now = new Date(),
): Promise<CaseOverviewDto> {
  const communeCode = communeOf(actor, commune);
  const where = communeCode === null ? sql`` : sql`AND commune_code = ${communeCode}`;
  const counts = CLOCKS.flatMap(({ kind, due, met, runs }) => {
    const near = new Date(now.getTime() + NEAR_MS[kind]);
    const running = sql`${sql.raw(runs)} AND ${sql.ref(met)} IS NULL AND status <> 'closed'`;
    return [
      sql`count(*) FILTER (WHERE ${sql.raw(runs)} AND (${sql.ref(met)} IS NOT NULL OR status = 'closed'))::int AS ${sql.ref(`${kind}_met`)}`,
      sql`count(*) FILTER (WHERE ${running} AND ${sql.ref(due)} < ${now})::int AS ${sql.ref(`${kind}_overdue`)}`,
      sql`count(*) FILTER (WHERE ${running} AND ${sql.ref(due)} >= ${now} AND ${sql.ref(due)} <= ${near})::int AS ${sql.ref(`${kind}_near`)}`,
      sql`count(*) FILTER (WHERE ${running} AND ${sql.ref(due)} > ${near})::int AS ${sql.ref(`${kind}_ok`)}`,
    ];
  });
  const yearStart = new Date(Date.UTC(new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear(), 0, 1) - 7 * 3_600_000);
  const totals = await sql<Record<string, number>>`
    SELECT count(*) FILTER (WHERE status <> 'closed')::int AS open,
      count(*) FILTER (WHERE status = 'closed' AND closed_at >= ${yearStart})::int AS closed_this_year,
      ${sql.join(counts)}
    FROM child_case WHERE province_code = ${actor.provinceCode} ${where}
  `.execute(db);
  const byStatus = await sql<{ status: CaseStatus; n: number }>`
    SELECT status, count(*)::int AS n FROM child_case WHERE province_code = ${actor.provinceCode} ${where} GROUP BY status
  `.execute(db);
  const t = totals.rows[0] ?? {};
  const states: readonly ClockState[] = ['ok', 'near', 'overdue', 'met'];
  const clocks = Object.fromEntries(
    CLOCKS.map(({ kind }) => [kind, Object.fromEntries(states.map((s) => [s, t[`${kind}_${s}`] ?? 0]))]),
  ) as CaseOverviewDto['clocks'];
  return {
    open: t.open ?? 0,
    byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])),
    clocks,
    closedThisYear: t.closed_this_year ?? 0,
  };
}

/** Open cases with a running clock past its deadline: the number, commune and clock, no child (`tre cases overdue`). */
export async function overdueCases(db: Kysely<Database>, provinceCode: string, now: Date) {
  const rows = await sql<{ number: string; commune_code: string; clock: ClockKind; due: Date }>`
    SELECT number, commune_code, 'emergency' AS clock, emergency_due AS due FROM child_case
      WHERE province_code = ${provinceCode} AND status <> 'closed' AND emergency_required AND emergency_met_at IS NULL AND emergency_due < ${now}
    UNION ALL
    SELECT number, commune_code, 'plan', plan_due FROM child_case
      WHERE province_code = ${provinceCode} AND status <> 'closed' AND plan_met_at IS NULL AND plan_due < ${now}
    UNION ALL
    SELECT number, commune_code, 'review', review_due FROM child_case
      WHERE province_code = ${provinceCode} AND status <> 'closed' AND review_met_at IS NULL AND review_due < ${now}
    ORDER BY due
  `.execute(db);
  return rows.rows.map((r) => ({
    number: r.number,
    communeCode: r.commune_code,
    clock: r.clock,
    dueAt: new Date(r.due).toISOString(),
  }));
}
