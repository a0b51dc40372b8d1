import type { ImportJobDto, ImportJobListDto } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/** Shapes of the import-job routes: the zod side of core/imports/import-api.ts, checked against it below. */
const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const ImportJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  rowsTotal: z.number().nullable(),
  rowsDone: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejectedRows: z.array(z.object({ row: z.number(), fields: z.record(z.string(), z.string().nullable()), reason: Bilingual })),
  error: Bilingual.nullable(),
  retryable: z.boolean(),
});

export const ImportJobListSchema = z.object({ items: z.array(ImportJobSchema) });

export const JobParamsSchema = z.object({ id: z.uuid() });
export const JobListQuerySchema = z.object({ all: z.enum(['0', '1']).default('0') });

export type ContractChecks = [
  Expect<Same<z.infer<typeof ImportJobSchema>, ImportJobDto>>,
  Expect<Same<z.infer<typeof ImportJobListSchema>, ImportJobListDto>>,
];
