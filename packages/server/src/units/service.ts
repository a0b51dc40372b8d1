import { ErrorCode, cleanText } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import * as repo from './repository.ts';
import { SETTING_STANDING_BODY } from './seed.ts';

export async function getCommune(db: Kysely<Database>, code: string) {
  const commune = await repo.findCommune(db, code);
  if (!commune) throw notFound({ vi: `xã, phường mã ${code}`, en: `Commune ${code}` });
  return { ...commune, predecessors: await repo.listPredecessors(db, code) };
}

export interface AgencyInput {
  kind: 'department' | 'mass_organisation' | 'committee' | 'sector' | 'other';
  shortName: string;
  fullName: string;
  aliases: string[];
  active?: boolean | undefined;
}

/** Names are stored in NFC: the HTTP text guard normalises requests, and this holds for any other caller too. */
const cleanName = (name: string) => cleanText(name.trim());

function cleanAliases(aliases: string[]): string[] {
  return [...new Set(aliases.map(cleanName).filter((a) => a !== ''))];
}

async function assertShortNameFree(db: Kysely<Database>, provinceCode: string, shortName: string, exceptId?: string) {
  const name = cleanName(shortName);
  const other = await repo.findAgencyByShortName(db, provinceCode, name);
  if (other && other.id !== exceptId) {
    throw new TreError(ErrorCode.Conflict, {
      field: 'shortName',
      detail: { vi: `Đã có cơ quan tên "${name}"`, en: `An agency named "${name}" exists` },
    });
  }
}

export async function createAgency(db: Kysely<Database>, actor: SessionActor, input: AgencyInput) {
  await assertShortNameFree(db, actor.provinceCode, input.shortName);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertAgency(trx, actor.provinceCode, {
      kind: input.kind,
      short_name: cleanName(input.shortName),
      full_name: cleanName(input.fullName),
      aliases: cleanAliases(input.aliases),
      active: input.active ?? true,
    });
    await recordAudit(trx, auditActorOf(actor), { action: 'create', entity: 'agency', entityId: row.id, after: row });
    return row;
  });
}

export async function updateAgency(db: Kysely<Database>, actor: SessionActor, id: string, patch: Partial<AgencyInput>) {
  const before = await repo.findAgency(db, actor.provinceCode, id);
  if (!before) throw notFound({ vi: 'cơ quan', en: 'Agency' });
  if (patch.shortName) await assertShortNameFree(db, actor.provinceCode, patch.shortName, id);
  if (patch.active === false && (await getStandingBodyId(db, actor.provinceCode)) === id) {
    throw invalid('active', 'Không thể ngừng cơ quan đang là cơ quan thường trực', 'The standing body cannot be deactivated');
  }
  return db.transaction().execute(async (trx) => {
    const after = await repo.updateAgency(trx, id, {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.shortName ? { short_name: cleanName(patch.shortName) } : {}),
      ...(patch.fullName ? { full_name: cleanName(patch.fullName) } : {}),
      ...(patch.aliases ? { aliases: cleanAliases(patch.aliases) } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    await recordAudit(trx, auditActorOf(actor), { action: 'update', entity: 'agency', entityId: id, before, after });
    return after;
  });
}

export async function getStandingBodyId(db: Kysely<Database>, provinceCode: string): Promise<string | null> {
  const value = await repo.findSetting(db, provinceCode, SETTING_STANDING_BODY);
  return typeof value === 'string' ? value : null;
}

/** Which agency is the standing body for child affairs is configuration (Sở Y tế since 2025). */
export async function setStandingBody(db: Kysely<Database>, actor: SessionActor, agencyId: string) {
  const agency = await repo.findAgency(db, actor.provinceCode, agencyId);
  if (!agency || !agency.active) {
    throw invalid('agencyId', 'Cơ quan không tồn tại hoặc đã ngừng hoạt động', 'No such active agency');
  }
  const before = await getStandingBodyId(db, actor.provinceCode);
  await db.transaction().execute(async (trx) => {
    await repo.upsertSetting(trx, actor.provinceCode, SETTING_STANDING_BODY, agencyId);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'setting',
      entityId: SETTING_STANDING_BODY,
      before: { agency_id: before },
      after: { agency_id: agencyId },
    });
  });
  return agency;
}
