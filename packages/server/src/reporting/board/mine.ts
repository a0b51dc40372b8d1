import { scopeKindOf, timelinessOf, type RoundSummaryDto } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { countsOf } from './service.ts';
import { roundsOwedBy } from './repository.ts';

/**
 * The rounds the caller's own body owes (an agency reporter's agency, a commune officer's commune),
 * newest first, with the counts of its own report only: a body does not see how its neighbours do.
 * Empty for the province-wide roles, who read the board instead, and for case workers.
 */
export async function myRounds(db: Kysely<Database>, actor: SessionActor): Promise<RoundSummaryDto[]> {
  const kind = scopeKindOf(actor.role);
  const unit =
    kind === 'agency' ? actor.agencyId : kind === 'commune' && actor.role === 'commune_officer' ? actor.communeCode : null;
  if (!unit) return [];
  const rows = await roundsOwedBy(db, actor.provinceCode, unit);
  return rows.map((r) => {
    const submitted = r.first_submitted_at ? 1 : 0;
    const onTime = r.first_submitted_at && timelinessOf(r.first_submitted_at, r.deadline).onTime ? 1 : 0;
    return {
      id: r.id,
      title: r.title,
      period: r.period,
      deadline: r.deadline,
      planId: r.plan_id,
      closedAt: r.closed_at?.toISOString() ?? null,
      counts: countsOf(1, submitted, onTime, r.state === 'accepted' ? 1 : 0, r.state === 'returned' ? 1 : 0),
      ownState: r.state ?? 'missing',
    };
  });
}
