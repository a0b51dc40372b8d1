import { Role } from '@tre/core';
import { forbidden } from '../errors.ts';
import type { SessionActor } from '../access/session-actor.ts';
import type { ReportingUnit } from './units.ts';

/**
 * Who may read and write the raw figures of a unit. Aggregated indicator values are statistics
 * issued to everyone signed in (as plans are); the entry form and its writes are scoped:
 * a commune officer to their commune, an agency reporter to their agency, the standing body and
 * administrators to any unit, leaders (viewer) read any unit and write none; case workers have
 * no part in statistics.
 */
export const PROVINCE_EDITORS: readonly Role[] = [Role.Admin, Role.ProvincialOfficer];
const PROVINCE_READERS: readonly Role[] = [Role.Admin, Role.ProvincialOfficer, Role.Viewer];

function ownUnit(actor: SessionActor, unit: ReportingUnit): boolean {
  if (actor.role === Role.CommuneOfficer) return unit.kind === 'commune' && unit.code === actor.communeCode;
  if (actor.role === Role.AgencyReporter) return unit.kind === 'agency' && unit.code === actor.agencyId;
  return false;
}

export function assertCanRead(actor: SessionActor, unit: ReportingUnit): void {
  if (PROVINCE_READERS.includes(actor.role) || ownUnit(actor, unit)) return;
  throw forbidden();
}

export function assertCanWrite(actor: SessionActor, unit: ReportingUnit): void {
  if (PROVINCE_EDITORS.includes(actor.role) || ownUnit(actor, unit)) return;
  throw forbidden();
}
