import {
  taskPath,
  ErrorCode,
  type BodyResolution,
  type PlanDetailDto,
  type PlanDocument,
  type PlanSaveRequest,
  type PlanSummaryDto,
} from '@tre/core';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, PlanTaskBodyTable } from '../db/schema.ts';
import { TreError, notFound } from '../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import * as repo from './repository.ts';
import { targetOfRow, targetRow } from './target-rows.ts';
import { planBodies, proposeBodies, rememberDecisions } from './bodies/service.ts';
import {
  agenciesForMatch,
  assertAgencyOfProvince,
  bodyLabel,
  bodyNamesOf,
  fromResolutionValues,
  toResolutionValues,
} from './resolution.ts';

/** Who saves a plan: a signed-in user, or the `tre` command (no user row, so no created_by). */
export interface PlanAuthor {
  provinceCode: string;
  userId: string | null;
  audit: AuditActor;
}

export const authorOf = (actor: SessionActor): PlanAuthor => ({
  provinceCode: actor.provinceCode,
  userId: actor.id,
  audit: auditActorOf(actor),
});

/**
 * Every body name gets the user's decision from `bodies`; a name missing there gets what Tre
 * proposes (a remembered decision, or a unique match), otherwise it stays unresolved.
 */
async function decideBodies(db: Kysely<Database>, provinceCode: string, request: Pick<PlanSaveRequest, 'document' | 'bodies'>) {
  const match = await agenciesForMatch(db, provinceCode);
  const decided = new Map<string, BodyResolution>();
  request.bodies.forEach((b, i) => {
    assertAgencyOfProvince(match.agencies, b.resolution, `bodies.${i}.resolution.agencyId`);
    decided.set(b.name, b.resolution);
  });
  const names = [...new Set([...bodyNamesOf(request.document), ...request.bodies.map((b) => b.name)])];
  const proposals = await proposeBodies(db, provinceCode, names, match);
  for (const p of proposals) if (!decided.has(p.name)) decided.set(p.name, p.resolution);
  return { decide: (name: string) => decided.get(name) ?? { kind: 'unresolved' as const }, proposals };
}

/**
 * What saving a plan sets going in the modules above plans, inside the save's transaction (the
 * indicators module: the plan's targets become measure targets; indicators/targets/plan-targets.ts). Handed
 * in by whoever saves a plan, so that plans imports no module above it; what it returns is added to
 * the plan's audit row.
 */
export interface PlanSavedEffect {
  (trx: Transaction<Database>, planId: string): Promise<Record<string, unknown>>;
}

export async function createPlan(
  db: Kysely<Database>,
  author: PlanAuthor,
  request: PlanSaveRequest,
  afterSave: PlanSavedEffect,
): Promise<string> {
  const doc = request.document;
  const { decide, proposals } = await decideBodies(db, author.provinceCode, request);
  return db.transaction().execute(async (trx) => {
    const plan = await repo.insertPlan(trx, {
      province_code: author.provinceCode,
      title: doc.title,
      document_type: doc.documentType,
      issuer: doc.issuer,
      document_number: doc.documentNumber ?? null,
      year_from: doc.years.from,
      year_to: doc.years.to,
      citations: doc.citations,
      file_name: request.fileName,
      source_lines: request.sourceLines,
      created_by: author.userId,
    });
    const planId = plan.id;
    const taskIds = await repo.insertTasks(
      trx,
      doc.tasks.map((t, position) => ({
        plan_id: planId,
        position,
        ref: t.ref,
        path: (t.path ?? taskPath(t))?.slice(0, 80) ?? null,
        section_ref: t.section ?? null,
        text: t.text,
        timeline_kind: t.timeline.kind,
        timeline_text: t.timeline.text,
        start_date: t.timeline.start,
        end_date: t.timeline.end,
        lunar: t.timeline.lunar ?? null,
        source_line: t.line ?? null,
      })),
    );
    const bodies: Insertable<PlanTaskBodyTable>[] = doc.tasks.flatMap((t, i) => {
      const taskId = taskIds.get(i) ?? '';
      const rows = (role: 'lead' | 'support', names: string[]) =>
        names.map((name, position) => ({ task_id: taskId, role, position, name, ...toResolutionValues(decide(name)) }));
      return [...rows('lead', t.lead), ...rows('support', t.support)];
    });
    await repo.insertTaskBodies(trx, bodies);
    await repo.insertPlanParts(trx, {
      sections: (doc.sections ?? []).map((s, position) => ({
        plan_id: planId,
        position,
        ref: s.ref,
        title: s.title,
        level: s.level,
        source_line: s.line ?? null,
      })),
      indicators: doc.indicators.map((ind, position) => ({
        plan_id: planId,
        position,
        no: ind.no,
        goal: ind.goal,
        text: ind.text,
        source_line: ind.line ?? null,
      })),
      targets: doc.indicators.flatMap((ind, indicatorPosition) =>
        ind.targets.map((t, position) => targetRow(planId, indicatorPosition, position, t)),
      ),
      assignments: doc.indicatorAssignments.map((a, position) => ({
        plan_id: planId,
        position,
        name: a.agency,
        indicators: a.indicators,
        ...toResolutionValues(decide(a.agency)),
      })),
      reporting: doc.reporting.map((r, position) => ({
        plan_id: planId,
        position,
        kind: r.kind,
        due: r.due,
        recipient: r.recipient,
        text: r.text ?? null,
      })),
      footnotes: (doc.footnotes ?? []).map((f, position) => ({ plan_id: planId, position, mark: f.mark, text: f.text })),
    });
    const effects = await afterSave(trx, planId);
    await recordAudit(trx, author.audit, {
      action: 'create',
      entity: 'plan',
      entityId: planId,
      after: {
        ...auditSummary(doc, request.fileName, bodies.filter((b) => b.resolution === 'unresolved').length),
        ...effects,
      },
    });
    // what the reviewer decided differently from Tre's proposal is remembered for the next plans
    await rememberDecisions(trx, author, planId, request.bodies, proposals);
    return planId;
  });
}

