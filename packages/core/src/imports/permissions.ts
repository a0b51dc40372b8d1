import { permissionTable } from '../access/permission.ts';

/** Import jobs: everyone reads the jobs they uploaded; these roles read and retry every job of the province. */
export const importsPermissions = permissionTable({
  /**
   * GET /api/import-jobs (all), /:id, /:id/rejections.csv, POST /:id/retry of another user's job.
   * 'province': jobs are read within the caller's province only (imports/repository.ts findJob);
   * the rows a retried job stores are checked again against its uploader's own scope.
   */
  'jobs.oversee': { admin: 'province', provincial_officer: 'province' },
});
export type ImportsAction = keyof typeof importsPermissions;
