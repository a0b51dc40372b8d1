import {
  ErrorCode,
  casesPermissions,
  mayTakeOn,
  type CaseServiceDto,
  type ReferralDto,
  type ServiceKind,
  type ServiceStatus,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError, invalid, notFound } from '../errors.ts';
import * as repo from './repository.ts';
import type { ServiceRow } from './repository.ts';
import { assertOnCase, relationOf } from './relation.ts';

/**
 * The services of a case's plan (Điều 29): each with the body responsible and a due date. A service
 * the team gives itself is planned and then done; one given to an agency or another commune is a
 * referral, which that body's users accept or reject (with a reason) and complete with its
 * outcome. The referred body sees that part of the case only (ReferralDto: no name, no facts).
 */

export function serviceDto(s: ServiceRow): CaseServiceDto {
  const bodyKind = s.agency_id ? 'agency' : s.commune_code ? 'commune' : 'team';
  return {
    id: s.id,
    kind: s.kind as ServiceKind,
    description: s.description,
    bodyKind,
    bodyId: s.agency_id ?? s.commune_code,
    bodyName: s.agency_name ?? s.commune_name,
    dueOn: s.due_on,
    status: s.status as ServiceStatus,
    outcome: s.outcome,
    rejectReason: s.reject_reason,
  };
}

export interface ServiceInput {
  kind: ServiceKind;
  description: string | null;
  agencyId: string | null;
  communeCode: string | null;
  dueOn: string | null;
}

export async function addService(
  db: Kysely<Database>,
  actor: SessionActor,
  caseId: number,
  input: ServiceInput,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, actor.provinceCode, caseId);
    if (!row) throw notFound();
    assertOnCase(actor, 'cases.work', await relationOf(trx, actor, row, now));
    if (row.status === 'closed') throw invalid('caseId', 'Hồ sơ đã đóng', 'The case is closed');
    if (input.agencyId && input.communeCode) {
      throw invalid('agencyId', 'Chọn một cơ quan hoặc một xã, không cả hai', 'Choose an agency or a commune, not both');
    }
    if (input.agencyId) {
      const agency = await trx
        .selectFrom('agency')
        .select('id')
        .where('id', '=', input.agencyId)
        .where('province_code', '=', actor.provinceCode)
        .executeTakeFirst();
      if (!agency) throw invalid('agencyId', 'Không có cơ quan này', 'No such agency');
    }
    if (input.communeCode) {
      const commune = await trx
        .selectFrom('commune')
        .select('code')
        .where('code', '=', input.communeCode)
        .where('province_code', '=', actor.provinceCode)
        .executeTakeFirst();
      if (!commune) throw invalid('communeCode', 'Không có xã này trong tỉnh', 'No such commune in the province');
    }
    // a service given by the case's own commune is the team's, not a referral
    const communeCode = input.communeCode === row.commune_code ? null : input.communeCode;
    const referred = Boolean(input.agencyId ?? communeCode);
    const inserted = await trx
      .insertInto('child_case_service')
      .values({
        case_id: caseId,
        kind: input.kind,
        description: input.description,
        agency_id: input.agencyId,
        commune_code: communeCode,
        due_on: input.dueOn,
        status: referred ? 'referred' : 'planned',
        referred_at: referred ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActorOf(actor), {
      action: referred ? 'case_refer' : 'case_service',
      entity: 'child_case',
      entityId: String(caseId),
      after: { service: inserted.id, kind: input.kind, agency: input.agencyId, commune: communeCode },
    });
    return { id: inserted.id };
  });
}

export type ServiceResponse = { kind: 'accept' } | { kind: 'reject'; reason: string } | { kind: 'done'; outcome: string };

const RESPONSE_FROM: Record<ServiceResponse['kind'], readonly ServiceStatus[]> = {
  accept: ['referred'],
  reject: ['referred'],
  done: ['accepted', 'planned'],
};

/**
 * A referred body answers: accepts, rejects with a reason, or completes with the outcome. A service
 * of the team's own (planned) is completed by the assigned worker.
 */
export async function respondToService(
  db: Kysely<Database>,
  actor: SessionActor,
  serviceId: number,
  response: ServiceResponse,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const service = await repo.findService(trx, actor.provinceCode, serviceId);
    if (!service) throw notFound();
    const ownService = service.agency_id === null && service.commune_code === null;
    const row = await repo.findCase(trx, actor.provinceCode, service.case_id);
    if (!row) throw notFound();
    if (ownService) {
      assertOnCase(actor, 'cases.work', await relationOf(trx, actor, row, now));
    } else {
      const body =
        (service.agency_id !== null && service.agency_id === actor.agencyId) ||
        (service.commune_code !== null && service.commune_code === actor.communeCode);
      const relation = { assigned: false, supervisor: false, intake: false, referred: body, granted: false };
      if (!mayTakeOn(casesPermissions, 'cases.referral', actor, { caseRelation: relation })) throw notFound();
    }
    if (!RESPONSE_FROM[response.kind].includes(service.status as ServiceStatus)) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'status',
        detail: {
          vi: `Dịch vụ đang ở trạng thái "${service.status}", không thể thực hiện thao tác này`,
          en: `The service is "${service.status}": this cannot be done now`,
        },
      });
    }
    const set =
      response.kind === 'accept'
        ? { status: 'accepted', responded_at: now, responded_by: userIdOf(actor) }
        : response.kind === 'reject'
          ? { status: 'rejected', reject_reason: response.reason, responded_at: now, responded_by: userIdOf(actor) }
          : { status: 'done', outcome: response.outcome, done_at: now };
    await trx
      .updateTable('child_case_service')
      .set(set as never)
      .where('id', '=', serviceId)
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: `case_service_${response.kind}`,
      entity: 'child_case',
      entityId: String(service.case_id),
      before: { service: serviceId, status: service.status },
      after: { service: serviceId, status: set.status },
    });
  });
}

export async function referralsFor(db: Kysely<Database>, actor: SessionActor, now = new Date()): Promise<ReferralDto[]> {
  const rows = await repo.referralsTo(db, actor.provinceCode, { agencyId: actor.agencyId, communeCode: actor.communeCode });
  return rows.map((r) => ({
    serviceId: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    communeName: r.commune_name,
    kind: r.kind as ServiceKind,
    description: r.description,
    dueOn: r.due_on,
    status: r.status as ServiceStatus,
    outcome: r.outcome,
    rejectReason: r.reject_reason,
    childSex: r.sex,
    childAge: ageOn(r.birth_date, now),
    referredAt: r.referred_at ? new Date(r.referred_at).toISOString() : new Date(0).toISOString(),
  }));
}

function ageOn(birth: string, now: Date): number {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  let years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) years--;
  return Math.max(0, years);
}
