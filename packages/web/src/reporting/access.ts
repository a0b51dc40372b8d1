import { reportingPermissions } from '@tre/core';
import type { SessionUser } from '../api/types.ts';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the reporting screens offer to whom, read from core's reporting permission table. The server
 * checks every call again; these only keep what would be refused off the screen.
 */
export const canManageRounds = (user: SessionUser | null): boolean => can(user, reportingPermissions, 'rounds.manage');
export const canReadBoard = (user: SessionUser | null): boolean => can(user, reportingPermissions, 'rounds.board');
export const canReview = (user: SessionUser | null): boolean => can(user, reportingPermissions, 'submissions.review');
export const canBuildReport = (user: SessionUser | null): boolean => can(user, reportingPermissions, 'reports.build');
export const canReadReports = (user: SessionUser | null): boolean => can(user, reportingPermissions, 'reports.read');

/** The body the user reports for (their agency's id or their commune's code), or null for province-wide roles. */
export function ownBody(user: SessionUser | null): string | null {
  const scope = scopeFor(user, reportingPermissions, 'submissions.edit');
  if (scope === 'own_agency') return user?.agencyId ?? null;
  if (scope === 'own_commune') return user?.communeCode ?? null;
  return null;
}

/** Whether the reporting menu entry is shown: the board's readers, and the bodies that owe reports. */
export const mayUseReporting = (user: SessionUser | null): boolean => canReadBoard(user) || ownBody(user) !== null;
