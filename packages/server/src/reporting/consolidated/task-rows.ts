import type { BoardRowDto, ReportTaskRow } from '@tre/core';
import { COMMUNE_GROUPS, groupsOfAgency } from '@tre/core/plans/bodies';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as plans from '../../plans/repository.ts';
import { activeAgencies } from '../rounds/repository.ts';

const PROGRESS: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  not_applicable: 'Không áp dụng',
};

/**
 * The task appendix: one row per task of the plan and body owing the round that is assigned it
 * (by name or through a group), in the plan's order, with the body's progress for the period. Three
 * reads for the whole plan (tasks, their bodies, the period's progress), then matched in memory: a
 * round of 155 bodies must not cost 155 queries.
 */
export async function taskRows(
  db: Kysely<Database>,
  provinceCode: string,
  planId: string | null,
  period: string,
  bodies: Pick<BoardRowDto, 'unitKind' | 'unitCode' | 'name'>[],
): Promise<ReportTaskRow[]> {
  if (!planId) return [];
  const tasks = await plans.listTasks(db, planId);
  const ids = tasks.map((t) => t.id);
  const [assigned, progress, agencies] = await Promise.all([
    plans.listTaskBodies(db, ids),
    /^\d{4}(S[12])?$/.test(period) ? plans.listProgress(db, ids, [period]) : Promise.resolve([]),
    activeAgencies(db, provinceCode),
  ]);
  const groupsOf = new Map(agencies.map((a) => [a.id, new Set<string>(groupsOfAgency(a))]));
  const communeGroups = new Set<string>(COMMUNE_GROUPS);
  const progressOf = new Map(progress.map((p) => [`${p.task_id}|${p.agency_id ?? p.commune_code ?? ''}`, p]));
  const rows: ReportTaskRow[] = [];
  for (const t of tasks) {
    const names = assigned.filter((b) => b.task_id === t.id);
    for (const body of bodies) {
      const groups = body.unitKind === 'commune' ? communeGroups : (groupsOf.get(body.unitCode) ?? new Set<string>());
      const match = names.filter(
        (b) =>
          (body.unitKind === 'agency' && b.agency_id === body.unitCode) || (b.body_group !== null && groups.has(b.body_group)),
      );
      if (match.length === 0) continue;
      const p = progressOf.get(`${t.id}|${body.unitCode}`);
      rows.push({
        path: t.path ?? t.ref ?? null,
        task: t.text,
        body: body.name,
        role: match.some((b) => b.role === 'lead') ? 'Chủ trì' : 'Phối hợp',
        status: p ? (PROGRESS[p.status] ?? p.status) : 'Chưa báo cáo',
        note: p?.note ?? null,
      });
    }
  }
  return rows;
}
