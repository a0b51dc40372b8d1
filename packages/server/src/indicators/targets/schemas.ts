import { type BaselineRequest, type PlanMeasureTargetsDto, type PlanMeasureTargetsReply } from '@tre/core';
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

export const PlanMeasureTargetsSchema = z.object({
  measure: z.string(),
  indicator: z.string(),
  indicatorNo: z.number().nullable(),
  name: Bilingual,
  unit: z.enum(['%', 'per1000', 'per100000']),
  direction: z.enum(['higher', 'lower']),
  targets: z.array(z.object({ year: z.number(), op: Op, value: z.number() })),
  baseline: z.object({ year: z.number(), value: z.number(), setBy: z.string().nullable(), setAt: z.string() }).nullable(),
  suggestion: z.object({ year: z.number(), value: z.number() }).nullable(),
});

export const PlanMeasureTargetsReplySchema = z.object({ planId: z.string(), measures: z.array(PlanMeasureTargetsSchema) });

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof BaselineRequestSchema>, BaselineRequest>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsSchema>, PlanMeasureTargetsDto>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsReplySchema>, PlanMeasureTargetsReply>>,
];
