import { casesPermissions, mayTakeOn, type CaseRelation, type CasesAction } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionActor } from '../audit/session-actor.ts';
import { forbidden, notFound } from '../errors.ts';
import { hasLiveGrant, isReferredTo, type CaseRow } from './repository.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The actor's relation to a case, read from the case, its services and its grants: what the case
 * scopes of the permission table (core access/permission.ts) decide on.
 */
export async function relationOf(db: Q, actor: SessionActor, row: CaseRow, now = new Date()): Promise<CaseRelation> {
  return {
    assigned: row.worker_id === actor.id,
    supervisor: row.supervisor_id === actor.id,
    intake: row.intake_by === actor.id,
    referred: await isReferredTo(db, row.id, { agencyId: actor.agencyId, communeCode: actor.communeCode }),
    granted: await hasLiveGrant(db, row.id, actor.id, now),
  };
}

export const mayOnCase = (actor: SessionActor, action: CasesAction, relation: CaseRelation): boolean =>
  mayTakeOn(casesPermissions, action, actor, { caseRelation: relation });

/**
 * Refuses an action on a case the actor has no part in. A case one may not read answers as if it
 * did not exist (404): its existence is confidential too. One that may be read but not acted on
 * answers 403.
 */
export function assertOnCase(actor: SessionActor, action: CasesAction, relation: CaseRelation): void {
  if (mayOnCase(actor, action, relation)) return;
  if (!mayOnCase(actor, 'cases.read', relation) && !relation.referred) throw notFound();
  throw forbidden();
}
