import {
  ABUSE_FORMS,
  CASE_ACTIONS,
  CASE_STATUSES,
  REPORT_CHANNELS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
  URGENCIES,
  type CaseDto,
  type CaseOverviewDto,
  type CaseSummaryDto,
  type ReferralDto,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/** The zod side of core/cases/cases-api.ts, checked against it at the bottom. */

const Status = z.enum(CASE_STATUSES);
const Clock = z.object({
  kind: z.enum(['emergency', 'plan', 'review']),
  dueAt: z.string(),
  state: z.enum(['ok', 'near', 'overdue', 'met']),
  metAt: z.string().nullable(),
});
const Uuid = z.uuid();
const Commune = z.string().regex(/^\d{5}$/);
const IsoDate = z.iso.date();
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'một dòng / single line');

export const CaseIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ServiceIdParams = z.object({ serviceId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const CaseSummarySchema = z.object({
  id: z.number(),
  number: z.string(),
  status: Status,
  communeCode: z.string(),
  communeName: z.string(),
  childId: z.number(),
  childName: z.string(),
  receivedAt: z.string(),
  abuseForms: z.array(z.enum(ABUSE_FORMS)),
  urgency: z.enum(URGENCIES),
  workerName: z.string().nullable(),
  supervisorName: z.string().nullable(),
  clocks: z.array(Clock),
  nearest: Clock.nullable(),
});

const Service = z.object({
  id: z.number(),
  kind: z.enum(SERVICE_KINDS),
  description: z.string().nullable(),
  bodyKind: z.enum(['team', 'agency', 'commune']),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  outcome: z.string().nullable(),
  rejectReason: z.string().nullable(),
});

export const CaseSchema = CaseSummarySchema.extend({
  channel: z.enum(REPORT_CHANNELS),
  facts: z.string(),
  location: z.string().nullable(),
  reporter: z
    .object({
      anonymous: z.boolean(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      relation: z.string().nullable(),
    })
    .nullable(),
  emergencyRequired: z.boolean(),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.union([z.enum(CASE_ACTIONS), z.enum(['intake', 'transfer', 'assign'])]),
      fromStatus: Status.nullable(),
      toStatus: Status,
      at: z.string(),
      actorName: z.string(),
      form: z.enum(['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06', 'mau07', 'verification', 'closure']).nullable(),
      data: z.record(z.string(), z.unknown()),
      comment: z.string().nullable(),
    }),
  ),
  services: z.array(Service),
  actions: z.array(z.enum(CASE_ACTIONS)),
  relation: z.object({
    assigned: z.boolean(),
    supervisor: z.boolean(),
    intake: z.boolean(),
    referred: z.boolean(),
    granted: z.boolean(),
  }),
  version: z.number(),
});

export const ReferralSchema = z.object({
  serviceId: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  communeName: z.string(),
  kind: z.enum(SERVICE_KINDS),
  description: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  outcome: z.string().nullable(),
  rejectReason: z.string().nullable(),
  childSex: z.enum(['male', 'female']),
  childAge: z.number(),
  referredAt: z.string(),
});

const StateCounts = z.object({ ok: z.number(), near: z.number(), overdue: z.number(), met: z.number() });
export const OverviewSchema = z.object({
  open: z.number(),
  byStatus: z.partialRecord(Status, z.number()),
  clocks: z.object({ emergency: StateCounts, plan: StateCounts, review: StateCounts }),
  closedThisYear: z.number(),
});

const NewChild = z.object({
  fullName: line(100),
  birthDate: IsoDate,
  sex: z.enum(['Nam', 'Nữ']),
  communeCode: Commune,
  address: z.string().trim().max(300).nullable().optional(),
  motherName: z.string().trim().max(100).nullable().optional(),
  fatherName: z.string().trim().max(100).nullable().optional(),
  carerName: z.string().trim().max(100).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
});

export const IntakeBody = z.strictObject({
  receivedAt: z.iso.datetime({ offset: true }),
  channel: z.enum(REPORT_CHANNELS),
  communeCode: Commune,
  reporter: z.object({
    anonymous: z.boolean(),
    name: line(100).nullable(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +.()-]{3,20}$/)
      .nullable(),
    relation: line(100).nullable(),
  }),
  child: z.union([z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }), z.object({ new: NewChild })]),
  abuseForms: z
    .array(z.enum(ABUSE_FORMS))
    .min(1)
    .max(7)
    .refine((forms) => new Set(forms).size === forms.length, 'mỗi hình thức một lần / each form once'),
  facts: z.string().trim().min(1).max(5000),
  location: line(300).nullable(),
  urgency: z.enum(URGENCIES),
  workerId: Uuid.nullable(),
  supervisorId: Uuid,
});

export const StepBody = z.object({
  action: z.enum(CASE_ACTIONS),
  data: z.record(z.string(), z.unknown()),
  comment: z.string().trim().max(2000).nullable(),
  version: z.number().int().positive().max(2_147_483_647),
});

export const ServiceBody = z.object({
  kind: z.enum(SERVICE_KINDS),
  description: z.string().trim().max(1000).nullable(),
  agencyId: Uuid.nullable(),
  communeCode: Commune.nullable(),
  dueOn: IsoDate.nullable(),
});

export const TeamBody = z.object({ workerId: Uuid.nullable().optional(), supervisorId: Uuid.optional() });
export const TransferBody = z.object({ communeCode: Commune, supervisorId: Uuid, reason: z.string().trim().min(5).max(1000) });
export const GrantBody = z.object({
  userId: Uuid,
  reason: z.string().trim().min(5).max(500),
  days: z.number().int().min(1).max(30),
});
export const RejectBody = z.object({ reason: z.string().trim().min(5).max(1000) });
export const DoneBody = z.object({ outcome: z.string().trim().min(1).max(2000) });

export const IntakeChildrenQuery = z.object({ q: z.string().trim().min(1).max(100), commune: Commune.optional() });
export const CommuneQuery = z.object({ commune: Commune.optional() });

export type CasesContractChecks = [
  Expect<Same<z.infer<typeof CaseSummarySchema>, CaseSummaryDto>>,
  Expect<Same<z.infer<typeof CaseSchema>, CaseDto>>,
  Expect<Same<z.infer<typeof ReferralSchema>, ReferralDto>>,
  Expect<Same<z.infer<typeof OverviewSchema>, CaseOverviewDto>>,
];
