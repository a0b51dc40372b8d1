import {
  ErrorCode,
  parsePeriod,
  plansPermissions,
  scopeKindOf,
  scopeOf,
  type TaskProgressDto,
  type TaskProgressRequest,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError, forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import { assertOwnFile } from '../files/service.ts';
import * as units from '../units/repository.ts';
import { getTask } from './edit-service.ts';
import * as repo from './repository.ts';
import { isTaskPeriod } from './due.ts';
import { COMMUNE_GROUPS, groupsOfAgency } from '@tre/core/plans/bodies';
import { toProgressDto } from './tasks.ts';

type Body = { agencyId: string; communeCode: null } | { agencyId: null; communeCode: string };

/** Whether an agency is assigned to a task: by name, or as a member of a group the task names. */
async function agencyAssigned(db: Kysely<Database>, provinceCode: string, taskId: string, agencyId: string) {
  const agency = await units.findAgency(db, provinceCode, agencyId);
  if (!agency) return false;
  const groups: string[] = groupsOfAgency(agency);
  const bodies = await repo.listTaskBodies(db, [taskId]);
  return bodies.some((b) => b.agency_id === agencyId || (b.body_group !== null && groups.includes(b.body_group)));
}

/** Commune committees are assigned a task only through "UBND cấp xã", "các sở, ngành, địa phương" and the like. */
async function communesAssigned(db: Kysely<Database>, taskId: string) {
  return (await repo.listTaskBodies(db, [taskId])).some((b) => b.body_group !== null && COMMUNE_GROUPS.includes(b.body_group));
}

/**
 * Which body the caller records progress for. Reporters record for their own agency or commune
 * only, and only on tasks assigned to it; provincial officers and administrators record for any
 * assigned body they name. Everyone else is refused.
 */
async function reportingBody(db: Kysely<Database>, actor: SessionActor, taskId: string, req: TaskProgressRequest): Promise<Body> {
  const p = actor.provinceCode;
  const scope = scopeOf(plansPermissions, 'tasks.progress', actor);
  if (scope === 'assigned_body' && scopeKindOf(actor.role) === 'agency') {
    if (!actor.agencyId || req.communeCode || (req.agencyId && req.agencyId !== actor.agencyId)) throw forbidden();
    if (!(await agencyAssigned(db, p, taskId, actor.agencyId))) throw forbidden();
    return { agencyId: actor.agencyId, communeCode: null };
  }
  if (scope === 'assigned_body' && scopeKindOf(actor.role) === 'commune') {
    if (!actor.communeCode || req.agencyId || (req.communeCode && req.communeCode !== actor.communeCode)) throw forbidden();
    if (!(await communesAssigned(db, taskId))) throw forbidden();
    return { agencyId: null, communeCode: actor.communeCode };
  }
  if (scope !== 'province') throw forbidden();
  if (Boolean(req.agencyId) === Boolean(req.communeCode)) {
    throw invalid(
      'agencyId',
      'Cần chọn đúng một đơn vị báo cáo: agencyId hoặc communeCode',
      'Name exactly one reporting body: agencyId or communeCode',
    );
  }
  if (req.agencyId) {
    if (!(await agencyAssigned(db, p, taskId, req.agencyId))) {
      throw invalid('agencyId', 'Cơ quan này không được giao nhiệm vụ', 'This agency is not assigned the task');
    }
    return { agencyId: req.agencyId, communeCode: null };
  }
  const code = req.communeCode ?? '';
  const commune = await units.findCommune(db, code);
  if (!commune || commune.province_code !== p || !(await communesAssigned(db, taskId))) {
    throw invalid('communeCode', 'Xã, phường này không được giao nhiệm vụ', 'This commune is not assigned the task');
  }
  return { agencyId: null, communeCode: code };
}

function assertPeriodOfPlan(period: string, plan: { year_from: number | null; year_to: number | null }) {
  const p = parsePeriod(period);
  if (!p || !isTaskPeriod(period))
    throw invalid('period', 'Kỳ báo cáo không hợp lệ (vd. 2025, 2025S1, 2025S2)', 'Invalid period (e.g. 2025, 2025S1, 2025S2)');
  if ((plan.year_from !== null && p.year < plan.year_from) || (plan.year_to !== null && p.year > plan.year_to)) {
    throw invalid(
      'period',
      `Kỳ ${period} nằm ngoài thời gian của kế hoạch (${plan.year_from ?? '…'}–${plan.year_to ?? '…'})`,
      `Period ${period} is outside the plan's years (${plan.year_from ?? '…'}–${plan.year_to ?? '…'})`,
    );
  }
}

/**
 * A body's report for the period accepted in a reporting round locks its task progress as it locks
 * its figures: what was accepted is what the consolidated report quotes, until the standing body
 * reopens the report.
 */
async function assertProgressOpen(db: Kysely<Database>, provinceCode: string, body: Body, period: string) {
  const unit = body.agencyId ?? body.communeCode;
  const round = await repo.findAcceptedRound(db, provinceCode, unit, period);
  if (!round) return;
  throw new TreError(ErrorCode.FiguresLocked, {
    field: 'period',
    detail: {
      vi: `Báo cáo kỳ ${period} của đơn vị này đã được chấp nhận trong đợt báo cáo “${round}”: tiến độ nhiệm vụ đã khóa; cơ quan thường trực phải mở lại báo cáo trước khi sửa`,
      en: `This body's report for ${period} was accepted in the reporting round “${round}”: its task progress is locked; the standing body must reopen the report before it can change`,
    },
  });
}

/** Records (or replaces) one body's progress on a task for a period, with its audit row. */
export async function recordProgress(
  db: Kysely<Database>,
  actor: SessionActor,
  taskId: string,
  req: TaskProgressRequest,
): Promise<TaskProgressDto> {
  const task = await getTask(db, actor.provinceCode, taskId);
  const body = await reportingBody(db, actor, taskId, req);
  assertPeriodOfPlan(req.period, task);
  const key = { taskId, ...body, period: req.period };
  const id = await db.transaction().execute(async (trx) => {
    await assertProgressOpen(trx, actor.provinceCode, body, req.period);
    const before = await repo.findProgress(trx, key);
    // keeping the evidence someone else attached is fine; attaching a file needs one's own upload
    if (req.evidenceFileId && req.evidenceFileId !== before?.evidence_file_id) {
      await assertOwnFile(trx, actor, req.evidenceFileId, 'evidenceFileId');
    }
    const rowId = await repo.upsertProgress(trx, {
      province_code: actor.provinceCode,
      task_id: taskId,
      agency_id: body.agencyId,
      commune_code: body.communeCode,
      period: req.period,
      status: req.status,
      note: req.note,
      evidence_file_id: req.evidenceFileId,
      updated_by: actor.id,
    });
    const after = await repo.findProgress(trx, key);
    await recordAudit(trx, auditActorOf(actor), { action: 'update', entity: 'task_progress', entityId: rowId, before, after });
    return rowId;
  });
  return toProgressDto(await repo.findProgressById(db, id));
}
