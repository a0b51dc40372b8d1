import type { ImportJobDto, ImportJobListDto } from '@tre/core/imports/import-api';
import { api, apiUpload } from '../api/client.ts';

/** The typed client of import jobs (server/src/imports/routes.ts) and of the figures upload that creates one. */
export const importsApi = {
  uploadFigures: (file: File) =>
    apiUpload<ImportJobDto>(`/api/data-values/import-file?fileName=${encodeURIComponent(file.name)}`, file),
  job: (id: string) => api<ImportJobDto>('GET', `/api/import-jobs/${encodeURIComponent(id)}`),
  mine: () => api<ImportJobListDto>('GET', '/api/import-jobs'),
  retry: (id: string) => api<ImportJobDto>('POST', `/api/import-jobs/${encodeURIComponent(id)}/retry`),
  rejectionsUrl: (id: string) => `/api/import-jobs/${encodeURIComponent(id)}/rejections.csv`,
};
