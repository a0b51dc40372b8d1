import { mapPlanTarget, type CatalogueIndex, type UnmappedReason } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PlanSavedEffect } from '../../plans/service.ts';
import { targetOfRow } from '../../plans/target-rows.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import * as repo from './repository.ts';

interface UnmappedTarget {
  indicatorNo: number;
  year: number;
  measureText: string | null;
  reason: UnmappedReason;
  candidates: string[];
}

export interface TargetMapping {
  mapped: { indicatorNo: number; year: number; measure: string; op: string; value: number }[];
  unmapped: UnmappedTarget[];
}

/**
 * Rebuilds measure_target and plan_target_unmapped for one plan from its indicator targets, each
 * through core target-mapping.ts: the measure (a person's choice, else the matching), the comparison
 * and how it was found (a missing one from the wording and the measure's direction), or the reason
 * it stays unmapped (a unit that contradicts the measure's, the complement of a lower-is-better
 * measure …) with the measures offered. A second target for the same measure, year and kind is
 * listed as a duplicate, not merged. Runs inside the plan's transaction when a plan is saved, and in
 * the transaction of every change to its targets. Baselines live in measure_baseline (per plan and
 * measure) and are not touched: mapping again keeps them.
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
  const unmappedRows: repo.UnmappedRow[] = [];
  const seen = new Set<string>();
  for (const row of targets) {
    const no = noAt.get(row.indicator_position) ?? 0;
    const base = { indicatorNo: no, year: row.year, measureText: row.measure };
    const unmapped = (reason: UnmappedReason, candidates: string[]) => {
      out.unmapped.push({ ...base, reason, candidates });
      unmappedRows.push({
        plan_id: planId,
        indicator_position: row.indicator_position,
        target_position: row.position,
        reason,
        candidates,
      });
    };
    const m = mapPlanTarget(index, no, targetOfRow(row));
    if (m.kind === 'unmapped') {
      unmapped(m.reason, m.candidates);
      continue;
    }
    const key = `${m.measure}/${row.year}/${row.kind}`;
    if (seen.has(key)) {
      unmapped('duplicate', [m.measure]);
      continue;
    }
    seen.add(key);
    rows.push({
      plan_id: planId,
      measure_code: m.measure,
      year: row.year,
      op: m.op,
      value: row.value,
      indicator_position: row.indicator_position,
      target_position: row.position,
      kind: row.kind,
      change: row.change,
      reference_year: row.reference_year,
      value_to: row.value_to,
      op_source: m.opSource,
      chosen: m.chosen,
    });
    out.mapped.push({ indicatorNo: no, year: row.year, measure: m.measure, op: m.op, value: row.value });
  }
  await repo.replaceMeasureTargets(db, planId, rows, unmappedRows);
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
