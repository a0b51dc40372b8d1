/**
 * The contract between the server's indicator routes and the web: shapes of requests and replies.
 * The server's zod schemas (server/src/indicators/schemas.ts) must produce exactly these (checked at
 * compile time at the bottom of that file); the web imports these types. Dates are ISO strings.
 */
import type { Bilingual, Catalogue, Direction, Indicator, MeasureTargetOp, MeasureUnit } from './catalogue-schema.ts';
import type { TargetChange, TargetReference, TargetUnit } from '../plans/plan-format.ts';
import type { OpSource } from './target-comparison.ts';
import type { UnmappedReason } from './target-mapping.ts';
import type { DataSetKind } from './data-sets.ts';
import type { ValidationRule } from './validation.ts';

export type UnitKind = 'commune' | 'agency' | 'province';
export interface UnitRefDto {
  kind: UnitKind;
  code: string;
  name: string;
}

/**
 * met / on track / at risk / off track (core progress.ts, relative-progress.ts), or why there is no
 * status: no value (no_data), no reference value for a relative target (insufficient_data), no target.
 */
export type MeasureStatusDto = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'insufficient_data' | 'no_target';
export type TrendDto = 'improving' | 'worsening' | 'stable';

export interface TargetDto {
  year: number;
  op: MeasureTargetOp;
  value: number;
  planId?: string | undefined;
  planTitle?: string | undefined;
  baseline?: { year: number; value: number } | null | undefined;
  /**
   * A relative target (a plan's "giảm 4–5 % mỗi năm", "giảm 1/3 so với năm 2020"): `value` is the
   * change required in % of the reference value, `op` compares the change achieved with it (core
   * relative-progress.ts). Absent for a level.
   */
  relative?: RelativeTargetDto | undefined;
}

export interface RelativeTargetDto {
  change: TargetChange;
  reference: TargetReference;
  /** the upper end of "4–5 %", null when the plan gives one figure */
  valueTo: number | null;
}

/** GET /api/indicators/catalogue: the catalogue as stored, national and local. */
export interface CatalogueReply {
  goals: Catalogue['goals'];
  categories: Catalogue['categories'];
  dataElements: (Catalogue['dataElements'][number] & { origin: 'national' | 'local' })[];
  indicators: (Indicator & { origin: 'national' | 'local' })[];
}

/**
 * POST /api/indicators/local (administrator): a local indicator in the catalogue's own form, with
 * the data elements it needs that the catalogue does not have yet. Codes must not clash with
 * existing ones; measures may also use existing elements (e.g. CHILDREN_TOTAL).
 */
export interface LocalIndicatorRequest {
  indicator: Indicator;
  dataElements: Catalogue['dataElements'];
}

/** GET /api/data-values?unit&period[&dataSet]: the entry form of one unit and period. */
export interface EntryFormDto {
  unit: UnitRefDto;
  period: string;
  dataSet: DataSetKind;
  elements: {
    code: string;
    name: Bilingual;
    categories: string[];
    value: number | null;
    parts: { disaggregation: string; value: number }[];
    enteredBy: string | null;
    enteredAt: string | null;
  }[];
}

