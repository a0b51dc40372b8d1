import type { PlanTaskDto, TaskProgressDto } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import * as units from '../units/repository.ts';
import { currentYearPeriod, isTaskPeriod, owingBodies, todayInVietnam } from './due.ts';
import { byTask } from './by-task.ts';
import * as repo from './repository.ts';
import { COMMUNE_GROUPS, groupsOfAgency } from '@tre/core/plans/bodies';
import { bodyLabel, fromResolutionValues } from './resolution.ts';
import { getPlan } from './service.ts';

export interface TaskListQuery {
  agencyId?: string | undefined;
  communeCode?: string | undefined;
  year?: number | undefined;
  period?: string | undefined;
}

export function toProgressDto(p: repo.ProgressRow): TaskProgressDto {
  return {
    id: p.id,
    taskId: p.task_id,
    agencyId: p.agency_id,
    communeCode: p.commune_code,
    bodyLabel: p.agency_short_name ?? p.commune_name ?? '',
    period: p.period,
    status: p.status,
    note: p.note,
    evidence:
      p.evidence_file_id && p.file_name !== null && p.file_size !== null
        ? { id: p.evidence_file_id, fileName: p.file_name, size: p.file_size }
        : null,
    updatedBy: p.updated_by_name,
    updatedAt: p.updated_at.toISOString(),
  };
}

/** The DTOs of some tasks with their bodies, their progress for `period` and whether each is overdue. */
/** A task row as listTasks gives it; a task read alone has no section title or role. */
type TaskInput = Omit<repo.TaskRow, 'section_title' | 'body_role'> & Partial<Pick<repo.TaskRow, 'section_title' | 'body_role'>>;

export async function taskDtos(db: Kysely<Database>, tasks: TaskInput[], period: string, today: string): Promise<PlanTaskDto[]> {
  const ids = tasks.map((t) => t.id);
  // all periods: whether a task is overdue depends on the periods of its due year, not the one shown
  const [bodies, progress] = await Promise.all([repo.listTaskBodies(db, ids), repo.listProgress(db, ids)]);
  const bodiesOf = byTask(bodies);
  const progressOf = byTask(progress);
  return tasks.map((t) => {
    const own = bodiesOf(t.id);
    const reported = progressOf(t.id);
    return {
      id: t.id,
      position: t.position,
      ref: t.ref,
      path: t.path ?? t.ref,
      sectionRef: t.section_ref,
      sectionTitle: t.section_title ?? null,
      bodyRole: t.body_role ?? null,
      text: t.text,
      timeline: { kind: t.timeline_kind, text: t.timeline_text, start: t.start_date, end: t.end_date, lunar: t.lunar },
      sourceLine: t.source_line,
      bodies: own.map((b) => ({
        id: b.id,
        role: b.role,
        name: b.name,
        resolution: fromResolutionValues(b),
        label: bodyLabel(b),
      })),
      progress: reported.filter((p) => p.period === period).map(toProgressDto),
      overdue: owingBodies(t, own, reported, today) !== null,
    };
  });
}

/** Whether undated tasks (recurring, event-driven…) count for a year: every year of the plan, or any year if it has none. */
export function planCoversYear(plan: { year_from: number | null; year_to: number | null }, year: number): boolean {
  const from = plan.year_from ?? plan.year_to;
  const to = plan.year_to ?? plan.year_from;
  return from === null || to === null || (year >= from && year <= to);
}

export async function listPlanTasks(
  db: Kysely<Database>,
  provinceCode: string,
  planId: string,
  query: TaskListQuery,
): Promise<PlanTaskDto[]> {
  const plan = await getPlan(db, provinceCode, planId);
  const period = query.period ?? currentYearPeriod();
  if (!isTaskPeriod(period)) {
    throw invalid('query.period', 'Kỳ báo cáo không hợp lệ (vd. 2025, 2025S1)', 'Invalid period (e.g. 2025, 2025S1)');
  }
  const filter: repo.TaskFilter = {};
  if (query.agencyId) {
    const agency = await units.findAgency(db, provinceCode, query.agencyId);
    if (!agency) throw invalid('query.agencyId', 'Cơ quan không thuộc tỉnh', 'No such agency in this province');
    filter.agencyId = agency.id;
    filter.groups = groupsOfAgency(agency);
  }
  if (query.communeCode) {
    const commune = await units.findCommune(db, query.communeCode);
    if (!commune || commune.province_code !== provinceCode) {
      throw invalid('query.communeCode', 'Xã, phường không thuộc tỉnh', 'No such commune in this province');
    }
    filter.groups = [...(filter.groups ?? []), ...COMMUNE_GROUPS];
  }
  if (query.year !== undefined) filter.year = { year: query.year, undatedCount: planCoversYear(plan, query.year) };
  const tasks = await repo.listTasks(db, planId, filter);
  return taskDtos(db, tasks, period, todayInVietnam());
}
