import { taskPath, type PlanTaskDto } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import { currentYearPeriod, todayInVietnam } from './due.ts';
import * as repo from './repository.ts';
import { agenciesForMatch, assertAgencyOfProvince, toResolutionValues } from './resolution.ts';
import type { TaskPatch } from './schemas.ts';
import { taskDtos } from './tasks.ts';

export async function getTask(db: Kysely<Database>, provinceCode: string, taskId: string) {
  const task = await repo.findTask(db, provinceCode, taskId);
  if (!task) throw notFound({ vi: 'nhiệm vụ', en: 'Task' });
  return task;
}

async function taskDto(db: Kysely<Database>, provinceCode: string, taskId: string): Promise<PlanTaskDto> {
  const task = await getTask(db, provinceCode, taskId);
  const [dto] = await taskDtos(db, [task], currentYearPeriod(), todayInVietnam());
  if (!dto) throw notFound({ vi: 'nhiệm vụ', en: 'Task' });
  return dto;
}

/** Corrects a saved task: its text, timeline or bodies (the bodies are replaced as a whole). */
export async function patchTask(
  db: Kysely<Database>,
  actor: SessionActor,
  taskId: string,
  patch: TaskPatch,
): Promise<PlanTaskDto> {
  const before = await taskDto(db, actor.provinceCode, taskId);
  const t = patch.timeline;
  if (t?.start && t.end && t.start > t.end) {
    throw invalid('timeline.end', 'Ngày kết thúc trước ngày bắt đầu', 'The end date is before the start date');
  }
  if (patch.bodies) {
    const { agencies } = await agenciesForMatch(db, actor.provinceCode);
    patch.bodies.forEach((b, i) => assertAgencyOfProvince(agencies, b.resolution, `bodies.${i}.resolution.agencyId`));
  }
  const task = await getTask(db, actor.provinceCode, taskId);
  await db.transaction().execute(async (trx) => {
    await repo.updateTask(trx, taskId, {
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      // a corrected number moves the task's path with it ("d" under II.1 → "II.1.d")
      ...(patch.ref !== undefined
        ? // tre.plan/v1 keeps a path to 80 characters: a long section and number are cut, not an export that
          // fails; a number taken away leaves the task where it was
          {
            ref: patch.ref,
            path: patch.ref ? (taskPath({ ref: patch.ref, section: task.section_ref }) ?? '').slice(0, 80) : task.path,
          }
        : {}),
      ...(t ? { timeline_kind: t.kind, timeline_text: t.text, start_date: t.start, end_date: t.end, lunar: t.lunar } : {}),
    });
    if (patch.bodies) {
      await repo.deleteTaskBodies(trx, taskId);
      const position = { lead: 0, support: 0 };
      await repo.insertTaskBodies(
        trx,
        patch.bodies.map((b) => ({
          task_id: taskId,
          role: b.role,
          position: position[b.role]++,
          name: b.name,
          ...toResolutionValues(b.resolution),
        })),
      );
    }
    await repo.touchPlan(trx, task.plan_id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'plan_task',
      entityId: taskId,
      before: { text: before.text, ref: before.ref, timeline: before.timeline, bodies: before.bodies },
      after: patch,
    });
  });
  return taskDto(db, actor.provinceCode, taskId);
}
