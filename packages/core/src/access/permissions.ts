import { permissionTable } from './permission.ts';

/** The access module: users, the audit trail, the access log, a commune's staff (see permission.ts). */
export const accessPermissions = permissionTable({
  /** GET, POST /api/users, PATCH /api/users/:id */
  'users.manage': { admin: 'province' },
  /** GET /api/audit */
  'audit.read': { admin: 'province' },
  /** GET /api/access-log */
  'readLog.read': { admin: 'province' },
  /** GET /api/units/communes/:code/staff: commune-scoped data */
  'staff.read': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
    case_worker: 'own_commune',
  },
});
export type AccessAction = keyof typeof accessPermissions;
