import { permissionTable } from '../access/permission.ts';

/**
 * Child-friendly commune recognition (issue 17, Quyết định 06/2019/QĐ-TTg). A commune assesses
 * itself each year; the province verifies each criterion, decides and publishes the count of
 * recognised communes into indicator 1. Assessments are not personal data: no read log.
 */
export const communesPermissions = permissionTable({
  /** GET /api/communes/status, GET /api/communes/:code/assessments/:year, the rule sets */
  'communes.read': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
  },
  /** PUT …/assessments/:year (the draft's values, overrides with a reason, evidence), POST …/submit */
  'communes.assess': { commune_officer: 'own_commune' },
  /** POST …/verify (accept or correct a criterion), POST …/return (for rework with a comment) */
  'communes.verify': { admin: 'province', provincial_officer: 'province' },
  /** POST …/decision (number, date, recognised or not) */
  'communes.decide': { admin: 'province', provincial_officer: 'province' },
  /** POST /api/communes/publish: indicator 1's values written again for a year */
  'communes.publish': { admin: 'province', provincial_officer: 'province' },
  /** POST /api/communes/rule-sets: a replacement rule set, which becomes the active one */
  'communes.ruleSets': { admin: 'province' },
  /** PUT /api/communes/:code/type: mountain, island, especially disadvantaged, urban ward of a centrally-run city */
  'communes.type': { admin: 'province' },
});
export type CommunesAction = keyof typeof communesPermissions;
