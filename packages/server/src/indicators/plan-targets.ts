import { matchMeasure, type CatalogueIndex, type MeasureMatch } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface UnmappedTarget {
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
 */
export async function syncMeasureTargets(db: Q, index: CatalogueIndex, planId: string): Promise<TargetMapping> {
  const indicators = await db.selectFrom('plan_indicator').select(['position', 'no']).where('plan_id', '=', planId).execute();
  const targets = await db
    .selectFrom('plan_indicator_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('indicator_position')
    .orderBy('position')
    .execute();
  const noAt = new Map(indicators.map((i) => [i.position, i.no]));
  const out: TargetMapping = { mapped: [], unmapped: [] };
  const rows: Parameters<typeof insertTargets>[1] = [];
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
      baseline_year: null,
      baseline_value: null,
      indicator_position: t.indicator_position,
      target_position: t.position,
    });
    out.mapped.push({ indicatorNo: no, year: t.year, measure: measure.code, op, value: t.value });
  }
  await db.deleteFrom('measure_target').where('plan_id', '=', planId).execute();
  await insertTargets(db, rows);
  return out;
}

async function insertTargets(
  db: Q,
  rows: {
    plan_id: string;
    measure_code: string;
    year: number;
    op: '<' | '<=' | '=' | '>=' | '>';
    value: number;
    baseline_year: number | null;
    baseline_value: number | null;
    indicator_position: number;
    target_position: number;
  }[],
) {
  if (rows.length > 0) await db.insertInto('measure_target').values(rows).execute();
}
