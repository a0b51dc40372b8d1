import {
  BilingualSchema,
  CategorySchema,
  DATA_SET_KINDS,
  DataElementSchema,
  IndicatorSchema,
  PERIOD_TYPE_NAMES,
  VALIDATION_RULES,
  type CatalogueReply,
  type EntryFormDto,
  type ImportReportDto,
  type BaselineRequest,
  type LocalIndicatorDeleteReply,
  type LocalIndicatorRequest,
  type PlanMeasureTargetsDto,
  type PlanMeasureTargetsReply,
  type RankingReply,
  type SaveValuesReply,
  type SaveValuesRequest,
  type TrendReply,
  type ValidationRunReply,
  type ValuesReply,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/**
 * Request and response shapes of the indicator routes (OpenAPI is generated from them): the zod
 * side of core/indicators/indicator-api.ts, checked against it at the bottom of this file.
 */
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
        // checked in the service with core countProblem (whole, 0 ≤ n ≤ 10^12, not -0), so that a bad
        // figure is refused naming values.N.value in Vietnamese and English; zod itself refuses 1e400 (Infinity)
        value: z.number().nullable(),
      }),
    )
    .min(1)
    .max(2000),
});

export const SaveReplySchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

/** Rows are checked one by one in the service (a bad row is listed, not a 400 for the file). */
/** A JSON post is stored in one transaction: at most 10,000 values (a file import takes more, as a job). */
export const DataValueSetSchema = z.object({ dataValues: z.array(z.unknown()).max(10_000) });

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

export const RankingQuerySchema = z.object({ period: Period });

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
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      unitsReported: z.number(),
      unitsExpected: z.number(),
      target: Target.nullable(),
    }),
  ),
});

/** `unit`: only that unit's findings (read access as for its values). */
export const ValidationQuerySchema = z.object({ period: Period, unit: UnitCode.optional() });

export const ValidationReplySchema = z.object({
  period: z.string(),
  violations: z.array(
    z.object({
      rule: z.enum(VALIDATION_RULES),
      severity: z.enum(['error', 'warning']),
      unit: z.string(),
      period: z.string(),
      elements: z.array(z.string()),
      measure: z.string().optional(),
      message: Bilingual,
    }),
  ),
  /** the units the findings are about, named */
  units: z.array(UnitRef),
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

const Origin = z.enum(['national', 'local']);
const StoredIndicator = IndicatorSchema.extend({ origin: Origin });

export const CatalogueReplySchema = z.object({
  goals: z.array(z.object({ no: z.number(), name: BilingualSchema })),
  categories: z.array(CategorySchema),
  dataElements: z.array(DataElementSchema.extend({ origin: Origin })),
  indicators: z.array(StoredIndicator),
});

/** The indicator and its new elements in the catalogue's own form; cross-checks against the stored catalogue in the service. */
export const LocalIndicatorRequestSchema = z.object({
  indicator: IndicatorSchema,
  dataElements: z.array(DataElementSchema).max(40),
});

export const LocalIndicatorReplySchema = StoredIndicator;

export const IndicatorCodeParamsSchema = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });

export const LocalIndicatorDeleteReplySchema = z.object({
  code: z.string(),
  measures: z.array(z.string()),
  /** new elements of the indicator, deleted with it */
  deletedElements: z.array(z.string()),
  /** its elements that hold figures (kept, still on the entry forms) or that another indicator uses */
  keptElements: z.array(z.object({ code: z.string(), reason: z.enum(['has_figures', 'used_elsewhere']) })),
  /** plan targets that were mapped to its measures and are now unmapped */
  planTargetsUnmapped: z.number(),
  message: Bilingual,
});

export const PlanMeasureParamsSchema = z.object({ id: z.uuid(), measure: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });

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

// ---- the contract: each schema's type is exactly the type in indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof EntryFormSchema>, EntryFormDto>>,
  Expect<Same<z.infer<typeof SaveValuesSchema>, SaveValuesRequest>>,
  Expect<Same<z.infer<typeof SaveReplySchema>, SaveValuesReply>>,
  Expect<Same<z.infer<typeof ImportReportSchema>, ImportReportDto>>,
  Expect<Same<z.infer<typeof ValuesReplySchema>, ValuesReply>>,
  Expect<Same<z.infer<typeof RankingReplySchema>, RankingReply>>,
  Expect<Same<z.infer<typeof TrendReplySchema>, TrendReply>>,
  Expect<Same<z.infer<typeof CatalogueReplySchema>, CatalogueReply>>,
  Expect<Same<z.infer<typeof LocalIndicatorRequestSchema>, LocalIndicatorRequest>>,
  Expect<Same<z.infer<typeof LocalIndicatorDeleteReplySchema>, LocalIndicatorDeleteReply>>,
  Expect<Same<z.infer<typeof ValidationReplySchema>, ValidationRunReply>>,
  Expect<Same<z.infer<typeof BaselineRequestSchema>, BaselineRequest>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsSchema>, PlanMeasureTargetsDto>>,
  Expect<Same<z.infer<typeof PlanMeasureTargetsReplySchema>, PlanMeasureTargetsReply>>,
];
