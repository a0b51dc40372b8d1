import {
  ALL_COMPLAINT_OUTCOMES,
  ANSWER_METHODS,
  CLOCK_RULE_LIMITS,
  CLOCK_UNITS,
  COMPLAINT_ACTIONS,
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_LIMITS,
  COMPLAINT_STATUSES,
  COMPLEXITIES,
  type ComplaintClockRulesDto,
  type ComplaintDto,
  type ComplaintDueDto,
  type ComplaintIntakeRequest,
  type ComplaintSettingDto,
  type ComplaintStatisticsDto,
  type ComplaintStepRequest,
  type ComplaintSummaryDto,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';

/** The zod side of core/voices/complaints/complaints-api.ts, checked against it at the bottom. */

const Status = z.enum(COMPLAINT_STATUSES);
const Kind = z.enum(COMPLAINT_KINDS);
const Clock = z.object({
  kind: z.enum(['acceptance', 'resolution']),
  dueAt: z.string(),
  state: z.enum(['ok', 'near', 'overdue', 'met']),
  metAt: z.string().nullable(),
});
const Uuid = z.uuid();
const IsoDate = z.iso.date();
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'một dòng / single line');

export const ComplaintIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const KindParams = z.object({ kind: Kind });

export const ComplaintSummarySchema = z.object({
  id: z.number(),
  number: z.string(),
  kind: Kind,
  status: Status,
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedAt: z.string(),
  anonymous: z.boolean(),
  body: z.object({ kind: z.enum(['commune', 'agency']), id: z.string(), name: z.string() }),
  handlerName: z.string().nullable(),
  supervisorName: z.string().nullable(),
  childName: z.string().nullable(),
  clocks: z.array(Clock),
  nearest: Clock.nullable(),
});

const Complainant = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  contact: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export const ComplainantSchema = Complainant;

const Rules = z.object({
  acceptanceDays: z.number().int().min(1).max(CLOCK_RULE_LIMITS.maxDays),
  acceptanceUnit: z.enum(CLOCK_UNITS),
  resolutionDays: z.number().int().min(1).max(CLOCK_RULE_LIMITS.maxDays),
  resolutionUnit: z.enum(CLOCK_UNITS),
  remoteResolutionDays: z.number().int().min(1).max(CLOCK_RULE_LIMITS.maxDays).nullable(),
  maxExtensions: z.number().int().min(0).max(CLOCK_RULE_LIMITS.maxExtensions),
  extensionDays: z.number().int().min(1).max(CLOCK_RULE_LIMITS.maxDays),
  source: z.string().trim().min(1).max(CLOCK_RULE_LIMITS.maxSource),
});
export const RulesBody = z.strictObject(Rules.shape);

export const ComplaintSchema = ComplaintSummarySchema.extend({
  content: z.string(),
  remoteArea: z.boolean(),
  childId: z.number().nullable(),
  acceptedOn: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  outcome: z.enum(ALL_COMPLAINT_OUTCOMES).nullable(),
  extensions: z.number(),
  complainant: Complainant.nullable(),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.union([z.enum(COMPLAINT_ACTIONS), z.literal('intake')]),
      fromStatus: Status.nullable(),
      toStatus: Status,
      at: z.string(),
      actorName: z.string(),
      data: z.record(z.string(), z.unknown()),
      comment: z.string().nullable(),
    }),
  ),
  actions: z.array(z.enum(COMPLAINT_ACTIONS)),
  relation: z.object({ handler: z.boolean(), supervisor: z.boolean(), receiver: z.boolean() }),
  rules: Rules,
  version: z.number(),
});

export const SettingSchema = Rules.extend({
  kind: Kind,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  isDefault: z.boolean(),
});

const optionalLine = (max: number) => line(max).nullable();

export const IntakeBody = z.strictObject({
  kind: Kind,
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedAt: z.iso.datetime({ offset: true }),
  content: z.string().trim().min(1).max(COMPLAINT_LIMITS.content),
  anonymous: z.boolean(),
  complainant: z.strictObject({
    name: optionalLine(COMPLAINT_LIMITS.name),
    address: optionalLine(COMPLAINT_LIMITS.address),
    contact: optionalLine(COMPLAINT_LIMITS.contact),
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9]{9,12}$/, 'CCCD 12 chữ số hoặc CMND 9 chữ số / a 12- or 9-digit ID')
      .nullable(),
  }),
  childId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  body: z.strictObject({ kind: z.enum(['commune', 'agency']), id: z.string().trim().min(1).max(40) }),
  remoteArea: z.boolean(),
  handlerId: Uuid.nullable(),
  supervisorId: Uuid,
});

export const StepBody = z.strictObject({
  action: z.enum(COMPLAINT_ACTIONS),
  date: IsoDate.optional(),
  decisionNumber: line(COMPLAINT_LIMITS.decisionNumber).optional(),
  reason: z.string().trim().min(5).max(COMPLAINT_LIMITS.note).optional(),
  outcome: z.enum(ALL_COMPLAINT_OUTCOMES).optional(),
  method: z.enum(ANSWER_METHODS).optional(),
  days: z.number().int().min(1).max(CLOCK_RULE_LIMITS.maxDays).optional(),
  complexity: z.enum(COMPLEXITIES).optional(),
  note: z.string().trim().max(COMPLAINT_LIMITS.note).optional(),
  version: z.number().int().positive().max(2_147_483_647),
});

export const StatisticsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
const Bucket = z.object({ met: z.number(), late: z.number(), overdue: z.number() });
export const StatisticsSchema = z.object({
  total: z.number(),
  byKind: z.object({ complaint: z.number(), denunciation: z.number() }),
  byStatus: z.partialRecord(Status, z.number()),
  acceptance: Bucket,
  resolution: Bucket,
});

export const DueSchema = z.object({
  id: z.number(),
  number: z.string(),
  kind: Kind,
  status: Status,
  bodyName: z.string(),
  clock: z.enum(['acceptance', 'resolution']),
  dueAt: z.string(),
  state: z.enum(['near', 'overdue']),
});

export const ChildrenQuery = z.object({
  q: z.string().trim().min(1).max(100),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
export const TeamQuery = z.object({ kind: z.enum(['commune', 'agency']), id: z.string().trim().min(1).max(40) });

export type ComplaintsContractChecks = [
  Expect<Same<z.infer<typeof ComplaintSummarySchema>, ComplaintSummaryDto>>,
  Expect<Same<z.infer<typeof ComplaintSchema>, ComplaintDto>>,
  Expect<Same<z.infer<typeof SettingSchema>, ComplaintSettingDto>>,
  Expect<Same<z.infer<typeof Rules>, ComplaintClockRulesDto>>,
  Expect<Same<z.infer<typeof StatisticsSchema>, ComplaintStatisticsDto>>,
  Expect<Same<z.infer<typeof DueSchema>, ComplaintDueDto>>,
  Expect<Same<z.infer<typeof IntakeBody>, ComplaintIntakeRequest>>,
  Expect<Same<z.infer<typeof StepBody>, ComplaintStepRequest>>,
];
