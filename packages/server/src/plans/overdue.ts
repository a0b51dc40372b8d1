import type { OverdueTaskDto } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dueDateOf, owingBodies, todayInVietnam } from './due.ts';
import { byTask } from './by-task.ts';
import * as repo from './repository.ts';
import { bodyLabel } from './resolution.ts';

/** Every overdue task of the province's plans, oldest due date first, with the bodies still owing. */
export async function listOverdue(
  db: Kysely<Database>,
  provinceCode: string,
  today = todayInVietnam(),
): Promise<OverdueTaskDto[]> {
  const tasks = await repo.listTasksDueBefore(db, provinceCode, today);
  const ids = tasks.map((t) => t.id);
  const [bodies, progress] = await Promise.all([repo.listTaskBodies(db, ids), repo.listProgress(db, ids)]);
  const bodiesOf = byTask(bodies);
  const progressOf = byTask(progress);
  return tasks.flatMap((t) => {
    const own = bodiesOf(t.id);
    const owing = owingBodies(t, own, progressOf(t.id), today);
    if (owing === null) return [];
    // no agency named: whoever the plan wrote is still owing
    const still = owing.length > 0 ? own.filter((b) => b.agency_id !== null && owing.includes(b.agency_id)) : own;
    return [
      {
        planId: t.plan_id,
        planTitle: t.plan_title,
        taskId: t.id,
        ref: t.ref,
        path: t.path ?? t.ref,
        text: t.text,
        due: dueDateOf(t) ?? '',
        bodies: [...new Set(still.map(bodyLabel))],
      },
    ];
  });
}
