import {
  COMPLAINT_LIMITS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_TRANSITIONS,
  DEFAULT_CLOCK_RULES,
  ErrorCode,
  acceptanceClock,
  checkClockRules,
  checkExtension,
  complaintActionsAt,
  complaintsPermissions,
  mayTakeOn,
  nextComplaintStatus,
  resolutionClock,
  scopeOf,
  vietnamDate,
  type CaseRelation,
  type ComplaintAction,
  type ComplaintChannel,
  type ComplaintClockRules,
  type ComplaintDto,
  type ComplaintIntakeRequest,
  type ComplaintKind,
  type ComplaintOutcome,
  type ComplaintSettingDto,
  type ComplaintStatus,
  type ComplaintStepRequest,
  type ComplaintSummaryDto,
  type ComplaintsAction,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { listReadLog } from '../../audit/read-log-repository.ts';
import { TreError, forbidden, invalid, notFound } from '../../errors.ts';
import { loadWorkingCalendar } from '../../cases/calendar/service.ts';
import { complaintClocks, nearestComplaintClock } from './clocks.ts';
import * as repo from './repository.ts';
import type { ComplaintRow } from './repository.ts';

/**
 * A complaint or denunciation about children's rights from its receipt to its closure (issue 17 §3):
 * recorded with its clocks computed on the public offices' calendar from the rules in force that day
 * (kept on the complaint: a later change of the settings alters new complaints' clocks only), each
 * step checked by the state machine (core voices/complaints/complaint.ts) and the permission table's
 * record scopes, written with its step row and its audit row in one transaction. Who complained is
 * never in the audit, a log or an error message.
 */

type Q = Kysely<Database> | Transaction<Database>;

const EARLIEST = new Date('2000-01-01T00:00:00+07:00');

/** The officers who may handle a complaint of a body: its own officers, or the province's. */
const HANDLER_ROLES = ['provincial_officer', 'commune_officer', 'case_worker', 'agency_reporter'] as const;
/** The supervisor: the head's delegate, an officer of the body (not a case worker) or of the province. */
const SUPERVISOR_ROLES = ['provincial_officer', 'commune_officer', 'agency_reporter'] as const;

const numberOf = (kind: ComplaintKind, id: number, receivedAt: Date) =>
  `${kind === 'complaint' ? 'KN' : 'TC'}-${vietnamDate(receivedAt).slice(0, 4)}-${String(id).padStart(5, '0')}`;

const conflict = (field: string, detail: { vi: string; en: string }) => new TreError(ErrorCode.Conflict, { field, detail });
const STALE = {
  vi: 'Đơn vừa được người khác cập nhật; hãy tải lại trang',
  en: 'Someone else changed the complaint meanwhile; reload the page',
};

// ---------------------------------------------------------------------------------------------
// The clock rules

function rulesFrom(value: unknown, kind: ComplaintKind): ComplaintClockRules {
  const stored = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<ComplaintClockRules> | null;
  return { ...DEFAULT_CLOCK_RULES[kind], ...(stored ?? {}) };
}

/** The rules new complaints of this kind are clocked with: the administrator's row, or the law's defaults. */
export async function clockRulesOf(db: Q, kind: ComplaintKind): Promise<ComplaintClockRules> {
  const row = await repo.findSetting(db, kind);
  return row ? rulesFrom(row.rules, kind) : { ...DEFAULT_CLOCK_RULES[kind] };
}

export async function listSettings(db: Kysely<Database>): Promise<ComplaintSettingDto[]> {
  const out: ComplaintSettingDto[] = [];
  for (const kind of ['complaint', 'denunciation'] as const) {
    const row = await repo.findSetting(db, kind);
    out.push({
      kind,
      ...(row ? rulesFrom(row.rules, kind) : DEFAULT_CLOCK_RULES[kind]),
      updatedAt: row ? row.updated_at.toISOString() : null,
      updatedBy: row?.updated_by_name ?? null,
      isDefault: !row,
    });
  }
  return out;
}

/** The administrator's rules for a kind, checked and audited (before and after). */
export async function updateSettings(
  db: Kysely<Database>,
  actor: SessionActor,
  kind: ComplaintKind,
  rules: ComplaintClockRules,
  now = new Date(),
): Promise<void> {
  const check = checkClockRules(rules);
  if (!check.ok) throw invalid(check.field, check.reason.vi, check.reason.en);
  if (kind === 'denunciation' && rules.remoteResolutionDays !== null) {
    throw invalid(
      'remoteResolutionDays',
      'Luật Tố cáo không có thời hạn riêng cho vùng sâu, vùng xa',
      'The Law on Denunciations has no separate time for remote areas',
    );
  }
  await db.transaction().execute(async (trx) => {
    const before = await clockRulesOf(trx, kind);
    await repo.upsertSetting(trx, kind, rules, userIdOf(actor), now);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'complaint_settings',
      entity: 'complaint_setting',
      entityId: kind,
      before: { ...before },
      after: { ...rules },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The actor's relation

/**
 * The actor's relation to a complaint, what the record scopes of the permission table decide on:
 * assigned = the handler, supervisor = the supervisor, intake = the officer who received it (who may
 * read it, not see who complained once it is handed on). No grants, no referrals.
 */
export function relationOf(actor: SessionActor, row: ComplaintRow): CaseRelation {
  return {
    assigned: row.handler_id === actor.id,
    supervisor: row.supervisor_id === actor.id,
    intake: row.received_by === actor.id,
    referred: false,
    granted: false,
  };
}

const mayOn = (actor: SessionActor, action: ComplaintsAction, relation: CaseRelation) =>
  mayTakeOn(complaintsPermissions, action, actor, { caseRelation: relation });

/** A complaint one may not read answers as if it did not exist (404); one read but not acted on, 403. */
function assertOn(actor: SessionActor, action: ComplaintsAction, relation: CaseRelation): void {
  if (mayOn(actor, action, relation)) return;
  if (!mayOn(actor, 'complaints.read', relation)) throw notFound();
  throw forbidden();
}

async function complaintFor(db: Q, actor: SessionActor, id: number) {
  const row = await repo.findComplaint(db, actor.provinceCode, id);
  if (!row) throw notFound();
  return { row, relation: relationOf(actor, row) };
}

// ---------------------------------------------------------------------------------------------
// Intake

async function assertMember(
  db: Q,
  provinceCode: string,
  userId: string,
  body: ComplaintIntakeRequest['body'],
  part: 'handler' | 'supervisor',
): Promise<void> {
  const user = await repo.findUserOfProvince(db, provinceCode, userId);
  const roles: readonly string[] = part === 'handler' ? HANDLER_ROLES : SUPERVISOR_ROLES;
  const ofBody =
    user !== undefined &&
    (user.role === 'provincial_officer' ||
      (body.kind === 'commune' ? user.commune_code === body.id : user.agency_id === body.id));
  if (user?.active === true && roles.includes(user.role) && ofBody) return;
  throw part === 'handler'
    ? invalid(
        'handlerId',
        'Người giải quyết phải là cán bộ của cơ quan, xã được giao hoặc cán bộ tỉnh',
        "The handler must be an officer of the assigned body or of the province's",
      )
    : invalid(
        'supervisorId',
        'Người giám sát phải là cán bộ của cơ quan, xã được giao hoặc cán bộ tỉnh',
        "The supervisor must be an officer of the assigned body or of the province's",
      );
}

const bodyTarget = (body: ComplaintIntakeRequest['body']) =>
  body.kind === 'commune' ? { communeCode: body.id } : { agencyId: body.id };

/** Checks what the law asks of who complained: a complaint names its complainant; only a denunciation may be anonymous. */
function assertComplainant(input: ComplaintIntakeRequest): void {
  const c = input.complainant;
  if (input.anonymous && input.kind === 'complaint') {
    throw invalid(
      'anonymous',
      'Khiếu nại không được ẩn danh: cần họ tên, địa chỉ của người khiếu nại (Luật Khiếu nại 2011 Điều 8). Chỉ tố cáo mới có thể nặc danh',
      "A complaint cannot be anonymous: the complainant's name and address are required (Law on Complaints 2011 Art. 8). Only a denunciation may be anonymous",
    );
  }
  if (input.anonymous && (c.name || c.address || c.contact || c.idNumber)) {
    throw invalid(
      'complainant',
      'Tố cáo nặc danh thì không ghi họ tên, địa chỉ, liên lạc, số định danh',
      'An anonymous denunciation has no name, address, contact or ID number',
    );
  }
  if (!input.anonymous && !c.name) {
    throw invalid('complainant.name', 'Cần ghi họ tên người gửi đơn', "The complainant's name is required");
  }
  if (input.kind === 'complaint' && !c.address) {
    throw invalid(
      'complainant.address',
      'Cần ghi địa chỉ người khiếu nại (Luật Khiếu nại 2011 Điều 8)',
      "The complainant's address is required (Law on Complaints 2011 Art. 8)",
    );
  }
}

export async function intake(
  db: Kysely<Database>,
  actor: SessionActor,
  input: ComplaintIntakeRequest,
  now = new Date(),
): Promise<{ id: number; number: string }> {
  if (!mayTakeOn(complaintsPermissions, 'complaints.intake', actor, bodyTarget(input.body))) throw forbidden();
  const receivedAt = new Date(input.receivedAt);
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 5 * 60_000 || receivedAt < EARLIEST) {
    throw invalid(
      'receivedAt',
      'Thời điểm tiếp nhận không hợp lệ, ở tương lai hoặc trước năm 2000',
      'The time received is invalid, in the future or before 2000',
    );
  }
  assertComplainant(input);
  // the receiver handles it unless another is named; a complaint always has a handler
  const handlerId = input.handlerId ?? userIdOf(actor);
  if (handlerId === null || handlerId === input.supervisorId) {
    throw invalid(
      'handlerId',
      'Người giải quyết và người giám sát phải là hai người khác nhau',
      'The handler and the supervisor must be two different people',
    );
  }
  if (input.remoteArea && input.kind === 'denunciation') {
    throw invalid(
      'remoteArea',
      'Luật Tố cáo không có thời hạn riêng cho vùng sâu, vùng xa',
      'The Law on Denunciations has no separate time for remote areas',
    );
  }
  const rules = await clockRulesOf(db, input.kind);
  const clock = acceptanceClock(await loadWorkingCalendar(db), vietnamDate(receivedAt), rules);
  return db.transaction().execute(async (trx) => {
    if (!(await repo.bodyExists(trx, actor.provinceCode, input.body))) {
      throw invalid('body', 'Không tìm thấy cơ quan, xã được giao', 'The assigned body is not of this province');
    }
    await assertMember(trx, actor.provinceCode, input.supervisorId, input.body, 'supervisor');
    await assertMember(trx, actor.provinceCode, handlerId, input.body, 'handler');
    if (input.childId !== null) {
      const child = await repo.findChildOfProvince(trx, actor.provinceCode, input.childId);
      // a commune's officer links a child of their commune only, as their child finder lists (else any id would name a child)
      const ownCommune = scopeOf(complaintsPermissions, 'complaints.intake', actor) === 'own_commune';
      if (!child || (ownCommune && child.commune_code !== actor.communeCode)) {
        throw invalid('childId', 'Không tìm thấy trẻ em này trong danh sách', 'This child is not in the register');
      }
    }
    const id = await repo.nextComplaintId(trx);
    const number = numberOf(input.kind, id, receivedAt);
    const c = input.complainant;
    await trx
      .insertInto('complaint')
      .values({
        id,
        province_code: actor.provinceCode,
        number,
        kind: input.kind,
        channel: input.channel,
        status: 'received',
        received_at: receivedAt,
        content: input.content,
        anonymous: input.anonymous,
        complainant_name: input.anonymous ? null : c.name,
        complainant_address: input.anonymous ? null : c.address,
        complainant_contact: input.anonymous ? null : c.contact,
        complainant_id_number: input.anonymous ? null : c.idNumber,
        child_id: input.childId,
        commune_code: input.body.kind === 'commune' ? input.body.id : null,
        agency_id: input.body.kind === 'agency' ? input.body.id : null,
        remote_area: input.remoteArea,
        received_by: userIdOf(actor),
        handler_id: handlerId,
        supervisor_id: input.supervisorId,
        rules: JSON.stringify(rules),
        acceptance_due: new Date(clock.acceptanceDue),
      })
      .execute();
    await trx
      .insertInto('complaint_step')
      .values({
        complaint_id: id,
        action: 'intake',
        from_status: null,
        to_status: 'received',
        actor_id: userIdOf(actor),
        actor_name: actor.displayName,
        data: JSON.stringify({ kind: input.kind, channel: input.channel, anonymous: input.anonymous }),
        comment: null,
      })
      .execute();
    // who complained is protected: the audit keeps what happened, not who told
    await recordAudit(trx, auditActorOf(actor), {
      action: 'complaint_intake',
      entity: 'complaint',
      entityId: String(id),
      after: { kind: input.kind, channel: input.channel, anonymous: input.anonymous, body: input.body.id, child: input.childId },
    });
    return { id, number };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

function summaryOf(row: ComplaintRow, now: Date): ComplaintSummaryDto {
  const clocks = complaintClocks(row, now);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as ComplaintKind,
    status: row.status as ComplaintStatus,
    channel: row.channel as ComplaintChannel,
    receivedAt: new Date(row.received_at).toISOString(),
    anonymous: row.anonymous,
    body:
      row.commune_code !== null
        ? { kind: 'commune', id: row.commune_code, name: row.commune_name ?? row.commune_code }
        : { kind: 'agency', id: row.agency_id ?? '', name: row.agency_name ?? '' },
    handlerName: row.handler_name,
    supervisorName: row.supervisor_name,
    childName: row.child_name,
    clocks,
    nearest: nearestComplaintClock(clocks),
  };
}

function openActions(actor: SessionActor, row: ComplaintRow, relation: CaseRelation): ComplaintAction[] {
  return complaintActionsAt(row.kind as ComplaintKind, row.anonymous, row.status as ComplaintStatus).filter((a) =>
    mayOn(actor, COMPLAINT_TRANSITIONS[a].by === 'supervisor' ? 'complaints.supervise' : 'complaints.handle', relation),
  );
}

export async function readComplaint(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  now = new Date(),
): Promise<ComplaintDto> {
  const { row, relation } = await complaintFor(db, actor, id);
  assertOn(actor, 'complaints.read', relation);
  const steps = await repo.stepsOf(db, id);
  const seesComplainant = mayOn(actor, 'complaints.complainant', relation);
  return {
    ...summaryOf(row, now),
    content: row.content,
    remoteArea: row.remote_area,
    childId: row.child_id,
    acceptedOn: row.accepted_on,
    decisionNumber: row.decision_number,
    outcome: row.outcome as ComplaintOutcome | null,
    extensions: row.extension_days.length,
    complainant: seesComplainant ? complainantOf(row) : null,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action as ComplaintDto['steps'][number]['action'],
      fromStatus: s.from_status as ComplaintStatus | null,
      toStatus: s.to_status as ComplaintStatus,
      at: s.at.toISOString(),
      actorName: s.actor_name,
      data: (s.data ?? {}) as Record<string, unknown>,
      comment: s.comment,
    })),
    actions: openActions(actor, row, relation),
    relation: { handler: relation.assigned, supervisor: relation.supervisor, receiver: relation.intake },
    rules: rulesFrom(row.rules, row.kind as ComplaintKind),
    version: row.version,
  };
}

const complainantOf = (row: ComplaintRow) => ({
  anonymous: row.anonymous,
  name: row.complainant_name,
  address: row.complainant_address,
  contact: row.complainant_contact,
  idNumber: row.complainant_id_number,
});

/** Who complained: the handler and the supervisor only. */
export async function readComplainant(db: Kysely<Database>, actor: SessionActor, id: number) {
  const { row, relation } = await complaintFor(db, actor, id);
  assertOn(actor, 'complaints.complainant', relation);
  return complainantOf(row);
}

/** The user's complaints (handled, supervised, received): open ones first, the nearest running clock first. */
export async function listComplaints(
  db: Kysely<Database>,
  actor: SessionActor,
  now = new Date(),
): Promise<ComplaintSummaryDto[]> {
  const rows = await repo.listComplaintsOf(db, actor.provinceCode, actor.id, 500);
  const items = rows.map((r) => summaryOf(r, now));
  const key = (c: ComplaintSummaryDto) => (c.nearest ? Date.parse(c.nearest.dueAt) : Number.POSITIVE_INFINITY);
  return items.sort((a, b) => key(a) - key(b) || Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

/** Who read the complaint (allowed and refused): for its supervisor. */
export async function complaintAccessLog(db: Kysely<Database>, actor: SessionActor, id: number) {
  const { relation } = await complaintFor(db, actor, id);
  assertOn(actor, 'complaints.accessLog', relation);
  const rows = await listReadLog(db, actor.provinceCode, { kind: 'complaint', recordId: String(id), limit: 200 });
  return rows.map((r) => ({ at: r.at.toISOString(), username: r.username, route: r.route, status: r.status }));
}

// ---------------------------------------------------------------------------------------------
// Steps

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The step's date: required where the law dates a decision, between the receipt and today (Vietnam);
 * a resolution not before the acceptance, an answer not before the resolution.
 */
function stepDate(input: ComplaintStepRequest, row: ComplaintRow, now: Date): string {
  const date = input.date ?? '';
  let earliest = vietnamDate(new Date(row.received_at));
  const after = input.action === 'resolve' ? row.accepted_on : input.action === 'answer' ? row.resolution_met_at : null;
  if (after !== null) {
    const day = typeof after === 'string' ? after : vietnamDate(new Date(after));
    if (day > earliest) earliest = day;
  }
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || date < earliest || date > vietnamDate(now)) {
    throw invalid(
      'date',
      'Ngày không hợp lệ: phải từ ngày tiếp nhận (ngày thụ lý, ngày giải quyết với bước sau) đến hôm nay',
      'The date is invalid: it must be between the day received (accepted, resolved for the later steps) and today',
    );
  }
  return date;
}

const required = (value: string | undefined, field: string, vi: string, en: string): string => {
  const v = (value ?? '').trim();
  if (v.length === 0) throw invalid(field, vi, en);
  return v;
};

/** The start of a Vietnam date, when a decision dated that day is said to have been taken. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);

export async function takeStep(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  input: ComplaintStepRequest,
  now = new Date(),
): Promise<void> {
  const calendar = await loadWorkingCalendar(db);
  await db.transaction().execute(async (trx) => {
    const { row, relation } = await complaintFor(trx, actor, id);
    const transition = COMPLAINT_TRANSITIONS[input.action];
    assertOn(actor, transition.by === 'supervisor' ? 'complaints.supervise' : 'complaints.handle', relation);
    if (row.version !== input.version) throw conflict('version', STALE);
    const kind = row.kind as ComplaintKind;
    const next = nextComplaintStatus(kind, row.anonymous, row.status as ComplaintStatus, input.action);
    if (!next.ok) throw conflict(next.field, next.reason);
    const rules = rulesFrom(row.rules, kind);
    const set: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    let comment: string | null = input.note?.trim() ? input.note.trim() : null;
    switch (input.action) {
      case 'accept': {
        const date = stepDate(input, row, now);
        const decision = required(
          input.decisionNumber,
          'decisionNumber',
          'Cần số quyết định, thông báo thụ lý',
          'The acceptance decision number is required',
        );
        const clock = resolutionClock(calendar, date, rules, { remote: row.remote_area, extensionDays: [] });
        Object.assign(set, {
          acceptance_met_at: dayStart(date),
          accepted_on: date,
          decision_number: decision,
          resolution_due: new Date(clock.resolutionDue),
        });
        Object.assign(data, { date, decisionNumber: decision, resolutionDue: clock.resolutionDueDate });
        break;
      }
      case 'reject':
      case 'use_as_information': {
        const date = stepDate(input, row, now);
        const reason = required(input.reason, 'reason', 'Cần nêu lý do', 'The reason is required');
        set.acceptance_met_at = dayStart(date);
        Object.assign(data, { date, reason });
        break;
      }
      case 'verify':
        comment = required(input.note, 'note', 'Cần ghi kết quả xác minh', 'The verification notes are required');
        break;
      case 'extend': {
        const reason = required(input.reason, 'reason', 'Cần nêu lý do gia hạn', 'The reason for the extension is required');
        const days = input.days ?? 0;
        const complexity = input.complexity ?? 'complex';
        const check = checkExtension(kind, rules, row.extension_days.length, { days, complexity });
        if (!check.ok) {
          if (check.field === 'count') throw conflict('days', check.reason);
          throw invalid(check.field, check.reason.vi, check.reason.en);
        }
        const extensionDays = [...row.extension_days, days];
        const clock = resolutionClock(calendar, row.accepted_on ?? vietnamDate(new Date(row.received_at)), rules, {
          remote: row.remote_area,
          extensionDays,
        });
        Object.assign(set, { extension_days: extensionDays, resolution_due: new Date(clock.resolutionDue) });
        Object.assign(data, { days, complexity, reason, resolutionDue: clock.resolutionDueDate });
        break;
      }
      case 'resolve': {
        const date = stepDate(input, row, now);
        const outcome = input.outcome;
        if (!outcome || !(COMPLAINT_OUTCOMES[kind] as readonly string[]).includes(outcome)) {
          throw invalid('outcome', 'Kết quả giải quyết không phù hợp với loại đơn', 'The outcome does not fit the kind');
        }
        const decision = required(
          input.decisionNumber,
          'decisionNumber',
          'Cần số quyết định, kết luận',
          'The decision number is required',
        );
        Object.assign(set, { resolution_met_at: dayStart(date), outcome, decision_number: decision });
        Object.assign(data, { date, outcome, decisionNumber: decision });
        break;
      }
      case 'answer': {
        const date = stepDate(input, row, now);
        if (!input.method) throw invalid('method', 'Cần ghi hình thức gửi', 'The method is required');
        set.answered_on = date;
        Object.assign(data, { date, method: input.method });
        break;
      }
      case 'withdraw': {
        const date = stepDate(input, row, now);
        data.date = date;
        break;
      }
      case 'close':
        set.closed_at = now;
        break;
    }
    if (comment && comment.length > COMPLAINT_LIMITS.note) throw invalid('note', 'Ghi chú quá dài', 'The note is too long');
    const updated = await trx
      .updateTable('complaint')
      .set({ ...set, status: next.to, version: row.version + 1, updated_at: now } as never)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw conflict('version', STALE);
    await trx
      .insertInto('complaint_step')
      .values({
        complaint_id: id,
        action: input.action,
        from_status: row.status,
        to_status: next.to,
        actor_id: userIdOf(actor),
        actor_name: actor.displayName,
        data: JSON.stringify(data),
        comment,
      })
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: `complaint_${input.action}`,
      entity: 'complaint',
      entityId: String(id),
      before: { status: row.status },
      after: { status: next.to, ...(input.action === 'extend' ? { days: input.days } : {}) },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// People and the child finder of the intake

/** Who may handle or supervise a complaint of this body (the intake's pickers). */
export async function teamOfBody(db: Kysely<Database>, actor: SessionActor, body: ComplaintIntakeRequest['body']) {
  if (!mayTakeOn(complaintsPermissions, 'complaints.intake', actor, bodyTarget(body))) throw forbidden();
  const rows = await repo.usersOfBody(
    db,
    actor.provinceCode,
    body.kind === 'commune' ? { communeCode: body.id } : { agencyId: body.id },
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    canSupervise: (SUPERVISOR_ROLES as readonly string[]).includes(r.role),
  }));
}
