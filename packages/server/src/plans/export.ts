import { PLAN_FORMAT, type PlanDocument } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { byTask } from './by-task.ts';
import * as repo from './repository.ts';
import { getPlan, targetsOfIndicator } from './service.ts';

/**
 * The saved plan as a tre.plan/v1 document, bodies as the plan wrote them: importing it again
 * gives the same plan. Tre's optional extensions are always written (null or empty when unknown),
 * except a timeline's `lunar`, which the parser writes only when the plan gives a lunar date.
 */
export async function exportPlan(db: Kysely<Database>, provinceCode: string, planId: string): Promise<PlanDocument> {
  const plan = await getPlan(db, provinceCode, planId);
  const tasks = await repo.listTasks(db, planId);
  const [bodies, parts] = await Promise.all([
    repo.listTaskBodies(
      db,
      tasks.map((t) => t.id),
    ),
    repo.loadPlanParts(db, planId),
  ]);
  const bodiesOf = byTask(bodies);
  const names = (taskId: string, role: 'lead' | 'support') =>
    bodiesOf(taskId)
      .filter((b) => b.role === role)
      .map((b) => b.name);
  return {
    format: PLAN_FORMAT,
    title: plan.title,
    documentType: plan.document_type,
    issuer: plan.issuer,
    documentNumber: plan.document_number,
    years: { from: plan.year_from, to: plan.year_to },
    citations: plan.citations,
    sections: parts.sections.map((s) => ({ ref: s.ref, title: s.title, level: s.level, line: s.source_line })),
    indicators: parts.indicators.map((ind) => ({
      no: ind.no,
      goal: ind.goal,
      text: ind.text,
      targets: targetsOfIndicator(parts, ind.position),
      line: ind.source_line,
    })),
    tasks: tasks.map((t) => ({
      ref: t.ref,
      text: t.text,
      lead: names(t.id, 'lead'),
      support: names(t.id, 'support'),
      timeline: {
        kind: t.timeline_kind,
        text: t.timeline_text,
        start: t.start_date,
        end: t.end_date,
        ...(t.lunar !== null ? { lunar: t.lunar } : {}),
      },
      path: t.path,
      section: t.section_ref,
      line: t.source_line,
    })),
    indicatorAssignments: parts.assignments.map((a) => ({ agency: a.name, indicators: a.indicators })),
    reporting: parts.reporting.map((r) => ({ kind: r.kind, due: r.due, recipient: r.recipient, text: r.text })),
    footnotes: parts.footnotes.map((f) => ({ mark: f.mark, text: f.text })),
  };
}
