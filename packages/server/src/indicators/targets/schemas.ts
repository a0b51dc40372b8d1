import {
  PLAN_TARGET_ID,
  type BaselineRequest,
  type PlanMeasureTargetsDto,
  type PlanMeasureTargetsReply,
  type TargetCreateRequest,
  type TargetPatchRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, Op, MeasureCode } from '../schemas.ts';

export const PlanIdParamsSchema = z.object({ id: z.uuid() });

export const TargetMappingSchema = z.object({
  mapped: z.array(
    z.object({ indicatorNo: z.number(), year: z.number(), measure: z.string(), op: z.string(), value: z.number() }),
  ),
  unmapped: z.array(
    z.object({
      indicatorNo: z.number(),
      year: z.number(),
      measureText: z.string().nullable(),
      reason: z.string(),
      candidates: z.array(z.string()),
    }),
  ),
});

export const PlanMeasureParamsSchema = z.object({ id: z.uuid(), measure: MeasureCode });

/**
 * Types only here; the rules (year before the first target year, 0 ≤ value ≤ 100 for %, ≤ 10^12 for
 * any rate) are the service's, naming the field.
 */
export const BaselineRequestSchema = z.object({ year: z.number().int(), value: z.number() });

const Reference = z.union([z.literal('previous-year'), z.number().int()]);
const Relative = z.object({ change: z.enum(['decrease', 'increase']), reference: Reference, valueTo: z.number().nullable() });

const TargetRef = z.object({
  id: z.string(),
  indicatorNo: z.number(),
  year: z.number(),
  value: z.number(),
  unit: z.enum(['%', 'per1000', 'per100000', 'count']).nullable(),
  op: Op.nullable(),
  relative: Relative.nullable(),
  measureText: z.string().nullable(),
  opWord: z.string().nullable(),
  text: z.string().nullable(),
});

const MappedTarget = TargetRef.extend({
  op: Op,
  writtenOp: Op.nullable(),
  opSource: z.enum(['stated', 'maintain', 'direction', 'change']),
  chosen: z.boolean(),
});

const MeasureChoice = z.object({
  measure: z.string(),
  indicatorNo: z.number().nullable(),
  name: Bilingual,
  unit: z.enum(['%', 'per1000', 'per100000']),
  direction: z.enum(['higher', 'lower']),
});

const UnmappedTarget = TargetRef.extend({
  reason: z.enum([
    'unknown_indicator',
    'no_phrase',
    'no_match',
    'ambiguous',
    'unknown_measure',
    'unit_mismatch',
    'complement',
    'opposite_direction',
    'duplicate',
    'not_mapped',
  ]),
  candidates: z.array(MeasureChoice),
});

export const PlanMeasureTargetsSchema = z.object({
  measure: z.string(),
  indicator: z.string(),
  indicatorNo: z.number().nullable(),
  name: Bilingual,
  unit: z.enum(['%', 'per1000', 'per100000']),
  direction: z.enum(['higher', 'lower']),
  targets: z.array(MappedTarget),
  baseline: z.object({ year: z.number(), value: z.number(), setBy: z.string().nullable(), setAt: z.string() }).nullable(),
  suggestion: z.object({ year: z.number(), value: z.number() }).nullable(),
});

export const PlanMeasureTargetsReplySchema = z.object({
  planId: z.string(),
  measures: z.array(PlanMeasureTargetsSchema),
  unmapped: z.array(UnmappedTarget),
});

/** "<indicator position>.<target position>" (core planTargetId) */
export const PlanTargetParamsSchema = z.object({ id: z.uuid(), target: z.string().regex(PLAN_TARGET_ID) });

const RelativeRequest = z.object({
  change: z.enum(['decrease', 'increase']),
  reference: Reference,
  valueTo: z.number().nullable().optional(),
});

/** Types only here; the rules (bounds, years of the plan, the measure's unit) are the service's, naming the field. */
export const TargetCreateSchema = z.object({
  measure: MeasureCode,
  year: z.number().int(),
  value: z.number(),
  op: Op.nullable(),
  relative: RelativeRequest.nullable().optional(),
});

export const TargetPatchSchema = z.object({
  year: z.number().int().optional(),
  value: z.number().optional(),
  op: Op.nullable().optional(),
  measure: MeasureCode.nullable().optional(),
  relative: RelativeRequest.nullable().optional(),
});

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof BaselineRequestSchema>, BaselineRequest>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsSchema>, PlanMeasureTargetsDto>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsReplySchema>, PlanMeasureTargetsReply>>,
  Expect<Same<z.infer<typeof TargetCreateSchema>, TargetCreateRequest>>,
  Expect<Same<z.infer<typeof TargetPatchSchema>, TargetPatchRequest>>,
];
