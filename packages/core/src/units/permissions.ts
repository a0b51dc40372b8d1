import { permissionTable } from '../access/permission.ts';

/** The units module: agencies and the installation's settings; the administrative units are read by everyone signed in. */
export const unitsPermissions = permissionTable({
  /** POST /api/agencies, PATCH /api/agencies/:id, PUT /api/settings/standing-body */
  'agencies.manage': { admin: 'province' },
});
export type UnitsAction = keyof typeof unitsPermissions;
