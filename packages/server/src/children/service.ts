import {
  ErrorCode,
  childrenPermissions,
  mayTakeOn,
  scopeOf,
  vietnamDate,
  type ChildDto,
  type ChildSummaryDto,
  type ChildrenAction,
  type CircumstanceGroup,
  type Schooling,
} from '@tre/core';
import { maskPersonalId } from '@tre/core/children/personal-id';
import { childNameKey } from '@tre/core/children/name-key';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError, forbidden, notFound } from '../errors.ts';
import type { SessionActor } from '../audit/session-actor.ts';
import { activeBirthCutoff, isActiveChild } from './dates.ts';
import * as repo from './repository.ts';

/**
 * Reading the children register. Every rule of who reaches what is the permission table's
 * (core children/permissions.ts): a commune officer's lists are their commune's whatever they ask,
 * a record of another commune is "not found" to them (its existence is not told), and a role that
 * reaches every commune opens a record only with a stated reason, kept in the read log.
 */

const childNotFound = () => notFound({ vi: 'hồ sơ trẻ em', en: 'Child record' });

/** Refuses an actor whose role may not take the action anywhere. */
export function assertMay(actor: SessionActor, action: ChildrenAction): void {
  if (!scopeOf(childrenPermissions, action, actor)) throw forbidden();
}

/** The commune a list is confined to: the actor's own for a commune-scoped role, whatever was asked. */
export function communeScopeOf(actor: SessionActor, action: ChildrenAction, asked: string | undefined): string | undefined {
  const scope = scopeOf(childrenPermissions, action, actor);
  if (!scope) throw forbidden();
  if (scope === 'own_commune') {
    if (asked !== undefined && asked !== actor.communeCode) throw forbidden();
    return actor.communeCode ?? '\u0000';
  }
  return asked;
}

export interface ListQuery {
  q?: string | undefined;
  commune?: string | undefined;
  birthYear?: number | undefined;
  group?: CircumstanceGroup | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

/** What a search text asks: a 12-digit personal ID, or words of a name (diacritics and case aside). */
export function readSearchText(q: string | undefined): { personalId?: string; words?: string[] } {
  const text = (q ?? '').trim();
  if (text === '') return {};
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(digits)) return { personalId: digits };
  const words = childNameKey(text).split(' ').filter(Boolean).slice(0, 6);
  return words.length > 0 ? { words } : {};
}

export async function listChildren(db: Kysely<Database>, actor: SessionActor, query: ListQuery, now = new Date()) {
  const communeCode = communeScopeOf(actor, 'children.read', query.commune);
  const today = vietnamDate(now);
  const rows = await repo.listChildren(db, {
    ...readSearchText(query.q),
    communeCode,
    birthYear: query.birthYear,
    group: query.group,
    includeInactive: query.includeInactive,
    activeAfter: activeBirthCutoff(today),
    limit: query.limit,
    offset: query.offset,
  });
  return rows.map((r) => childSummary(r, today));
}

/** A record as lists show it (the register, the duplicate review): its personal ID masked. */
export function childSummary(
  r: {
    id: number;
    full_name: string;
    birth_date: string;
    sex: 'male' | 'female';
    commune_code: string;
    commune_name: string;
    personal_id: string | null;
    groups: string[] | null;
    verification?: string | null;
  },
  today: string,
): ChildSummaryDto {
  return {
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    sex: r.sex,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    personalIdMasked: r.personal_id ? maskPersonalId(r.personal_id) : null,
    groups: (r.groups ?? []) as CircumstanceGroup[],
    active: isActiveChild(r.birth_date, today),
    verification: (r.verification as ChildSummaryDto['verification'] | undefined) ?? null,
  };
}

/** A record the actor may take the action on, or NOT_FOUND (a record out of reach is not told apart from none). */
export async function getChildRow(db: Kysely<Database>, actor: SessionActor, action: ChildrenAction, id: number) {
  const row = await repo.findChild(db, id);
  if (!row || !mayTakeOn(childrenPermissions, action, actor, { communeCode: row.commune_code })) throw childNotFound();
  return row;
}

/** Whether opening this record needs a reason: it is not the actor's own commune's (a role that reaches them all). */
export function needsReason(actor: SessionActor, communeCode: string): boolean {
  return actor.communeCode !== communeCode;
}

export async function readChild(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  reason: string | undefined,
  now = new Date(),
): Promise<ChildDto> {
  const row = await getChildRow(db, actor, 'children.read', id);
  if (needsReason(actor, row.commune_code) && (reason ?? '').trim().length < 5) throw new TreError(ErrorCode.ReasonRequired);
  const merged = await repo.mergedInto(db, id);
  const ids = [id, ...merged];
  const [groups, history, verifications] = await Promise.all([
    repo.groupsOf(db, [id]),
    repo.historyOf(db, ids),
    repo.verificationsOf(db, id),
  ]);
  const today = vietnamDate(now);
  return {
    id: row.id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    ethnicity: row.ethnicity,
    ethnicityListed: row.ethnicity_listed,
    personalId: row.personal_id,
    birthRegistered: row.birth_registered,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    address: row.address,
    motherName: row.mother_name,
    fatherName: row.father_name,
    carerName: row.carer_name,
    phone: row.phone,
    disability: row.disability,
    schooling: row.schooling as Schooling | null,
    active: isActiveChild(row.birth_date, today),
    mergedInto: row.merged_into === null ? null : row.merged_into,
    version: row.version,
    // a record made from a case report was typed on the intake screen: said so, since "from a case"
    // would tell every reader of the register that the child has a child-protection case
    source: {
      kind: row.source_kind === 'case' ? 'screen' : row.source_kind,
      file: row.source_file,
      row: row.source_row,
      jobId: row.source_job_id,
    },
    groups: groups.map((g) => ({
      id: g.id,
      group: g.grp as CircumstanceGroup,
      startedOn: g.started_on,
      endedOn: g.ended_on,
      support: g.support,
    })),
    history: history.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actorName: h.actor_name,
      action: h.action,
      changes: h.changes as Record<string, [unknown, unknown]>,
      childId: h.child_id,
    })),
    verifications: verifications.map((v) => ({
      id: v.id,
      checkedAt: v.checked_at.toISOString(),
      status: v.status,
      mismatches: v.mismatches as string[],
      residence: v.residence as ChildDto['verifications'][number]['residence'],
    })),
  };
}
