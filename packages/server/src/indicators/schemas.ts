import { DATA_SET_KINDS, PERIOD_TYPE_NAMES } from '@tre/core';
import { z } from 'zod';

/** Request and response shapes of the indicator routes (OpenAPI is generated from them). */
const Bilingual = z.object({ vi: z.string(), en: z.string() });
const Period = z.string().trim().min(4).max(7);
const UnitCode = z.string().trim().min(2).max(36);
const Op = z.enum(['<', '<=', '=', '>=', '>']);
const Status = z.enum(['met', 'on_track', 'at_risk', 'off_track', 'no_data', 'no_target']);
const UnitRef = z.object({ kind: z.enum(['commune', 'agency', 'province']), code: z.string(), name: z.string() });

export const EntryFormQuerySchema = z.object({ unit: UnitCode, period: Period, dataSet: z.enum(DATA_SET_KINDS).optional() });

export const EntryFormSchema = z.object({
  unit: UnitRef,
  period: z.string(),
  dataSet: z.enum(DATA_SET_KINDS),
  elements: z.array(
    z.object({
      code: z.string(),
      name: Bilingual,
      categories: z.array(z.string()),
      value: z.number().nullable(),
      parts: z.array(z.object({ disaggregation: z.string(), value: z.number() })),
      enteredBy: z.string().nullable(),
      enteredAt: z.string().nullable(),
    }),
  ),
});

export const SaveValuesSchema = z.object({
  unit: UnitCode,
  period: Period,
  values: z
    .array(
      z.object({
        element: z.string().trim().min(1).max(100),
        disaggregation: z.string().max(200).optional(),
        // checked in the service so that a negative number is refused naming values.N.value
        value: z.number().nullable(),
      }),
    )
    .min(1)
    .max(2000),
});

export const SaveReplySchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

/** Rows are checked one by one in the service (a bad row is listed, not a 400 for the file). */
export const DataValueSetSchema = z.object({ dataValues: z.array(z.unknown()).max(500_000) });

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

const Target = z.object({
  year: z.number(),
  op: Op,
  value: z.number(),
  planId: z.string().optional(),
  planTitle: z.string().optional(),
  baseline: z.object({ year: z.number(), value: z.number() }).nullable().optional(),
});

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
      numerator: z.number(),
      denominator: z.number(),
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
      trend: z.enum(['improving', 'worsening', 'stable']).nullable(),
    }),
  ),
});

export const MeasureParamsSchema = z.object({ measure: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });

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
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
      unitsReported: z.number(),
      unitsExpected: z.number(),
      target: Target.nullable(),
    }),
  ),
});

export const ValidationReplySchema = z.object({
  period: z.string(),
  violations: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      unit: z.string(),
      period: z.string(),
      elements: z.array(z.string()),
      measure: z.string().optional(),
      message: Bilingual,
    }),
  ),
});

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
