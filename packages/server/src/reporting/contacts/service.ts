import {
  mayTakeOn,
  reportingPermissions,
  type ReportingContactDto,
  type ReportingContactListReply,
  type ReportingContactRequest,
} from '@tre/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import type { Database, ReportingContactTable } from '../../db/schema.ts';
import { forbidden, notFound } from '../../errors.ts';
import * as units from '../../units/repository.ts';
import * as repo from './repository.ts';

type UnitKind = ReportingContactTable['unit_kind'];

function toDto(unitKind: UnitKind, row: repo.ContactListRow): ReportingContactDto {
  return {
    unitKind,
    unitCode: row.unit_code,
    name: row.name,
    email: row.email,
    headName: row.head_name,
    headEmail: row.head_email,
    escalateAfterDays: row.escalate_after_days,
    updatedAt: row.updated_at ? row.updated_at.toISOString() : null,
  };
}

/** Every agency, then every commune, of the actor's province, with where its reminders go. */
export async function listContacts(db: Kysely<Database>, actor: SessionActor): Promise<ReportingContactListReply> {
  const agencies = await repo.agenciesWithContacts(db, actor.provinceCode);
  const communes = await repo.communesWithContacts(db, actor.provinceCode);
  return { items: [...agencies.map((r) => toDto('agency', r)), ...communes.map((r) => toDto('commune', r))] };
}

/** The body's name, if it is an agency or a commune of the province. */
async function bodyName(db: Kysely<Database>, provinceCode: string, unitKind: UnitKind, unitCode: string) {
  if (unitKind === 'agency') {
    // an agency is named by its uuid; anything else is no agency (and would not cast)
    if (!z.uuid().safeParse(unitCode).success) return undefined;
    return (await units.findAgency(db, provinceCode, unitCode))?.short_name;
  }
  const commune = await units.findCommune(db, unitCode);
  return commune?.province_code === provinceCode ? commune.name : undefined;
}

/** Sets a body's contact (all four fields, null where none), audited in the same transaction. */
export async function setContact(
  db: Kysely<Database>,
  actor: SessionActor,
  unitKind: UnitKind,
  unitCode: string,
  req: ReportingContactRequest,
): Promise<ReportingContactDto> {
  const name = await bodyName(db, actor.provinceCode, unitKind, unitCode);
  if (name === undefined) throw notFound({ vi: 'đơn vị báo cáo', en: 'Reporting body' });
  const target = unitKind === 'agency' ? { agencyId: unitCode } : { communeCode: unitCode };
  if (!mayTakeOn(reportingPermissions, 'rounds.manage', actor, target)) throw forbidden();
  const key = [actor.provinceCode, unitKind, unitCode] as const;
  const after = await db.transaction().execute(async (trx) => {
    const before = await repo.findContact(trx, ...key);
    await repo.upsertContact(trx, {
      province_code: actor.provinceCode,
      unit_kind: unitKind,
      unit_code: unitCode,
      email: req.email,
      head_name: req.headName,
      head_email: req.headEmail,
      escalate_after_days: req.escalateAfterDays,
    });
    const row = await repo.findContact(trx, ...key);
    await recordAudit(trx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entity: 'reporting_contact',
      entityId: `${unitKind}:${unitCode}`,
      before,
      after: row,
    });
    return row;
  });
  if (!after) throw new Error('reporting_contact: the row just written is missing');
  return toDto(unitKind, { ...after, name });
}
