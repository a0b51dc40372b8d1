import {
  ErrorCode,
  actionsAt,
  caseDeadlines,
  casesPermissions,
  mayTakeOn,
  nextStatus,
  stepFormSchema,
  TRANSITIONS,
  type AbuseForm,
  type CaseAction,
  type CaseDto,
  type CaseRelation,
  type CaseStatus,
  type CaseSummaryDto,
  type ReportChannel,
  type Urgency,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import { createChildFromCase, type ChildInput } from '../children/records.ts';
import { loadWorkingCalendar } from './calendar/service.ts';
import { clocksOf, nearestClock } from './clocks.ts';
import * as repo from './repository.ts';
import type { CaseRow } from './repository.ts';
import { assertOnCase, mayOnCase, relationOf } from './relation.ts';
import { serviceDto } from './services.ts';
import { assertTeamMember } from './team.ts';

/**
 * A child-protection case from the report to its closure (Nghị định 56/2017 Điều 25–30): the report
 * taken (Mẫu 01) with its legal clocks computed from the working calendar, each step checked by the
 * state machine (core cases/steps.ts) and the permission table's case scopes, its form's fields
 * checked by the schema built from the same list the web draws, written with the case's new step in
 * one transaction with its audit row.
 */

export interface IntakeInput {
  receivedAt: string;
  channel: ReportChannel;
  communeCode: string;
  reporter: { anonymous: boolean; name: string | null; phone: string | null; relation: string | null };
  child: { id: number } | { new: ChildInput };
  abuseForms: AbuseForm[];
  facts: string;
  location: string | null;
  urgency: Urgency;
  workerId: string | null;
  supervisorId: string;
}

const EARLIEST_REPORT = new Date('2000-01-01T00:00:00+07:00');

const caseNumber = (id: number, receivedAt: Date) =>
  `BV-${new Date(receivedAt.getTime() + 7 * 3_600_000).getUTCFullYear()}-${String(id).padStart(5, '0')}`;

async function childOfIntake(
  trx: Transaction<Database>,
  actor: SessionActor,
  input: IntakeInput,
  now: Date,
): Promise<{ id: number; communeCode: string }> {
  if ('new' in input.child) return createChildFromCase(trx, actor, { ...input.child.new, groups: null }, now);
  const child = await trx
    .selectFrom('child')
    .select(['id', 'commune_code'])
    .where('id', '=', input.child.id)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  // a child out of the intake's reach is not told of: the same answer as no child
  if (!child || !mayTakeOn(casesPermissions, 'cases.intake', actor, { communeCode: child.commune_code })) {
    throw invalid('child', 'Không tìm thấy trẻ em này trong danh sách', 'This child is not in the register');
  }
  return { id: child.id, communeCode: child.commune_code };
}

export async function intake(db: Kysely<Database>, actor: SessionActor, input: IntakeInput, now = new Date()) {
  if (!mayTakeOn(casesPermissions, 'cases.intake', actor, { communeCode: input.communeCode })) throw forbidden();
  const receivedAt = new Date(input.receivedAt);
  // not in the future; not before 2000 (the calendar's and the clocks' range, as parseReceivedAt)
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 5 * 60_000 || receivedAt < EARLIEST_REPORT) {
    throw invalid(
      'receivedAt',
      'Thời điểm tiếp nhận không hợp lệ, ở tương lai hoặc trước năm 2000',
      'The time received is invalid, in the future or before 2000',
    );
  }
  if (input.workerId !== null && input.workerId === input.supervisorId) {
    throw invalid(
      'workerId',
      'Người phụ trách và người giám sát phải là hai người khác nhau',
      'The worker and the supervisor must be two different people',
    );
  }
  if (input.reporter.anonymous && (input.reporter.name || input.reporter.phone)) {
    throw invalid('reporter', 'Người báo ẩn danh thì không ghi tên, số điện thoại', 'An anonymous reporter has no name or phone');
  }
  const deadlines = caseDeadlines(receivedAt, await loadWorkingCalendar(db));
  return db.transaction().execute(async (trx) => {
    await assertTeamMember(trx, actor.provinceCode, input.supervisorId, input.communeCode, 'supervisor');
    if (input.workerId) await assertTeamMember(trx, actor.provinceCode, input.workerId, input.communeCode, 'worker');
    const child = await childOfIntake(trx, actor, input, now);
    const id = await repo.nextCaseId(trx);
    await trx
      .insertInto('child_case')
      .values({
        id,
        province_code: actor.provinceCode,
        number: caseNumber(id, receivedAt),
        commune_code: input.communeCode,
        child_id: child.id,
        status: 'received',
        received_at: receivedAt,
        channel: input.channel,
        reporter_anonymous: input.reporter.anonymous,
        reporter_name: input.reporter.anonymous ? null : input.reporter.name,
        reporter_phone: input.reporter.anonymous ? null : input.reporter.phone,
        reporter_relation: input.reporter.relation,
        abuse_forms: input.abuseForms,
        facts: input.facts,
        location: input.location,
        urgency: input.urgency,
        emergency_required: input.urgency === 'immediate',
        emergency_due: new Date(deadlines.emergencyMeasuresBy),
        plan_due: new Date(deadlines.planBy),
        intake_by: userIdOf(actor),
        worker_id: input.workerId ?? (actor.role === 'case_worker' ? actor.id : null),
        supervisor_id: input.supervisorId,
      })
      .execute();
    await trx
      .insertInto('child_case_step')
      .values({
        case_id: id,
        action: 'intake',
        from_status: null,
        to_status: 'received',
        actor_id: userIdOf(actor),
        actor_name: actor.displayName,
        form: 'mau01',
        data: JSON.stringify({ channel: input.channel, abuseForms: input.abuseForms, urgency: input.urgency }),
        comment: null,
      })
      .execute();
    // the reporter and the facts are confidential: the audit keeps what happened, not who told
    await recordAudit(trx, auditActorOf(actor), {
      action: 'case_intake',
      entity: 'child_case',
      entityId: String(id),
      after: { commune: input.communeCode, channel: input.channel, urgency: input.urgency, child: child.id },
    });
    return { id };
  });
}

