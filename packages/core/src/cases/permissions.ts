import { permissionTable } from '../access/permission.ts';

/**
 * Child-protection cases (issue 16, Nghị định 56/2017 Điều 25–30). A case is seen by its assigned
 * worker, the worker's supervisor, and the users of a body a service was referred to (that part
 * only); nobody else, whatever their rank, unless the administrator grants access for a stated
 * reason until a date (`case_team` includes a live grant). The reporter's identity is seen only by
 * the worker who took the report and the supervisor. Statistics never name a child.
 */
export const casesPermissions = permissionTable({
  /** POST /api/cases: a report received (hotline, police, school, …), for one's commune or the province's hotline */
  'cases.intake': { case_worker: 'own_commune', commune_officer: 'own_commune', provincial_officer: 'province' },
  /** GET /api/cases (one's own cases), GET /api/cases/:id: the case, its steps, plan and services */
  'cases.read': {
    admin: 'case_team',
    provincial_officer: 'case_team',
    commune_officer: 'case_team',
    case_worker: 'case_team',
    agency_reporter: 'case_team',
    viewer: 'case_team',
  },
  /** the reporter's name and contact on a case: the worker who took the report and the supervisor */
  'cases.reporter': {
    provincial_officer: 'reporter_circle',
    commune_officer: 'reporter_circle',
    case_worker: 'reporter_circle',
  },
  /** POST /api/cases/:id/steps (verify, assess, emergency measures, plan, services, review): the assigned worker */
  'cases.work': { provincial_officer: 'assigned', commune_officer: 'assigned', case_worker: 'assigned' },
  /** approve or return the plan and the closure (Mẫu 05), reassign the worker, transfer the case: the supervisor */
  'cases.approve': { provincial_officer: 'supervised', commune_officer: 'supervised' },
  /** GET /api/cases/referrals, accept, reject (with a reason) and complete a referred service: the referred body's users */
  'cases.referral': { agency_reporter: 'referred', commune_officer: 'referred', case_worker: 'referred' },
  /** GET /api/cases/:id/access-log: who read the case: its supervisor, and the administrator */
  'cases.accessLog': { admin: 'province', provincial_officer: 'supervised', commune_officer: 'supervised' },
  /** POST /api/cases/:id/grants: access for a stated reason until a date, logged */
  'cases.grant': { admin: 'province' },
  /** GET /api/cases/:id/export.docx: the case's forms taken away, with the user and date in the file */
  'cases.export': { provincial_officer: 'supervised', commune_officer: 'supervised' },
  /** GET /api/cases/overview: counts per clock state, no child named: a commune's, or the province's */
  'cases.overview': { admin: 'province', provincial_officer: 'province', viewer: 'province', commune_officer: 'own_commune' },
  /** GET /api/cases/statistics; POST …/publish writes them as the indicators' data values */
  'cases.statistics': { admin: 'province', provincial_officer: 'province', viewer: 'province', commune_officer: 'own_commune' },
  'cases.publish': { admin: 'province', provincial_officer: 'province' },
  /** PUT /api/cases/calendar/:year: the public offices' days off and swapped working days of a year */
  'cases.calendar': { admin: 'province' },
});
export type CasesAction = keyof typeof casesPermissions;
