import {
  ASSESSMENT_STATES,
  COMMUNE_CATEGORIES,
  VALUE_KINDS,
  type AssessmentDto,
  type CommuneCategoryDto,
  type CommuneCategoryRequest,
  type CommunesStatusDto,
  type DecisionRequest,
  type IndicatorValue,
  type PublishResultDto,
  type ReturnRequest,
  type RuleSetListDto,
  type RuleSetSummaryDto,
  type SaveAssessmentRequest,
  type TransitionRequest,
  type VerifyCriterionRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/** The zod side of core/communes/communes-api.ts, checked against it at the bottom. */

const MAX_COUNT = 1_000_000_000;
const Whole = z.number().int().min(0).max(MAX_COUNT);
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
const line = (max: number) => text(max).refine((s) => !/[\r\n]/.test(s), 'một dòng / single line');

export const IndicatorValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), numerator: Whole, denominator: Whole }),
  z.object({ kind: z.literal('count'), count: Whole }),
  z.object({ kind: z.literal('boolean'), yes: z.boolean() }),
]);
const Code = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/);
const Version = z.number().int().min(0).max(1_000_000_000);
const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const YearParams = z.object({ code: z.string().regex(/^\d{5}$/), year: z.coerce.number().int().min(2000).max(2100) });
export const CodeParams = z.object({ code: z.string().regex(/^\d{5}$/) });
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const SaveAssessmentBody = z.strictObject({
  version: Version.optional(),
  entries: z
    .array(
      z.strictObject({
        code: Code,
        value: IndicatorValueSchema.nullable(),
        overrideReason: text(1000).nullable().optional(),
        note: text(2000).nullable().optional(),
        evidenceFileIds: z.array(z.uuid()).max(10).optional(),
      }),
    )
    .max(200),
});
export const TransitionBody = z.strictObject({ version: Version });
export const VerifyBody = z.strictObject({
  version: Version,
  criterion: Code,
  outcome: z.enum(['accepted', 'corrected']),
  comment: text(2000).nullable().optional(),
  corrections: z
    .array(z.strictObject({ code: Code, value: IndicatorValueSchema }))
    .max(30)
    .optional(),
});
export const ReturnBody = z.strictObject({ version: Version, comment: text(2000) });
export const DecisionBody = z.strictObject({
  version: Version,
  number: line(60),
  date: z.iso.date(),
  recognised: z.boolean(),
});
export const CategoryBody = z.strictObject({ type: z.enum(COMMUNE_CATEGORIES).nullable() });

const Prefill = z.object({
  value: IndicatorValueSchema,
  module: z.enum(['indicators', 'children', 'cases']),
  elements: z.array(z.string()),
  detail: z.string(),
});
const Verification = z.object({
  outcome: z.enum(['accepted', 'corrected']),
  comment: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
});
const IndicatorEntry = z.object({
  code: z.string(),
  name: Bilingual,
  valueKind: z.enum(VALUE_KINDS),
  value: IndicatorValueSchema.nullable(),
  entered: IndicatorValueSchema.nullable(),
  prefill: Prefill.nullable(),
  overrideReason: z.string().nullable(),
  corrected: IndicatorValueSchema.nullable(),
  note: z.string().nullable(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
  points: z.number(),
  maxPoints: z.number(),
  requirement: Bilingual,
  shortfall: Bilingual.nullable(),
});
const Criterion = z.object({
  code: z.string(),
  name: Bilingual,
  maxPoints: z.number(),
  points: z.number(),
  lost: z.number(),
  indicators: z.array(IndicatorEntry),
  verification: Verification.nullable(),
});
const Shortfall = z.object({
  missing: z.number(),
  zeroCriteria: z.array(z.string()),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: Bilingual,
      lost: z.number(),
      reasons: z.array(z.object({ indicator: z.string(), text: Bilingual })),
    }),
  ),
});
export const AssessmentSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  year: z.number(),
  exists: z.boolean(),
  state: z.enum(ASSESSMENT_STATES),
  type: z.enum(COMMUNE_CATEGORIES),
  typeSource: z.enum(['stored', 'default']),
  threshold: z.number(),
  ruleSet: z.object({ id: z.number(), version: z.string(), title: Bilingual }),
  criteria: z.array(Criterion),
  total: z.number(),
  maxTotal: z.number(),
  meetsStandard: z.boolean(),
  shortfall: Shortfall,
  decision: z
    .object({ number: z.string(), date: z.string(), recognised: z.boolean(), at: z.string(), byName: z.string() })
    .nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      byName: z.string(),
      action: z.enum(['create', 'save', 'submit', 'verify', 'return', 'decision']),
      comment: z.string().nullable(),
    }),
  ),
  version: z.number(),
});

export const StatusSchema = z.object({
  year: z.number(),
  communes: z.array(
    z.object({
      communeCode: z.string(),
      communeName: z.string(),
      type: z.enum(COMMUNE_CATEGORIES),
      threshold: z.number(),
      state: z.enum([...ASSESSMENT_STATES, 'none']),
      total: z.number().nullable(),
      zeroCriteria: z.array(z.string()),
      recognised: z.boolean(),
      decision: z.object({ number: z.string(), date: z.string() }).nullable(),
    }),
  ),
  recognisedCount: z.number(),
  communesTotal: z.number(),
});

export const PublishSchema = z.object({
  year: z.number(),
  period: z.string(),
  recognised: z.number(),
  total: z.number(),
  written: z.boolean(),
});

export const RuleSetSummarySchema = z.object({
  id: z.number(),
  version: z.string(),
  title: Bilingual,
  totalPoints: z.number(),
  criteria: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  assessments: z.number(),
});
export const RuleSetListSchema = z.object({ activeId: z.number(), sets: z.array(RuleSetSummarySchema) });
export const CategorySchema = z.object({
  communeCode: z.string(),
  type: z.enum(COMMUNE_CATEGORIES),
  typeSource: z.enum(['stored', 'default']),
  threshold: z.number(),
});

/** A rule set upload: 256 KB of JSON at most (the shipped one is about 15 KB). */
export const RULE_SET_BODY_LIMIT = 256 * 1024;

export type _Contract = [
  Expect<Same<z.infer<typeof IndicatorValueSchema>, IndicatorValue>>,
  Expect<Same<z.infer<typeof AssessmentSchema>, AssessmentDto>>,
  Expect<Same<z.infer<typeof StatusSchema>, CommunesStatusDto>>,
  Expect<Same<z.infer<typeof PublishSchema>, PublishResultDto>>,
  Expect<Same<z.infer<typeof RuleSetSummarySchema>, RuleSetSummaryDto>>,
  Expect<Same<z.infer<typeof RuleSetListSchema>, RuleSetListDto>>,
  Expect<Same<z.infer<typeof CategorySchema>, CommuneCategoryDto>>,
  Expect<Same<z.output<typeof CategoryBody>, CommuneCategoryRequest>>,
  Expect<Same<z.output<typeof TransitionBody>, TransitionRequest>>,
  Expect<Same<z.output<typeof ReturnBody>, ReturnRequest>>,
  Expect<Same<z.output<typeof DecisionBody>, DecisionRequest>>,
];
// the request bodies with optional fields are checked one way: what the schema gives fits the API type
export type _Requests = [
  Expect<z.output<typeof SaveAssessmentBody> extends SaveAssessmentRequest ? true : false>,
  Expect<z.output<typeof VerifyBody> extends VerifyCriterionRequest ? true : false>,
];