/** The case if it exists in the actor's province, with the actor's relation to it; 404 otherwise. */
export async function caseFor(db: Kysely<Database> | Transaction<Database>, actor: SessionActor, id: number, now = new Date()) {
  const row = await repo.findCase(db, actor.provinceCode, id);
  if (!row) throw notFound();
  return { row, relation: await relationOf(db, actor, row, now) };
}

function summaryOf(row: CaseRow, now: Date): CaseSummaryDto {
  const clocks = clocksOf(row, now);
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    childId: row.child_id,
    childName: row.child_name,
    receivedAt: new Date(row.received_at).toISOString(),
    abuseForms: row.abuse_forms as AbuseForm[],
    urgency: row.urgency as Urgency,
    workerName: row.worker_name,
    supervisorName: row.supervisor_name,
    clocks,
    nearest: nearestClock(clocks),
  };
}

/** The actions the reader may take now: the step's, by who takes each. */
function openActions(actor: SessionActor, row: CaseRow, relation: CaseRelation): CaseAction[] {
  return actionsAt(row.status as CaseStatus).filter((a) =>
    mayOnCase(actor, TRANSITIONS[a].by === 'supervisor' ? 'cases.approve' : 'cases.work', relation),
  );
}

export async function readCase(db: Kysely<Database>, actor: SessionActor, id: number, now = new Date()): Promise<CaseDto> {
  const { row, relation } = await caseFor(db, actor, id, now);
  assertOnCase(actor, 'cases.read', relation);
  return caseDtoOf(db, actor, row, relation, now);
}

/** A case the actor was allowed to read, with its steps and services, as the screen shows it. */
async function caseDtoOf(
  db: Kysely<Database>,
  actor: SessionActor,
  row: CaseRow,
  relation: CaseRelation,
  now: Date,
): Promise<CaseDto> {
  const id = row.id;
  const [steps, services] = await Promise.all([repo.stepsOf(db, id), repo.servicesOf(db, id)]);
  const seesReporter = mayOnCase(actor, 'cases.reporter', relation);
  return {
    ...summaryOf(row, now),
    channel: row.channel as ReportChannel,
    facts: row.facts,
    location: row.location,
    reporter: seesReporter
      ? {
          anonymous: row.reporter_anonymous,
          name: row.reporter_name,
          phone: row.reporter_phone,
          relation: row.reporter_relation,
        }
      : null,
    emergencyRequired: row.emergency_required,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action as CaseDto['steps'][number]['action'],
      fromStatus: s.from_status as CaseStatus | null,
      toStatus: s.to_status as CaseStatus,
      at: s.at.toISOString(),
      actorName: s.actor_name,
      form: s.form as CaseDto['steps'][number]['form'],
      data: (s.data ?? {}) as Record<string, unknown>,
      comment: s.comment,
    })),
    services: services.map(serviceDto),
    actions: openActions(actor, row, relation),
    relation,
    version: row.version,
  };
}

export async function listCases(db: Kysely<Database>, actor: SessionActor, now = new Date()): Promise<CaseSummaryDto[]> {
  const rows = await repo.listCasesOf(db, actor.provinceCode, actor.id, now, 500);
  return rows.map((r) => summaryOf(r, now));
}

export interface StepInput {
  action: CaseAction;
  data: Record<string, unknown>;
  comment: string | null;
  version: number;
}

/** What a step changes on the case besides its status: the clocks it stops, the review date it sets. */
function stepEffects(action: CaseAction, data: Record<string, unknown>, now: Date, row: CaseRow) {
  const set: Record<string, unknown> = {};
  if (action === 'emergency') set.emergency_met_at = typeof data.takenAt === 'string' ? new Date(data.takenAt) : now;
  if (action === 'assess' && data.seriouslyThreatened === true) set.emergency_required = true;
  if ((action === 'draft_plan' || action === 'new_plan') && row.plan_met_at === null) set.plan_met_at = now;
  if (action === 'approve_plan' || action === 'new_plan') set.review_met_at = null;
  if (action === 'draft_plan' || action === 'new_plan') {
    const reviewOn = typeof data.reviewOn === 'string' ? data.reviewOn : null;
    if (reviewOn) set.review_due = new Date(`${reviewOn}T23:59:59+07:00`);
  }
  if (action === 'review') set.review_met_at = now;
  if (action === 'approve_closure') set.closed_at = now;
  if (action === 'reopen') set.closed_at = null;
  return set;
}

