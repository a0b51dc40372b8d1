import { PERIOD_TYPE_NAMES, type RankingReply, type TrendReply, type ValuesReply } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, Period, UnitCode, Status, UnitRef, Target, MeasureCode } from '../schemas.ts';

export const ValuesQuerySchema = z.object({ period: Period, unit: UnitCode });

export const ValuesReplySchema = z.object({
  unit: UnitRef,
  period: z.string(),
  values: z.array(
    z.object({
      measure: z.string(),
      indicator: z.string(),
      indicatorNo: z.number().nullable(),
      name: Bilingual,
      unit: z.enum(['%', 'per1000', 'per100000']),
      factor: z.number(),
      direction: z.enum(['higher', 'lower']),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      unitsExpected: z.number(),
      unitsReported: z.number(),
      completeness: z.number().nullable(),
      source: z.enum(['communes', 'province', 'agency', 'unit']),
      previousValue: z.number().nullable(),
      target: Target.nullable(),
      nationalTarget: Target.nullable(),
      status: Status,
      nationalStatus: Status,
      expected: z.number().nullable(),
      change: z.number().nullable(),
      trend: z.enum(['improving', 'worsening', 'stable']).nullable(),
    }),
  ),
});

export const MeasureParamsSchema = z.object({ measure: MeasureCode });

export const RankingQuerySchema = z.object({ period: Period });

export const RankingReplySchema = z.object({
  measure: z.string(),
  period: z.string(),
  direction: z.enum(['higher', 'lower']),
  target: Target.nullable(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      status: Status,
    }),
  ),
});

export const TrendQuerySchema = z.object({ unit: UnitCode, type: z.enum(PERIOD_TYPE_NAMES).optional() });

export const TrendReplySchema = z.object({
  measure: z.string(),
  unit: UnitRef,
  points: z.array(
    z.object({
      period: z.string(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      unitsReported: z.number(),
      unitsExpected: z.number(),
      target: Target.nullable(),
    }),
  ),
});

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof ValuesReplySchema>, ValuesReply>>,
  Expect<Same<z.infer<typeof RankingReplySchema>, RankingReply>>,
  Expect<Same<z.infer<typeof TrendReplySchema>, TrendReply>>,
];
