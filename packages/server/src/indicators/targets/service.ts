import {
  measureValueProblem,
  type BaselineRequest,
  type CatalogueIndex,
  type Measure,
  type PlanMeasureTargetsDto,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import { invalid, notFound } from '../../errors.ts';
import { getPlan } from '../../plans/service.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { syncMeasureTargets, type TargetMapping } from './plan-targets.ts';
import { measureEntry } from './listing.ts';
import * as repo from './repository.ts';

/**
 * POST /api/plans/:id/measure-targets: maps a plan's targets again, e.g. after the catalogue gained
 * a local indicator or a target was corrected; one audit row with the counts. Baselines are kept
 * (measure_baseline is not touched by the mapping).
 */
export async function remapPlanTargets(db: Kysely<Database>, actor: SessionActor, planId: string): Promise<TargetMapping> {
  await getPlan(db, actor.provinceCode, planId);
  const index = await catalogueIndex(db);
  return db.transaction().execute(async (trx) => {
    const mapping = await syncMeasureTargets(trx, index, planId);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'measure_target',
      entityId: planId,
      after: { mapped: mapping.mapped.length, unmapped: mapping.unmapped.length },
    });
    return mapping;
  });
}

/*
 * Baselines (issue 4, point 6): one per plan and measure, the (year, value) from which core
 * progress.ts draws the straight line to each of the plan's targets for the measure.
 *
 * Rules:
 * - only a measure the plan has mapped targets for (404 otherwise, as for a plan of another province);
 *   a baseline whose measure lost its targets in a new mapping stays stored, unseen, and counts
 *   again if a later mapping brings the targets back;
 * - year: a whole year from EARLIEST_BASELINE_YEAR, before the plan's first target year for the
 *   measure (a baseline in or after it draws no line);
 * - value: ≥ 0 and, for a % measure, ≤ 100;
 * - one transaction with one audit row (before / after); setting the same year and value again, or
 *   clearing a baseline that is not there, changes nothing and writes no audit row.
 *
 * The suggestion offered with each measure is the province's value of the year before the first
 * target year, computed as GET /api/indicators/values computes it (values-service.ts).
 */

/** Vietnam ratified the Convention on the Rights of the Child in 1990; no child statistics earlier are expected. */
const EARLIEST_BASELINE_YEAR = 1990;

type Baseline = BaselineRequest;

const planMeasureTargetsNotFound = (measure: string) =>
  notFound({ vi: `chỉ tiêu của kế hoạch cho phép đo ${measure}`, en: `A target of the plan for measure ${measure}` });

function measureOf(index: CatalogueIndex, code: string): Measure {
  const m = index.measure(code);
  if (!m) throw planMeasureTargetsNotFound(code);
  return m;
}

function assertBaseline(m: Measure, firstYear: number, b: Baseline): void {
  if (b.year < EARLIEST_BASELINE_YEAR) {
    throw invalid(
      'year',
      `Năm gốc ${b.year} không hợp lệ: phải từ năm ${EARLIEST_BASELINE_YEAR} trở đi`,
      `Baseline year ${b.year} is not valid: it must be ${EARLIEST_BASELINE_YEAR} or later`,
    );
  }
  if (b.year >= firstYear) {
    throw invalid(
      'year',
      `Năm gốc phải trước năm chỉ tiêu đầu tiên của kế hoạch cho phép đo này (${firstYear}); đã nhập ${b.year}`,
      `The baseline year must be before the plan's first target year for this measure (${firstYear}); got ${b.year}`,
    );
  }
  if (b.value < 0) {
    throw invalid(
      'value',
      `Giá trị gốc không được âm (đã nhập ${b.value})`,
      `The baseline value cannot be negative (got ${b.value})`,
    );
  }
  // -0, 1e308 (the per-1,000 and per-100,000 rates have no natural ceiling) and Infinity
  const problem = measureValueProblem(b.value);
  if (problem) throw invalid('value', `Giá trị gốc: ${problem.vi}`, `Baseline value: ${problem.en}`);
  if (m.unit === '%' && b.value > 100) {
    throw invalid(
      'value',
      `Giá trị gốc của phép đo tính theo % không được quá 100 (đã nhập ${b.value})`,
      `The baseline value of a % measure cannot exceed 100 (got ${b.value})`,
    );
  }
}

/** One measure's entry after a change. */
async function entryOf(
  db: Kysely<Database>,
  provinceCode: string,
  index: CatalogueIndex,
  planId: string,
  m: Measure,
): Promise<PlanMeasureTargetsDto> {
  const entry = await measureEntry(db, provinceCode, index, planId, m);
  if (!entry) throw planMeasureTargetsNotFound(m.code);
  return entry;
}

/**
 * Changes one measure's baseline of a plan: the plan must be the caller's province's and have a
 * target for the measure; `change` runs in the transaction with the stored baseline, if any.
 */
async function changeBaseline(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  measureCode: string,
  change: (
    trx: Transaction<Database>,
    m: Measure,
    firstTargetYear: number,
    stored: { year: number; value: number } | undefined,
  ) => Promise<void>,
): Promise<PlanMeasureTargetsDto> {
  await getPlan(db, actor.provinceCode, planId);
  const index = await catalogueIndex(db);
  const m = measureOf(index, measureCode);
  await db.transaction().execute(async (trx) => {
    const targets = await repo.measureTargetsOfPlan(trx, planId, m.code);
    if (targets.length === 0) throw planMeasureTargetsNotFound(m.code);
    const [stored] = await repo.baselinesOfPlan(trx, planId, m.code);
    await change(trx, m, Math.min(...targets.map((t) => t.year)), stored);
  });
  return entryOf(db, actor.provinceCode, index, planId, m);
}

/** PUT /api/plans/:id/measure-targets/:measure/baseline */
export function setBaseline(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  measureCode: string,
  req: BaselineRequest,
): Promise<PlanMeasureTargetsDto> {
  return changeBaseline(db, actor, planId, measureCode, async (trx, m, firstTargetYear, stored) => {
    assertBaseline(m, firstTargetYear, req);
    const before = stored ? { year: stored.year, value: stored.value } : null;
    if (before && before.year === req.year && before.value === req.value) return;
    await repo.upsertBaseline(trx, { plan_id: planId, measure_code: m.code, year: req.year, value: req.value, set_by: actor.id });
    await recordAudit(trx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entity: 'measure_baseline',
      entityId: `${planId}/${m.code}`,
      before,
      after: { year: req.year, value: req.value },
    });
  });
}

/** DELETE /api/plans/:id/measure-targets/:measure/baseline */
export function clearBaseline(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  measureCode: string,
): Promise<PlanMeasureTargetsDto> {
  return changeBaseline(db, actor, planId, measureCode, async (trx, m, _firstTargetYear, stored) => {
    if (!stored) return;
    await repo.deleteBaseline(trx, planId, m.code);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'delete',
      entity: 'measure_baseline',
      entityId: `${planId}/${m.code}`,
      before: { year: stored.year, value: stored.value },
      after: null,
    });
  });
}
