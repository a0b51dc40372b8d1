import {
  BODY_GROUPS,
  IndicatorTargetSchema,
  ParseNoteSchema,
  PlanDocumentSchema,
  ReportingKindSchema,
  TimelineKindSchema,
  type BodyDecisionReply,
  type BodyDecisionRequest,
  type BodyResolution,
  type CalendarEventDto,
  type OverdueTaskDto,
  type ParsedBody,
  type PlanCalendarReply,
  type PlanDetailDto,
  type PlanParseReply,
  type PlanSaveRequest,
  type PlanSummaryDto,
  type PlanBodyDto,
  type PlanTaskDto,
  type TaskBodyDto,
  type UndecidedLeadsDto,
  type TaskProgressDto,
  type TaskPatchRequest,
  type TaskProgressRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/**
 * The zod side of core/plans/plan-api.ts. Routes validate and serialise with these; the type checks
 * at the bottom fail the build when a schema and the contract the web codes against drift apart.
 */

export const BodyGroupSchema = z.enum(BODY_GROUPS);

export const BodyResolutionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agency'), agencyId: z.uuid() }),
  z.object({ kind: z.literal('group'), group: BodyGroupSchema }),
  z.object({ kind: z.literal('external') }),
  z.object({ kind: z.literal('not_tracked') }),
  z.object({ kind: z.literal('unresolved') }),
]);

const BodyRuleSchema = z.object({ vi: z.string(), en: z.string() });

export const ParsedBodySchema = z.object({
  name: z.string(),
  key: z.string(),
  resolution: BodyResolutionSchema,
  candidates: z.array(z.object({ agencyId: z.string(), shortName: z.string(), matched: z.string() })),
  /** Tre addition: a group offered for the user to confirm */
  suggestedGroup: BodyGroupSchema.optional(),
  rule: BodyRuleSchema.optional(),
  remembered: z.object({ decidedAt: z.string(), decidedBy: z.string().nullable() }).optional(),
});

export const PlanBodySchema = ParsedBodySchema.extend({ label: z.string(), count: z.number(), leadCount: z.number() });

export const PlanParseReplySchema = z.object({
  plan: PlanDocumentSchema,
  lines: z.array(z.string()),
  notes: z.array(ParseNoteSchema),
  bodies: z.array(ParsedBodySchema),
});

export const BodyDecisionSchema = z.object({ name: z.string().max(300), resolution: BodyResolutionSchema });

export const PlanSaveRequestSchema = z.object({
  document: PlanDocumentSchema,
  sourceLines: z.array(z.string().max(100_000)).max(200_000),
  fileName: z.string().trim().min(1).max(255).nullable(),
  bodies: z.array(BodyDecisionSchema).max(5000),
});

export const PlanSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  documentType: z.enum(['plan', 'letter', 'other']),
  documentNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  taskCount: z.number(),
  indicatorCount: z.number(),
  unresolvedBodyCount: z.number(),
  undecidedLeadCount: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const TaskBodySchema = z.object({
  id: z.string(),
  role: z.enum(['lead', 'support']),
  name: z.string(),
  resolution: BodyResolutionSchema,
  label: z.string(),
});

export const TaskProgressStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'not_applicable']);

export const TaskProgressSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  agencyId: z.string().nullable(),
  communeCode: z.string().nullable(),
  bodyLabel: z.string(),
  period: z.string(),
  status: TaskProgressStatusSchema,
  note: z.string().nullable(),
  evidence: z.object({ id: z.string(), fileName: z.string(), size: z.number() }).nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const TaskTimelineSchema = z.object({
  kind: TimelineKindSchema,
  text: z.string().max(1000).nullable(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  lunar: z.string().max(300).nullable(),
});

export const PlanTaskDtoSchema = z.object({
  id: z.string(),
  position: z.number(),
  ref: z.string().nullable(),
  path: z.string().nullable(),
  sectionRef: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  bodyRole: z.enum(['lead', 'support']).nullable(),
  text: z.string(),
  timeline: TaskTimelineSchema,
  sourceLine: z.number().nullable(),
  bodies: z.array(TaskBodySchema),
  progress: z.array(TaskProgressSchema),
  overdue: z.boolean(),
});

export const PlanDetailSchema = PlanSummarySchema.extend({
  citations: z.array(z.string()),
  bodies: z.array(PlanBodySchema),
  fileName: z.string().nullable(),
  sections: z.array(z.object({ ref: z.string(), title: z.string(), level: z.number() })),
  indicators: z.array(
    z.object({
      no: z.number(),
      goal: z.number().nullable(),
      text: z.string(),
      targets: z.array(IndicatorTargetSchema),
      sourceLine: z.number().nullable(),
    }),
  ),
  assignments: z.array(
    z.object({ agency: z.string(), resolution: BodyResolutionSchema, label: z.string(), indicators: z.array(z.number()) }),
  ),
  reporting: z.array(
    z.object({ kind: ReportingKindSchema, due: z.string(), recipient: z.string().nullable(), text: z.string().nullable() }),
  ),
  footnotes: z.array(z.object({ mark: z.string(), text: z.string() })),
  sourceLines: z.array(z.string()),
});

export const CalendarEventSchema = z.object({
  date: z.string(),
  endDate: z.string().nullable(),
  kind: z.enum(['task', 'report']),
  title: z.string(),
  taskId: z.string().nullable(),
  lunar: z.string().nullable(),
  overdue: z.boolean(),
});

export const PlanCalendarReplySchema = z.object({ year: z.number(), events: z.array(CalendarEventSchema) });

export const TaskProgressRequestSchema = z.object({
  period: z.string().max(20),
  status: TaskProgressStatusSchema,
  note: z.string().trim().max(5000).nullable(),
  evidenceFileId: z.uuid().nullable(),
  agencyId: z.uuid().nullable().optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'mã xã 5 chữ số / 5-digit commune code')
    .nullable()
    .optional(),
});

