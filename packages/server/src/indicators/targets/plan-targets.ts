import { matchMeasure, type CatalogueIndex, type MeasureMatch } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PlanSavedEffect } from '../../plans/service.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import * as repo from './repository.ts';

interface UnmappedTarget {
  indicatorNo: number;
  year: number;
  measureText: string | null;
  reason: Extract<MeasureMatch, { kind: 'unmapped' }>['reason'] | 'unit_mismatch' | 'duplicate';
  candidates: string[];
}

export interface TargetMapping {
  mapped: { indicatorNo: number; year: number; measure: string; op: string; value: number }[];
  unmapped: UnmappedTarget[];
}

/**
 * Rebuilds measure_target for one plan from its indicator targets (core measure-match.ts). A target
 * whose unit contradicts the measure's (a count against a rate, ‰ against %) stays unmapped; a
 * target without a comparison gets the measure's direction (≥ when higher is better, ≤ otherwise),
 * which is how the plans write "đạt 95%" and "giảm xuống 10‰". A second target for the same
 * measure and year is listed, not merged. Runs inside the plan's transaction when a plan is saved.
 * Baselines live in measure_baseline (per plan and measure) and are not touched: mapping again
 * keeps them.
 */
export async function syncMeasureTargets(
  db: Kysely<Database> | Transaction<Database>,
  index: CatalogueIndex,
  planId: string,
): Promise<TargetMapping> {
  const { indicators, targets } = await repo.planIndicatorTargets(db, planId);
  const noAt = new Map(indicators.map((i) => [i.position, i.no]));
  const out: TargetMapping = { mapped: [], unmapped: [] };
  const rows: repo.MeasureTargetRow[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const no = noAt.get(t.indicator_position) ?? 0;
    const base = { indicatorNo: no, year: t.year, measureText: t.measure };
    const match = matchMeasure(index, no, t.measure);
    if (match.kind === 'unmapped') {
      out.unmapped.push({ ...base, reason: match.reason, candidates: match.candidates });
      continue;
    }
    const measure = index.measure(match.measure);
    if (!measure) continue;
    if (t.unit !== null && t.unit !== measure.unit) {
      out.unmapped.push({ ...base, reason: 'unit_mismatch', candidates: [measure.code] });
      continue;
    }
    const key = `${measure.code}/${t.year}`;
    if (seen.has(key)) {
      out.unmapped.push({ ...base, reason: 'duplicate', candidates: [measure.code] });
      continue;
    }
    seen.add(key);
    const op = t.op ?? (measure.direction === 'higher' ? '>=' : '<=');
    rows.push({
      plan_id: planId,
      measure_code: measure.code,
      year: t.year,
      op,
      value: t.value,
      indicator_position: t.indicator_position,
      target_position: t.position,
    });
    out.mapped.push({ indicatorNo: no, year: t.year, measure: measure.code, op, value: t.value });
  }
  await repo.replaceMeasureTargets(db, planId, rows);
  return out;
}

/**
 * What saving a plan does in indicators (plans/service.ts createPlan calls it in the save's
 * transaction): the plan's targets become measure targets, which indicator values compare against.
 * The catalogue is read before the plan's transaction opens.
 */
export async function planTargetsEffect(db: Kysely<Database>): Promise<PlanSavedEffect> {
  const catalogue = await catalogueIndex(db);
  return async (trx, planId) => {
    const mapping = await syncMeasureTargets(trx, catalogue, planId);
    return { measureTargets: mapping.mapped.length, unmappedTargets: mapping.unmapped.length };
  };
}
