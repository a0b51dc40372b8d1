import { permissionTable } from '../access/permission.ts';

/**
 * Reporting rounds (issue 14). The standing body (provincial officer) and administrators open, adjust
 * and close rounds, return, accept and reopen submissions and build the consolidated report; a body
 * (an agency through its reporter, a commune through its officer) reads and fills only its own
 * submissions; leaders (viewer) read the board and the reports. Case workers have no part in it.
 */
export const reportingPermissions = permissionTable({
  /** POST /api/rounds, PATCH /api/rounds/:id (deadline, reminder settings, close), PUT /api/rounds/:id/bodies, PUT /api/reporting/contacts */
  'rounds.manage': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/rounds/:id (the board), GET /api/rounds/:id/reminders, GET /api/reporting/contacts: every body's state */
  'rounds.board': { admin: 'province', provincial_officer: 'province', viewer: 'province' },
  /** GET /api/rounds/:id/submissions/:unit: one body's submission, prefilled */
  'submissions.read': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    agency_reporter: 'own_agency',
    commune_officer: 'own_commune',
  },
  /** PUT …/submissions/:unit (draft), POST …/submit: the body's own, or any on a body's behalf for the standing body */
  'submissions.edit': {
    admin: 'province',
    provincial_officer: 'province',
    agency_reporter: 'own_agency',
    commune_officer: 'own_commune',
  },
  /** POST …/return, …/accept, …/reopen */
  'submissions.review': { admin: 'province', provincial_officer: 'province' },
  /** PUT /api/rounds/:id/report (the assembled text), POST /api/rounds/:id/report/builds */
  'reports.build': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/rounds/:id/report, GET …/builds/:build/:format: the report sent, shown again */
  'reports.read': { admin: 'province', provincial_officer: 'province', viewer: 'province' },
});
export type ReportingAction = keyof typeof reportingPermissions;
