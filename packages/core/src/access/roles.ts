/**
 * Roles and what each may see. The server enforces these; the web uses them only to hide menus.
 * A role is always bound to a scope: the province (administrator, provincial officer, viewer),
 * an agency (agency reporter) or a commune (commune officer, case worker).
 */
export const Role = {
  Admin: 'admin',
  ProvincialOfficer: 'provincial_officer',
  AgencyReporter: 'agency_reporter',
  CommuneOfficer: 'commune_officer',
  CaseWorker: 'case_worker',
  Viewer: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roles: readonly Role[] = Object.values(Role);

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
  provincial_officer: { vi: 'Cán bộ cơ quan thường trực (tỉnh)', en: 'Provincial officer (standing body)' },
  agency_reporter: { vi: 'Cán bộ báo cáo của sở, ngành', en: 'Agency reporter' },
  commune_officer: { vi: 'Cán bộ xã, phường', en: 'Commune officer' },
  case_worker: { vi: 'Nhân viên công tác xã hội', en: 'Case worker' },
  viewer: { vi: 'Lãnh đạo, người xem', en: 'Viewer (leader)' },
};

export type ScopeKind = 'province' | 'agency' | 'commune';

/** Which scope a role is bound to. */
export function scopeKindOf(role: Role): ScopeKind {
  switch (role) {
    case 'agency_reporter':
      return 'agency';
    case 'commune_officer':
    case 'case_worker':
      return 'commune';
    default:
      return 'province';
  }
}

export interface Actor {
  id: string;
  role: Role;
  agencyId: string | null;
  communeCode: string | null;
}

/** Whether the actor may read data that belongs to one commune of the installation's province. */
export function canSeeCommune(actor: Actor, communeCode: string): boolean {
  if (scopeKindOf(actor.role) === 'province') return true;
  if (scopeKindOf(actor.role) === 'commune') return actor.communeCode === communeCode;
  return false;
}

export function isAdmin(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}
