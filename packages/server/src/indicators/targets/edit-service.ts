import {
  PLAN_TARGET_ID,
  planTargetId,
  type CatalogueIndex,
  type IndicatorTarget,
  type Measure,
  type PlanMeasureTargetsReply,
  type RelativeTargetRequest,
  type TargetCreateRequest,
  type TargetPatchRequest,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import { touchPlan } from '../../plans/repository.ts';
import { getPlan } from '../../plans/service.ts';
import { targetOfRow, targetRow } from '../../plans/target-rows.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { listPlanTargets } from './listing.ts';
import { syncMeasureTargets } from './plan-targets.ts';
import * as repo from './repository.ts';
import { assertTarget, type PlanYears } from './target-rules.ts';

/**
 * A saved plan's targets added, corrected and removed (issue 13, part 4). The plan's own targets
 * (plan_indicator_target, what `tre plan export` prints) are changed, then the plan is mapped again
 * (plan-targets.ts) in the same transaction with one audit row (before / after as tre.plan/v1
 * targets), so the dashboard, which reads measure_target, follows at once. A comparison or a measure
 * set here is a person's: the comparison is used as set (its word from the text is dropped), the
 * measure is taken over the matching. Each call replies with the plan's targets after it; a change
 * that changes nothing writes nothing.
 */

const targetNotFound = () => notFound({ vi: 'chỉ tiêu của kế hoạch', en: 'Plan target' });

function measureOrInvalid(index: CatalogueIndex, code: string): Measure {
  const m = index.measure(code);
  if (!m) throw invalid('measure', `Không có phép đo ${code} trong danh mục`, `The catalogue has no measure ${code}`);
  return m;
}

/** The relative part of a target from a request; a level when null. */
function relativeFields(rel: RelativeTargetRequest | null): Partial<IndicatorTarget> {
  if (!rel) return {};
  return {
    kind: 'relative',
    change: rel.change,
    reference: rel.reference,
    ...(rel.valueTo !== null && rel.valueTo !== undefined ? { valueTo: rel.valueTo } : {}),
  };
}

/** Runs one change of a plan's targets: the plan found in the caller's province, then the write, the mapping, the audit. */
async function changeTargets(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  change: (
    trx: Transaction<Database>,
    plan: PlanYears,
    index: CatalogueIndex,
  ) => Promise<{ id: string; before: IndicatorTarget | null; after: IndicatorTarget | null } | null>,
): Promise<PlanMeasureTargetsReply> {
  const plan = await getPlan(db, actor.provinceCode, planId);
  const index = await catalogueIndex(db);
  await db.transaction().execute(async (trx) => {
    const done = await change(trx, plan, index);
    if (!done) return;
    await syncMeasureTargets(trx, index, planId);
    await touchPlan(trx, planId);
    await recordAudit(trx, auditActorOf(actor), {
      action: done.before === null ? 'create' : done.after === null ? 'delete' : 'update',
      entity: 'plan_indicator_target',
      entityId: `${planId}/${done.id}`,
      before: done.before,
      after: done.after,
    });
  });
  return listPlanTargets(db, actor.provinceCode, planId);
}

/** POST /api/plans/:id/targets */
export function addPlanTarget(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  req: TargetCreateRequest,
): Promise<PlanMeasureTargetsReply> {
  return changeTargets(db, actor, planId, async (trx, plan, index) => {
    const m = measureOrInvalid(index, req.measure);
    const indicator = index.indicatorOf(m.code);
    const no = indicator?.no ?? null;
    if (!indicator || no === null) {
      throw invalid(
        'measure',
        `Phép đo ${m.code} thuộc một chỉ tiêu không có số thứ tự, không thể thêm vào kế hoạch`,
        `Measure ${m.code} belongs to an indicator without a number and cannot be added to a plan`,
      );
    }
    const relative = relativeFields(req.relative ?? null);
    const target: IndicatorTarget = {
      year: req.year,
      value: req.value,
      unit: relative.kind === 'relative' ? '%' : m.unit,
      op: req.op,
      measure: null,
      ...relative,
      measureCode: m.code,
    };
    assertTarget(plan, target, m);
    const indicatorPosition =
      (await repo.indicatorPositionOf(trx, planId, no)) ??
      (await repo.appendIndicator(trx, { plan_id: planId, no, goal: indicator.goal, text: indicator.name.vi }));
    const position = await repo.nextTargetPosition(trx, planId, indicatorPosition);
    await repo.insertPlanTarget(trx, targetRow(planId, indicatorPosition, position, target));
    return { id: planTargetId(indicatorPosition, position), before: null, after: target };
  });
}

function positionsOf(targetId: string): [number, number] {
  const m = PLAN_TARGET_ID.exec(targetId);
  if (!m) throw targetNotFound();
  return [Number(m[1]), Number(m[2])];
}

/** The target with a patch applied: a comparison set by a person drops the word it was read from. */
function patched(before: IndicatorTarget, req: TargetPatchRequest, m: Measure | undefined): IndicatorTarget {
  const { kind: _k, change: _c, reference: _r, valueTo: _v, ...level } = before;
  const base: IndicatorTarget = req.relative === undefined ? before : { ...level, ...relativeFields(req.relative) };
  const relative = base.kind === 'relative';
  return {
    ...base,
    ...(req.year !== undefined ? { year: req.year } : {}),
    ...(req.value !== undefined ? { value: req.value } : {}),
    ...(req.op !== undefined ? { op: req.op, opWord: null } : {}),
    ...(req.measure !== undefined ? { measureCode: req.measure } : {}),
    // a relative target's value is a change in %; a level takes the unit of the measure it is set on
    ...(relative ? { unit: '%' as const } : req.measure || req.relative === null ? { unit: m?.unit ?? base.unit } : {}),
  };
}

/** PATCH /api/plans/:id/targets/:target */
export function patchPlanTarget(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  targetId: string,
  req: TargetPatchRequest,
): Promise<PlanMeasureTargetsReply> {
  return changeTargets(db, actor, planId, async (trx, plan, index) => {
    const [ip, p] = positionsOf(targetId);
    const row = await repo.findPlanTarget(trx, planId, ip, p);
    if (!row) throw targetNotFound();
    const before = targetOfRow(row);
    if (req.measure) measureOrInvalid(index, req.measure);
    const code =
      req.measure !== undefined ? req.measure : (before.measureCode ?? (await repo.mappedMeasureOf(trx, planId, ip, p)));
    const m = code ? index.measure(code) : undefined;
    const next = targetRow(planId, ip, p, patched(before, req, m));
    const after = targetOfRow(next);
    assertTarget(plan, after, m);
    if (JSON.stringify(after) === JSON.stringify(before)) return null;
    await repo.updatePlanTarget(trx, next);
    return { id: targetId, before, after };
  });
}

/** DELETE /api/plans/:id/targets/:target */
export function removePlanTarget(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  targetId: string,
): Promise<PlanMeasureTargetsReply> {
  return changeTargets(db, actor, planId, async (trx) => {
    const [ip, p] = positionsOf(targetId);
    const row = await repo.findPlanTarget(trx, planId, ip, p);
    if (!row) throw targetNotFound();
    await repo.deletePlanTarget(trx, planId, ip, p);
    return { id: targetId, before: targetOfRow(row), after: null };
  });
}
