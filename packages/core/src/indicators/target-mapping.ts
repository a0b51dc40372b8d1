import type { IndicatorTarget } from '../plans/plan-format.ts';
import type { CatalogueIndex } from './catalogue.ts';
import type { MeasureTargetOp } from './catalogue-schema.ts';
import { matchMeasure, type MeasureMatch } from './measure-match.ts';
import { targetComparison, type ComparisonFlag, type OpSource } from './target-comparison.ts';

/**
 * One target of a plan's indicator against the catalogue (issue 13): the measure it belongs to with
 * its comparison and how that was found, or why it stays unmapped, with the measures a person can
 * pick from. Pure: the server maps a saved plan with it (indicators/targets/plan-targets.ts) and
 * the review screen shows the same outcome before saving.
 *
 * - a measure a person chose (`measureCode`) is taken, unless the catalogue no longer has it;
 * - otherwise core measure-match.ts decides, never by guess;
 * - a level target whose unit contradicts the measure's (a count against a rate, ‰ against %) stays
 *   unmapped; a relative target's unit is the % of its change, whatever the measure's unit;
 * - the comparison comes from target-comparison.ts, whose flags leave the target unmapped.
 * A second target for the same measure, year and kind is the caller's to refuse (it sees them all).
 */
export type UnmappedReason =
  Extract<MeasureMatch, { kind: 'unmapped' }>['reason'] | 'unknown_measure' | 'unit_mismatch' | ComparisonFlag | 'duplicate';

export type PlanTargetMapping =
  | { kind: 'mapped'; measure: string; op: MeasureTargetOp; opSource: OpSource; chosen: boolean }
  | { kind: 'unmapped'; reason: UnmappedReason; candidates: string[] };

export function mapPlanTarget(index: CatalogueIndex, indicatorNo: number, t: IndicatorTarget): PlanTargetMapping {
  const chosen = t.measureCode ?? null;
  if (chosen !== null && !index.measure(chosen)) {
    return { kind: 'unmapped', reason: 'unknown_measure', candidates: candidatesOf(index, indicatorNo) };
  }
  const match: MeasureMatch = chosen !== null ? { kind: 'mapped', measure: chosen } : matchMeasure(index, indicatorNo, t.measure);
  if (match.kind === 'unmapped') return { kind: 'unmapped', reason: match.reason, candidates: match.candidates };
  const measure = index.measure(match.measure);
  if (!measure) return { kind: 'unmapped', reason: 'unknown_measure', candidates: [] };
  if ((t.kind ?? 'level') === 'level' && t.unit !== null && t.unit !== measure.unit) {
    return { kind: 'unmapped', reason: 'unit_mismatch', candidates: [measure.code] };
  }
  const comparison = targetComparison(t, measure.direction);
  if ('flag' in comparison) return { kind: 'unmapped', reason: comparison.flag, candidates: [measure.code] };
  return { kind: 'mapped', measure: measure.code, op: comparison.op, opSource: comparison.source, chosen: chosen !== null };
}

/** The measures of the indicator with this number, offered first when a target is unmapped. */
export function candidatesOf(index: CatalogueIndex, indicatorNo: number): string[] {
  return index.catalogue.indicators.find((i) => i.no === indicatorNo)?.measures.map((m) => m.code) ?? [];
}

/** How the target routes name a plan's target: "<indicator position>.<target position>". */
export const planTargetId = (indicatorPosition: number, position: number) => `${indicatorPosition}.${position}`;
export const PLAN_TARGET_ID = /^(\d{1,4})\.(\d{1,4})$/;
