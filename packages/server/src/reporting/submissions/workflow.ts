import {
  ErrorCode,
  isEditable,
  nextState,
  type ReopenSubmissionRequest,
  type ReturnSubmissionRequest,
  type SaveSubmissionRequest,
  type SubmissionAction,
  type SubmissionDto,
  type SubmissionState,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TreError, invalid } from '../../errors.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { lockFigures, unlockFigures } from '../../indicators/locks-repository.ts';
import { bodyFigures, bodyOf, bodyTasks, contentOf } from './content.ts';
import * as repo from './repository.ts';
import { notify } from './notices.ts';
import { afterChange, assertMayOn, refuse, roundAndBody } from './service.ts';
import { missingFigures } from '@tre/core';

/**
 * The transitions of a submission (core submission-state.ts), each in one transaction with the row
 * locked, its audit row and, for accept and reopen, the figures' lock. Who may take each is the
 * permission table's: the body edits and sends its own, the standing body returns, accepts, reopens.
 */
type Trx = Transaction<Database>;

async function step(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
  action: SubmissionAction,
  apply: (
    trx: Trx,
    ctx: Awaited<ReturnType<typeof roundAndBody>> & { row: repo.SubmissionRow | undefined; to: SubmissionState },
  ) => Promise<void>,
): Promise<SubmissionDto> {
  await db.transaction().execute(async (trx) => {
    const permission = action === 'save' || action === 'submit' ? 'submissions.edit' : 'submissions.review';
    const ctx = await roundAndBody(trx, actor, roundId, unitCode, permission);
    assertMayOn(actor, permission, {
      kind: ctx.owed.unit_kind,
      code: ctx.owed.unit_code,
    });
    const row = await repo.lockSubmission(trx, roundId, unitCode);
    const t = nextState(row?.state ?? 'draft', action);
    if (!t.ok) throw refuse(t.state, action);
    await apply(trx, { ...ctx, row, to: t.state });
  });
  return afterChange(db, actor, roundId, unitCode);
}

/** The body's own row, made on its first save. */
async function ensureRow(
  trx: Trx,
  actor: SessionActor,
  roundId: string,
  owed: { unit_kind: 'agency' | 'commune'; unit_code: string },
  row: repo.SubmissionRow | undefined,
) {
  return (
    row ??
    repo.insertSubmission(trx, {
      round_id: roundId,
      unit_kind: owed.unit_kind,
      unit_code: owed.unit_code,
      state: 'draft',
      updated_by: userIdOf(actor),
      narrative: '{}',
      explanations: '{}',
    })
  );
}

const stripEmpty = (r: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v !== undefined && v.trim() !== '' ? [[k, v.trim()]] : [])));

export async function saveSubmission(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
  req: SaveSubmissionRequest,
) {
  return step(db, actor, roundId, unitCode, 'save', async (trx, { owed, row }) => {
    const current = await ensureRow(trx, actor, roundId, owed, row);
    if (!isEditable(current.state)) throw refuse(current.state, 'save');
    const narrative = stripEmpty(req.narrative);
    const explanations = stripEmpty(req.explanations);
    await repo.updateSubmission(trx, current.id, {
      narrative: JSON.stringify(narrative),
      explanations: JSON.stringify(explanations),
      updated_by: userIdOf(actor),
      updated_at: new Date(),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'submission',
      entityId: current.id,
      before: { narrative: current.narrative, explanations: current.explanations },
      after: { narrative, explanations },
    });
  });
}

export async function submitSubmission(db: Kysely<Database>, actor: SessionActor, roundId: string, unitCode: string) {
  return step(db, actor, roundId, unitCode, 'submit', async (trx, { round, owed, row, to }) => {
    const current = await ensureRow(trx, actor, roundId, owed, row);
    const body = await bodyOf(trx, actor.provinceCode, owed.unit_kind, owed.unit_code);
    const figures = await bodyFigures(trx, actor, body, round.period);
    const tasks = await bodyTasks(trx, actor.provinceCode, round.plan_id, body, round.period);
    const content = contentOf(current.narrative as never, current.explanations as Record<string, string>, figures, tasks);
    const missing = missingFigures(
      figures.elements.map((e) => e.code),
      content.figures,
      content.explanations,
    );
    if (missing.length > 0) {
      throw new TreError(ErrorCode.SubmissionIncomplete, {
        field: `explanations.${missing[0] ?? ''}`,
        params: { count: missing.length, fields: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '') },
      });
    }
    const now = new Date();
    const version = current.version + 1;
    await repo.insertVersion(trx, {
      submission_id: current.id,
      version,
      submitted_by: userIdOf(actor),
      content: JSON.stringify(content),
    });
    await repo.updateSubmission(trx, current.id, {
      state: to,
      version,
      first_submitted_at: current.first_submitted_at ?? now,
      last_submitted_at: now,
      // accepted and marked: a body that sends after the round was closed is still heard
      submitted_after_close: current.submitted_after_close || round.closed_at !== null,
      updated_by: userIdOf(actor),
      updated_at: now,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'submit',
      entity: 'submission',
      entityId: current.id,
      before: { state: current.state, version: current.version },
      after: { state: to, version },
    });
    await notify(trx, actor, round, body, 'submitted');
  });
}

