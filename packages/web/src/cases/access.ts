import { casesPermissions } from '@tre/core';
import type { SessionUser } from '../api/types.ts';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the cases screens offer to whom, read from core's cases permission table. Most case actions
 * have a record-level scope (the case's team, its supervisor, a referred body): these say only
 * whether the role may ever take them; the case itself says what this reader may do now
 * (`CaseDto.actions`, `relation`), and the server checks every call again.
 */
export const canReadCases = (user: SessionUser | null): boolean => can(user, casesPermissions, 'cases.read');
export const canIntake = (user: SessionUser | null): boolean => can(user, casesPermissions, 'cases.intake');
export const canTakeReferrals = (user: SessionUser | null): boolean => can(user, casesPermissions, 'cases.referral');
export const canSeeOverview = (user: SessionUser | null): boolean => can(user, casesPermissions, 'cases.overview');
export const canGrantCaseAccess = (user: SessionUser | null): boolean => can(user, casesPermissions, 'cases.grant');

/** The cases list and the referral inbox are both under "Vụ việc": shown to those who may use either. */
export const mayUseCases = (user: SessionUser | null): boolean => canReadCases(user) || canTakeReferrals(user);

/** A role that takes reports for the whole province (the hotline) picks the case's commune; the others take their own. */
export const intakeCommuneOf = (user: SessionUser | null): string | null =>
  scopeFor(user, casesPermissions, 'cases.intake') === 'own_commune' ? (user?.communeCode ?? null) : null;
export const intakeReachesProvince = (user: SessionUser | null): boolean =>
  scopeFor(user, casesPermissions, 'cases.intake') === 'province';

/** The overview of every commune (with a commune picker), or of one's own. */
export const overviewReachesProvince = (user: SessionUser | null): boolean =>
  scopeFor(user, casesPermissions, 'cases.overview') === 'province';

/**
 * Who may read a case's access log: its supervisor (the case says so in `relation`), or a role that
 * reads every case's log. The panel hides itself when the server refuses all the same.
 */
export function maySeeCaseAccessLog(user: SessionUser | null, supervisor: boolean): boolean {
  const scope = scopeFor(user, casesPermissions, 'cases.accessLog');
  return scope === 'province' || (scope !== undefined && supervisor);
}
