import { permissionTable } from '../access/permission.ts';

/**
 * Plans are issued to every body: everyone signed in reads them. The standing body (provincial
 * officer) and administrators edit them; the bodies a task is assigned to record its progress.
 */
export const plansPermissions = permissionTable({
  /** POST /api/plans/parse, POST /api/plans, DELETE /api/plans/:id, PATCH /api/plans/tasks/:taskId, PUT /api/plans/:id/bodies */
  'plans.edit': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/plans/overdue: every body's overdue tasks */
  'tasks.overdue': { admin: 'province', provincial_officer: 'province' },
  /** GET /api/plans/undecided-leads: every plan's tasks whose lead is still to be decided */
  'leads.undecided': { admin: 'province', provincial_officer: 'province' },
  /** POST /api/plans/tasks/:taskId/progress: for any assigned body, or for one's own body when it is assigned the task */
  'tasks.progress': {
    admin: 'province',
    provincial_officer: 'province',
    agency_reporter: 'assigned_body',
    commune_officer: 'assigned_body',
  },
});
export type PlansAction = keyof typeof plansPermissions;
