import { permissionTable } from '../../access/permission.ts';

/**
 * Complaints and denunciations about children's rights (issue 17 §3). Received by a commune officer
 * for their commune, an agency reporter for their agency, or a provincial officer for any body of the
 * province (the assigned body: the commune or agency that must resolve it). Once recorded, a
 * complaint is seen by its handler and its supervisor only, whatever the reader's rank: the service
 * works out the actor's relation (ScopeTarget.caseRelation: assigned = the handler, supervisor = the
 * supervisor, intake = the officer who received it; no grants). Who complained (name, address,
 * contact, ID number) is seen by the handler and the supervisor only (`handling`), not by the
 * receiver once it is handed on. Statistics never name anyone.
 */
export const complaintsPermissions = permissionTable({
  /** POST /api/complaints, GET /api/complaints/intake/children: record a complaint received, for one's commune, agency or the province */
  'complaints.intake': { commune_officer: 'own_commune', agency_reporter: 'own_agency', provincial_officer: 'province' },
  /** GET /api/complaints (mine, nearest clock first), GET /api/complaints/:id: the complaint, its steps and clocks */
  'complaints.read': {
    provincial_officer: 'case_team',
    commune_officer: 'case_team',
    case_worker: 'case_team',
    agency_reporter: 'case_team',
  },
  /** GET /api/complaints/:id/complainant: who complained (protected) */
  'complaints.complainant': {
    provincial_officer: 'handling',
    commune_officer: 'handling',
    case_worker: 'handling',
    agency_reporter: 'handling',
  },
  /** POST /api/complaints/:id/steps accept, reject, use as information, verify, resolve, answer, withdraw: the handler */
  'complaints.handle': {
    provincial_officer: 'assigned',
    commune_officer: 'assigned',
    case_worker: 'assigned',
    agency_reporter: 'assigned',
  },
  /** POST /api/complaints/:id/steps extend (a written decision with its reason), close: the supervisor */
  'complaints.supervise': { provincial_officer: 'supervised', commune_officer: 'supervised', agency_reporter: 'supervised' },
  /** GET /api/complaints/:id/access-log: who read the complaint: its supervisor */
  'complaints.accessLog': { provincial_officer: 'supervised', commune_officer: 'supervised', agency_reporter: 'supervised' },
  /** GET /api/complaints/statistics: counts by kind, step and clock met, nobody named */
  'complaints.statistics': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
  },
  /** PUT /api/complaints/settings/:kind: the clocks' defaults (days, calendar or working, extensions) */
  'complaints.settings': { admin: 'province' },
});
export type ComplaintsAction = keyof typeof complaintsPermissions;
