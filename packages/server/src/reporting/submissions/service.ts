import {
  ErrorCode,
  actionsFrom,
  contentChanges,
  mayTakeOn,
  missingFigures,
  refusalParams,
  reportingPermissions,
  timelinessOf,
  type ReportingAction,
  type SubmissionAction,
  type SubmissionContent,
  type SubmissionDto,
  type SubmissionState,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TreError, forbidden, notFound } from '../../errors.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { getRound } from '../rounds/service.ts';
import type { RoundRow } from '../rounds/repository.ts';
import { bodyFigures, bodyOf, bodyTasks, contentOf, type Body } from './content.ts';
import * as repo from './repository.ts';

/** Which of the reporting table's actions the caller may take on this body's submission. */
export function mayOn(actor: SessionActor, action: ReportingAction, body: { kind: string; code: string }): boolean {
  const target = body.kind === 'agency' ? { agencyId: body.code } : { communeCode: body.code };
  return mayTakeOn(reportingPermissions, action, actor, target);
}

export function assertMayOn(actor: SessionActor, action: ReportingAction, body: { kind: string; code: string }): void {
  if (!mayOn(actor, action, body)) throw forbidden();
}

/**
 * The round and the body owing it, or 404 (the body does not owe this round). The caller's reach
 * is checked first, from the code's shape (five digits: a commune; else an agency's id), so that a
 * body refused another's report gets the same 403 whether that other owes the round or not.
 */
export async function roundAndBody(
  db: Kysely<Database> | Transaction<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
  action: ReportingAction = 'submissions.read',
) {
  assertMayOn(actor, action, { kind: /^\d{5}$/.test(unitCode) ? 'commune' : 'agency', code: unitCode });
  const round = await getRound(db, actor.provinceCode, roundId);
  const owed = await repo.findRoundBody(db, roundId, unitCode);
  if (!owed) throw notFound({ vi: 'đơn vị trong đợt báo cáo', en: 'Body of the round' });
  return { round, owed };
}

export function refuse(state: SubmissionState, action: SubmissionAction): TreError {
  return new TreError(ErrorCode.SubmissionState, { field: 'state', params: refusalParams(state, action) });
}

const ACTION_PERMISSION: Record<SubmissionAction, ReportingAction> = {
  save: 'submissions.edit',
  submit: 'submissions.edit',
  return: 'submissions.review',
  accept: 'submissions.review',
  reopen: 'submissions.review',
};

/** A body's submission for a round, prefilled, with what the caller may do with it. */
export async function readSubmission(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
): Promise<SubmissionDto> {
  const { round, owed } = await roundAndBody(db, actor, roundId, unitCode);
  assertMayOn(actor, 'submissions.read', { kind: owed.unit_kind, code: owed.unit_code });
  const body = await bodyOf(db, actor.provinceCode, owed.unit_kind, owed.unit_code);
  return submissionDto(db, actor, round, body, await repo.findSubmission(db, roundId, unitCode));
}

async function submissionDto(
  db: Kysely<Database>,
  actor: SessionActor,
  round: RoundRow,
  body: Body,
  row: repo.SubmissionRow | undefined,
): Promise<SubmissionDto> {
  const figures = await bodyFigures(db, actor, body, round.period);
  const tasks = await bodyTasks(db, actor.provinceCode, round.plan_id, body, round.period);
  const narrative = (row?.narrative ?? {}) as SubmissionContent['narrative'];
  const explanations = (row?.explanations ?? {}) as Record<string, string>;
  const content = contentOf(narrative, explanations, figures, tasks);
  const state: SubmissionState | 'missing' = row?.state ?? 'missing';
  const timeliness = row?.first_submitted_at ? timelinessOf(row.first_submitted_at, round.deadline) : null;
  const names = new Map<string, string>([
    ...figures.elements.map((e) => [`figure:${e.code}`, e.name.vi] as const),
    ...tasks.map((t) => [`task:${t.taskId}`, `${t.path ?? ''} ${t.text.slice(0, 80)}`.trim()] as const),
  ]);
  const versions = row ? await repo.lastVersions(db, row.id) : [];
  const [latest, previous] = versions;
  const changes =
    latest && previous
      ? contentChanges(previous.content as SubmissionContent, latest.content as SubmissionContent, (t) => names.get(t) ?? t)
      : [];
  const comments = row ? await repo.listComments(db, row.id) : [];
  const may = actionsFrom(state === 'missing' ? 'draft' : state).filter((a) => mayOn(actor, ACTION_PERMISSION[a], body));
  return {
    id: row?.id ?? null,
    roundId: round.id,
    roundTitle: round.title,
    period: round.period,
    deadline: round.deadline,
    unitKind: body.kind,
    unitCode: body.code,
    unitName: body.name,
    state,
    version: row?.version ?? 0,
    narrative,
    explanations,
    figures,
    missingFigures: missingFigures(
      figures.elements.map((e) => e.code),
      content.figures,
      explanations,
    ),
    tasks,
    comments: comments.map((c) => ({
      id: String(c.id),
      version: c.version,
      action: c.action,
      target: c.target,
      text: c.text,
      author: c.author_name,
      createdAt: c.created_at.toISOString(),
    })),
    changes,
    firstSubmittedAt: row?.first_submitted_at?.toISOString() ?? null,
    lastSubmittedAt: row?.last_submitted_at?.toISOString() ?? null,
    onTime: timeliness?.onTime ?? null,
    daysLate: timeliness?.daysLate ?? null,
    submittedAfterClose: row?.submitted_after_close ?? false,
    locked: state === 'accepted',
    actions: may,
  };
}

/** Re-reads the submission after a change, as the caller sees it. */
export async function afterChange(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
): Promise<SubmissionDto> {
  return readSubmission(db, actor, roundId, unitCode);
}
