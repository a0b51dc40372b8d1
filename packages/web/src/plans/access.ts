import { COMMUNE_GROUPS, groupsOfAgency } from '@tre/core/plans/bodies';
import type { BodyGroup, PlanTaskDto } from '@tre/core/plans/plan-api';
import type { Agency, SessionUser } from '../api/types.ts';
import { plansPermissions, scopeKindOf } from '@tre/core';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the web offers to whom. The server checks every call again; these only keep buttons that
 * would be refused off the screen.
 */
export const canManagePlans = (user: SessionUser | null): boolean => can(user, plansPermissions, 'plans.edit');

/** Whether the user may record progress on a task: their own body is assigned, or they speak for the standing body. */
export function canRecordProgress(user: SessionUser | null, task: PlanTaskDto, agencies: Agency[]): boolean {
  const scope = scopeFor(user, plansPermissions, 'tasks.progress');
  if (!user || scope === undefined) return false;
  if (scope === 'province') return true;
  const r = task.bodies.map((b) => b.resolution);
  if (scopeKindOf(user.role) === 'agency' && user.agencyId) {
    const own = agencies.find((a) => a.id === user.agencyId);
    const groups: BodyGroup[] = own ? groupsOfAgency(own) : [];
    return r.some(
      (x) => (x.kind === 'agency' && x.agencyId === user.agencyId) || (x.kind === 'group' && groups.includes(x.group)),
    );
  }
  if (scopeKindOf(user.role) === 'commune' && user.communeCode) {
    return r.some((x) => x.kind === 'group' && COMMUNE_GROUPS.includes(x.group));
  }
  return false;
}

export function yearsLabel(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}–${to}`;
}