/** The audit keeps what identifies the plan, not its full text (the plan rows themselves hold that). */
function auditSummary(doc: PlanDocument, fileName: string | null, unresolvedBodies: number) {
  return {
    title: doc.title,
    documentNumber: doc.documentNumber ?? null,
    fileName,
    tasks: doc.tasks.length,
    indicators: doc.indicators.length,
    unresolvedBodies,
  };
}

const CLI_AUTHOR = 'Dòng lệnh / CLI';

function toSummaryDto(p: repo.PlanSummaryRow): PlanSummaryDto {
  return {
    id: p.id,
    title: p.title,
    documentType: p.document_type,
    documentNumber: p.document_number,
    issuer: p.issuer,
    yearFrom: p.year_from,
    yearTo: p.year_to,
    taskCount: p.task_count ?? 0,
    indicatorCount: p.indicator_count ?? 0,
    unresolvedBodyCount: p.unresolved_count,
    undecidedLeadCount: p.undecided_lead_count ?? 0,
    createdAt: p.created_at.toISOString(),
    createdBy: p.created_by_name ?? CLI_AUTHOR,
  };
}

export async function listPlanSummaries(db: Kysely<Database>, provinceCode: string): Promise<PlanSummaryDto[]> {
  return (await repo.listPlans(db, provinceCode)).map(toSummaryDto);
}

export async function getPlan(db: Kysely<Database>, provinceCode: string, planId: string) {
  const plan = await repo.findPlan(db, provinceCode, planId);
  if (!plan) throw notFound({ vi: 'kế hoạch', en: 'Plan' });
  return plan;
}

/** An indicator's targets in the tre.plan/v1 shape (read and export share it). */
export function targetsOfIndicator(parts: Awaited<ReturnType<typeof repo.loadPlanParts>>, position: number) {
  return parts.targets.filter((t) => t.indicator_position === position).map(targetOfRow);
}
export async function getPlanDetail(db: Kysely<Database>, provinceCode: string, planId: string): Promise<PlanDetailDto> {
  const [summary, plan] = await Promise.all([repo.findPlanSummary(db, provinceCode, planId), getPlan(db, provinceCode, planId)]);
  if (!summary) throw notFound({ vi: 'kế hoạch', en: 'Plan' });
  const [parts, bodies] = await Promise.all([repo.loadPlanParts(db, planId), planBodies(db, provinceCode, planId)]);
  return {
    ...toSummaryDto(summary),
    citations: plan.citations,
    bodies,
    fileName: plan.file_name,
    sections: parts.sections.map((s) => ({ ref: s.ref, title: s.title, level: s.level })),
    indicators: parts.indicators.map((ind) => ({
      no: ind.no,
      goal: ind.goal,
      text: ind.text,
      targets: targetsOfIndicator(parts, ind.position),
      sourceLine: ind.source_line,
    })),
    assignments: parts.assignments.map((a) => ({
      agency: a.name,
      resolution: fromResolutionValues(a),
      label: bodyLabel(a),
      indicators: a.indicators,
    })),
    reporting: parts.reporting.map((r) => ({ kind: r.kind, due: r.due, recipient: r.recipient, text: r.text })),
    footnotes: parts.footnotes.map((f) => ({ mark: f.mark, text: f.text })),
    sourceLines: plan.source_lines,
  };
}

/**
 * Deletes a plan and everything in it. Refused once any body has reported progress on it: what
 * was reported must not disappear with a click (the rows would have to be dropped with it).
 */
export async function deletePlan(db: Kysely<Database>, actor: SessionActor, planId: string): Promise<void> {
  const plan = await getPlan(db, actor.provinceCode, planId);
  await db.transaction().execute(async (trx) => {
    if ((await repo.countProgressOfPlan(trx, planId)) > 0) {
      throw new TreError(ErrorCode.Conflict, {
        detail: {
          vi: 'Không thể xóa kế hoạch đã có báo cáo tiến độ nhiệm vụ',
          en: 'A plan on which progress has been reported cannot be deleted',
        },
      });
    }
    await repo.deletePlan(trx, planId);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'delete',
      entity: 'plan',
      entityId: planId,
      before: { title: plan.title, documentNumber: plan.document_number, fileName: plan.file_name },
    });
  });
}
