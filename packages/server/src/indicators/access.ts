import { Role } from '@tre/core';
import type { Kysely } from 'kysely';
import { PROVINCE_EDITORS } from '../access/role-groups.ts';
import type { SessionActor } from '../audit/session-actor.ts';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../errors.ts';
import { findReportingUnit, type ReportingUnit } from './units.ts';

/**
 * Who may read and write the raw figures of a unit. Aggregated indicator values are statistics
 * issued to everyone signed in (as plans are); the entry form and its writes are scoped:
 * a commune officer to their commune, an agency reporter to their agency, the standing body and
 * administrators to any unit, leaders (viewer) read any unit and write none; case workers have
 * no part in statistics.
 */
const PROVINCE_READERS: readonly Role[] = [Role.Admin, Role.ProvincialOfficer, Role.Viewer];

/** The part of the caller the scope rules read: a session, or the uploader of a queued import. */
type Scoped = Pick<SessionActor, 'role' | 'agencyId' | 'communeCode'>;

function ownUnit(actor: Scoped, unit: ReportingUnit): boolean {
  if (actor.role === Role.CommuneOfficer) return unit.kind === 'commune' && unit.code === actor.communeCode;
  if (actor.role === Role.AgencyReporter) return unit.kind === 'agency' && unit.code === actor.agencyId;
  return false;
}

export function assertCanRead(actor: SessionActor, unit: ReportingUnit): void {
  if (PROVINCE_READERS.includes(actor.role) || ownUnit(actor, unit)) return;
  throw forbidden();
}

export function canWrite(actor: Scoped, unit: ReportingUnit): boolean {
  return PROVINCE_EDITORS.includes(actor.role) || ownUnit(actor, unit);
}

export function assertCanWrite(actor: Scoped, unit: ReportingUnit): void {
  if (!canWrite(actor, unit)) throw forbidden();
}

/**
 * Indicator values of the province are statistics for everyone signed in; the figures of one
 * commune or agency (small numbers, e.g. abuse cases in a commune) only for those who may read
 * that unit's raw figures. An unknown unit is left to the service, which answers 404.
 */
export async function assertCanReadValuesOf(db: Kysely<Database>, actor: SessionActor, unitCode: string): Promise<void> {
  const unit = await findReportingUnit(db, actor.provinceCode, unitCode);
  if (unit && unit.kind !== 'province') assertCanRead(actor, unit);
}
