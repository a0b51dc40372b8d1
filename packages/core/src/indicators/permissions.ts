import { permissionTable } from '../access/permission.ts';

/**
 * Indicator values of the province are statistics for everyone signed in (as plans are). The raw
 * figures of one unit are scoped: a commune officer reads and writes their commune's, an agency
 * reporter their agency's, the standing body and administrators any unit's; leaders (viewer) read
 * any unit and write none; case workers have no part in statistics.
 */
export const indicatorsPermissions = permissionTable({
  /** GET /api/data-values (the entry form), the measures of one unit, GET /api/indicators/validation-run */
  'values.read': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
    agency_reporter: 'own_agency',
  },
  /**
   * GET /api/indicators/:measure/units and its Excel: every commune's figures side by side. Only for
   * those who read any unit's figures: a commune's small numbers (abuse cases) are not for the
   * officer of the next commune, nor for case workers.
   */
  'ranking.read': { admin: 'province', provincial_officer: 'province', viewer: 'province' },
  /** PUT /api/data-values, the rows of an imported file, a unit's Excel template */
  'values.write': {
    admin: 'province',
    provincial_officer: 'province',
    commune_officer: 'own_commune',
    agency_reporter: 'own_agency',
  },
  /** POST /api/data-values/import (a dataValueSets document for any unit) */
  'dataValueSets.import': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/data-values/export (every value of the province) */
  'values.export': { admin: 'province', provincial_officer: 'province', viewer: 'province' },
  /** PUT /api/plans/:id/measure-targets, PUT/DELETE …/baseline */
  'targets.map': { admin: 'province', provincial_officer: 'province' },
  /**
   * POST /api/plans/:id/targets, PATCH and DELETE /api/plans/:id/targets/:target: add, correct and
   * remove a saved plan's targets, and pick the measure of an unmapped one; the roles that edit
   * plans (core plans/permissions.ts 'plans.edit')
   */
  'targets.edit': { admin: 'province', provincial_officer: 'province' },
  /** POST /api/indicators/local, DELETE /api/indicators/local/:code */
  'catalogue.edit': { admin: 'province' },
});
export type IndicatorsAction = keyof typeof indicatorsPermissions;
