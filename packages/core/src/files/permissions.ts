import { permissionTable } from '../access/permission.ts';

/** The files module: evidence attached to task progress (read back by whoever may see the progress). */
export const filesPermissions = permissionTable({
  /**
   * POST /api/files. A file has no record to scope until it is attached: the scope is held when a
   * progress report attaches it (only one's own upload, on a task one may report on; plans
   * 'tasks.progress'), so an upload alone reaches nobody else's task.
   */
  'evidence.upload': {
    admin: 'province',
    provincial_officer: 'province',
    agency_reporter: 'own_agency',
    commune_officer: 'own_commune',
  },
});
export type FilesAction = keyof typeof filesPermissions;
