import { permissionTable } from '../access/permission.ts';

/** The files module: evidence attached to task progress (read back by whoever may see the progress). */
export const filesPermissions = permissionTable({
  /** POST /api/files */
  'evidence.upload': {
    admin: 'province',
    provincial_officer: 'province',
    agency_reporter: 'own_agency',
    commune_officer: 'own_commune',
  },
});
export type FilesAction = keyof typeof filesPermissions;
