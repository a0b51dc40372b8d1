import {
  SINGLE_LINE,
  isSingleLine,
  NARRATIVE_MAX,
  NARRATIVE_SECTIONS,
  type ReportBuildDto,
  type ReportDraftDto,
  type SaveReportDraftRequest,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATES,
  type BoardCountsDto,
  type OpenRoundRequest,
  type ReopenSubmissionRequest,
  type ReturnSubmissionRequest,
  type RoundBoardDto,
  type RoundBodiesRequest,
  type RoundDto,
  type RoundReminderDto,
  type RoundSummaryDto,
  type SaveSubmissionRequest,
  type SubmissionDto,
  type UpdateRoundRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';
import { EntryFormSchema } from '../indicators/entry/schemas.ts';

/** The reporting API's schemas, each checked against core's reporting-api.ts at compile time. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'ngày không có thật / no such date',
  );
const Days = (max: number) => z.number().int().min(0).max(max);
const UnitKind = z.enum(['agency', 'commune']);
const UnitCode = z
  .string()
  .regex(/^(\d{5}|[0-9a-f-]{36})$/, 'mã xã 5 chữ số hoặc mã cơ quan / a 5-digit commune code or an agency id');

export const RoundIdParams = z.object({ id: z.uuid() });
export const SubmissionParams = z.object({ id: z.uuid(), unit: UnitCode });

export const OpenRoundSchema = z.object({
  planId: z.uuid().nullable(),
  period: z.string().trim().min(4).max(7),
  deadline: IsoDate.optional(),
  title: z.string().trim().min(1).max(300).refine(isSingleLine, SINGLE_LINE).optional(),
  remindBeforeDays: Days(60).optional(),
  remindEveryDays: Days(60).min(1).optional(),
});

export const UpdateRoundSchema = z.object({
  title: z.string().trim().min(1).max(300).refine(isSingleLine, SINGLE_LINE).optional(),
  deadline: IsoDate.optional(),
  remindBeforeDays: Days(60).optional(),
  remindEveryDays: Days(60).min(1).optional(),
  closed: z.boolean().optional(),
});

const BodyRef = z.object({ unitKind: UnitKind, unitCode: UnitCode });
export const RoundBodiesSchema = z.object({ add: z.array(BodyRef).max(1000), remove: z.array(BodyRef).max(1000) });

export const RoundBodySchema = z.object({
  unitKind: UnitKind,
  unitCode: z.string(),
  name: z.string(),
  origin: z.enum(['plan', 'commune', 'manual']),
});

export const RoundSchema = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  kind: z.enum(['plan', 'ad_hoc']),
  title: z.string(),
  period: z.string(),
  deadline: z.string(),
  deadlineSource: z.string().nullable(),
  remindBeforeDays: z.number(),
  remindEveryDays: z.number(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  bodies: z.array(RoundBodySchema),
});

export const BoardCountsSchema = z.object({
  owed: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  accepted: z.number(),
  returned: z.number(),
  completeness: z.number(),
  timeliness: z.number(),
});

export const RoundSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  deadline: z.string(),
  planId: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts: BoardCountsSchema,
  ownState: z.enum([...SUBMISSION_STATES, 'missing']).nullable(),
});

const State = z.enum([...SUBMISSION_STATES, 'missing']);

export const RoundBoardSchema = z.object({
  round: RoundSchema,
  counts: BoardCountsSchema,
  rows: z.array(
    z.object({
      unitKind: UnitKind,
      unitCode: z.string(),
      name: z.string(),
      state: State,
      submissionId: z.string().nullable(),
      submittedAt: z.string().nullable(),
      submittedOn: z.string().nullable(),
      onTime: z.boolean().nullable(),
      daysLate: z.number(),
      submittedAfterClose: z.boolean(),
      figures: z.object({ required: z.number(), present: z.number(), explained: z.number() }),
      reminders: z.object({ count: z.number(), lastAt: z.string().nullable(), lastStep: z.string().nullable() }),
    }),
  ),
});

const Section = z.string().max(NARRATIVE_MAX);
const Narrative = z.object({
  results: Section.optional(),
  limitations: Section.optional(),
  nextSteps: Section.optional(),
  proposals: Section.optional(),
});

export const SaveSubmissionSchema = z.object({
  narrative: Narrative,
  explanations: z
    .record(z.string().regex(/^[A-Z0-9_]{1,64}$/), z.string().max(1000))
    .refine((r) => Object.keys(r).length <= 500, 'quá nhiều giải trình / too many explanations'),
});

export const ReturnSubmissionSchema = z.object({
  comments: z
    .array(z.object({ target: z.string().max(80), text: z.string().max(4000) }))
    .min(1)
    .max(200),
});

export const ReopenSubmissionSchema = z.object({ reason: z.string().max(2000) });

export const SubmissionSchema = z.object({
  id: z.string().nullable(),
  roundId: z.string(),
  roundTitle: z.string(),
  period: z.string(),
  deadline: z.string(),
  unitKind: UnitKind,
  unitCode: z.string(),
  unitName: z.string(),
  state: State,
  version: z.number(),
  narrative: Narrative,
  explanations: z.record(z.string(), z.string()),
  figures: EntryFormSchema,
  missingFigures: z.array(z.string()),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      path: z.string().nullable(),
      text: z.string(),
      role: z.enum(['lead', 'support']),
      status: z.enum(['not_started', 'in_progress', 'done', 'not_applicable']).nullable(),
      note: z.string().nullable(),
      evidenceFileId: z.string().nullable(),
      evidenceFileName: z.string().nullable(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      action: z.enum(['return', 'reopen', 'accept']),
      target: z.string(),
      text: z.string(),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
  changes: z.array(
    z.object({ target: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
  firstSubmittedAt: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  daysLate: z.number().nullable(),
  submittedAfterClose: z.boolean(),
  locked: z.boolean(),
  actions: z.array(z.enum(SUBMISSION_ACTIONS)),
});

export const RoundReminderSchema = z.object({
  unitKind: UnitKind,
  unitCode: z.string(),
  step: z.string(),
  channel: z.enum(['in_app', 'email']),
  recipients: z.string(),
  sentAt: z.string().nullable(),
  delivered: z.boolean().nullable(),
  error: z.string().nullable(),
});

// ---- the contract: each schema's type is exactly the type in core's reporting-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof OpenRoundSchema>, OpenRoundRequest>>,
  Expect<Same<z.infer<typeof UpdateRoundSchema>, UpdateRoundRequest>>,
  Expect<Same<z.infer<typeof RoundBodiesSchema>, RoundBodiesRequest>>,
  Expect<Same<z.infer<typeof RoundSchema>, RoundDto>>,
  Expect<Same<z.infer<typeof BoardCountsSchema>, BoardCountsDto>>,
  Expect<Same<z.infer<typeof RoundSummarySchema>, RoundSummaryDto>>,
  Expect<Same<z.infer<typeof RoundBoardSchema>, RoundBoardDto>>,
  Expect<Same<z.infer<typeof SaveSubmissionSchema>, SaveSubmissionRequest>>,
  Expect<Same<z.infer<typeof ReturnSubmissionSchema>, ReturnSubmissionRequest>>,
  Expect<Same<z.infer<typeof ReopenSubmissionSchema>, ReopenSubmissionRequest>>,
  Expect<Same<z.infer<typeof SubmissionSchema>, SubmissionDto>>,
  Expect<Same<z.infer<typeof RoundReminderSchema>, RoundReminderDto>>,
];

const Front = z.object({
  parentBody: z.string().trim().max(200).refine(isSingleLine, SINGLE_LINE),
  issuingBody: z.string().trim().min(1).max(200).refine(isSingleLine, SINGLE_LINE),
  number: z.string().trim().min(1).max(60).refine(isSingleLine, SINGLE_LINE),
  place: z.string().trim().min(1).max(100).refine(isSingleLine, SINGLE_LINE),
  date: z.union([z.literal(''), IsoDate]),
  subject: z.string().trim().min(1).max(500).refine(isSingleLine, SINGLE_LINE),
  signature: z.object({
    onBehalf: z.string().trim().max(100).refine(isSingleLine, SINGLE_LINE),
    deputy: z.string().trim().max(100).refine(isSingleLine, SINGLE_LINE),
    title: z.string().trim().max(100).refine(isSingleLine, SINGLE_LINE),
    name: z.string().trim().max(100).refine(isSingleLine, SINGLE_LINE),
  }),
  recipients: z.array(z.string().trim().min(1).max(300).refine(isSingleLine, SINGLE_LINE)).max(40),
});

const DraftSection = z.object({
  key: z.enum(NARRATIVE_SECTIONS),
  heading: z.string().trim().min(1).max(300).refine(isSingleLine, SINGLE_LINE),
  paragraphs: z.array(z.object({ text: z.string().max(NARRATIVE_MAX), source: z.string().max(300).nullable() })).max(2000),
});

export const SaveReportDraftSchema = z.object({ front: Front, sections: z.array(DraftSection).max(10) });

export const ReportDraftSchema = z.object({
  roundId: z.string(),
  draft: z.boolean(),
  sources: z.array(z.object({ unitName: z.string(), state: z.enum(SUBMISSION_STATES), version: z.number() })),
  front: Front,
  sections: z.array(DraftSection),
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const ReportBuildSchema = z.object({
  id: z.string(),
  draft: z.boolean(),
  builtBy: z.string(),
  builtAt: z.string(),
  sources: z.array(z.object({ unitName: z.string(), state: z.string(), version: z.number() })),
  formats: z.array(z.enum(['docx', 'xlsx', 'pdf'])),
  pdfNote: z.string().nullable(),
});

export type ReportContractChecks = [
  Expect<Same<z.infer<typeof SaveReportDraftSchema>, SaveReportDraftRequest>>,
  Expect<Same<z.infer<typeof ReportDraftSchema>, ReportDraftDto>>,
  Expect<Same<z.infer<typeof ReportBuildSchema>, ReportBuildDto>>,
];
