import { indicatorsPermissions, mayTakeOn } from '@tre/core';
import type { Kysely } from 'kysely';
import type { SessionActor } from '../audit/session-actor.ts';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../errors.ts';
import { getReportingUnit, type ReportingUnit } from './units.ts';

/**
 * Who may read and write the raw figures of a unit. Aggregated indicator values are statistics
 * issued to everyone signed in (as plans are); the entry form and its writes are scoped:
 * a commune officer to their commune, an agency reporter to their agency, the standing body and
 * administrators to any unit, leaders (viewer) read any unit and write none; case workers have
 * no part in statistics.
 */
/** The part of the caller the scope rules read: a session, or the uploader of a queued import. */
type Scoped = Pick<SessionActor, 'role' | 'agencyId' | 'communeCode'>;

/** What the scope rules read of a unit (core access/permission.ts). */
const targetOf = (unit: ReportingUnit) => ({
  communeCode: unit.kind === 'commune' ? unit.code : null,
  agencyId: unit.kind === 'agency' ? unit.code : null,
});

export function assertCanRead(actor: SessionActor, unit: ReportingUnit): void {
  if (!mayTakeOn(indicatorsPermissions, 'values.read', actor, targetOf(unit))) throw forbidden();
}

export function canWrite(actor: Scoped, unit: ReportingUnit): boolean {
  return mayTakeOn(indicatorsPermissions, 'values.write', actor, targetOf(unit));
}

export function assertCanWrite(actor: Scoped, unit: ReportingUnit): void {
  if (!canWrite(actor, unit)) throw forbidden();
}

/**
 * Who reads figures: a signed-in user, scoped by the rules above, or the installation's operator at
 * the command line (`tre indicators values`), who reads the whole province.
 */
export type FiguresReader = SessionActor | { provinceCode: string; operator: true };

/**
 * The unit whose figures are asked for, looked up once and checked: indicator values of the province
 * are statistics for everyone signed in; the figures of one commune or agency (small numbers, e.g.
 * abuse cases in a commune) only for those who may read that unit's raw figures. Unknown: 404.
 */
export async function readableUnit(db: Kysely<Database>, reader: FiguresReader, code: string): Promise<ReportingUnit> {
  const unit = await getReportingUnit(db, reader.provinceCode, code);
  if (!('operator' in reader) && unit.kind !== 'province') assertCanRead(reader, unit);
  return unit;
}