/** A step's moments and dates fall after the report: an emergency measure taken, a review date set. */
function assertStepDates(action: CaseAction, data: Record<string, unknown>, receivedAt: Date, now: Date): void {
  if (action === 'emergency' && typeof data.takenAt === 'string') {
    const at = new Date(data.takenAt).getTime();
    if (at < receivedAt.getTime() - 60_000 || at > now.getTime() + 5 * 60_000) {
      throw invalid(
        'data.takenAt',
        'Thời điểm áp dụng phải sau khi tiếp nhận tin báo và không ở tương lai',
        'The time taken must be after the report was received and not in the future',
      );
    }
  }
  const reviewOn = typeof data.reviewOn === 'string' ? data.reviewOn : null;
  if (reviewOn && new Date(`${reviewOn}T23:59:59+07:00`) < receivedAt) {
    throw invalid(
      'data.reviewOn',
      'Ngày rà soát phải sau ngày tiếp nhận',
      'The review date must be after the report was received',
    );
  }
}

export async function takeStep(db: Kysely<Database>, actor: SessionActor, id: number, input: StepInput, now = new Date()) {
  const data = stepFormSchema(input.action).safeParse(input.data);
  return db.transaction().execute(async (trx) => {
    const { row, relation } = await caseFor(trx, actor, id, now);
    const transition = TRANSITIONS[input.action];
    assertOnCase(actor, transition.by === 'supervisor' ? 'cases.approve' : 'cases.work', relation);
    if (row.version !== input.version) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'version',
        detail: {
          vi: 'Hồ sơ vừa được người khác cập nhật; hãy tải lại trang',
          en: 'Someone else changed the case meanwhile; reload the page',
        },
      });
    }
    const next = nextStatus(row.status as CaseStatus, input.action);
    if (!next.ok) throw new TreError(ErrorCode.Conflict, { field: 'action', detail: next.reason });
    if (!data.success) {
      const issue = data.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'data';
      throw invalid(`data.${field}`, `Trường "${field}" của biểu mẫu chưa hợp lệ`, `The form's field "${field}" is not valid`);
    }
    assertStepDates(input.action, data.data, new Date(row.received_at), now);
    // the version again in the update: two steps sent at once on PostgreSQL both passed the read above
    const updated = await trx
      .updateTable('child_case')
      .set({
        ...stepEffects(input.action, data.data, now, row),
        status: next.to,
        version: row.version + 1,
        updated_at: now,
      } as never)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'version',
        detail: {
          vi: 'Hồ sơ vừa được người khác cập nhật; hãy tải lại trang',
          en: 'Someone else changed the case meanwhile; reload the page',
        },
      });
    }
    await trx
      .insertInto('child_case_step')
      .values({
        case_id: id,
        action: input.action,
        from_status: row.status,
        to_status: next.to,
        actor_id: userIdOf(actor),
        actor_name: actor.displayName,
        form: next.form,
        data: JSON.stringify(data.data),
        comment: input.comment,
      })
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: `case_${input.action}`,
      entity: 'child_case',
      entityId: String(id),
      before: { status: row.status },
      after: { status: next.to },
    });
  });
}

/** The reporter of a case, for the worker who took the report and the supervisor only. */
export async function readReporter(db: Kysely<Database>, actor: SessionActor, id: number) {
  const { row, relation } = await caseFor(db, actor, id);
  assertOnCase(actor, 'cases.reporter', relation);
  return {
    anonymous: row.reporter_anonymous,
    name: row.reporter_name,
    phone: row.reporter_phone,
    relation: row.reporter_relation,
  };
}

/**
 * A case's data taken away as a file (its steps with their forms, its services), for its supervisor:
 * the file says who took it and when, and the read log keeps it as an export.
 */
export async function exportCase(db: Kysely<Database>, actor: SessionActor, id: number, now = new Date()) {
  const { row, relation } = await caseFor(db, actor, id, now);
  assertOnCase(actor, 'cases.export', relation);
  const c = await caseDtoOf(db, actor, row, relation, now);
  const { actions: _actions, relation: _relation, ...data } = c;
  return {
    format: 'tre.case/v1',
    exportedBy: actor.username,
    exportedAt: now.toISOString(),
    notice: {
      vi: 'Dữ liệu vụ việc bảo vệ trẻ em: thông tin mật, chỉ dùng cho công việc được giao (Nghị định 13/2023)',
      en: 'Child-protection case data: confidential, for the assigned work only (Decree 13/2023)',
    },
    case: data,
  };
}
