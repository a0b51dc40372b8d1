import { permissionTable } from '../access/permission.ts';

/**
 * The children register (issue 15): a child's data is sensitive personal data (Nghị định 13/2023).
 * A commune officer keeps the register of their own commune; the provincial officer and the
 * administrator reach every commune's records, and open one only with a stated reason (it is not
 * theirs: the read log keeps why); leaders (viewer) see statistics only, never a child. Case workers
 * will see the children of their own cases when cases come (issue 16): until then, none.
 */
export const childrenPermissions = permissionTable({
  /** GET /api/children (list and search, IDs masked), GET /api/children/:id (the record, ID whole) */
  'children.read': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** POST /api/children, PATCH /api/children/:id, group memberships: a commune officer for their own commune */
  'children.edit': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** POST /api/children/imports (a spreadsheet of the layout): rows of other communes are refused for a commune officer */
  'children.import': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** GET /api/children/export.xlsx: the records taken away, with who and when in the file */
  'children.export': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** GET /api/children/duplicates, POST …/merge, …/different, …/undo: both records in the actor's reach */
  'children.duplicates': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** POST /api/children/:id/verify and the bulk verification of a commune against the national population database */
  'children.verify': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** GET /api/children/statistics: counts by group, sex and age, never a child; produce the indicators' data values */
  'children.statistics': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
  },
  /** POST /api/children/statistics/publish: the register's counts written as the communes' data values (the standing body's) */
  'children.publish': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/children/:id/readers: who looked at a record (the read log of one child) */
  'children.readers': { admin: 'province' },
});
export type ChildrenAction = keyof typeof childrenPermissions;
