import {
  CHILD_FIELDS,
  CIRCUMSTANCE_GROUPS,
  SCHOOLING,
  type ChildDto,
  type ChildImportReport,
  type ChildSummaryDto,
  type DuplicatePairDto,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/** The zod side of core/children/children-api.ts, checked against it at the bottom. */

const Sex = z.enum(['male', 'female']);
const Group = z.enum(CIRCUMSTANCE_GROUPS);
const Verification = z.enum(['match', 'mismatch', 'not_found', 'error']);
const IsoDate = z.string();

export const ChildIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const ChildListQuery = z.object({
  /** a name (with or without diacritics, whole or partial words) or a 12-digit personal ID; never logged */
  q: z.string().trim().max(100).optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  birthYear: z.coerce.number().int().min(1990).max(2100).optional(),
  group: Group.optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const ChildReadQuery = z.object({ reason: z.string().trim().min(5).max(500).optional() });

export const ChildSummarySchema = z.object({
  id: z.number(),
  fullName: z.string(),
  birthDate: IsoDate,
  sex: Sex,
  communeCode: z.string(),
  communeName: z.string(),
  personalIdMasked: z.string().nullable(),
  groups: z.array(Group),
  active: z.boolean(),
  verification: Verification.nullable(),
});

const Source = z.object({
  kind: z.enum(['import', 'screen', 'case']),
  file: z.string().nullable(),
  row: z.number().nullable(),
  jobId: z.string().nullable(),
});

export const ChildSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  birthDate: IsoDate,
  sex: Sex,
  ethnicity: z.string().nullable(),
  ethnicityListed: z.boolean(),
  personalId: z.string().nullable(),
  birthRegistered: z.boolean().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  address: z.string().nullable(),
  motherName: z.string().nullable(),
  fatherName: z.string().nullable(),
  carerName: z.string().nullable(),
  phone: z.string().nullable(),
  disability: z.boolean().nullable(),
  schooling: z.enum(SCHOOLING).nullable(),
  active: z.boolean(),
  mergedInto: z.number().nullable(),
  version: z.number(),
  source: Source,
  groups: z.array(
    z.object({
      id: z.number(),
      group: Group,
      startedOn: z.string().nullable(),
      endedOn: z.string().nullable(),
      support: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorName: z.string(),
      action: z.string(),
      changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
      childId: z.number(),
    }),
  ),
  verifications: z.array(
    z.object({
      id: z.number(),
      checkedAt: z.string(),
      status: Verification,
      mismatches: z.array(z.string()),
      residence: z
        .object({ provinceCode: z.string(), communeCode: z.string(), address: z.string(), kind: z.string() })
        .nullable(),
    }),
  ),
});

const FieldKey = z.union([z.enum(CHILD_FIELDS), z.literal('row')]);
const Rejection = z.object({
  row: z.number(),
  field: z.string(),
  fieldKey: FieldKey,
  reason: z.string(),
  reasonEn: z.string(),
  problems: z.array(z.object({ field: z.string(), fieldKey: FieldKey, reason: z.string(), reasonEn: z.string() })),
});

export const ChildImportReportSchema = z.object({
  file: z.string(),
  jobId: z.string().nullable(),
  status: z.enum(['done', 'failed', 'queued', 'running']),
  rows: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejections: z.array(Rejection),
  warnings: z.array(Rejection),
  duplicates: z.number(),
  error: z.object({ vi: z.string(), en: z.string() }).nullable(),
});

export const ChildImportQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** the column mapping as JSON: file header → field key or layout header */
  map: z.string().max(5000).optional(),
});

export const JobParams = z.object({ job: z.uuid() });

const DuplicateRecord = ChildSummarySchema.extend({
  motherName: z.string().nullable(),
  fatherName: z.string().nullable(),
  address: z.string().nullable(),
  row: z.number().nullable(),
  file: z.string().nullable(),
  source: Source,
});

export const DuplicatePairSchema = z.object({
  id: z.number(),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['pending', 'merged', 'different', 'undone']),
  a: DuplicateRecord,
  b: DuplicateRecord,
});

/** A record typed on the screen: the layout's fields as text, checked by the same rules as a spreadsheet row. */
export const ChildInputSchema = z.object(
  Object.fromEntries(CHILD_FIELDS.map((f) => [f, z.string().max(300).nullable().optional()])) as Record<
    (typeof CHILD_FIELDS)[number],
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);
export const ChildUpdateSchema = ChildInputSchema.extend({ version: z.number().int().positive().max(2_147_483_647) });

export const PairParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const MergeBody = z.object({ keep: z.enum(['a', 'b']) });

export type ChildrenContractChecks = [
  Expect<Same<z.infer<typeof ChildSummarySchema>, ChildSummaryDto>>,
  Expect<Same<z.infer<typeof ChildSchema>, ChildDto>>,
  Expect<Same<z.infer<typeof ChildImportReportSchema>, ChildImportReport>>,
  Expect<Same<z.infer<typeof DuplicatePairSchema>, DuplicatePairDto>>,
];
