import { type ImportReportDto } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, Period } from '../schemas.ts';

/** Rows are checked one by one in the service (a bad row is listed, not a 400 for the file). */
/** A JSON post is stored in one transaction: at most 10,000 values (a file import takes more, as a job). */
export const DataValueSetSchema = z.object({ dataValues: z.array(z.unknown()).max(10_000) });

export const ImportReportSchema = z.object({
  rows: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejectedRows: z.array(
    z.object({
      row: z.number(),
      dataElement: z.string().nullable(),
      orgUnit: z.string().nullable(),
      period: z.string().nullable(),
      reason: Bilingual,
    }),
  ),
});

export const ExportQuerySchema = z.object({ period: Period.optional(), format: z.enum(['json']).default('json') });

export const ExportSchema = z.object({
  dataValues: z.array(
    z.object({
      dataElement: z.string(),
      period: z.string(),
      orgUnit: z.string(),
      value: z.string(),
      categoryOptionCombo: z.string().optional(),
      storedBy: z.string(),
      lastUpdated: z.string(),
    }),
  ),
});

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [Expect<Same<z.infer<typeof ImportReportSchema>, ImportReportDto>>];