/** PUT /api/data-values. `disaggregation` is a key as `sex=female|age_group=u6` (core values.ts); absent = the total; value null clears. */
export interface SaveValuesRequest {
  unit: string;
  period: string;
  values: { element: string; disaggregation?: string | undefined; value: number | null }[];
}
export interface SaveValuesReply {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * POST /api/data-values/import (JSON dataValueSets) and POST /api/data-values/import-file?fileName=
 * (raw bytes of a .json dataValueSets file or the .xlsx template): each bad row listed, good rows kept.
 * `row` is the index in dataValues (JSON, from 1) or the spreadsheet row number (Excel).
 */
export interface ImportReportDto {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: {
    row: number;
    dataElement: string | null;
    orgUnit: string | null;
    period: string | null;
    reason: Bilingual;
  }[];
}

export interface MeasureValueDto {
  measure: string;
  indicator: string;
  indicatorNo: number | null;
  name: Bilingual;
  unit: MeasureUnit;
  factor: number;
  direction: Direction;
  /** null when no unit reported (never 0 for "nothing known") */
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unitsExpected: number;
  unitsReported: number;
  completeness: number | null;
  source: 'communes' | 'province' | 'agency' | 'unit';
  previousValue: number | null;
  target: TargetDto | null;
  nationalTarget: TargetDto | null;
  status: MeasureStatusDto;
  nationalStatus: MeasureStatusDto;
  /** the straight-line value expected this year between baseline and target; for a relative target the level its change asks for */
  expected: number | null;
  /** a relative target's change achieved, in % of its reference value (null for a level, or without the reference value) */
  change: number | null;
  trend: TrendDto | null;
}

/** GET /api/indicators/values?period&unit */
export interface ValuesReply {
  unit: UnitRefDto;
  period: string;
  values: MeasureValueDto[];
}

/** GET /api/indicators/:measure/units?period: communes of the province ranked, best first, missing last. */
export interface RankingReply {
  measure: string;
  period: string;
  direction: Direction;
  target: TargetDto | null;
  units: {
    code: string;
    name: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    status: MeasureStatusDto;
  }[];
}

/** GET /api/indicators/:measure/trend?unit[&type] */
export interface TrendReply {
  measure: string;
  unit: UnitRefDto;
  points: {
    period: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    unitsReported: number;
    unitsExpected: number;
    target: TargetDto | null;
  }[];
}

/**
 * GET /api/indicators/chart.xlsx — the data behind one chart or table of the dashboard as an Excel
 * file, the same numbers the screen shows:
 * - `view=overview&period&unit`: every measure's value, target, status, completeness;
 * - `view=trend&measure&unit[&type]`: the trend points with the target;
 * - `view=ranking&measure&period`: the communes ranked.
 * Same access rules as the JSON route of that view.
 */
export type ChartExportView = 'overview' | 'trend' | 'ranking';

/**
 * GET /api/data-values/template.xlsx?period&dataSet[&unit] — the Excel template (sheet "Số liệu",
 * one row per unit × element × disaggregation, columns: Mã đơn vị, Tên đơn vị, Kỳ, Mã chỉ số,
 * Tên chỉ số, Phân tổ, Giá trị), filled with the values already stored. Without `unit`, a
 * provincial user gets every commune of the province (dataSet=commune) or every agency (agency).
 */
export const TEMPLATE_SHEET = 'Số liệu';
export const TEMPLATE_COLUMNS = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Mã chỉ số', 'Tên chỉ số', 'Phân tổ', 'Giá trị'] as const;

// ---- baselines of a plan's targets (PUT/DELETE /api/plans/:id/measure-targets/:measure/baseline) ----

/**
 * PUT /api/plans/:id/measure-targets/:measure/baseline (administrator, provincial officer): the
 * (year, value) the plan's targets for this measure start from. `year` must come before the plan's
 * first target year for the measure; `value` ≥ 0 and, for a % measure, ≤ 100.
 */
export interface BaselineRequest {
  year: number;
  value: number;
}

/** A stored baseline: who set it (display name, null when unknown) and when (ISO). */
export interface BaselineDto {
  year: number;
  value: number;
  setBy: string | null;
  setAt: string;
}

/**
 * One measure of a plan with its mapped targets (by year), its baseline, and — as a suggestion for
 * the baseline — the province's measured value of the year before the first target year, computed
 * as GET /api/indicators/values computes it (null when that year has no value).
 * PUT and DELETE …/baseline reply with the measure's entry after the change.
 */
export interface PlanMeasureTargetsDto {
  measure: string;
  indicator: string;
  indicatorNo: number | null;
  name: Bilingual;
  unit: MeasureUnit;
  direction: Direction;
  targets: MappedTargetDto[];
  baseline: BaselineDto | null;
  suggestion: { year: number; value: number } | null;
}

/**
 * A plan's target as the plan wrote it (or a person corrected it). `id` names it in the target
 * routes ("<indicator position>.<target position>", stable while the plan lives).
 */
export interface PlanTargetRefDto {
  id: string;
  indicatorNo: number;
  year: number;
  value: number;
  unit: TargetUnit | null;
  /** the comparison written (null when the plan wrote none) */
  op: MeasureTargetOp | null;
  relative: RelativeTargetDto | null;
  /** the phrase naming the part of a multi-part indicator */
  measureText: string | null;
  /** the word that governed the value ("là", "duy trì"), null for a bare value or a person's entry */
  opWord: string | null;
  /** the clause it was read from */
  text: string | null;
}

/**
 * A target mapped to the measure: the comparison the dashboard uses and how it was found (core
 * target-comparison.ts), `chosen` when a person picked the measure.
 */
export interface MappedTargetDto extends Omit<PlanTargetRefDto, 'op'> {
  op: MeasureTargetOp;
  writtenOp: MeasureTargetOp | null;
  opSource: OpSource;
  chosen: boolean;
}

/** A measure offered for an unmapped target, with what a person needs to pick it. */
export interface MeasureChoiceDto {
  measure: string;
  indicatorNo: number | null;
  name: Bilingual;
  unit: MeasureUnit;
  direction: Direction;
}

/**
 * A target the mapping left without a measure, with the reason (core target-mapping.ts;
 * 'not_mapped': the plan's targets changed since they were last mapped) and the measures offered
 * first (the indicator's, or the one whose wording did not fit).
 */
export interface UnmappedTargetDto extends PlanTargetRefDto {
  reason: UnmappedReason | 'not_mapped';
  candidates: MeasureChoiceDto[];
}

/**
 * GET /api/plans/:id/measure-targets: the plan's mapped targets grouped by measure, in catalogue
 * order, and every target left unmapped, in the plan's order.
 */
export interface PlanMeasureTargetsReply {
  planId: string;
  measures: PlanMeasureTargetsDto[];
  unmapped: UnmappedTargetDto[];
}

// ---- a plan's targets after saving (POST, PATCH, DELETE /api/plans/:id/targets[/:target]) ----

/** The relative part of a target in a request: `reference` 'previous-year' or a year before the target year. */
export interface RelativeTargetRequest {
  change: TargetChange;
  reference: TargetReference;
  valueTo?: number | null | undefined;
}

/**
 * POST /api/plans/:id/targets (administrator, provincial officer): a new target of the plan for a
 * measure. It joins the plan's indicator of the measure's number (created when the plan has none).
 * `op` null takes the measure's direction; `relative` makes it a relative target (the value is
 * then the change in %). Replies with the plan's targets after the change.
 */
export interface TargetCreateRequest {
  measure: string;
  year: number;
  value: number;
  op: MeasureTargetOp | null;
  relative?: RelativeTargetRequest | null | undefined;
}

/**
 * PATCH /api/plans/:id/targets/:target: corrects a target; omitted fields stay. `measure` picks the
 * measure (the one-click choice for an unmapped target; null hands it back to the matching);
 * `relative` null makes it a level, an object a relative target. A comparison set here is a
 * person's: it is used as set.
 */
export interface TargetPatchRequest {
  year?: number | undefined;
  value?: number | undefined;
  op?: MeasureTargetOp | null | undefined;
  measure?: string | null | undefined;
  relative?: RelativeTargetRequest | null | undefined;
}

// ---- validation run (POST /api/indicators/validation-run) and local indicator deletion ----

const VALIDATION_RULE_SET: Record<ValidationRule, true> = {
  unknown_element: true,
  not_a_count: true,
  negative_count: true,
  invalid_disaggregation: true,
  numerator_exceeds_denominator: true,
  required_missing: true,
  disaggregation_mismatch: true,
  outlier: true,
};
/** Every check of core validation.ts: errors first, then the warnings (to review, never rejected). */
export const VALIDATION_RULES = Object.keys(VALIDATION_RULE_SET) as readonly ValidationRule[];

/** One finding of a validation run (core validation.ts `Violation`). */
export interface ValidationViolationDto {
  rule: ValidationRule;
  /** `error`: a figure that cannot be right, or a required one missing; `warning`: to review (outliers, totals differing from their parts) */
  severity: 'error' | 'warning';
  unit: string;
  period: string;
  /** the data elements concerned */
  elements: string[];
  /** the measure, for a rule about a ratio (numerator above denominator) */
  measure?: string | undefined;
  /** the English text names elements by code, the Vietnamese one by name */
  message: Bilingual;
}

/**
 * POST /api/indicators/validation-run?period[&unit] — read-only; administrator, provincial officer,
 * viewer, commune officer, agency reporter. The findings of one period sorted by unit, then rule,
 * and the units they are about, named (each once, in the order of the findings). Required figures
 * are checked for the communes that reported anything in the period. A commune officer or agency
 * reporter gets only their own unit's findings. `unit` keeps one unit's findings, with the read
 * check of GET /api/indicators/values (403 for a unit one may not read, 404 for an unknown one).
 */
export interface ValidationRunReply {
  period: string;
  violations: ValidationViolationDto[];
  units: UnitRefDto[];
}

/**
 * DELETE /api/indicators/local/:code (administrator): a local indicator deleted with its measures,
 * the plan targets mapped to them and the new elements only it used — except elements holding
 * figures, which stay on the entry forms.
 */
export interface LocalIndicatorDeleteReply {
  code: string;
  measures: string[];
  /** new elements of the indicator, deleted with it */
  deletedElements: string[];
  /** its elements that hold figures (kept, still on the entry forms) or that another indicator uses */
  keptElements: { code: string; reason: 'has_figures' | 'used_elsewhere' }[];
  /** plan targets that were mapped to its measures and are now unmapped */
  planTargetsUnmapped: number;
  message: Bilingual;
}
