import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type {
  Database,
  PlanFootnoteTable,
  PlanIndicatorAssignmentTable,
  PlanIndicatorTable,
  PlanIndicatorTargetTable,
  PlanReportingDeadlineTable,
  PlanSectionTable,
  PlanTable,
  PlanTaskBodyTable,
  PlanTaskTable,
  TaskProgressTable,
} from '../db/schema.ts';
import { leadUndecided } from './bodies/repository.ts';

type Q = Kysely<Database> | Transaction<Database>;
type BodyGroup = NonNullable<PlanTaskBodyTable['body_group']>;

/** Rows per INSERT: a task has a dozen columns, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function insertChunked<T extends keyof Database>(db: Q, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

// ---- writing a plan ----

export async function insertPlan(db: Q, values: Insertable<PlanTable>) {
  return db.insertInto('plan').values(values).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

export interface PlanParts {
  sections: Insertable<PlanSectionTable>[];
  indicators: Insertable<PlanIndicatorTable>[];
  targets: Insertable<PlanIndicatorTargetTable>[];
  assignments: Insertable<PlanIndicatorAssignmentTable>[];
  reporting: Insertable<PlanReportingDeadlineTable>[];
  footnotes: Insertable<PlanFootnoteTable>[];
}

export async function insertPlanParts(db: Q, parts: PlanParts) {
  await insertChunked(db, 'plan_section', parts.sections);
  await insertChunked(db, 'plan_indicator', parts.indicators);
  await insertChunked(db, 'plan_indicator_target', parts.targets);
  await insertChunked(db, 'plan_indicator_assignment', parts.assignments);
  await insertChunked(db, 'plan_reporting_deadline', parts.reporting);
  await insertChunked(db, 'plan_footnote', parts.footnotes);
}

/** Inserts tasks and returns their ids by position. */
export async function insertTasks(db: Q, rows: Insertable<PlanTaskTable>[]): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await db
      .insertInto('plan_task')
      .values(rows.slice(i, i + CHUNK))
      .returning(['id', 'position'])
      .execute();
    for (const r of inserted) ids.set(r.position, r.id);
  }
  return ids;
}

export async function insertTaskBodies(db: Q, rows: Insertable<PlanTaskBodyTable>[]) {
  await insertChunked(db, 'plan_task_body', rows);
}

export async function deleteTaskBodies(db: Q, taskId: string) {
  await db.deleteFrom('plan_task_body').where('task_id', '=', taskId).execute();
}

export async function updateTask(
  db: Q,
  taskId: string,
  values: Partial<Pick<PlanTaskTable, 'text' | 'ref' | 'timeline_kind' | 'timeline_text' | 'start_date' | 'end_date' | 'lunar'>>,
) {
  if (Object.keys(values).length > 0) await db.updateTable('plan_task').set(values).where('id', '=', taskId).execute();
}

export async function touchPlan(db: Q, planId: string) {
  await db.updateTable('plan').set({ updated_at: new Date() }).where('id', '=', planId).execute();
}

export interface ResolutionValues {
  resolution: PlanTaskBodyTable['resolution'];
  agency_id: string | null;
  body_group: PlanTaskBodyTable['body_group'];
}

export async function deletePlan(db: Q, planId: string) {
  await db.deleteFrom('plan').where('id', '=', planId).execute();
}

// ---- reading plans ----

const unresolvedNames = (planIdRef: Expression<string>) =>
  sql<number>`(SELECT count(DISTINCT n.name) FROM (
      SELECT b.name FROM plan_task_body b JOIN plan_task t ON t.id = b.task_id
       WHERE t.plan_id = ${planIdRef} AND b.resolution = 'unresolved'
      UNION ALL
      SELECT a.name FROM plan_indicator_assignment a WHERE a.plan_id = ${planIdRef} AND a.resolution = 'unresolved'
    ) n)`;

function planSummaries(db: Q, provinceCode: string) {
  return db
    .selectFrom('plan as p')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .select([
      'p.id',
      'p.title',
      'p.document_type',
      'p.document_number',
      'p.issuer',
      'p.year_from',
      'p.year_to',
      'p.created_at',
      'u.display_name as created_by_name',
      (eb) =>
        eb
          .selectFrom('plan_task')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('plan_task.plan_id', '=', 'p.id')
          .as('task_count'),
      (eb) =>
        eb
          .selectFrom('plan_indicator')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('plan_indicator.plan_id', '=', 'p.id')
          .as('indicator_count'),
      unresolvedNames(sql.ref('p.id')).as('unresolved_count'),
      (eb) =>
        eb
          .selectFrom('plan_task as t')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('t.plan_id', '=', 'p.id')
          .where(leadUndecided(sql.ref('t.id')))
          .as('undecided_lead_count'),
    ])
    .where('p.province_code', '=', provinceCode);
}
export type PlanSummaryRow = Awaited<ReturnType<typeof listPlans>>[number];

