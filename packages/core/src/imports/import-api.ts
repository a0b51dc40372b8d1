import type { Bilingual } from '../indicators/catalogue-schema.ts';

/**
 * The web contract of import jobs (server/src/imports). A file upload answers 202 with the job;
 * GET /api/import-jobs/:id follows it (the web polls it for its progress bar), and when it is done
 * the job carries its counts and the first REJECTIONS_SHOWN rejected rows; every rejected row is in
 * GET /api/import-jobs/:id/rejections.csv.
 */
export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportRejectionDto {
  /** the spreadsheet row, or the index in the file's list from 1 */
  row: number;
  /** the row's identifying codes, by the file's column names (e.g. dataElement, orgUnit, period) */
  fields: Record<string, string | null>;
  reason: Bilingual;
}

export interface ImportJobDto {
  id: string;
  /** what is imported: 'data_values' (indicator figures) */
  kind: string;
  fileName: string;
  fileSize: number;
  status: ImportJobStatus;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** rows in the file, once the reader has counted them */
  rowsTotal: number | null;
  /** rows checked and stored so far (the checkpoint a restart resumes from) */
  rowsDone: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** the first rejected rows, in row order (at most REJECTIONS_SHOWN; `rejected` counts them all) */
  rejectedRows: ImportRejectionDto[];
  /** why a failed job failed */
  error: Bilingual | null;
  /** a failed job whose file is kept can be run again, resuming after rowsDone */
  retryable: boolean;
}

export interface ImportJobListDto {
  items: ImportJobDto[];
}

export const REJECTIONS_SHOWN = 200;