const COMMENT_TARGET = /^(whole|section:(results|limitations|nextSteps|proposals)|figure:[A-Z0-9_]+|task:[0-9a-f-]{36})$/;

export async function returnSubmission(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
  req: ReturnSubmissionRequest,
) {
  const comments = req.comments.filter((c) => c.text.trim() !== '');
  if (comments.length === 0) {
    throw invalid('comments', 'Trả lại báo cáo cần ít nhất một ý kiến', 'Returning a report needs at least one comment');
  }
  comments.forEach((c, i) => {
    if (!COMMENT_TARGET.test(c.target))
      throw invalid(`comments.${i}.target`, `Không rõ ý kiến về phần nào: ${c.target}`, `Unknown comment target: ${c.target}`);
  });
  return step(db, actor, roundId, unitCode, 'return', async (trx, { round, owed, row, to }) => {
    if (!row) throw refuse('draft', 'return');
    await repo.updateSubmission(trx, row.id, { state: to, updated_by: userIdOf(actor), updated_at: new Date() });
    await repo.insertComments(
      trx,
      comments.map((c) => ({
        submission_id: row.id,
        version: row.version,
        action: 'return' as const,
        target: c.target,
        text: c.text.trim(),
        author: userIdOf(actor),
        author_name: actor.displayName,
      })),
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'return',
      entity: 'submission',
      entityId: row.id,
      before: { state: row.state },
      after: { state: to, comments: comments.length },
    });
    await notify(
      trx,
      actor,
      round,
      await bodyOf(trx, actor.provinceCode, owed.unit_kind, owed.unit_code),
      'returned',
      comments.length,
    );
  });
}

export async function acceptSubmission(db: Kysely<Database>, actor: SessionActor, roundId: string, unitCode: string) {
  return step(db, actor, roundId, unitCode, 'accept', async (trx, { round, owed, row, to }) => {
    if (!row) throw refuse('draft', 'accept');
    const now = new Date();
    await repo.updateSubmission(trx, row.id, {
      state: to,
      accepted_at: now,
      accepted_by: userIdOf(actor),
      updated_by: userIdOf(actor),
      updated_at: now,
    });
    // the figures become official: the indicators module refuses to change them from now on
    await lockFigures(trx, {
      provinceCode: actor.provinceCode,
      unitCode: row.unit_code,
      period: round.period,
      roundId,
      userId: userIdOf(actor),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'accept',
      entity: 'submission',
      entityId: row.id,
      before: { state: row.state },
      after: { state: to, version: row.version, figuresLocked: `${row.unit_code}/${round.period}` },
    });
    await notify(trx, actor, round, await bodyOf(trx, actor.provinceCode, owed.unit_kind, owed.unit_code), 'accepted');
  });
}

export async function reopenSubmission(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  unitCode: string,
  req: ReopenSubmissionRequest,
) {
  const reason = req.reason.trim();
  if (reason.length < 5)
    throw invalid('reason', 'Hãy ghi lý do mở lại (ít nhất 5 ký tự)', 'Give the reason for reopening (at least 5 characters)');
  return step(db, actor, roundId, unitCode, 'reopen', async (trx, { round, owed, row, to }) => {
    if (!row) throw refuse('draft', 'reopen');
    await repo.updateSubmission(trx, row.id, {
      state: to,
      accepted_at: null,
      accepted_by: null,
      updated_by: userIdOf(actor),
      updated_at: new Date(),
    });
    await unlockFigures(trx, { provinceCode: actor.provinceCode, unitCode: row.unit_code, period: round.period, roundId });
    await repo.insertComments(trx, [
      {
        submission_id: row.id,
        version: row.version,
        action: 'reopen',
        target: 'whole',
        text: reason,
        author: userIdOf(actor),
        author_name: actor.displayName,
      },
    ]);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'reopen',
      entity: 'submission',
      entityId: row.id,
      before: { state: row.state, figuresLocked: true },
      after: { state: to, reason, figuresLocked: false },
    });
    await notify(trx, actor, round, await bodyOf(trx, actor.provinceCode, owed.unit_kind, owed.unit_code), 'reopened');
  });
}