export async function listPlans(db: Q, provinceCode: string) {
  return planSummaries(db, provinceCode).orderBy('p.created_at', 'desc').orderBy('p.id').execute();
}

export async function findPlanSummary(db: Q, provinceCode: string, planId: string) {
  return planSummaries(db, provinceCode).where('p.id', '=', planId).executeTakeFirst();
}

export async function findPlan(db: Q, provinceCode: string, planId: string) {
  return db.selectFrom('plan').selectAll().where('province_code', '=', provinceCode).where('id', '=', planId).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function loadPlanParts(db: Q, planId: string) {
  const [sections, indicators, targets, assignments, reporting, footnotes] = await Promise.all([
    db.selectFrom('plan_section').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db.selectFrom('plan_indicator').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('plan_indicator_target')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('indicator_position')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_indicator_assignment as a')
      .leftJoin('agency as g', 'g.id', 'a.agency_id')
      .selectAll('a')
      .select('g.short_name as agency_short_name')
      .where('a.plan_id', '=', planId)
      .orderBy('a.position')
      .execute(),
    db.selectFrom('plan_reporting_deadline').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db.selectFrom('plan_footnote').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
  ]);
  return { sections, indicators, targets, assignments, reporting, footnotes };
}

// ---- tasks ----

export interface TaskFilter {
  /** tasks where one of these is a body: an agency id, or a group the agency belongs to */
  agencyId?: string;
  groups?: BodyGroup[];
  /** keep tasks whose dates overlap this year; `undatedCount` says whether undated tasks count too */
  year?: { year: number; undatedCount: boolean };
}

function hasBody(agencyId: string | undefined, groups: BodyGroup[], role?: 'lead') {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM plan_task_body b WHERE b.task_id = t.id ${role ? sql`AND b.role = ${role}` : sql``} AND (${
    agencyId ? sql`b.agency_id = ${agencyId}` : sql`false`
  } ${groups.length > 0 ? sql`OR b.body_group IN (${sql.join(groups)})` : sql``}))`;
}

function inYear(year: number, undatedCount: boolean) {
  const dated = sql`(t.timeline_kind IN ('once', 'range') AND (t.start_date IS NOT NULL OR t.end_date IS NOT NULL))`;
  const overlaps = sql`(coalesce(t.start_date, t.end_date) <= ${`${year}-12-31`}::date AND coalesce(t.end_date, t.start_date) >= ${`${year}-01-01`}::date)`;
  return undatedCount ? sql<SqlBool>`((${dated} AND ${overlaps}) OR NOT ${dated})` : sql<SqlBool>`(${dated} AND ${overlaps})`;
}

/**
 * A plan's tasks in reading order; filtered by a body, those it leads first, then those it
 * coordinates, each with `body_role` (null unfiltered). Each carries its section's title (the
 * section is looked up by ref in the plan's outline, a primary-key range of a few dozen rows).
 */
export async function listTasks(db: Q, planId: string, filter: TaskFilter = {}) {
  const byBody = filter.agencyId !== undefined || filter.groups !== undefined;
  let q = db
    .selectFrom('plan_task as t')
    .leftJoin('plan_section as s', (j) => j.onRef('s.plan_id', '=', 't.plan_id').onRef('s.ref', '=', 't.section_ref'))
    .selectAll('t')
    .select((eb) => [
      // a section ref printed twice in one plan gives its first title, not two rows
      eb.fn.min('s.title').as('section_title'),
      byBody
        ? sql<
            'lead' | 'support'
          >`CASE WHEN ${hasBody(filter.agencyId, filter.groups ?? [], 'lead')} THEN 'lead' ELSE 'support' END`.as('body_role')
        : sql<null>`NULL`.as('body_role'),
    ])
    .where('t.plan_id', '=', planId)
    .groupBy('t.id');
  if (byBody) q = q.where(hasBody(filter.agencyId, filter.groups ?? []));
  if (filter.year) q = q.where(inYear(filter.year.year, filter.year.undatedCount));
  if (byBody) q = q.orderBy(sql`body_role`);
  return q.orderBy('t.position').execute();
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** A task with the province and years of its plan, for permission and period checks. */
export async function findTask(db: Q, provinceCode: string, taskId: string) {
  return db
    .selectFrom('plan_task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select(['p.year_from', 'p.year_to', 'p.title as plan_title'])
    .where('p.province_code', '=', provinceCode)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

export async function listTaskBodies(db: Q, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('plan_task_body as b')
    .leftJoin('agency as g', 'g.id', 'b.agency_id')
    .selectAll('b')
    .select(['g.short_name as agency_short_name', 'g.kind as agency_kind', 'g.active as agency_active'])
    .where('b.task_id', 'in', taskIds)
    .orderBy('b.task_id')
    .orderBy(sql`b.role = 'support'`)
    .orderBy('b.position')
    .execute();
}
export type TaskBodyRow = Awaited<ReturnType<typeof listTaskBodies>>[number];

// ---- progress ----

const progressColumns = (db: Q) =>
  db
    .selectFrom('task_progress as tp')
    .leftJoin('agency as g', 'g.id', 'tp.agency_id')
    .leftJoin('commune as c', 'c.code', 'tp.commune_code')
    .leftJoin('stored_file as f', 'f.id', 'tp.evidence_file_id')
    .innerJoin('app_user as u', 'u.id', 'tp.updated_by')
    .selectAll('tp')
    .select([
      'g.short_name as agency_short_name',
      'c.name as commune_name',
      'f.name as file_name',
      'f.size as file_size',
      'u.display_name as updated_by_name',
    ]);

/** Progress rows of these tasks, for the given periods (or all periods). */
export async function listProgress(db: Q, taskIds: string[], periods?: string[]) {
  if (taskIds.length === 0 || periods?.length === 0) return [];
  let q = progressColumns(db).where('tp.task_id', 'in', taskIds);
  if (periods) q = q.where('tp.period', 'in', periods);
  return q.orderBy('tp.task_id').orderBy('g.short_name').orderBy('c.name').execute();
}
export type ProgressRow = Awaited<ReturnType<typeof listProgress>>[number];

export async function findProgressById(db: Q, id: string) {
  return progressColumns(db).where('tp.id', '=', id).executeTakeFirstOrThrow();
}

export async function findProgress(
  db: Q,
  key: { taskId: string; agencyId: string | null; communeCode: string | null; period: string },
) {
  let q = db.selectFrom('task_progress').selectAll().where('task_id', '=', key.taskId).where('period', '=', key.period);
  q = key.agencyId ? q.where('agency_id', '=', key.agencyId) : q.where('commune_code', '=', key.communeCode ?? '');
  return q.executeTakeFirst();
}

export async function countProgressOfPlan(db: Q, planId: string) {
  const row = await db
    .selectFrom('task_progress as tp')
    .innerJoin('plan_task as t', 't.id', 'tp.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return row.n;
}

type ProgressValues = Pick<
  Insertable<TaskProgressTable>,
  'province_code' | 'task_id' | 'agency_id' | 'commune_code' | 'period' | 'status' | 'note' | 'evidence_file_id' | 'updated_by'
>;

/** One row per task, body and period: a second report for the same period replaces the first. */
export async function upsertProgress(db: Q, values: ProgressValues) {
  const update = {
    status: values.status,
    note: values.note,
    evidence_file_id: values.evidence_file_id,
    updated_by: values.updated_by,
    updated_at: new Date(),
  };
  const row = await db
    .insertInto('task_progress')
    .values(values)
    .onConflict((oc) =>
      values.agency_id
        ? oc.columns(['task_id', 'agency_id', 'period']).where('agency_id', 'is not', null).doUpdateSet(update)
        : oc.columns(['task_id', 'commune_code', 'period']).where('commune_code', 'is not', null).doUpdateSet(update),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Tasks of the province's plans whose due date is before `today` (candidates for the overdue list). */
export async function listTasksDueBefore(db: Q, provinceCode: string, today: string) {
  const due = sql<string>`(CASE t.timeline_kind WHEN 'once' THEN coalesce(t.end_date, t.start_date) WHEN 'range' THEN t.end_date END)`;
  return db
    .selectFrom('plan_task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select(['p.title as plan_title'])
    .where('p.province_code', '=', provinceCode)
    .where(sql<SqlBool>`${due} < ${today}::date`)
    .orderBy(due)
    .orderBy('p.id')
    .orderBy('t.position')
    .execute();
}

/** The body names of a plan still unresolved, for the import summary. */
export async function listUnresolvedNames(db: Q, planId: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT DISTINCT name FROM (
      SELECT b.name FROM plan_task_body b JOIN plan_task t ON t.id = b.task_id
       WHERE t.plan_id = ${planId} AND b.resolution = 'unresolved'
      UNION ALL
      SELECT a.name FROM plan_indicator_assignment a WHERE a.plan_id = ${planId} AND a.resolution = 'unresolved'
    ) n ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * The title of a reporting round that accepted this body's report for the period, if any. The
 * table belongs to the reporting module (figures_lock, migration 0013); plans come before it in the
 * module order, so they read the row rather than call its code.
 */
export async function findAcceptedRound(
  db: Q,
  provinceCode: string,
  unitCode: string,
  period: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('figures_lock as l')
    .innerJoin('reporting_round as r', 'r.id', 'l.round_id')
    .select('r.title')
    .where('l.province_code', '=', provinceCode)
    .where('l.unit_code', '=', unitCode)
    .where('l.period', '=', period)
    .executeTakeFirst();
  return row?.title;
}
