import { groupsOfAgency } from '@tre/core/plans/bodies';
import type { BodyGroup, PlanTaskDto } from '@tre/core/plans/plan-api';
import type { Agency, SessionUser } from '../api/types.ts';

/**
 * What the web offers to whom. The server checks every call again; these only keep buttons that
 * would be refused off the screen.
 */
export const canManagePlans = (user: SessionUser | null): boolean =>
  user?.role === 'admin' || user?.role === 'provincial_officer';

/** Whether the user may record progress on a task: their own body is assigned, or they speak for the standing body. */
export function canRecordProgress(user: SessionUser | null, task: PlanTaskDto, agencies: Agency[]): boolean {
  if (!user) return false;
  if (canManagePlans(user)) return true;
  const r = task.bodies.map((b) => b.resolution);
  if (user.role === 'agency_reporter' && user.agencyId) {
    const own = agencies.find((a) => a.id === user.agencyId);
    const groups: BodyGroup[] = own ? groupsOfAgency(own) : [];
    return r.some(
      (x) => (x.kind === 'agency' && x.agencyId === user.agencyId) || (x.kind === 'group' && groups.includes(x.group)),
    );
  }
  if (user.role === 'commune_officer' && user.communeCode) {
    return r.some((x) => x.kind === 'group' && x.group === 'all_communes');
  }
  return false;
}

export function yearsLabel(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}–${to}`;
}