export const OverdueTaskSchema = z.object({
  planId: z.string(),
  planTitle: z.string(),
  taskId: z.string(),
  ref: z.string().nullable(),
  path: z.string().nullable(),
  text: z.string(),
  due: z.string(),
  bodies: z.array(z.string()),
});

/** PATCH /api/plans/tasks/:taskId: correct a saved task; omitted fields stay as they are. */
export const TaskPatchSchema = z
  .object({
    text: z.string().trim().min(1).max(20_000),
    // a number as printed: "2.1", "a", "II" (letters, digits, dots, dashes); blank means none
    ref: z
      .string()
      .trim()
      .max(20)
      .regex(/^[\p{L}\p{N}.-]*$/u, 'Chỉ chữ, số, dấu chấm và gạch ngang / Letters, digits, dots and dashes only')
      .transform((r) => r || null)
      .nullable(),
    timeline: TaskTimelineSchema,
    bodies: z
      .array(
        z.object({
          role: z.enum(['lead', 'support']),
          name: z.string().trim().min(1).max(300),
          resolution: BodyResolutionSchema,
        }),
      )
      .max(150),
  })
  .partial()
  .strict();
export type TaskPatch = z.infer<typeof TaskPatchSchema>;

/** PUT /api/plans/:id/bodies: one decision for a body name and its similar names everywhere in the plan. */
export const BodyDecisionReplySchema = z.object({
  name: z.string(),
  resolution: BodyResolutionSchema,
  updated: z.number(),
  names: z.array(z.string()),
});

export const UndecidedLeadsSchema = z.object({
  planId: z.string(),
  planTitle: z.string(),
  taskCount: z.number(),
  names: z.array(z.string()),
  withoutLead: z.number(),
});

// ---- the contract: each schema's type is exactly the type in plan-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof BodyResolutionSchema>, BodyResolution>>,
  Expect<Same<z.infer<typeof ParsedBodySchema>, ParsedBody>>,
  Expect<Same<z.infer<typeof PlanParseReplySchema>, PlanParseReply>>,
  Expect<Same<TaskPatch, TaskPatchRequest>>,
  Expect<Same<z.infer<typeof BodyDecisionSchema>, BodyDecisionRequest>>,
  Expect<Same<z.infer<typeof BodyDecisionReplySchema>, BodyDecisionReply>>,
  Expect<Same<z.infer<typeof PlanBodySchema>, PlanBodyDto>>,
  Expect<Same<z.infer<typeof UndecidedLeadsSchema>, UndecidedLeadsDto>>,
  Expect<Same<z.infer<typeof PlanSaveRequestSchema>, PlanSaveRequest>>,
  Expect<Same<z.infer<typeof PlanSummarySchema>, PlanSummaryDto>>,
  Expect<Same<z.infer<typeof TaskBodySchema>, TaskBodyDto>>,
  Expect<Same<z.infer<typeof TaskProgressSchema>, TaskProgressDto>>,
  Expect<Same<z.infer<typeof PlanTaskDtoSchema>, PlanTaskDto>>,
  Expect<Same<z.infer<typeof PlanDetailSchema>, PlanDetailDto>>,
  Expect<Same<z.infer<typeof CalendarEventSchema>, CalendarEventDto>>,
  Expect<Same<z.infer<typeof PlanCalendarReplySchema>, PlanCalendarReply>>,
  Expect<Same<z.infer<typeof TaskProgressRequestSchema>, TaskProgressRequest>>,
  Expect<Same<z.infer<typeof OverdueTaskSchema>, OverdueTaskDto>>,
];
